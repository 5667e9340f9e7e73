/**
 * When to try a LaunchDarkly request again, and how long to wait first. Pure: the clock and the
 * randomness are passed in.
 *
 * - 429: a wait LaunchDarkly asks for (`Retry-After`, seconds or an HTTP date, else
 *   `X-Ratelimit-Reset`, epoch ms) is taken at its word: waited out in full when it fits in what
 *   is left of `maxTotalWaitMs` (max-retry-wait), else not waited at all, and the request is not
 *   sent early: the caller says when to run again. Without either header, back off exponentially.
 * - 5xx, connection errors, timeouts: exponential backoff with "equal jitter".
 * - Every wait gets jitter, so runs that share the account's limit do not retry in lockstep.
 */

export interface RetryPolicy {
  maxAttempts: number
  /** The most one request may spend waiting between its attempts (max-retry-wait). */
  maxTotalWaitMs: number
  timeoutMs: number
  baseDelayMs: number
  maxDelayMs: number
  /** The most the client slows down for a rate limit that answers have said is spent. */
  maxRateLimitWaitMs: number
}

export const DEFAULT_POLICY: RetryPolicy = {
  maxAttempts: 5,
  maxTotalWaitMs: 120_000,
  timeoutMs: 30_000,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
  maxRateLimitWaitMs: 60_000
}

export type Failure =
  | { kind: 'rate-limited'; retryAfter?: string; reset?: string }
  | { kind: 'server'; status: number }
  | { kind: 'network'; code: string }
  | { kind: 'timeout' }
  | { kind: 'bad-body'; detail: string }

/** What to do after a failed attempt. */
export type Decision =
  | { retry: true; delayMs: number }
  /** No attempts left, or the backoff would pass max-retry-wait. */
  | { retry: false; reason: 'exhausted' }
  /** LaunchDarkly asked for a wait longer than max-retry-wait allows: come back at `untilMs`. */
  | { retry: false; reason: 'asked'; untilMs: number }

/**
 * After attempt `attempt` (from 1) failed with `failure`, `waitedMs` having been spent waiting
 * so far: wait and retry, or stop.
 */
export function decide(
  failure: Failure,
  attempt: number,
  waitedMs: number,
  policy: RetryPolicy,
  now: number,
  random: () => number
): Decision {
  const room = policy.maxTotalWaitMs - waitedMs
  const told = failure.kind === 'rate-limited' ? rateLimitWait(failure, now) : undefined
  if (told !== undefined && told > room)
    return { retry: false, reason: 'asked', untilMs: now + told }
  if (attempt >= policy.maxAttempts) return { retry: false, reason: 'exhausted' }
  if (told !== undefined) {
    const jitter = random() * Math.min(told * 0.25 + 100, 2_000)
    return { retry: true, delayMs: Math.min(told + jitter, room) }
  }
  const delay = backoffDelay(attempt, policy, random)
  return delay > room ? { retry: false, reason: 'exhausted' } : { retry: true, delayMs: delay }
}

/** Exponential backoff with equal jitter, capped at maxDelayMs. `attempt` counts from 1. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return exponential / 2 + (random() * exponential) / 2
}

/**
 * The wait LaunchDarkly asked for, in milliseconds (0 for a time already past); undefined when it
 * said nothing usable.
 */
export function rateLimitWait(
  headers: { retryAfter?: string; reset?: string },
  now: number
): number | undefined {
  const retryAfter = headers.retryAfter?.trim()
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000
    const date = Date.parse(retryAfter)
    if (!Number.isNaN(date)) return Math.max(0, date - now)
  }
  const reset = headers.reset?.trim()
  if (reset && /^\d+$/.test(reset)) return Math.max(0, Number(reset) - now)
  return undefined
}

export function describeFailure(failure: Failure): string {
  switch (failure.kind) {
    case 'rate-limited':
      return '429 rate limited'
    case 'server':
      return `HTTP ${failure.status}`
    case 'network':
      return `connection error ${failure.code}`
    case 'timeout':
      return 'no answer before the timeout'
    case 'bad-body':
      return `an answer that does not match the API (${failure.detail})`
  }
}

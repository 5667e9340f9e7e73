/**
 * When to try a LaunchDarkly request again, and how long to wait first. Pure: the clock and the
 * randomness are passed in.
 *
 * - 429: wait `Retry-After` (seconds or an HTTP date), else until `X-Ratelimit-Reset` (epoch ms),
 *   clamped to [0, maxRateLimitWaitMs] so a reset in the past or absurdly far cannot stall us;
 *   without either header, back off exponentially.
 * - 5xx, connection errors, timeouts: exponential backoff with "equal jitter".
 * - Every wait gets jitter, so runs that share the account's limit do not retry in lockstep.
 */

export interface RetryPolicy {
  maxAttempts: number
  maxTotalWaitMs: number
  timeoutMs: number
  baseDelayMs: number
  maxDelayMs: number
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

/** Milliseconds to wait before the next attempt, jitter included. `attempt` counts from 1. */
export function retryDelay(
  failure: Failure,
  attempt: number,
  policy: RetryPolicy,
  now: number,
  random: () => number
): number {
  if (failure.kind === 'rate-limited') {
    const told = rateLimitWait(failure, now, policy)
    if (told !== undefined) return told + random() * Math.min(told * 0.25 + 100, 2_000)
  }
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1))
  return exponential / 2 + (random() * exponential) / 2
}

/** The wait LaunchDarkly asked for, clamped; undefined when it said nothing usable. */
export function rateLimitWait(
  headers: { retryAfter?: string; reset?: string },
  now: number,
  policy: Pick<RetryPolicy, 'maxRateLimitWaitMs'>
): number | undefined {
  const clamp = (ms: number): number => Math.min(Math.max(ms, 0), policy.maxRateLimitWaitMs)
  const retryAfter = headers.retryAfter?.trim()
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return clamp(Number(retryAfter) * 1000)
    const date = Date.parse(retryAfter)
    if (!Number.isNaN(date)) return clamp(date - now)
  }
  const reset = headers.reset?.trim()
  if (reset && /^\d+$/.test(reset)) return clamp(Number(reset) - now)
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

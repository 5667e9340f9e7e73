import { describe, expect, it } from '@jest/globals'
import {
  backoffDelay,
  decide,
  DEFAULT_POLICY,
  rateLimitWait,
  type RetryPolicy
} from '../src/launchdarkly/retry.js'

const NOW = 1_800_000_000_000
const none = () => 0
const full = () => 0.999999
const POLICY: RetryPolicy = { ...DEFAULT_POLICY, maxTotalWaitMs: 60_000 }

describe('the wait LaunchDarkly asks for after a 429', () => {
  it('is Retry-After in seconds or as an HTTP date', () => {
    expect(rateLimitWait({ retryAfter: '3' }, NOW)).toBe(3000)
    expect(rateLimitWait({ retryAfter: new Date(NOW + 5000).toUTCString() }, NOW)).toBe(5000)
  })

  it('is until X-Ratelimit-Reset (epoch ms) when there is no Retry-After', () => {
    expect(rateLimitWait({ reset: String(NOW + 2500) }, NOW)).toBe(2500)
  })

  it('is nothing for a time already past, and taken at its word however far', () => {
    expect(rateLimitWait({ reset: String(NOW - 60_000) }, NOW)).toBe(0)
    expect(rateLimitWait({ reset: String(NOW + 86_400_000) }, NOW)).toBe(86_400_000)
    expect(rateLimitWait({ retryAfter: '3600' }, NOW)).toBe(3_600_000)
  })

  it('is unknown when neither header says anything usable', () => {
    expect(rateLimitWait({}, NOW)).toBeUndefined()
    expect(rateLimitWait({ retryAfter: 'soon', reset: 'later' }, NOW)).toBeUndefined()
  })
})

describe('deciding after a failed attempt', () => {
  const limited = (retryAfter: string) => ({ kind: 'rate-limited' as const, retryAfter })

  it('waits what LaunchDarkly asked for, with jitter on top, never less', () => {
    expect(decide(limited('2'), 1, 0, POLICY, NOW, none)).toEqual({ retry: true, delayMs: 2000 })
    const most = decide(limited('2'), 1, 0, POLICY, NOW, full)
    expect(most.retry && most.delayMs).toBeGreaterThan(2000)
    expect(most.retry && most.delayMs).toBeLessThan(2000 + 600)
  })

  it('does not wait out, nor cut short, a wait longer than max-retry-wait: it says until when', () => {
    expect(decide(limited('3600'), 1, 0, POLICY, NOW, none)).toEqual({
      retry: false,
      reason: 'asked',
      untilMs: NOW + 3_600_000
    })
    // What was already waited counts: 50 s waited leaves 10 s of the 60.
    expect(decide(limited('11'), 2, 50_000, POLICY, NOW, none)).toMatchObject({ reason: 'asked' })
    expect(decide(limited('10'), 2, 50_000, POLICY, NOW, full)).toEqual({
      retry: true,
      delayMs: 10_000
    })
  })

  it('says until when even with no attempt left, and gives up otherwise', () => {
    const last = { ...POLICY, maxAttempts: 2 }
    expect(decide(limited('3600'), 2, 0, last, NOW, none)).toMatchObject({ reason: 'asked' })
    expect(decide(limited('1'), 2, 0, last, NOW, none)).toEqual({
      retry: false,
      reason: 'exhausted'
    })
  })

  it('backs off exponentially when LaunchDarkly gave no hint, within max-retry-wait', () => {
    expect(decide({ kind: 'rate-limited' }, 3, 0, POLICY, NOW, full)).toMatchObject({
      retry: true
    })
    expect(decide({ kind: 'server', status: 503 }, 1, 59_900, POLICY, NOW, none)).toEqual({
      retry: false,
      reason: 'exhausted'
    })
  })
})

describe('backing off after 5xx, resets and timeouts', () => {
  it('doubles up to the cap, with equal jitter', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, DEFAULT_POLICY, full))
    expect(delays.map(Math.round)).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000])
    expect(backoffDelay(2, DEFAULT_POLICY, none)).toBe(500)
  })
})

import { describe, expect, it } from '@jest/globals'
import { DEFAULT_POLICY, rateLimitWait, retryDelay } from '../src/launchdarkly/retry.js'

const NOW = 1_800_000_000_000
const none = () => 0
const full = () => 0.999999

describe('waiting after a 429', () => {
  it('honours Retry-After in seconds or as an HTTP date', () => {
    expect(rateLimitWait({ retryAfter: '3' }, NOW, DEFAULT_POLICY)).toBe(3000)
    expect(
      rateLimitWait({ retryAfter: new Date(NOW + 5000).toUTCString() }, NOW, DEFAULT_POLICY)
    ).toBe(5000)
  })

  it('waits until X-Ratelimit-Reset (epoch ms) when there is no Retry-After', () => {
    expect(rateLimitWait({ reset: String(NOW + 2500) }, NOW, DEFAULT_POLICY)).toBe(2500)
  })

  it('clamps a reset in the past to zero and one absurdly far to the maximum', () => {
    expect(rateLimitWait({ reset: String(NOW - 60_000) }, NOW, DEFAULT_POLICY)).toBe(0)
    expect(rateLimitWait({ reset: String(NOW + 86_400_000) }, NOW, DEFAULT_POLICY)).toBe(
      DEFAULT_POLICY.maxRateLimitWaitMs
    )
    expect(rateLimitWait({ retryAfter: '999999' }, NOW, DEFAULT_POLICY)).toBe(
      DEFAULT_POLICY.maxRateLimitWaitMs
    )
  })

  it('adds jitter on top of what LaunchDarkly asked for, never less', () => {
    const failure = { kind: 'rate-limited' as const, retryAfter: '2' }
    expect(retryDelay(failure, 1, DEFAULT_POLICY, NOW, none)).toBe(2000)
    const most = retryDelay(failure, 1, DEFAULT_POLICY, NOW, full)
    expect(most).toBeGreaterThan(2000)
    expect(most).toBeLessThan(2000 + 600)
  })

  it('backs off exponentially when LaunchDarkly gave no hint', () => {
    expect(retryDelay({ kind: 'rate-limited' }, 3, DEFAULT_POLICY, NOW, full)).toBeCloseTo(2000, -1)
  })
})

describe('backing off after 5xx, resets and timeouts', () => {
  it('doubles up to the cap, with equal jitter', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7].map((n) =>
      retryDelay({ kind: 'server', status: 503 }, n, DEFAULT_POLICY, NOW, full)
    )
    expect(delays.map(Math.round)).toEqual([500, 1000, 2000, 4000, 8000, 10000, 10000])
    expect(retryDelay({ kind: 'timeout' }, 2, DEFAULT_POLICY, NOW, none)).toBe(500)
  })
})

import { describe, expect, it } from '@jest/globals'
import { z } from 'zod'
import {
  GitHubTimeoutError,
  describeGitHubError,
  isPermissionDenied,
  retriesWithin,
  retryLater
} from '../src/github/octokit.js'

const failure = (
  status: number | undefined,
  message: string,
  headers: Record<string, string> = {}
) => Object.assign(new Error(message), { status, response: { headers } })

const NOW = Date.parse('2026-12-06T10:00:00Z')

describe('GitHub failures', () => {
  it('describes failures in one line, answers that break the schema included', () => {
    expect(describeGitHubError(failure(403, 'Resource not accessible by integration'))).toBe(
      '403 Resource not accessible by integration'
    )
    const broken = z.array(z.object({ name: z.string() })).safeParse({ labels: [] })
    expect(broken.success).toBe(false)
    if (!broken.success)
      expect(describeGitHubError(broken.error)).toMatch(
        /^an answer that does not match GitHub's API \(body: /
      )
  })

  it('describes a timeout without the status Octokit gives it', () => {
    const timedOut = Object.assign(failure(500, 'x'), { cause: new GitHubTimeoutError(1500) })
    expect(describeGitHubError(timedOut)).toBe('no answer within 1.5 s (request-timeout)')
    expect(describeGitHubError(new GitHubTimeoutError(30_000, true))).toBe(
      'no answer within 30 s (request-timeout); the write may have been made, so it was not sent again'
    )
  })

  it('tells a missing permission from a rate limit', () => {
    expect(isPermissionDenied(failure(403, 'Resource not accessible by integration'))).toBe(true)
    expect(isPermissionDenied(failure(403, 'You have exceeded a secondary rate limit', {}))).toBe(
      false
    )
    expect(isPermissionDenied(failure(404, 'Not Found'))).toBe(false)
  })
})

describe('when GitHub asked to be called again', () => {
  it('reads a secondary limit as the throttling plugin does: Retry-After, else 60 s', () => {
    const secondary = (headers: Record<string, string>) =>
      retryLater(failure(403, 'You have exceeded a secondary rate limit.', headers), NOW)
    expect(secondary({ 'retry-after': '3600' })).toEqual({
      until: '2026-12-06 11:00 UTC',
      limit: 'secondary rate limit'
    })
    expect(secondary({ 'retry-after': '61' })?.until).toBe('2026-12-06 10:02 UTC')
    expect(secondary({})?.until).toBe('2026-12-06 10:01 UTC')
  })

  it('reads a spent primary limit from its reset, on a 403 or a 429', () => {
    const reset = String((NOW + 3_600_000) / 1000)
    for (const status of [403, 429])
      expect(
        retryLater(
          failure(status, 'API rate limit exceeded', {
            'x-ratelimit-remaining': '0',
            'x-ratelimit-reset': reset
          }),
          NOW
        )
      ).toEqual({ until: '2026-12-06 11:01 UTC', limit: 'rate limit' })
  })

  it('finds none in other failures', () => {
    expect(retryLater(failure(403, 'Resource not accessible by integration'), NOW)).toBeUndefined()
    expect(retryLater(failure(502, 'Bad Gateway', { 'retry-after': '5' }), NOW)).toBeUndefined()
    expect(retryLater(new Error('socket hang up'), NOW)).toBeUndefined()
  })
})

describe("the retry plugin's retries", () => {
  it('fit in max-attempts and in max-retry-wait (waits of base × 1², 2², …)', () => {
    const limits = (maxAttempts: number, maxRetryWaitMs: number) => ({
      requestTimeoutMs: 30_000,
      maxAttempts,
      maxRetryWaitMs
    })
    expect(retriesWithin(limits(5, 120_000), 1000)).toBe(4)
    expect(retriesWithin(limits(1, 120_000), 1000)).toBe(0)
    expect(retriesWithin(limits(10, 14_000), 1000)).toBe(3)
    expect(retriesWithin(limits(5, 0), 1000)).toBe(0)
  })
})

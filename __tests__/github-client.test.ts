import { describe, expect, it } from '@jest/globals'
import { z } from 'zod'
import { describeGitHubError, worthRetrying } from '../src/github/client.js'

const failure = (status: number | undefined, message: string) =>
  Object.assign(new Error(message), { status })

describe('which GitHub failures go to the retry and throttling plugins', () => {
  it('sends server errors, lost connections and rate limits', () => {
    expect(worthRetrying(failure(500, 'Server Error'))).toBe(true)
    expect(worthRetrying(failure(502, 'Bad Gateway'))).toBe(true)
    expect(worthRetrying(failure(429, 'Too Many Requests'))).toBe(true)
    expect(worthRetrying(failure(403, 'You have exceeded a secondary rate limit'))).toBe(true)
    expect(worthRetrying(failure(403, 'API rate limit exceeded for installation'))).toBe(true)
    expect(worthRetrying(new Error('socket hang up'))).toBe(true)
  })

  it('does not retry refusals that would only fail again', () => {
    expect(worthRetrying(failure(403, 'Resource not accessible by integration'))).toBe(false)
    expect(worthRetrying(failure(401, 'Bad credentials'))).toBe(false)
    expect(worthRetrying(failure(404, 'Not Found'))).toBe(false)
    expect(worthRetrying(failure(422, 'Validation Failed'))).toBe(false)
  })

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
})

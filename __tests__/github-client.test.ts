import { describe, expect, it } from '@jest/globals'
import { z } from 'zod'
import { describeGitHubError } from '../src/github/octokit.js'

const failure = (status: number | undefined, message: string) =>
  Object.assign(new Error(message), { status })

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
})

/**
 * An Octokit with GitHub's retry and throttling plugins, for requests that failed once in a way
 * worth retrying: the plugins back off on 5xx and lost connections, and wait out primary and
 * secondary rate limits as GitHub asks (Retry-After, X-RateLimit-Reset).
 */
import { Octokit as OctokitCore } from '@octokit/core'
import { paginateRest } from '@octokit/plugin-paginate-rest'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { Octokit, OctokitOptions } from './client.js'

const ResilientOctokit = OctokitCore.plugin(paginateRest, retry, throttling)

export function createResilientOctokit(
  settings: OctokitOptions,
  warn: (message: string) => void
): Octokit {
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number
    ): boolean => {
      warn(`GitHub ${kind} on ${request.method} ${request.url}; retrying in ${retryAfter} s`)
      return retryCount < 2
    }
  return new ResilientOctokit({
    ...settings,
    retry: { retries: 3 },
    throttle: {
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit')
    }
  })
}

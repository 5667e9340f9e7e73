/** The run's two clients, configured from the settings and the context. */
import type { RunContext } from './context.js'
import { GitHubSession } from '../github/session.js'
import type { RequestLimits } from '../github/octokit.js'
import { LaunchDarklyClient } from '../launchdarkly/client.js'
import { DEFAULT_POLICY } from '../launchdarkly/retry.js'
import * as log from '../core/logger.js'
import { SCAN_CONCURRENCY } from '../engine/execute.js'
import type { Settings } from './settings.js'
import { USER_AGENT } from '../core/version.js'

/** action.yml's defaults, for a run whose inputs could not be read (it still reports). */
const DEFAULT_LIMITS: RequestLimits = {
  requestTimeoutMs: DEFAULT_POLICY.timeoutMs,
  maxAttempts: DEFAULT_POLICY.maxAttempts,
  maxRetryWaitMs: DEFAULT_POLICY.maxTotalWaitMs
}

/**
 * GitHub's requests keep the same bounds as LaunchDarkly's: pass the settings as `limits`
 * (request-timeout, max-attempts, max-retry-wait).
 */
export function gitHubSession(
  token: string,
  context: RunContext,
  limits: Pick<Settings, keyof RequestLimits> = DEFAULT_LIMITS
): GitHubSession {
  return new GitHubSession({
    token,
    apiUrl: context.apiUrl,
    repository: context.repository,
    warn: (message) => log.warning(message),
    limits: {
      requestTimeoutMs: limits.requestTimeoutMs,
      maxAttempts: limits.maxAttempts,
      maxRetryWaitMs: limits.maxRetryWaitMs
    },
    retryBaseMs: context.githubRetryBaseMs
  })
}

export function launchDarklyClient(settings: Settings): LaunchDarklyClient {
  return new LaunchDarklyClient({
    baseUri: settings.baseUri,
    apiKey: settings.apiKey,
    userAgent: USER_AGENT,
    policy: {
      ...DEFAULT_POLICY,
      maxAttempts: settings.maxAttempts,
      maxTotalWaitMs: settings.maxRetryWaitMs,
      timeoutMs: settings.requestTimeoutMs,
      // Slowing down for a spent rate limit is a wait too: no longer than max-retry-wait.
      maxRateLimitWaitMs: Math.min(DEFAULT_POLICY.maxRateLimitWaitMs, settings.maxRetryWaitMs)
    },
    maxSockets: 2 * SCAN_CONCURRENCY,
    log: (message) => log.info(message)
  })
}

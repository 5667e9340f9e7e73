/**
 * The GitHub side: an Octokit with GitHub's own retry and throttling plugins, and the few calls
 * the action makes. Loaded only when a run needs GitHub (a comment, live labels, a permission).
 */
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type Octokit = ReturnType<typeof getOctokit>

export interface Repository {
  owner: string
  repo: string
}

export interface GitHubOptions {
  token: string
  baseUrl: string
  warn: (message: string) => void
  /** Seconds between retries grow as retryAfterBaseValue × n²; tests shrink it. */
  retryAfterBaseValue?: number
}

export function createOctokit(options: GitHubOptions): Octokit {
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number
    ): boolean => {
      options.warn(
        `GitHub ${kind} on ${request.method} ${request.url}; retrying in ${retryAfter} s`
      )
      return retryCount < 2
    }
  const settings = {
    baseUrl: options.baseUrl,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    retry: { retries: 3, retryAfterBaseValue: options.retryAfterBaseValue ?? 1000 },
    throttle: {
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit')
    }
  }
  return getOctokit(options.token, settings, retry, throttling)
}

export function repositoryFrom(env: NodeJS.ProcessEnv = process.env): Repository | undefined {
  const [owner, repo, extra] = (env.GITHUB_REPOSITORY ?? '').split('/')
  return owner && repo && extra === undefined ? { owner, repo } : undefined
}

/** The labels a pull request has now (not the event's snapshot), every page. */
export async function listLabels(
  octokit: Octokit,
  where: Repository,
  issueNumber: number
): Promise<string[]> {
  const labels = await octokit.paginate(octokit.rest.issues.listLabelsOnIssue, {
    ...where,
    issue_number: issueNumber,
    per_page: 100
  })
  return labels.map((label) => label.name)
}

/** What GitHub says went wrong, in one line. */
export function describeGitHubError(error: unknown): string {
  const status = (error as { status?: number }).status
  const message = error instanceof Error ? error.message : String(error)
  return status ? `${status} ${message}` : message
}

/** The repository role of a user: admin, maintain, write, triage, read, or none. */
export async function permissionOf(
  octokit: Octokit,
  where: Repository,
  login: string
): Promise<{ permission?: string; role_name?: string }> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
      ...where,
      username: login
    })
    return data
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { permission: 'none' }
    throw error
  }
}

/** Who added each label last: label name -> login, from the issue's events, every page. */
export async function labelActors(
  octokit: Octokit,
  where: Repository,
  issueNumber: number
): Promise<Map<string, string>> {
  const events = await octokit.paginate(octokit.rest.issues.listEvents, {
    ...where,
    issue_number: issueNumber,
    per_page: 100
  })
  const actors = new Map<string, string>()
  for (const event of events) {
    const name = (event as { label?: { name?: string } }).label?.name
    if (event.event === 'labeled' && name && event.actor?.login) actors.set(name, event.actor.login)
  }
  return actors
}

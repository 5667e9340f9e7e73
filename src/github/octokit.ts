/**
 * The GitHub side: @octokit/rest with the retry and throttling plugins, configured as
 * @actions/github configures its own client (GITHUB_API_URL for GHES, the runner's proxy
 * settings, its user agent), and the few calls the action makes. Loaded only when a run needs
 * GitHub (a comment, live labels, a permission).
 */
import { defaults, getOctokitOptions } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { Octokit as RestOctokit } from '@octokit/rest'
import { ZodError } from 'zod'
import { USER_AGENT } from '../core/version.js'
import { eventsSchema, labelsSchema, permissionSchema, pullsSchema } from './payloads.js'

/** When a label was added last, and by whom (from the PR's events). */
export interface Labeling {
  actor: string
  /** A larger one was added later. */
  order: number
}

const GitHubOctokit = RestOctokit.plugin(retry, throttling)
export type Octokit = InstanceType<typeof GitHubOctokit>

export interface Repository {
  owner: string
  repo: string
}

export interface GitHubOptions {
  token: string
  baseUrl: string
  warn: (message: string) => void
  /** The retry plugin's first wait, in milliseconds (it grows with the square of the attempt). */
  retryBaseMs?: number
}

const RATE_LIMIT_RETRIES = 2

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
      return retryCount < RATE_LIMIT_RETRIES
    }
  const settings = {
    baseUrl: options.baseUrl,
    request: defaults.request,
    userAgent: USER_AGENT,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    retry: { retries: 3, retryAfterBaseValue: options.retryBaseMs ?? 1000 },
    throttle: {
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit')
    }
  }
  // Without a token the calls go unauthenticated (getOctokitOptions refuses an empty one).
  return new GitHubOctokit(options.token ? getOctokitOptions(options.token, settings) : settings)
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
  return labelsSchema.parse(labels).map((label) => label.name)
}

/** Every open pull request with its labels now, every page. */
export async function openPullRequests(
  octokit: Octokit,
  where: Repository
): Promise<{ number: number; labels: string[] }[]> {
  const pulls = await octokit.paginate(octokit.rest.pulls.list, {
    ...where,
    state: 'open',
    per_page: 100
  })
  return pullsSchema
    .parse(pulls)
    .map((pull) => ({ number: pull.number, labels: pull.labels.map((label) => label.name) }))
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
    return permissionSchema.parse(data)
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { permission: 'none' }
    throw error
  }
}

/** Each label's last `labeled` event, from the issue's events (oldest first), every page. */
export async function labelings(
  octokit: Octokit,
  where: Repository,
  issueNumber: number
): Promise<Map<string, Labeling>> {
  const events = await octokit.paginate(octokit.rest.issues.listEvents, {
    ...where,
    issue_number: issueNumber,
    per_page: 100
  })
  const last = new Map<string, Labeling>()
  eventsSchema.parse(events).forEach((event, order) => {
    const name = event.label?.name
    const actor = event.actor?.login
    if (event.event === 'labeled' && name && actor) last.set(name, { actor, order })
  })
  return last
}

/** Takes a label off an issue; one already gone is fine. */
export async function removeLabel(
  octokit: Octokit,
  where: Repository,
  issueNumber: number,
  name: string
): Promise<void> {
  try {
    await octokit.rest.issues.removeLabel({ ...where, issue_number: issueNumber, name })
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error
  }
}

/** What GitHub says went wrong, in one line. */
export function describeGitHubError(error: unknown): string {
  const status = (error as { status?: number }).status
  if (error instanceof ZodError) {
    const issue = error.issues[0]
    return `an answer that does not match GitHub's API (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'})`
  }
  const message = error instanceof Error ? error.message : String(error)
  return status ? `${status} ${message}` : message
}

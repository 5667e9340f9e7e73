/**
 * The GitHub side: Octokit's core with pagination, speaking through the shared node:http client,
 * and the few calls the action makes. Loaded only when a run needs GitHub (a comment, live labels,
 * a permission).
 *
 * Octokit's retry and throttling plugins schedule every request through Bottleneck, which costs
 * 5-15 ms a request even when nothing fails. So a request is first sent plainly; when it fails
 * in a way worth retrying (5xx, a dropped connection, a rate limit), it is sent again through an
 * Octokit with both plugins (github/resilient.ts, loaded then), which wait and retry as they do.
 */
import { Octokit as OctokitCore } from '@octokit/core'
import { ZodError } from 'zod'
import { paginateRest } from '@octokit/plugin-paginate-rest'
import { HttpClient } from '../http.js'
import { USER_AGENT } from '../version.js'
import { fetchOver } from './fetch.js'
import { eventsSchema, labelsSchema, permissionSchema } from './schemas.js'

const PlainOctokit = OctokitCore.plugin(paginateRest)
export type Octokit = InstanceType<typeof PlainOctokit>
export type OctokitOptions = ConstructorParameters<typeof PlainOctokit>[0] & object

export interface Repository {
  owner: string
  repo: string
}

export interface GitHubOptions {
  token: string
  baseUrl: string
  warn: (message: string) => void
}

const TIMEOUT_MS = 30_000

/** What the plugins would retry: server errors, lost connections, rate limits. */
export function worthRetrying(error: unknown): boolean {
  const status = (error as { status?: number }).status
  const message = error instanceof Error ? error.message : ''
  if (status === undefined || status >= 500 || status === 429) return true
  return status === 403 && /rate limit/i.test(message)
}

export function createOctokit(options: GitHubOptions): { octokit: Octokit; close: () => void } {
  const http = new HttpClient(4)
  const settings: OctokitOptions = {
    auth: options.token,
    baseUrl: options.baseUrl,
    userAgent: USER_AGENT,
    request: { fetch: fetchOver(http, TIMEOUT_MS) },
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
  }
  const octokit = new PlainOctokit(settings)
  let resilient: Promise<Octokit> | undefined
  octokit.hook.wrap('request', async (request, endpoint) => {
    try {
      return await request(endpoint)
    } catch (error) {
      if (!worthRetrying(error)) throw error
      resilient ??= import('./resilient.js').then((m) =>
        m.createResilientOctokit(settings, options.warn)
      )
      // The same route and parameters, without this instance's own request hook and defaults.
      const parameters: Record<string, unknown> = { ...endpoint }
      for (const own of ['method', 'url', 'request', 'baseUrl', 'mediaType']) delete parameters[own]
      const { method, url } = endpoint
      return (await resilient).request(`${method} ${url}`, parameters)
    }
  })
  return { octokit, close: () => http.close() }
}

/** The labels a pull request has now (not the event's snapshot), every page. */
export async function listLabels(
  octokit: Octokit,
  where: Repository,
  issueNumber: number
): Promise<string[]> {
  const labels = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/labels', {
    ...where,
    issue_number: issueNumber,
    per_page: 100
  })
  return labelsSchema.parse(labels).map((label) => label.name)
}

/** The repository role of a user: admin, maintain, write, triage, read, or none. */
export async function permissionOf(
  octokit: Octokit,
  where: Repository,
  login: string
): Promise<{ permission?: string; role_name?: string }> {
  try {
    const { data } = await octokit.request(
      'GET /repos/{owner}/{repo}/collaborators/{username}/permission',
      {
        ...where,
        username: login
      }
    )
    return permissionSchema.parse(data)
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
  const events = await octokit.paginate('GET /repos/{owner}/{repo}/issues/{issue_number}/events', {
    ...where,
    issue_number: issueNumber,
    per_page: 100
  })
  const actors = new Map<string, string>()
  for (const event of eventsSchema.parse(events)) {
    const name = event.label?.name
    if (event.event === 'labeled' && name && event.actor?.login) actors.set(name, event.actor.login)
  }
  return actors
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

/**
 * The GitHub side: @octokit/rest with the retry and throttling plugins, configured as
 * @actions/github configures its own client (GITHUB_API_URL for GHES, the runner's proxy
 * settings, its user agent), and the few calls the action makes. Loaded only when a run needs
 * GitHub (a comment, live labels, a permission).
 *
 * Every wait is bounded, as LaunchDarkly's are: each attempt of a request gets request-timeout,
 * a request gets max-attempts, and a wait GitHub asks for (a rate limit) is waited out only when
 * it fits in max-retry-wait; a longer one ends the request, which is never sent early.
 */
import type { Octokit as OctokitCore } from '@octokit/core'
import { defaults, getOctokitOptions } from '@actions/github/lib/utils'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { Octokit as RestOctokit } from '@octokit/rest'
import { ZodError } from 'zod'
import { formatUtc } from '../core/when.js'
import { USER_AGENT } from '../core/version.js'
import {
  commentSchema,
  eventsSchema,
  labelsSchema,
  permissionSchema,
  pullsSchema
} from './payloads.js'

/** When a label was added last, and by whom (from the PR's events). */
export interface Labeling {
  actor: string
  /** A larger one was added later. */
  order: number
}

/** No answer within request-timeout: the attempt was abandoned. */
export class GitHubTimeoutError extends Error {
  constructor(
    readonly timeoutMs: number,
    /** A write: it may have been applied, so it is not sent again. */
    readonly write = false
  ) {
    super(
      `no answer within ${seconds(timeoutMs)} (request-timeout)${write ? '; the write may have been made, so it was not sent again' : ''}`
    )
    this.name = 'GitHubTimeoutError'
  }
}

/** GitHub's list answered a page it had already given: following its links would not end. */
export class PaginationError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PaginationError'
  }
}

/** More pages than any list the action reads should have (100 items a page). */
const MAX_PAGES = 1000

const GitHubOctokit = RestOctokit.plugin(timeouts, retry, throttling, boundedPagination)
export type Octokit = InstanceType<typeof GitHubOctokit>
type Paginate = InstanceType<typeof RestOctokit>['paginate']

export interface Repository {
  owner: string
  repo: string
}

/** The bounds every request keeps: the inputs request-timeout, max-attempts, max-retry-wait. */
export interface RequestLimits {
  requestTimeoutMs: number
  maxAttempts: number
  maxRetryWaitMs: number
}

export interface GitHubOptions extends RequestLimits {
  token: string
  baseUrl: string
  warn: (message: string) => void
  /** The retry plugin's first wait, in milliseconds (it grows with the square of the attempt). */
  retryBaseMs?: number
  /** How long the throttling plugin takes for a second of the waits GitHub asks for; tests shorten it. */
  rateLimitSecondMs?: number
}

/** The retry plugin's refusals, and 429: rate limits are the throttling plugin's to wait out. */
const DO_NOT_RETRY = [400, 401, 403, 404, 410, 422, 429, 451]

export function createOctokit(options: GitHubOptions): Octokit {
  const retryBaseMs = options.retryBaseMs ?? 1000
  /** What each request has waited for rate limits so far. */
  const waited = new WeakMap<object, number>()
  const onLimit =
    (kind: string) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _octokit: unknown,
      retryCount: number
    ): boolean => {
      const total = (waited.get(request) ?? 0) + retryAfter * 1000
      if (retryCount + 1 >= options.maxAttempts || total > options.maxRetryWaitMs) return false
      waited.set(request, total)
      options.warn(
        `GitHub ${kind} on ${request.method} ${request.url}; retrying in ${retryAfter} s`
      )
      return true
    }
  const settings = {
    baseUrl: options.baseUrl,
    request: {
      ...defaults.request,
      fetch: timedFetch(
        (defaults.request?.fetch as Fetch | undefined) ?? fetch,
        options.requestTimeoutMs
      )
    },
    userAgent: USER_AGENT,
    log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
    retry: {
      retries: retriesWithin(options, retryBaseMs),
      retryAfterBaseValue: retryBaseMs,
      doNotRetry: DO_NOT_RETRY
    },
    throttle: {
      retryAfterBaseValue: options.rateLimitSecondMs ?? 1000,
      onRateLimit: onLimit('rate limit'),
      onSecondaryRateLimit: onLimit('secondary rate limit')
    }
  }
  // Without a token the calls go unauthenticated (getOctokitOptions refuses an empty one).
  return new GitHubOctokit(options.token ? getOctokitOptions(options.token, settings) : settings)
}

/**
 * The retries that fit in max-attempts and max-retry-wait: the retry plugin waits
 * base × 1², base × 2², … before them.
 */
export function retriesWithin(limits: RequestLimits, baseMs: number): number {
  let retries = 0
  let waitedMs = 0
  while (retries + 1 < limits.maxAttempts) {
    const next = baseMs * (retries + 1) ** 2
    if (waitedMs + next > limits.maxRetryWaitMs) break
    waitedMs += next
    retries++
  }
  return retries
}

type Fetch = typeof fetch

/**
 * Octokit's fetch with a timeout on each call: the retry plugin calls fetch again for each
 * attempt, so every attempt gets its own request-timeout.
 */
function timedFetch(inner: Fetch, timeoutMs: number): Fetch {
  return async (input, init) => {
    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    try {
      return await inner(input, { ...init, signal })
    } catch (error) {
      if (timeout.aborted) throw new GitHubTimeoutError(timeoutMs)
      throw error
    }
  }
}

/**
 * Registered before the retry plugin, so its hook sees each attempt's failure first: a write
 * (POST, PATCH, PUT, DELETE) that timed out may have been applied, so it ends here instead of
 * being sent again; a read that timed out goes on to the retry plugin.
 */
function timeouts(octokit: OctokitCore): void {
  octokit.hook.error('request', (error, options) => {
    const cause = (error as { cause?: unknown }).cause
    if (!(cause instanceof GitHubTimeoutError)) throw error
    if (options.method === 'GET' || options.method === 'HEAD') throw error
    throw new GitHubTimeoutError(cause.timeoutMs, true)
  })
}

interface Page {
  url: string
  data: unknown
}

/**
 * octokit.paginate and octokit.paginate.iterator follow each answer's `Link: rel="next"`; a
 * server or proxy that links back to a page already read, or answers with items already read,
 * would be followed for ever. Applied after @octokit/rest's pagination, this keeps its API and
 * stops such a list with one sentence.
 */
function boundedPagination(octokit: OctokitCore): { paginate: Paginate } {
  const { paginate } = octokit as unknown as { paginate: Paginate }
  const pages = paginate.iterator as unknown as (
    route: unknown,
    parameters?: unknown
  ) => AsyncIterable<Page>
  const gather = paginate as unknown as (
    route: unknown,
    parameters: unknown,
    mapFn: (page: Page, done: () => void) => unknown
  ) => Promise<unknown[]>
  const iterator = (route: unknown, parameters?: unknown): AsyncIterable<Page> => ({
    async *[Symbol.asyncIterator]() {
      const check = pageGuard()
      for await (const page of pages(route, parameters)) {
        check(page)
        yield page
      }
    }
  })
  const bounded = (route: unknown, parameters?: unknown, mapFn?: unknown): Promise<unknown[]> => {
    if (typeof parameters === 'function') [mapFn, parameters] = [parameters, undefined]
    const map = mapFn as ((page: Page, done: () => void) => unknown) | undefined
    const check = pageGuard()
    return gather(route, parameters, (page, done) => {
      check(page)
      return map ? map(page, done) : page.data
    })
  }
  return { paginate: Object.assign(bounded, { iterator }) as unknown as Paginate }
}

/** Throws when a page was read before (its URL, or every item's id), or past MAX_PAGES. */
function pageGuard(): (page: Page) => void {
  const urls = new Set<string>()
  const ids = new Set<unknown>()
  return (page) => {
    const path = new URL(page.url, 'http://github.invalid').pathname
    const where = `GitHub's list at ${path}`
    if (urls.has(page.url))
      throw new PaginationError(
        `${where} linked back to a page it had already given, so it was read no further`
      )
    if (urls.size >= MAX_PAGES)
      throw new PaginationError(
        `${where} went on past ${MAX_PAGES} pages, so it was read no further`
      )
    urls.add(page.url)
    const items = Array.isArray(page.data) ? (page.data as { id?: unknown }[]) : []
    const keyed = items.filter((item) => item?.id !== undefined)
    if (keyed.length > 0 && keyed.length === items.length && keyed.every((i) => ids.has(i.id)))
      throw new PaginationError(
        `${where} answered a page with only items it had already given, so it was read no further`
      )
    for (const item of keyed) ids.add(item.id)
  }
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

/** An issue or pull request comment's body now; undefined when it was deleted. */
export async function commentBody(
  octokit: Octokit,
  where: Repository,
  commentId: number
): Promise<string | undefined> {
  try {
    const { data } = await octokit.rest.issues.getComment({ ...where, comment_id: commentId })
    return commentSchema.parse(data).body ?? ''
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined
    throw error
  }
}

/** The reactions the action puts on a command comment. */
export type Reaction = 'eyes' | 'rocket' | 'confused'

/** Reacts to an issue or pull request comment; GitHub answers 200 when it had that one already. */
export async function reactToComment(
  octokit: Octokit,
  where: Repository,
  commentId: number,
  content: Reaction
): Promise<void> {
  await octokit.rest.reactions.createForIssueComment({ ...where, comment_id: commentId, content })
}

/** When GitHub asked to be called again, and which limit it was: from a 403 or 429. */
export function retryLater(
  error: unknown,
  now = Date.now()
): { until: string; limit: string } | undefined {
  const { status, message, response } = error as {
    status?: number
    message?: string
    response?: { headers?: Record<string, string | undefined> }
  }
  if (status !== 403 && status !== 429) return undefined
  const headers = response?.headers ?? {}
  // As the throttling plugin reads them: a secondary limit says so, and Retry-After (else 60 s).
  if (/\bsecondary rate\b/i.test(message ?? ''))
    return {
      until: retryTime(now + (Number(headers['retry-after']) || 60) * 1000),
      limit: 'secondary rate limit'
    }
  const reset = Number(headers['x-ratelimit-reset'])
  if (headers['x-ratelimit-remaining'] === '0' && Number.isFinite(reset))
    return { until: retryTime((reset + 1) * 1000), limit: 'rate limit' }
  return undefined
}

/** GitHub said the token may not do this (as opposed to a rate limit, or a missing item). */
export function isPermissionDenied(error: unknown): boolean {
  const { status, message } = error as { status?: number; message?: string }
  return status === 403 && /not accessible by/i.test(message ?? '')
}

/** What GitHub says went wrong, in one line. */
export function describeGitHubError(error: unknown): string {
  const status = (error as { status?: number }).status
  if (error instanceof ZodError) {
    const issue = error.issues[0]
    return `an answer that does not match GitHub's API (${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'})`
  }
  const cause = (error as { cause?: unknown }).cause
  if (error instanceof GitHubTimeoutError || error instanceof PaginationError) return error.message
  if (cause instanceof GitHubTimeoutError) return cause.message
  const message = error instanceof Error ? error.message : String(error)
  return status ? `${status} ${message}` : message
}

/** When to run again: the time a wait ends, rounded up to the minute, in UTC. */
function retryTime(untilMs: number): string {
  return formatUtc(Math.ceil(untilMs / 60_000) * 60_000)
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`
}

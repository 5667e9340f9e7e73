/**
 * A small client for the LaunchDarkly endpoints the action uses, over @actions/http-client
 * (keep-alive, the runner's HTTPS_PROXY / HTTP_PROXY / NO_PROXY, redirects). It validates every
 * answer with the zod schemas, retries what is safe to retry, and turns every failure into one
 * sentence that says what to check. It never writes the token anywhere but the header.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http'
import { HttpClient } from '@actions/http-client'
import type { z } from 'zod'
import {
  errorBodySchema,
  expiringGetSchemas,
  expiringPatchSchemas,
  flagListSchema,
  flagSchema,
  segmentListSchema,
  segmentSchema,
  type Endpoint,
  type ExpiringItem,
  type Flag,
  type Segment,
  type PatchResponse
} from './resources.js'
import { describeContainer, expiringPath, resourcePath, type ContainerRef } from './container.js'
import { backoffDelay, decide, describeFailure, type Failure, type RetryPolicy } from './retry.js'
import { formatUtc } from '../core/when.js'

export const API_VERSION = '20240415'
/** The flag list's largest page. */
const FLAG_PAGE = 100
/** The segment list's largest page, as LaunchDarkly's migration guide gives it. */
const SEGMENT_PAGE = 50
export const SEMANTIC_PATCH = 'application/json; domain-model=launchdarkly.semanticpatch'

export interface PatchBody {
  comment?: string
  instructions: object[]
}

export interface ClientOptions {
  baseUri: string
  apiKey: string
  userAgent: string
  policy: RetryPolicy
  maxSockets?: number
  log?: (message: string) => void
  sleep?: (ms: number) => Promise<void>
  now?: () => number
  random?: () => number
}

/** A failure that will not get better by retrying, worded for the person reading the log. */
export class LaunchDarklyError extends Error {
  constructor(
    message: string,
    readonly status?: number
  ) {
    super(message)
    this.name = 'LaunchDarklyError'
  }
}

/** A PATCH whose fate is unknown (5xx, timeout, broken connection): it may have been applied. */
export class UncertainWriteError extends Error {
  constructor(readonly failure: Failure) {
    super(`LaunchDarkly's answer to a PATCH was lost (${describeFailure(failure)})`)
    this.name = 'UncertainWriteError'
  }
}

interface Call<S extends z.ZodType> {
  method: 'GET' | 'PATCH'
  path: string
  body?: PatchBody
  schema: S
  /** What we were doing, for messages: `read flag "x"`. */
  operation: string
  ref: ContainerRef
}

interface HttpResponse {
  status: number
  headers: IncomingHttpHeaders
  text: string
}

/** The request was cut off because the client was closed: the run is over, nothing to retry. */
class ClosedError extends Error {
  constructor() {
    super('the LaunchDarkly client was closed')
    this.name = 'ClosedError'
  }
}

const sleeper = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

export class LaunchDarklyClient {
  private readonly http: HttpClient
  private readonly base: URL
  private closed = false
  /** What the last answers said is left of the rate limit until its reset. */
  private budget: { remaining: number; reset: number } | undefined
  /** Requests sent so far, for matching a rate-limit count to the requests sent after it. */
  private sent = 0

  constructor(private readonly options: ClientOptions) {
    this.base = new URL(options.baseUri)
    this.http = new HttpClient(options.userAgent, [], {
      keepAlive: true,
      maxSockets: options.maxSockets ?? 8,
      socketTimeout: options.policy.timeoutMs,
      allowRetries: false,
      allowRedirects: true
    })
  }

  /** Ends the connections; requests still under way then fail quietly with ClosedError. */
  close(): void {
    this.closed = true
    this.http.dispose()
  }

  async getFlag(ref: ContainerRef): Promise<Flag> {
    return this.getResource(ref, flagSchema)
  }

  async getSegment(ref: ContainerRef): Promise<Segment> {
    return this.getResource(ref, segmentSchema)
  }

  /** A flag or a segment in its environment. */
  private getResource<S extends z.ZodType>(ref: ContainerRef, schema: S): Promise<z.output<S>> {
    const operation = `read ${describeContainer(ref)}`
    return this.call({ method: 'GET', path: resourcePath(ref), schema, operation, ref })
  }

  /** Every flag of a project with its targeting in one environment (`summary=0`), 100 a page. */
  async listFlags(
    projectKey: string,
    environmentKey: string,
    options: { tag?: string; onPage?: (flags: number) => void } = {}
  ): Promise<Flag[]> {
    const query = new URLSearchParams({ env: environmentKey, summary: '0' })
    if (options.tag) query.set('filter', `tags:${options.tag}`)
    return this.listAll({
      ref: { kind: 'flag', projectKey, key: '*', environmentKey },
      path: `/api/v2/flags/${encodeURIComponent(projectKey)}`,
      query,
      pageSize: FLAG_PAGE,
      schema: flagListSchema,
      onPage: options.onPage
    })
  }

  /** Every segment of a project in one environment, with its targets, 50 a page. */
  async listSegments(projectKey: string, environmentKey: string): Promise<Segment[]> {
    const [project, environment] = [projectKey, environmentKey].map(encodeURIComponent)
    return this.listAll({
      ref: { kind: 'segment', projectKey, key: '*', environmentKey },
      path: `/api/v2/segments/${project}/${environment}`,
      query: new URLSearchParams(),
      pageSize: SEGMENT_PAGE,
      schema: segmentListSchema
    })
  }

  /**
   * A paginated list, page after page by offset (every parameter kept) until a short page or
   * `totalCount`. An item listed again (the list shifted while it was read) is kept once. A list
   * that does not move on stops with one sentence: a full page with nothing not already listed,
   * or more full pages than `totalCount` allows.
   */
  private async listAll<T extends { key: string }>(list: {
    ref: ContainerRef
    path: string
    query: URLSearchParams
    pageSize: number
    schema: z.ZodType<{ items: T[]; totalCount?: number }>
    onPage?: (count: number) => void
  }): Promise<T[]> {
    const { ref, query, pageSize } = list
    const found = new Map<string, T>()
    const plural = `${ref.kind}s`
    const name = `LaunchDarkly's list of the ${plural} of project "${ref.projectKey}"`
    const check = `check that nothing between the runner and ${this.options.baseUri} (a proxy or a cache) changes LaunchDarkly's answers`
    query.set('limit', String(pageSize))
    for (let pages = 1, offset = 0; ; pages++, offset += pageSize) {
      query.set('offset', String(offset))
      const page = await this.call({
        method: 'GET',
        path: `${list.path}?${query.toString()}`,
        schema: list.schema,
        operation: `list the ${plural} of project "${ref.projectKey}"`,
        ref
      })
      const fresh = page.items.filter((item) => !found.has(item.key))
      for (const item of fresh) found.set(item.key, item)
      list.onPage?.(found.size)
      const total = page.totalCount
      if (page.items.length < pageSize || (total !== undefined && found.size >= total)) {
        return [...found.values()]
      }
      if (fresh.length === 0) {
        throw new LaunchDarklyError(
          `${name} answered offset ${offset} with only ${plural} it had already listed, so it was read no further; ${check}.`
        )
      }
      if (total !== undefined && pages >= Math.ceil(total / pageSize)) {
        throw new LaunchDarklyError(
          `${name} had ${found.size} ${plural} after ${pages} full pages and no end, though its totalCount says ${total}, so it was read no further; ${check}.`
        )
      }
    }
  }

  async getExpiringTargets(ref: ContainerRef, endpoint: Endpoint): Promise<ExpiringItem[]> {
    const response = await this.call({
      method: 'GET',
      path: expiringPath(ref, endpoint),
      schema: expiringGetSchemas[endpoint],
      operation: `read the expiring targets of ${describeContainer(ref)}`,
      ref
    })
    return response.items
  }

  /** Throws UncertainWriteError when the PATCH may or may not have been applied. */
  async patchExpiringTargets(
    ref: ContainerRef,
    endpoint: Endpoint,
    body: PatchBody
  ): Promise<PatchResponse> {
    return this.call({
      method: 'PATCH',
      path: expiringPath(ref, endpoint),
      body,
      schema: expiringPatchSchemas[endpoint],
      operation: `update the expiring targets of ${describeContainer(ref)}`,
      ref
    })
  }

  /** Backs off as the retry policy says before checking a write whose answer was lost. */
  async backoff(_failure: Failure, attempt: number): Promise<void> {
    const delay = backoffDelay(attempt, this.options.policy, this.options.random ?? Math.random)
    await (this.options.sleep ?? sleeper)(delay)
  }

  private async call<S extends z.ZodType>(call: Call<S>): Promise<z.output<S>> {
    const { policy } = this.options
    const now = this.options.now ?? Date.now
    const sleep = this.options.sleep ?? sleeper
    let waited = 0
    for (let attempt = 1; ; attempt++) {
      await this.withinBudget(now, sleep)
      if (this.closed) throw new ClosedError()
      const failure = await this.attempt(call)
      if (!('kind' in failure)) return failure.value
      if (this.closed) throw new ClosedError()
      // A 429 applied nothing; anything else may have applied a write.
      if (call.method === 'PATCH' && failure.kind !== 'rate-limited') {
        throw new UncertainWriteError(failure)
      }
      const next = decide(
        failure,
        attempt,
        waited,
        policy,
        now(),
        this.options.random ?? Math.random
      )
      if (!next.retry && next.reason === 'asked') {
        throw new LaunchDarklyError(
          `LaunchDarkly asked to wait until ${retryTime(next.untilMs)} (rate limit) to ${call.operation}, longer than max-retry-wait allows; run again after that.`,
          429
        )
      }
      if (!next.retry) {
        throw new LaunchDarklyError(giveUp(call, failure, attempt, waited, this.options.baseUri))
      }
      this.options.log?.(
        `LaunchDarkly answered ${describeFailure(failure)} to ${call.operation}; attempt ${attempt + 1} of ${policy.maxAttempts} in ${(next.delayMs / 1000).toFixed(1)} s`
      )
      await sleep(next.delayMs)
      waited += next.delayMs
    }
  }

  /** One request: the parsed value, or the failure to retry. Throws when retrying cannot help. */
  private async attempt<S extends z.ZodType>(
    call: Call<S>
  ): Promise<{ value: z.output<S> } | Failure> {
    let response: HttpResponse
    const sequence = this.sent++
    try {
      response = await this.exchange(call)
    } catch (error) {
      if (/^Request timeout/.test((error as Error).message)) return { kind: 'timeout' }
      const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message
      return { kind: 'network', code }
    }
    this.noteBudget(response.headers, sequence)
    const { status } = response
    if (status === 429) {
      return {
        kind: 'rate-limited',
        retryAfter: header(response.headers, 'retry-after'),
        reset: header(response.headers, 'x-ratelimit-reset')
      }
    }
    if (status >= 500) return { kind: 'server', status }
    if (status < 200 || status >= 300) {
      throw new LaunchDarklyError(rejection(call, response, this.options.baseUri), status)
    }
    let json: unknown
    try {
      json = JSON.parse(response.text)
    } catch {
      return { kind: 'bad-body', detail: 'not JSON' }
    }
    const parsed = call.schema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      const where = issue?.path.length ? issue.path.join('.') : 'body'
      return { kind: 'bad-body', detail: `${where}: ${issue?.message ?? 'invalid'}` }
    }
    return { value: parsed.data }
  }

  /**
   * Slow down before the limit: once LaunchDarkly has said how many requests are left until the
   * reset (`X-Ratelimit-Global-Remaining`, `X-Ratelimit-Route-Remaining`, `X-Ratelimit-Reset`),
   * requests beyond that wait for the reset instead of drawing a 429.
   */
  private async withinBudget(
    now: () => number,
    sleep: (ms: number) => Promise<void>
  ): Promise<void> {
    for (;;) {
      const budget = this.budget
      if (!budget || now() >= budget.reset) {
        this.budget = undefined
        return
      }
      if (budget.remaining > 0) {
        budget.remaining--
        return
      }
      await sleep(Math.min(budget.reset - now(), this.options.policy.maxRateLimitWaitMs))
    }
  }

  private noteBudget(headers: IncomingHttpHeaders, sequence: number): void {
    const left = ['x-ratelimit-global-remaining', 'x-ratelimit-route-remaining']
      .map((name) => header(headers, name))
      .filter((value): value is string => value !== undefined && /^\d+$/.test(value.trim()))
      .map(Number)
    const reset = Number(header(headers, 'x-ratelimit-reset'))
    if (left.length === 0 || !Number.isFinite(reset)) return
    const now = (this.options.now ?? Date.now)()
    const clampedReset = Math.min(reset, now + this.options.policy.maxRateLimitWaitMs)
    // The count was taken when this request arrived: the ones sent after it may not be in it.
    const remaining = Math.max(0, Math.min(...left) - (this.sent - sequence - 1))
    // Answers to concurrent requests arrive out of order: within a window, the lowest count wins.
    if (this.budget && this.budget.reset === clampedReset) {
      this.budget.remaining = Math.min(this.budget.remaining, remaining)
    } else if (!this.budget || clampedReset > this.budget.reset) {
      this.budget = { remaining, reset: clampedReset }
    }
  }

  private async exchange(call: Call<z.ZodType>): Promise<HttpResponse> {
    const url = new URL(this.base.pathname.replace(/\/$/, '') + call.path, this.base)
    const headers: Record<string, string> = {
      Authorization: this.options.apiKey,
      Accept: 'application/json',
      'LD-API-Version': API_VERSION
    }
    if (call.body) headers['Content-Type'] = SEMANTIC_PATCH
    const body = call.body === undefined ? null : JSON.stringify(call.body)
    const response = await this.http.request(call.method, url.href, body, headers)
    return {
      status: response.message.statusCode ?? 0,
      headers: response.message.headers,
      text: await readBody(response.message, this.options.policy.timeoutMs)
    }
  }
}

/** One sentence for a 4xx (or an unexpected 1xx/3xx): what failed, and what to check. */
function rejection(call: Call<z.ZodType>, response: HttpResponse, baseUri: string): string {
  const { status } = response
  const { projectKey, kind, key, environmentKey } = call.ref
  let said = `HTTP ${status}`
  let message = ''
  try {
    const body = errorBodySchema.parse(JSON.parse(response.text))
    message = body.message
    said = `${status} ${body.code}: ${body.message.slice(0, 300)}${body.id ? `; request id ${body.id}` : ''}`
  } catch {
    // Not LaunchDarkly's error shape (a proxy, say): the status alone.
  }
  // A flag write answers 405 where approvals are required, a segment write 403 "approval is
  // required" (seen by LaunchDarkly's Terraform maintainers); whether expiring targets are gated
  // too is not documented, so both are read as approval required.
  if (
    call.method === 'PATCH' &&
    (status === 405 || (status === 403 && /approval/i.test(message)))
  ) {
    return `${describeContainer(call.ref)} in environment "${environmentKey}" needs approval for changes, so LaunchDarkly refused the scheduled removals (${said}); request the change in LaunchDarkly, where it goes through the environment's approvals.`
  }
  const failed = `LaunchDarkly refused to ${call.operation} (${said}).`
  switch (status) {
    case 401:
      return `${failed} Check that the api-key secret holds a current personal or service access token for ${baseUri}.`
    case 403:
      return call.method === 'GET'
        ? `${failed} Check that the token's role can view project "${projectKey}".`
        : `${failed} Check that the token's role allows updateExpiringTargets on proj/${projectKey}:env/${environmentKey}:${kind}/${key}, and that the plan includes scheduled removals.`
    case 404:
      return `${failed} Check project-key "${projectKey}", ${kind}-key "${key}" and environment-key "${environmentKey}", and that base-uri (${baseUri}) is the account's region.`
    default:
      if (status >= 300 && status < 400) {
        return `${failed} It answered with a redirect that could not be followed; check that base-uri (${baseUri}) is the LaunchDarkly API host.`
      }
      return failed
  }
}

function giveUp(
  call: Call<z.ZodType>,
  failure: Failure,
  attempts: number,
  waitedMs: number,
  baseUri: string
): string {
  const tries = `after ${attempts} attempt${attempts === 1 ? '' : 's'} and ${(waitedMs / 1000).toFixed(1)} s of waiting`
  switch (failure.kind) {
    case 'rate-limited':
      return `LaunchDarkly kept rate-limiting requests (429) to ${call.operation} ${tries}. The limit is shared by every token on the account: run again later, or spread the flags over several runs.`
    case 'server':
      return `LaunchDarkly answered HTTP ${failure.status} to ${call.operation} ${tries}; it may have an incident. Run again later.`
    case 'network':
      return `Could not reach LaunchDarkly at ${baseUri} to ${call.operation} (${failure.code}) ${tries}. Check base-uri and the runner's network or proxy.`
    case 'timeout':
      return `LaunchDarkly did not answer in time to ${call.operation} ${tries}. Run again later, or raise request-timeout.`
    case 'bad-body':
      return `LaunchDarkly's answer to ${call.operation} did not match its published API (${failure.detail}) ${tries}. Check that base-uri (${baseUri}) is the LaunchDarkly API.`
  }
}

/** When to run again: the time a wait ends, rounded up to the minute, in UTC. */
function retryTime(untilMs: number): string {
  return formatUtc(Math.ceil(untilMs / 60_000) * 60_000)
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  return Array.isArray(value) ? value.join(', ') : value
}

const MAX_BODY_BYTES = 16 * 1024 * 1024

/**
 * An answer's body, whole, within `timeoutMs`. @actions/http-client's readBody() never settles
 * when the connection drops mid-body, and its socket timeout only notices a silent socket.
 */
function readBody(message: IncomingMessage, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const timer = setTimeout(
      () => message.destroy(new Error('Request timeout: the answer did not arrive in time')),
      timeoutMs
    )
    const fail = (error: Error): void => {
      clearTimeout(timer)
      reject(error)
    }
    message.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) message.destroy(new Error('the answer is larger than 16 MiB'))
      else chunks.push(chunk)
    })
    message.on('error', fail)
    message.on('close', () => {
      if (!message.complete)
        fail(Object.assign(new Error('the connection closed mid-answer'), { code: 'ECONNRESET' }))
    })
    message.on('end', () => {
      clearTimeout(timer)
      resolve(Buffer.concat(chunks).toString('utf8'))
    })
  })
}

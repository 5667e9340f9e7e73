/**
 * An in-memory LaunchDarkly for tests, the demo and the benchmark: list a project's flags, GET a
 * flag, GET and PATCH its expiring targets through both endpoints (users: `expiring-user-targets`;
 * any context kind: `expiring-targets`), with the documented behaviour (auth, the semantic-patch
 * content type, per-instruction errors in a 200, counters, 404s), an optional rate limit, latency,
 * and faults to inject. Both endpoints share one store of scheduled removals per flag and
 * environment, keyed by (context kind, key): a user-kind removal made through one shows through the
 * other. Every request it accepts and every answer it gives is checked against LaunchDarkly's
 * OpenAPI description; problems land in `violations`.
 *
 * Plain erasable TypeScript: Node 24 runs it directly (`node sandbox/launchdarkly.ts`).
 */
import type http from 'node:http'
import { randomUUID } from 'node:crypto'
import { createServer, listen, shutDown, type TlsOption } from './server.ts'
import { Contract } from './contract.ts'
import {
  FLAG_APPROVAL_REQUIRED,
  SandboxSegments,
  segmentRoute,
  type SegmentRoute
} from './segments.ts'

export interface SandboxVariation {
  _id: string
  value: unknown
  name?: string
}

/** Contexts of one kind individually targeted on one variation. */
export interface SandboxContextTarget {
  /** The context kind, e.g. `organization`. Users normally go in `targets`. */
  kind: string
  /** The index into `variations`. */
  variation: number
  values: string[]
}

export interface SandboxFlagInput {
  key: string
  name?: string
  variations: SandboxVariation[]
  /** environment key -> variation index -> user keys individually targeted on it */
  targets: Record<string, Record<number, string[]>>
  /**
   * environment key -> individual targets of other context kinds. The flag body lists them in
   * `contextTargets`, followed by the empty `user` placeholders LaunchDarkly keeps there, one per
   * variation with user targets. A `user` entry here is listed as given, and no placeholder is
   * added for its variation (what LaunchDarkly does with those is unknown: notes Q10).
   */
  contextTargets?: Record<string, SandboxContextTarget[]>
  /** The flag's tags: the list route's `filter=tags:X` matches them. */
  tags?: string[]
}

interface ResourceId {
  kind: string
  projectKey: string
  environmentKey: string
  flagKey: string
  key: string
}

/** A scheduled removal as the user endpoint (`expiring-user-targets`) shows it. */
export interface ExpiringItem {
  _id: string
  _version: number
  expirationDate: number
  userKey: string
  variationId: string
  _resourceId: ResourceId
}

/** A scheduled removal as the contexts endpoint (`expiring-targets`) shows it. */
export interface ExpiringContextItem {
  _id: string
  _version: number
  expirationDate: number
  contextKind: string
  contextKey: string
  variationId: string
  _resourceId: ResourceId
}

export interface RecordedRequest {
  method: string
  path: string
  /** The query string, the last value of a repeated parameter winning. */
  query: Record<string, string>
  /** The query string, every value of every parameter (`env=a&env=b`). */
  queryAll: Record<string, string[]>
  headers: http.IncomingHttpHeaders
  body: unknown
  /** What the sandbox answered. */
  status: number
  /** When it arrived (Date.now()). */
  at: number
}

export type FaultResponse =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: unknown }
  /** Apply the PATCH, then answer with this status: the write happened, the answer is lost. */
  | { kind: 'apply-then-status'; status: number }
  /** Apply the PATCH, then cut the connection. */
  | { kind: 'apply-then-reset' }
  | { kind: 'reset' }
  /** Apply a PATCH (a GET reads), send the headers and part of the body, then cut the connection. */
  | { kind: 'headers-then-reset' }
  /** Process the request, then answer after `ms`. */
  | { kind: 'delay'; ms: number }
  | { kind: 'raw'; status: number; body: string }
  /** The flag list answers as if `offset` were 0: a list that repeats its first page. */
  | { kind: 'first-page' }

export interface Fault {
  method?: string
  /** The end of the paths the fault applies to (`/checkout` is the flag, not its targets). */
  path?: string
  /** How many matching requests it hits; then it is spent. */
  times: number
  response: FaultResponse
}

export interface SandboxOptions {
  apiKey: string
  /** Milliseconds added before every answer. */
  latencyMs?: number
  /** A fixed-window limit shared by every request, as LaunchDarkly's global limit. */
  rateLimit?: { limit: number; windowMs: number }
  /** Leave the optional counters and errors out of PATCH answers. */
  omitCounters?: boolean
  now?: () => number
  /** Serve HTTPS: true with the test-only certificate in sandbox/tls (see server.ts). */
  tls?: TlsOption
  /** A fixed port, so that links in a report are the same every run (the demo); else a free one. */
  port?: number
}

interface FlagState {
  projectKey: string
  input: SandboxFlagInput
  version: number
  /** environment key -> itemKey(context kind, key) -> item: one store for both endpoints */
  expiring: Map<string, Map<string, ExpiringContextItem>>
}

type Items = Map<string, ExpiringContextItem>

/** The list route. Not in the trimmed spec: its answers are checked schema by schema. */
const LIST_FLAGS = 'getFeatureFlags'
/**
 * The list route is not in the trimmed spec. Its query parameters and its envelope, FeatureFlags
 * ({items, _links} required, totalCount optional), as LaunchDarkly's client generated from the
 * published OpenAPI description declares them (launchdarkly-api-typescript 17.2.0, api.ts).
 */
const LIST_FLAGS_QUERY = [
  'env',
  'tag',
  'limit',
  'offset',
  'archived',
  'summary',
  'filter',
  'sort',
  'compare',
  'expand'
]
const LIST_LIMIT_DEFAULT = 20
const LIST_LIMIT_MAX = 100
/** The spec's error schemas, for the list route's errors. */
const ERROR_SCHEMAS: Record<number, string> = {
  400: 'InvalidRequestErrorRep',
  401: 'UnauthorizedErrorRep',
  403: 'ForbiddenErrorRep',
  404: 'NotFoundErrorRep',
  429: 'RateLimitedErrorRep'
}

interface Route {
  operationId: string
  projectKey: string
  flagKey: string
  environmentKey: string
}

/** One instruction, whichever endpoint it came through. */
interface ParsedInstruction {
  op: 'add' | 'update' | 'remove'
  contextKind: string
  contextKey: string
  variationId: string
  value: number
  version?: number
}

/** What differs between the user endpoint and the contexts endpoint; the rest is shared. */
interface ExpiringEndpoint {
  getOperation: string
  patchOperation: string
  /** instruction kind -> what it does */
  kinds: Record<string, ParsedInstruction['op']>
  /** The instruction parameters naming the target, each a required non-empty string. */
  keyParameters: string[]
  /** The instruction that moves an existing removal, for the "already scheduled" error. */
  updateKind: string
  parse: (instruction: Record<string, unknown>) => ParsedInstruction
  /** Whether the endpoint shows an item, and how. */
  shows: (item: ExpiringContextItem) => boolean
  view: (item: ExpiringContextItem) => unknown
  /** The target in error messages. */
  who: (contextKind: string, contextKey: string) => string
}

const USER_ENDPOINT: ExpiringEndpoint = {
  getOperation: 'getExpiringUserTargets',
  patchOperation: 'patchExpiringUserTargets',
  kinds: {
    addExpireUserTargetDate: 'add',
    updateExpireUserTargetDate: 'update',
    removeExpireUserTargetDate: 'remove'
  },
  keyParameters: ['userKey'],
  updateKind: 'updateExpireUserTargetDate',
  parse: (ins) => ({
    op: USER_ENDPOINT.kinds[ins.kind as string]!,
    contextKind: 'user',
    contextKey: ins.userKey as string,
    variationId: ins.variationId as string,
    value: ins.value as number,
    version: ins.version as number | undefined
  }),
  shows: (item) => item.contextKind === 'user',
  view: (item) => userView(item),
  who: (_kind, key) => `user ${key}`
}

const CONTEXT_ENDPOINT: ExpiringEndpoint = {
  getOperation: 'getExpiringContextTargets',
  patchOperation: 'patchExpiringTargets',
  kinds: {
    addExpiringTarget: 'add',
    updateExpiringTarget: 'update',
    removeExpiringTarget: 'remove'
  },
  keyParameters: ['contextKey', 'contextKind'],
  updateKind: 'updateExpiringTarget',
  parse: (ins) => ({
    op: CONTEXT_ENDPOINT.kinds[ins.kind as string]!,
    contextKind: ins.contextKind as string,
    contextKey: ins.contextKey as string,
    variationId: ins.variationId as string,
    value: ins.value as number,
    version: ins.version as number | undefined
  }),
  shows: () => true,
  view: (item) => contextView(item),
  who: (kind, key) => `context ${kind}:${key}`
}

const ENDPOINTS: Record<string, ExpiringEndpoint> = {
  'expiring-user-targets': USER_ENDPOINT,
  'expiring-targets': CONTEXT_ENDPOINT
}

export class LaunchDarklySandbox {
  readonly requests: RecordedRequest[] = []
  readonly violations: string[] = []
  readonly faults: Fault[] = []
  url = ''
  private readonly options: SandboxOptions
  private readonly flags = new Map<string, FlagState>()
  private readonly contract = new Contract()
  /** Segments, environments and approvals: sandbox/segments.ts serves their routes. */
  readonly segments = new SandboxSegments({
    contract: this.contract,
    violations: this.violations,
    now: () => this.now(),
    omitCounters: () => this.options.omitCounters === true,
    flagEnvironments: (projectKey) =>
      [...this.flags.values()]
        .filter((f) => f.projectKey === projectKey)
        .flatMap((f) => environmentsOf(f.input))
  })
  private readonly server: http.Server
  private window = { start: 0, count: 0 }
  /** The most requests in flight at once: the benchmark reads it. */
  peakInFlight = 0
  private inFlight = 0
  rateLimited = 0

  constructor(options: SandboxOptions) {
    this.options = options
    this.server = createServer((req, res) => {
      this.inFlight++
      this.peakInFlight = Math.max(this.peakInFlight, this.inFlight)
      res.on('close', () => this.inFlight--)
      this.handle(req, res).catch((error: unknown) => {
        this.violations.push(`sandbox crashed: ${String(error)}`)
        if (!res.headersSent) res.writeHead(500).end()
      })
    }, options.tls)
  }

  async start(): Promise<this> {
    this.url = await listen(this.server, this.options.port)
    return this
  }

  close(): Promise<void> {
    return shutDown(this.server)
  }

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  /** Adds a flag, or replaces it (and forgets its scheduled removals). */
  addFlag(projectKey: string, input: SandboxFlagInput): void {
    const expiring = new Map<string, Items>()
    for (const env of environmentsOf(input)) expiring.set(env, new Map())
    this.flags.set(`${projectKey}/${input.key}`, { projectKey, input, version: 1, expiring })
  }

  /** Seeds a user's scheduled removal, as if made earlier in LaunchDarkly's UI. */
  schedule(
    projectKey: string,
    flagKey: string,
    env: string,
    userKey: string,
    variationId: string,
    at: number
  ): ExpiringItem {
    return userView(this.store(projectKey, flagKey, env, 'user', userKey, variationId, at))
  }

  /** Seeds a context's scheduled removal (any kind, `user` included). */
  scheduleContext(
    projectKey: string,
    flagKey: string,
    env: string,
    contextKind: string,
    contextKey: string,
    variationId: string,
    at: number
  ): ExpiringContextItem {
    return contextView(
      this.store(projectKey, flagKey, env, contextKind, contextKey, variationId, at)
    )
  }

  /** The scheduled removals of users, as the user endpoint shows them. */
  expiring(projectKey: string, flagKey: string, env: string): ExpiringItem[] {
    return this.stored(projectKey, flagKey, env)
      .filter((item) => USER_ENDPOINT.shows(item))
      .map(userView)
  }

  /** Every scheduled removal, users included, as the contexts endpoint shows them. */
  expiringContexts(projectKey: string, flagKey: string, env: string): ExpiringContextItem[] {
    return this.stored(projectKey, flagKey, env).map(contextView)
  }

  private stored(projectKey: string, flagKey: string, env: string): ExpiringContextItem[] {
    return [...(this.flag(projectKey, flagKey)?.expiring.get(env)?.values() ?? [])]
  }

  private store(
    projectKey: string,
    flagKey: string,
    env: string,
    contextKind: string,
    contextKey: string,
    variationId: string,
    at: number
  ): ExpiringContextItem {
    const state = this.flag(projectKey, flagKey)
    const items = state?.expiring.get(env)
    if (!state || !items) throw new Error(`no flag ${projectKey}/${flagKey} in ${env}`)
    const item = this.item(state, env, contextKind, contextKey, variationId, at)
    items.set(itemKey(contextKind, contextKey), item)
    return item
  }

  /** Requests that reached a route, faults and rejections included. */
  countRequests(method?: string): number {
    return this.requests.filter((r) => method === undefined || r.method === method).length
  }

  private flag(projectKey: string, flagKey: string): FlagState | undefined {
    return this.flags.get(`${projectKey}/${flagKey}`)
  }

  private item(
    state: FlagState,
    env: string,
    contextKind: string,
    contextKey: string,
    variationId: string,
    at: number
  ): ExpiringContextItem {
    return {
      _id: randomUUID().replace(/-/g, '').slice(0, 24),
      _version: 1,
      expirationDate: at,
      contextKind,
      contextKey,
      variationId,
      _resourceId: {
        kind: 'flag',
        projectKey: state.projectKey,
        environmentKey: env,
        flagKey: state.input.key,
        key: state.input.key
      }
    }
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://sandbox')
    const record: RecordedRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      queryAll: queryAll(url.searchParams),
      headers: req.headers,
      body: raw === '' ? undefined : safeJson(raw),
      status: 0,
      at: Date.now()
    }
    this.requests.push(record)
    const fault = this.takeFault(record)
    // A slow answer: the request is processed (a PATCH is applied) and the answer comes late.
    const slow = fault?.kind === 'delay' ? fault.ms : 0
    // Counted when the request arrives, as a server would, not when the (delayed) answer leaves.
    let rateLimitHeaders: Record<string, string> = {}
    const send = async (
      status: number,
      body: unknown,
      headers: Record<string, string> = {}
    ): Promise<void> => {
      record.status = status
      if (this.options.latencyMs) await delay(this.options.latencyMs)
      if (slow) await delay(slow)
      if (res.destroyed) return
      res.writeHead(status, {
        'Content-Type': 'application/json',
        ...rateLimitHeaders,
        ...headers
      })
      res.end(body === undefined ? '' : JSON.stringify(body))
    }

    if (fault?.kind === 'reset') {
      record.status = -1
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'status') return send(fault.status, fault.body, fault.headers)
    if (fault?.kind === 'raw') {
      record.status = fault.status
      res.writeHead(fault.status, { 'Content-Type': 'application/json' }).end(fault.body)
      return
    }

    if (fault?.kind === 'headers-then-reset' && record.method === 'GET')
      return cutAfterHeaders(res, req)
    const route = this.route(record)
    if (!route) return send(404, { code: 'not_found', message: 'Unknown route' })
    const overLimit = this.options.rateLimit ? this.overLimit(this.options.rateLimit) : false
    rateLimitHeaders = this.rateHeaders()
    if (overLimit) {
      this.rateLimited++
      return this.answer(send, route.operationId, 429, {
        code: 'rate_limited',
        message: "You've exceeded the API rate limit. Try again later."
      })
    }
    if (req.headers.authorization !== this.options.apiKey) {
      return this.answer(send, route.operationId, 401, {
        code: 'unauthorized',
        message: 'Invalid access token'
      })
    }
    const version = req.headers['ld-api-version']
    if (version !== undefined && version !== '20240415' && version !== 'beta') {
      return this.answer(send, route.operationId, 400, {
        code: 'invalid_request',
        message: `Unknown API version ${String(version)}`
      })
    }
    if (route.segment) {
      const answer = this.segments.handle(route.segment, {
        method: record.method,
        url,
        body: record.body,
        contentType: req.headers['content-type'] ?? ''
      })
      // The write faults apply to a segment PATCH as to a flag's.
      if (record.method === 'PATCH' && answer.status === 200) {
        if (fault?.kind === 'apply-then-status')
          return send(fault.status, { code: 'internal_error', message: 'Internal error' })
        if (fault?.kind === 'apply-then-reset') {
          record.status = -1
          req.socket.destroy()
          return
        }
        if (fault?.kind === 'headers-then-reset') return cutAfterHeaders(res, req)
      }
      return this.answer(send, route.operationId, answer.status, answer.body)
    }
    if (route.operationId === LIST_FLAGS) {
      const unknownQuery = [...url.searchParams.keys()].filter((q) => !LIST_FLAGS_QUERY.includes(q))
      if (unknownQuery.length)
        this.violations.push(`getFeatureFlags: undocumented query ${unknownQuery.join(', ')}`)
      const { status, body } = this.listFlags(route.projectKey, url, fault?.kind === 'first-page')
      return this.answer(send, route.operationId, status, body)
    }
    const state = this.flag(route.projectKey, route.flagKey)
    if (!state)
      return this.answer(send, route.operationId, 404, {
        code: 'not_found',
        message: 'Unknown resource'
      })

    if (route.operationId === 'getFeatureFlag') {
      const unknownQuery = Object.keys(record.query).filter(
        (q) => !this.contract.queryParameters('getFeatureFlag').includes(q)
      )
      if (unknownQuery.length)
        this.violations.push(`getFeatureFlag: undocumented query ${unknownQuery.join(', ')}`)
      const env = record.query.env
      return this.answer(
        send,
        route.operationId,
        200,
        this.flagBody(state, env === undefined ? undefined : [env], true)
      )
    }
    const endpoint = route.endpoint
    if (!endpoint) throw new Error(`no endpoint for ${route.operationId}`)
    const items = state.expiring.get(route.environmentKey)
    if (!items)
      return this.answer(send, route.operationId, 404, {
        code: 'not_found',
        message: 'Unknown environment'
      })
    if (route.operationId === endpoint.getOperation) {
      return this.answer(send, route.operationId, 200, { items: this.shown(endpoint, items) })
    }

    // PATCH
    const contentType = req.headers['content-type'] ?? ''
    if (!contentType.includes('domain-model=launchdarkly.semanticpatch')) {
      return this.answer(send, route.operationId, 400, {
        code: 'invalid_request',
        message:
          'Semantic patch requests need Content-Type: application/json; domain-model=launchdarkly.semanticpatch (this body was read as a JSON patch)'
      })
    }
    const body = record.body
    const malformed = this.contract
      .checkRequest(endpoint.patchOperation, body)
      .concat(instructionProblems(endpoint, body))
    if (body === null || malformed.length > 0) {
      return this.answer(send, route.operationId, 400, {
        code: 'invalid_request',
        message: `Invalid request body: ${malformed[0] ?? 'not JSON'}`
      })
    }
    // Approvals required for this flag here: 405, nothing changed (see contract.ts on the 405).
    const { projectKey, environmentKey } = route
    if (this.segments.approvalRequired(projectKey, environmentKey, 'flag', state.input.tags))
      return this.answer(send, route.operationId, 405, FLAG_APPROVAL_REQUIRED)
    const result = this.applyPatch(
      state,
      route.environmentKey,
      items,
      endpoint,
      (body as { instructions: Record<string, unknown>[] }).instructions
    )
    if (fault?.kind === 'apply-then-status')
      return send(fault.status, { code: 'internal_error', message: 'Internal error' })
    if (fault?.kind === 'apply-then-reset') {
      record.status = -1
      req.socket.destroy()
      return
    }
    if (fault?.kind === 'headers-then-reset') return cutAfterHeaders(res, req)
    return this.answer(send, route.operationId, 200, result)
  }

  /** Sends a documented answer; anything the spec does not allow becomes a violation. */
  private answer(
    send: (status: number, body: unknown) => Promise<void>,
    operationId: string,
    status: number,
    body: unknown
  ): Promise<void> {
    this.violations.push(...this.check(operationId, status, body))
    return send(status, body)
  }

  /**
   * The list route is not in the trimmed spec (nor is its FeatureFlags schema): each flag in it is
   * checked against FeatureFlag, each link against Link, and an error against the spec's schema for
   * that status, and the envelope against FeatureFlags as LaunchDarkly's generated client has it.
   */
  private check(operationId: string, status: number, body: unknown): string[] {
    if (operationId !== LIST_FLAGS || this.contract.hasOperation(operationId))
      return this.contract.checkResponse(operationId, status, body)
    if (status !== 200) {
      const schema = ERROR_SCHEMAS[status]
      if (!schema) return [`${operationId}: no error schema for status ${status}`]
      return this.contract.checkSchema(schema, body)
    }
    const { items, _links, totalCount } = body as {
      items?: unknown
      _links?: unknown
      totalCount?: unknown
    }
    const envelope = [
      ...(Array.isArray(items) ? [] : ['getFeatureFlags 200: /items must be an array']),
      ...(typeof _links === 'object' && _links !== null
        ? []
        : ['getFeatureFlags 200: /_links must be an object']),
      ...(totalCount === undefined || Number.isInteger(totalCount)
        ? []
        : ['getFeatureFlags 200: /totalCount must be an integer'])
    ]
    if (envelope.length > 0 || !Array.isArray(items)) return envelope
    return [
      ...items.flatMap((flag) => this.contract.checkSchema('FeatureFlag', flag)),
      ...Object.values(_links as Record<string, unknown>).flatMap((link) =>
        this.contract.checkSchema('Link', link)
      )
    ]
  }

  private takeFault(record: RecordedRequest): FaultResponse | undefined {
    const fault = this.faults.find(
      (f) =>
        f.times > 0 &&
        (f.method === undefined || f.method === record.method) &&
        (f.path === undefined || record.path.endsWith(f.path))
    )
    if (!fault) return undefined
    fault.times--
    return fault.response
  }

  private overLimit(limit: { limit: number; windowMs: number }): boolean {
    const now = this.now()
    if (now - this.window.start >= limit.windowMs) this.window = { start: now, count: 0 }
    this.window.count++
    return this.window.count > limit.limit
  }

  private rateHeaders(): Record<string, string> {
    const limit = this.options.rateLimit
    if (!limit) return {}
    return {
      'X-Ratelimit-Global-Remaining': String(Math.max(0, limit.limit - this.window.count)),
      'X-Ratelimit-Reset': String(this.window.start + limit.windowMs)
    }
  }

  private route(
    record: RecordedRequest
  ): (Route & { endpoint?: ExpiringEndpoint; segment?: SegmentRoute }) | undefined {
    const parts = record.path.split('/').slice(1).map(decodeURIComponent)
    const segment = segmentRoute(record.method, parts)
    if (segment) {
      const { operationId, projectKey, environmentKey } = segment
      return { operationId, projectKey, flagKey: '', environmentKey, segment }
    }
    if (parts[0] !== 'api' || parts[1] !== 'v2' || parts[2] !== 'flags') return undefined
    const [projectKey, flagKey] = [parts[3], parts[4]]
    if (!projectKey) return undefined
    if (parts.length === 4 && record.method === 'GET')
      return { operationId: LIST_FLAGS, projectKey, flagKey: '', environmentKey: '' }
    if (!flagKey) return undefined
    if (parts.length === 5 && record.method === 'GET')
      return { operationId: 'getFeatureFlag', projectKey, flagKey, environmentKey: '' }
    const endpoint = Object.hasOwn(ENDPOINTS, parts[5] ?? '') ? ENDPOINTS[parts[5]!] : undefined
    const environmentKey = parts[6]
    if (parts.length === 7 && endpoint && environmentKey) {
      const base = { projectKey, flagKey, environmentKey, endpoint }
      if (record.method === 'GET') return { operationId: endpoint.getOperation, ...base }
      if (record.method === 'PATCH') return { operationId: endpoint.patchOperation, ...base }
    }
    return undefined
  }

  /** `GET /api/v2/flags/{projectKey}`: filtered, sorted by key, a page at a time. */
  private listFlags(
    projectKey: string,
    url: URL,
    firstPage = false
  ): { status: number; body: unknown } {
    const invalid = (message: string) => ({
      status: 400,
      body: { code: 'invalid_request', message }
    })
    const params = url.searchParams
    const limit = params.has('limit') ? wholeNumber(params.get('limit')) : LIST_LIMIT_DEFAULT
    if (limit === undefined || limit < 1) return invalid('limit must be a positive integer')
    if (limit > LIST_LIMIT_MAX) return invalid(`limit must be at most ${LIST_LIMIT_MAX}`)
    const offset = firstPage ? 0 : params.has('offset') ? wholeNumber(params.get('offset')) : 0
    if (offset === undefined) return invalid('offset must be a non-negative integer')
    const filters: ((input: SandboxFlagInput) => boolean)[] = []
    for (const term of (params.get('filter') ?? '').split(',')) {
      if (term.trim() === '') continue
      const [field, value] = splitOnce(term.trim(), ':')
      if (field !== 'tags' || !value)
        return invalid(`unsupported filter ${term} (the sandbox knows tags:<tag>)`)
      filters.push((input) => (input.tags ?? []).includes(value))
    }
    const inProject = [...this.flags.values()].filter((f) => f.projectKey === projectKey)
    if (inProject.length === 0)
      return { status: 404, body: { code: 'not_found', message: 'Unknown project' } }
    const matching = inProject
      .filter((f) => filters.every((matches) => matches(f.input)))
      .sort((a, b) => (a.input.key < b.input.key ? -1 : a.input.key > b.input.key ? 1 : 0))
    const envs = params.getAll('env')
    // summary is a boolean: 0 (or false) asks for the targeting lists instead of the summary.
    const full = params.get('summary') === '0' || params.get('summary') === 'false'
    const items = matching
      .slice(offset, offset + limit)
      .map((state) => this.flagBody(state, envs, full))
    const links: Record<string, { href: string; type: string }> = {
      self: { href: url.pathname + url.search, type: 'application/json' }
    }
    if (offset + limit < matching.length) {
      const next = new URLSearchParams(params)
      next.set('offset', String(offset + limit))
      links.next = { href: `${url.pathname}?${next.toString()}`, type: 'application/json' }
    }
    return { status: 200, body: { items, totalCount: matching.length, _links: links } }
  }

  /**
   * A FeatureFlag. `envs`: the environments to include (all when undefined, as the flag GET without
   * `env`). `full`: with the targeting lists (targets, contextTargets, rules, prerequisites), else
   * with a `_summary` instead, as the list route without `summary=0`.
   */
  private flagBody(state: FlagState, envs: string[] | undefined, full: boolean): unknown {
    const { input } = state
    const environments: Record<string, unknown> = {}
    for (const envKey of environmentsOf(input)) {
      if (envs !== undefined && !envs.includes(envKey)) continue
      const byVariation = input.targets[envKey] ?? {}
      const others = input.contextTargets?.[envKey] ?? []
      const lists = {
        targets: Object.entries(byVariation).map(([variation, values]) => ({
          values,
          variation: Number(variation),
          contextKind: 'user'
        })),
        contextTargets: contextTargetsBody(byVariation, others),
        rules: [],
        prerequisites: []
      }
      environments[envKey] = {
        on: true,
        archived: false,
        salt: 'salt',
        sel: 'sel',
        lastModified: 1_700_000_000_000,
        version: state.version,
        ...(full ? lists : { _summary: summaryOf(input, byVariation, others) }),
        fallthrough: { variation: 0 },
        offVariation: 0,
        _site: { href: `/sandbox/${input.key}/targeting`, type: 'text/html' },
        _environmentName: envKey,
        trackEvents: false,
        trackEventsFallthrough: false
      }
    }
    return {
      name: input.name ?? input.key,
      kind: typeof input.variations[0]?.value === 'boolean' ? 'boolean' : 'multivariate',
      key: input.key,
      _version: state.version,
      creationDate: 1_700_000_000_000,
      variations: input.variations,
      temporary: true,
      tags: input.tags ?? [],
      _links: {
        self: { href: `/api/v2/flags/${state.projectKey}/${input.key}`, type: 'application/json' }
      },
      experiments: { baselineIdx: 0, items: [] },
      customProperties: {},
      archived: false,
      ...(envs === undefined || envs.length > 0 ? { environments } : {})
    }
  }

  private shown(endpoint: ExpiringEndpoint, items: Items): unknown[] {
    return [...items.values()].filter(endpoint.shows).map(endpoint.view)
  }

  private applyPatch(
    state: FlagState,
    env: string,
    items: Items,
    endpoint: ExpiringEndpoint,
    instructions: Record<string, unknown>[]
  ): unknown {
    const errors: { instructionIndex: number; message: string }[] = []
    instructions.forEach((instruction, index) => {
      const problem = this.applyInstruction(state, env, items, endpoint, instruction)
      if (problem) errors.push({ instructionIndex: index, message: problem })
    })
    const body: Record<string, unknown> = { items: this.shown(endpoint, items) }
    if (!this.options.omitCounters) {
      body.totalInstructions = instructions.length
      body.successfulInstructions = instructions.length - errors.length
      body.failedInstructions = errors.length
      body.errors = errors
    }
    return body
  }

  private applyInstruction(
    state: FlagState,
    env: string,
    items: Items,
    endpoint: ExpiringEndpoint,
    raw: Record<string, unknown>
  ): string | undefined {
    const instruction = endpoint.parse(raw)
    const { contextKind, contextKey, variationId } = instruction
    const who = endpoint.who(contextKind, contextKey)
    const variationIndex = state.input.variations.findIndex((v) => v._id === variationId)
    if (variationIndex < 0)
      return `variation ${variationId} does not exist on flag ${state.input.key}`
    const id = itemKey(contextKind, contextKey)
    const current = items.get(id)
    if (instruction.op === 'remove') {
      if (!current) return `${who} has no scheduled removal to remove`
      if (current.variationId !== variationId)
        return `${who}'s removal is scheduled on another variation`
      items.delete(id)
      return undefined
    }
    if (!targetedOn(state.input, env, contextKind, variationIndex).includes(contextKey))
      return `${who} is not individually targeted on variation ${variationId}`
    if (instruction.value <= this.now()) return 'the removal time must be in the future'
    if (instruction.op === 'add') {
      if (current) return `${who} already has a scheduled removal; use ${endpoint.updateKind}`
      items.set(id, this.item(state, env, contextKind, contextKey, variationId, instruction.value))
      return undefined
    }
    if (!current) return `${who} has no scheduled removal to update`
    if (instruction.version !== undefined && instruction.version !== current._version) {
      return `version mismatch: the scheduled removal is at version ${current._version}, not ${instruction.version}`
    }
    items.set(id, {
      ...current,
      expirationDate: instruction.value,
      variationId,
      _version: current._version + 1
    })
    return undefined
  }
}

/** The instruction parameters documented in prose (the spec types Instruction as any object). */
function instructionProblems(endpoint: ExpiringEndpoint, body: unknown): string[] {
  const instructions = (body as { instructions?: unknown })?.instructions
  if (!Array.isArray(instructions)) return []
  const problems: string[] = []
  const allowed = ['kind', ...endpoint.keyParameters, 'variationId', 'value', 'version']
  instructions.forEach((raw: unknown, i) => {
    const ins = (raw ?? {}) as Record<string, unknown>
    const at = `instructions[${i}]`
    if (typeof ins.kind !== 'string' || !Object.hasOwn(endpoint.kinds, ins.kind))
      return problems.push(`${at}: unknown kind ${String(ins.kind)}`)
    for (const name of endpoint.keyParameters) {
      if (typeof ins[name] !== 'string' || ins[name] === '')
        problems.push(`${at}: ${name} must be a non-empty string`)
    }
    if (typeof ins.variationId !== 'string') problems.push(`${at}: variationId must be a string`)
    if (endpoint.kinds[ins.kind] !== 'remove' && !Number.isSafeInteger(ins.value))
      problems.push(`${at}: value must be Unix milliseconds`)
    if (ins.version !== undefined && !Number.isInteger(ins.version))
      problems.push(`${at}: version must be an integer`)
    const extra = Object.keys(ins).filter((k) => !allowed.includes(k))
    if (extra.length) problems.push(`${at}: unknown parameters ${extra.join(', ')}`)
    return undefined
  })
  return problems
}

/** The store's key for a target: kind and key together, so no two kinds collide. */
function itemKey(contextKind: string, contextKey: string): string {
  return JSON.stringify([contextKind, contextKey])
}

function userView(item: ExpiringContextItem): ExpiringItem {
  return {
    _id: item._id,
    _version: item._version,
    expirationDate: item.expirationDate,
    userKey: item.contextKey,
    variationId: item.variationId,
    _resourceId: { ...item._resourceId }
  }
}

function contextView(item: ExpiringContextItem): ExpiringContextItem {
  return { ...item, _resourceId: { ...item._resourceId } }
}

/** The environments a flag input mentions, in `targets` or in `contextTargets`. */
function environmentsOf(input: SandboxFlagInput): string[] {
  return [...new Set([...Object.keys(input.targets), ...Object.keys(input.contextTargets ?? {})])]
}

/** The keys of one kind individually targeted on a variation in an environment. */
function targetedOn(
  input: SandboxFlagInput,
  env: string,
  contextKind: string,
  variation: number
): string[] {
  const listed = (input.contextTargets?.[env] ?? [])
    .filter((t) => t.kind === contextKind && t.variation === variation)
    .flatMap((t) => t.values)
  if (contextKind !== 'user') return listed
  return [...(input.targets[env]?.[variation] ?? []), ...listed]
}

/** The other kinds as given, then an empty user placeholder per variation with user targets. */
function contextTargetsBody(
  byVariation: Record<number, string[]>,
  others: SandboxContextTarget[]
): { contextKind: string; variation: number; values: string[] }[] {
  const listed = others.map((t) => ({
    contextKind: t.kind,
    variation: t.variation,
    values: t.values
  }))
  const placeholders = Object.entries(byVariation)
    .filter(([variation, values]) => {
      const index = Number(variation)
      return values.length > 0 && !others.some((t) => t.kind === 'user' && t.variation === index)
    })
    .map(([variation]) => ({ contextKind: 'user', values: [], variation: Number(variation) }))
  return [...listed, ...placeholders]
}

/** `_summary` (FlagSummary): per variation, how many keys target it; no rules or prerequisites. */
function summaryOf(
  input: SandboxFlagInput,
  byVariation: Record<number, string[]>,
  others: SandboxContextTarget[]
): unknown {
  const variations: Record<string, unknown> = {}
  input.variations.forEach((_variation, i) => {
    variations[String(i)] = {
      rules: 0,
      nullRules: 0,
      targets: byVariation[i]?.length ?? 0,
      contextTargets: others
        .filter((t) => t.variation === i)
        .reduce((n, t) => n + t.values.length, 0),
      // The sandbox's flags fall through to, and are off on, variation 0.
      ...(i === 0 ? { isFallthrough: true, isOff: true } : {})
    }
  })
  return { variations, prerequisites: 0 }
}

function queryAll(params: URLSearchParams): Record<string, string[]> {
  const all: Record<string, string[]> = {}
  for (const [name, value] of params) (all[name] ??= []).push(value)
  return all
}

/** A whole number written in decimal digits, or undefined. */
function wholeNumber(text: string | null): number | undefined {
  return text !== null && /^\d+$/.test(text) ? Number(text) : undefined
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator)
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + separator.length)]
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

export async function startLaunchDarklySandbox(
  options: SandboxOptions
): Promise<LaunchDarklySandbox> {
  return new LaunchDarklySandbox(options).start()
}

/** A 200 whose body never ends: the headers and a first chunk, then the connection is cut. */
function cutAfterHeaders(res: http.ServerResponse, req: http.IncomingMessage): void {
  res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' })
  res.write('{"items": [')
  setTimeout(() => req.socket.destroy(), 20)
}

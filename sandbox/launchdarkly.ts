/**
 * An in-memory LaunchDarkly for tests, the demo and the benchmark: GET a flag, GET and PATCH its
 * expiring user targets, with the documented behaviour (auth, the semantic-patch content type,
 * per-instruction errors in a 200, counters, 404s), an optional rate limit, latency, and faults to
 * inject. Every request it accepts and every answer it gives is checked against LaunchDarkly's
 * OpenAPI description; problems land in `violations`.
 *
 * Plain erasable TypeScript: Node 24 runs it directly (`node sandbox/launchdarkly.ts`).
 */
import type http from 'node:http'
import { randomUUID } from 'node:crypto'
import { createServer, listen, shutDown, type TlsOption } from './server.ts'
import { Contract } from './contract.ts'

export interface SandboxVariation {
  _id: string
  value: unknown
  name?: string
}

export interface SandboxFlagInput {
  key: string
  name?: string
  variations: SandboxVariation[]
  /** environment key -> variation index -> user keys individually targeted on it */
  targets: Record<string, Record<number, string[]>>
}

export interface ExpiringItem {
  _id: string
  _version: number
  expirationDate: number
  userKey: string
  variationId: string
  _resourceId: {
    kind: string
    projectKey: string
    environmentKey: string
    flagKey: string
    key: string
  }
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
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
  /** environment key -> user key -> item */
  expiring: Map<string, Map<string, ExpiringItem>>
}

const INSTRUCTION_KINDS = new Set([
  'addExpireUserTargetDate',
  'updateExpireUserTargetDate',
  'removeExpireUserTargetDate'
])

export class LaunchDarklySandbox {
  readonly requests: RecordedRequest[] = []
  readonly violations: string[] = []
  readonly faults: Fault[] = []
  url = ''
  private readonly options: SandboxOptions
  private readonly flags = new Map<string, FlagState>()
  private readonly contract = new Contract()
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

  addFlag(projectKey: string, input: SandboxFlagInput): void {
    const expiring = new Map<string, Map<string, ExpiringItem>>()
    for (const env of Object.keys(input.targets)) expiring.set(env, new Map())
    this.flags.set(`${projectKey}/${input.key}`, { projectKey, input, version: 1, expiring })
  }

  /** Seeds a scheduled removal, as if made earlier in LaunchDarkly's UI. */
  schedule(
    projectKey: string,
    flagKey: string,
    env: string,
    userKey: string,
    variationId: string,
    at: number
  ): ExpiringItem {
    const state = this.flag(projectKey, flagKey)
    const items = state?.expiring.get(env)
    if (!state || !items) throw new Error(`no flag ${projectKey}/${flagKey} in ${env}`)
    const item = this.item(state, env, userKey, variationId, at)
    items.set(userKey, item)
    return item
  }

  expiring(projectKey: string, flagKey: string, env: string): ExpiringItem[] {
    return [...(this.flag(projectKey, flagKey)?.expiring.get(env)?.values() ?? [])]
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
    userKey: string,
    variationId: string,
    at: number
  ): ExpiringItem {
    return {
      _id: randomUUID().replace(/-/g, '').slice(0, 24),
      _version: 1,
      expirationDate: at,
      userKey,
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
      return this.answer(send, route.operationId, 200, this.flagBody(state, record.query.env))
    }
    const items = state.expiring.get(route.environmentKey)
    if (!items)
      return this.answer(send, route.operationId, 404, {
        code: 'not_found',
        message: 'Unknown environment'
      })
    if (route.operationId === 'getExpiringUserTargets') {
      return this.answer(send, route.operationId, 200, { items: [...items.values()] })
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
      .checkRequest('patchExpiringUserTargets', body)
      .concat(instructionProblems(body))
    if (body === null || malformed.length > 0) {
      return this.answer(send, route.operationId, 400, {
        code: 'invalid_request',
        message: `Invalid request body: ${malformed[0] ?? 'not JSON'}`
      })
    }
    const result = this.applyPatch(
      state,
      route.environmentKey,
      items,
      (body as { instructions: Instruction[] }).instructions
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
    this.violations.push(...this.contract.checkResponse(operationId, status, body))
    return send(status, body)
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
  ):
    | { operationId: string; projectKey: string; flagKey: string; environmentKey: string }
    | undefined {
    const parts = record.path.split('/').slice(1).map(decodeURIComponent)
    if (parts[0] !== 'api' || parts[1] !== 'v2' || parts[2] !== 'flags') return undefined
    const [projectKey, flagKey] = [parts[3], parts[4]]
    if (!projectKey || !flagKey) return undefined
    if (parts.length === 5 && record.method === 'GET')
      return { operationId: 'getFeatureFlag', projectKey, flagKey, environmentKey: '' }
    if (parts.length === 7 && parts[5] === 'expiring-user-targets' && parts[6]) {
      if (record.method === 'GET')
        return {
          operationId: 'getExpiringUserTargets',
          projectKey,
          flagKey,
          environmentKey: parts[6]
        }
      if (record.method === 'PATCH')
        return {
          operationId: 'patchExpiringUserTargets',
          projectKey,
          flagKey,
          environmentKey: parts[6]
        }
    }
    return undefined
  }

  private flagBody(state: FlagState, env: string | undefined): unknown {
    const { input } = state
    const environments: Record<string, unknown> = {}
    for (const [envKey, byVariation] of Object.entries(input.targets)) {
      if (env !== undefined && env !== envKey) continue
      environments[envKey] = {
        on: true,
        archived: false,
        salt: 'salt',
        sel: 'sel',
        lastModified: 1_700_000_000_000,
        version: state.version,
        targets: Object.entries(byVariation).map(([variation, values]) => ({
          values,
          variation: Number(variation),
          contextKind: 'user'
        })),
        contextTargets: [],
        rules: [],
        fallthrough: { variation: 0 },
        offVariation: 0,
        prerequisites: [],
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
      tags: [],
      _links: {
        self: { href: `/api/v2/flags/${state.projectKey}/${input.key}`, type: 'application/json' }
      },
      experiments: { baselineIdx: 0, items: [] },
      customProperties: {},
      archived: false,
      environments
    }
  }

  private applyPatch(
    state: FlagState,
    env: string,
    items: Map<string, ExpiringItem>,
    instructions: Instruction[]
  ): unknown {
    const errors: { instructionIndex: number; message: string }[] = []
    instructions.forEach((instruction, index) => {
      const problem = this.applyInstruction(state, env, items, instruction)
      if (problem) errors.push({ instructionIndex: index, message: problem })
    })
    const body: Record<string, unknown> = { items: [...items.values()] }
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
    items: Map<string, ExpiringItem>,
    instruction: Instruction
  ): string | undefined {
    const { userKey, variationId } = instruction
    const variationIndex = state.input.variations.findIndex((v) => v._id === variationId)
    if (variationIndex < 0)
      return `variation ${variationId} does not exist on flag ${state.input.key}`
    const current = items.get(userKey)
    if (instruction.kind === 'removeExpireUserTargetDate') {
      if (!current) return `user ${userKey} has no scheduled removal to remove`
      if (current.variationId !== variationId)
        return `user ${userKey}'s removal is scheduled on another variation`
      items.delete(userKey)
      return undefined
    }
    const targeted = state.input.targets[env]?.[variationIndex] ?? []
    if (!targeted.includes(userKey))
      return `user ${userKey} is not individually targeted on variation ${variationId}`
    if (instruction.value <= this.now()) return 'the removal time must be in the future'
    if (instruction.kind === 'addExpireUserTargetDate') {
      if (current)
        return `user ${userKey} already has a scheduled removal; use updateExpireUserTargetDate`
      items.set(userKey, this.item(state, env, userKey, variationId, instruction.value))
      return undefined
    }
    if (!current) return `user ${userKey} has no scheduled removal to update`
    if (instruction.version !== undefined && instruction.version !== current._version) {
      return `version mismatch: the scheduled removal is at version ${current._version}, not ${instruction.version}`
    }
    items.set(userKey, {
      ...current,
      expirationDate: instruction.value,
      variationId,
      _version: current._version + 1
    })
    return undefined
  }
}

interface Instruction {
  kind: 'addExpireUserTargetDate' | 'updateExpireUserTargetDate' | 'removeExpireUserTargetDate'
  userKey: string
  variationId: string
  value: number
  version?: number
}

/** The instruction parameters documented in prose (the spec types Instruction as any object). */
function instructionProblems(body: unknown): string[] {
  const instructions = (body as { instructions?: unknown })?.instructions
  if (!Array.isArray(instructions)) return []
  const problems: string[] = []
  instructions.forEach((raw: unknown, i) => {
    const ins = (raw ?? {}) as Record<string, unknown>
    const at = `instructions[${i}]`
    if (typeof ins.kind !== 'string' || !INSTRUCTION_KINDS.has(ins.kind))
      return problems.push(`${at}: unknown kind ${String(ins.kind)}`)
    if (typeof ins.userKey !== 'string' || ins.userKey === '')
      problems.push(`${at}: userKey must be a non-empty string`)
    if (typeof ins.variationId !== 'string') problems.push(`${at}: variationId must be a string`)
    if (ins.kind !== 'removeExpireUserTargetDate' && !Number.isSafeInteger(ins.value))
      problems.push(`${at}: value must be Unix milliseconds`)
    if (ins.version !== undefined && !Number.isInteger(ins.version))
      problems.push(`${at}: version must be an integer`)
    const allowed = ['kind', 'userKey', 'variationId', 'value', 'version']
    const extra = Object.keys(ins).filter((k) => !allowed.includes(k))
    if (extra.length) problems.push(`${at}: unknown parameters ${extra.join(', ')}`)
    return undefined
  })
  return problems
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

/**
 * Segments, environments and approvals for the LaunchDarkly sandbox (sandbox/launchdarkly.ts hands
 * these routes over after its own route, rate-limit, auth and API-version checks, and records them
 * in the same `requests`):
 *
 * - `GET /api/v2/segments/{p}/{env}/{segment}` (getSegment) and `GET /api/v2/segments/{p}/{env}`
 *   (getSegments): the segment resource routes put the environment BEFORE the segment;
 * - `GET|PATCH /api/v2/segments/{p}/{segment}/expiring-user-targets/{env}` and
 *   `.../expiring-targets/{env}`: the expiring routes put the segment BEFORE the environment;
 * - `GET /api/v2/projects/{p}/environments/{env}` (getEnvironment), with fake SDK and mobile keys;
 * - approvals: an environment can require them for flags (a flag expiring PATCH answers 405) and
 *   for segments (a segment expiring PATCH answers 403); nothing is changed then.
 *
 * A segment lives in one project and environment. Both expiring endpoints share one store of
 * scheduled removals per segment and environment, keyed by (context kind, key), each with its
 * `targetType` (`included` or `excluded`): a user removal made through one shows through the other.
 * Every method here takes (project, environment, segment) in that order, whatever order the URL has.
 *
 * Our choices where LaunchDarkly's behaviour is unknown (notes §10.7) are marked "Sandbox choice".
 *
 * Plain erasable TypeScript: Node 24 runs it directly.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { Contract } from './contract.ts'

/** The SDK key every sandbox environment reports: a fake secret that must never reach a log. */
export const SANDBOX_SDK_KEY = 'sdk-00000000-sandbox-do-not-log'
/** The mobile key every sandbox environment reports: a fake secret that must never reach a log. */
export const SANDBOX_MOBILE_KEY = 'mob-00000000-sandbox-do-not-log'

/** A flag expiring PATCH where approvals are required for flags (MethodNotAllowedErrorRep). */
export const FLAG_APPROVAL_REQUIRED = {
  code: 'method_not_allowed',
  message: 'Approval is required to make this request'
}
/**
 * A segment expiring PATCH where approvals are required for segments: what LaunchDarkly answers a
 * segment PATCH under approvals (terraform-provider-launchdarkly#463). Sandbox choice: that the
 * expiring PATCHes are gated the same way (notes Q12).
 */
export const SEGMENT_APPROVAL_REQUIRED = { code: 'forbidden', message: 'approval is required' }

/** Keys of one context kind, as `includedContexts` and `excludedContexts` list them. */
export interface SandboxSegmentTarget {
  contextKind: string
  values: string[]
}

export interface SandboxSegmentInput {
  key: string
  name?: string
  description?: string
  tags?: string[]
  /** User keys included individually. */
  included?: string[]
  /** User keys excluded individually. */
  excluded?: string[]
  /** Keys of other context kinds (or `user`) included individually. */
  includedContexts?: SandboxSegmentTarget[]
  /** Keys of other context kinds (or `user`) excluded individually. */
  excludedContexts?: SandboxSegmentTarget[]
  /**
   * A big (list-based) segment. Its GET omits `included`, `excluded` and, sandbox choice, the
   * `*Contexts` arrays (notes Q13); sandbox choice too, it refuses to schedule removals.
   */
  unbounded?: boolean
  /** For a big segment, the context kind it targets (`user` when omitted). */
  unboundedContextKind?: string
}

export type TargetType = 'included' | 'excluded'

export interface SegmentResourceId {
  kind: 'segment'
  key: string
  environmentKey: string
  projectKey: string
}

/** A scheduled removal as the contexts endpoint (`expiring-targets`) shows it (ExpiringTarget). */
export interface SegmentExpiringItem {
  _id: string
  _version: number
  expirationDate: number
  contextKind: string
  contextKey: string
  targetType: TargetType
  _resourceId: SegmentResourceId
}

/** A scheduled removal as the user endpoint shows it (ExpiringUserTargetItem). */
export interface SegmentExpiringUserItem {
  _id: string
  _version: number
  expirationDate: number
  userKey: string
  targetType: TargetType
  _resourceId: SegmentResourceId
}

/** What an environment requires approvals for; absent tags mean every flag or segment. */
export interface ApprovalRequirement {
  flags?: boolean
  segments?: boolean
  /** Only flags with one of these tags need approval (`approvalSettings.requiredApprovalTags`). */
  flagTags?: string[]
  /** Only segments with one of these tags need approval. */
  segmentTags?: string[]
}

/** A segment or environment route, as sandbox/launchdarkly.ts dispatches it here. */
export interface SegmentRoute {
  operationId: string
  projectKey: string
  environmentKey: string
  /** Absent for getSegments and getEnvironment. */
  segmentKey?: string
  /** The expiring routes' endpoint. */
  endpoint?: SegmentEndpoint
}

export interface SegmentRequest {
  method: string
  url: URL
  /** The parsed JSON body; null when it was not JSON, undefined when there was none. */
  body: unknown
  contentType: string
}

export interface SegmentAnswer {
  status: number
  body: unknown
}

export interface SegmentsOptions {
  contract: Contract
  /** Where problems with what the sandbox receives go: the sandbox's own `violations`. */
  violations: string[]
  now: () => number
  /** Leave the optional counters and errors out of PATCH answers. */
  omitCounters: () => boolean
  /** The environments a project's flags mention: they exist for getEnvironment and getSegments. */
  flagEnvironments: (projectKey: string) => string[]
}

interface StoredItem {
  _id: string
  _version: number
  expirationDate: number
  contextKind: string
  contextKey: string
  targetType: TargetType
}

interface SegmentState {
  projectKey: string
  environmentKey: string
  input: SandboxSegmentInput
  /** UserSegment.version (no underscore): 1, then one more per change. */
  version: number
  creationDate: number
  lastModifiedDate: number
  /** itemKey(context kind, key) -> item: one store for both endpoints */
  expiring: Map<string, StoredItem>
}

interface ParsedInstruction {
  op: 'add' | 'update' | 'remove'
  contextKind: string
  contextKey: string
  targetType: TargetType
  value: number
  version?: number
}

/** What differs between the user endpoint and the contexts endpoint; the rest is shared. */
interface SegmentEndpoint {
  getOperation: string
  patchOperation: string
  /** instruction kind -> what it does */
  kinds: Record<string, ParsedInstruction['op']>
  /** The instruction parameters naming the target, each a required non-empty string. */
  keyParameters: string[]
  updateKind: string
  parse: (instruction: Record<string, unknown>) => ParsedInstruction
  shows: (item: StoredItem) => boolean
  view: (item: StoredItem, state: SegmentState) => unknown
  who: (contextKind: string, contextKey: string) => string
}

/** Every parameter the spec's instruction schemas declare (patchSegment*Instruction). */
const INSTRUCTION_PARAMETERS = ['kind', 'targetType', 'value', 'version']

const USER_ENDPOINT: SegmentEndpoint = {
  getOperation: 'getExpiringUserTargetsForSegment',
  patchOperation: 'patchExpiringUserTargetsForSegment',
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
    targetType: ins.targetType as TargetType,
    value: ins.value as number,
    version: ins.version as number | undefined
  }),
  shows: (item) => item.contextKind === 'user',
  view: (item, state) => userView(item, state),
  who: (_kind, key) => `user ${key}`
}

const CONTEXT_ENDPOINT: SegmentEndpoint = {
  getOperation: 'getExpiringTargetsForSegment',
  patchOperation: 'patchExpiringTargetsForSegment',
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
    targetType: ins.targetType as TargetType,
    value: ins.value as number,
    version: ins.version as number | undefined
  }),
  shows: () => true,
  view: (item, state) => contextView(item, state),
  who: (kind, key) => `context ${kind}:${key}`
}

const ENDPOINTS: Record<string, SegmentEndpoint> = {
  'expiring-user-targets': USER_ENDPOINT,
  'expiring-targets': CONTEXT_ENDPOINT
}

const LIST_LIMIT_DEFAULT = 20
/**
 * Sandbox choice: a limit above 50 is refused with 400. 50 is the maximum LaunchDarkly's migration
 * guide gives; the spec gives none, and what LaunchDarkly does above it is unknown (notes Q14).
 */
const LIST_LIMIT_MAX = 50
const CREATED = 1_700_000_000_000

/**
 * The segment or environment route of a request, from its decoded path parts
 * (`['api', 'v2', 'segments', ...]`), or undefined when it is none of them.
 */
export function segmentRoute(method: string, parts: string[]): SegmentRoute | undefined {
  if (parts[0] !== 'api' || parts[1] !== 'v2') return undefined
  if (parts[2] === 'projects') {
    const [projectKey, environments, environmentKey] = [parts[3], parts[4], parts[5]]
    if (parts.length !== 6 || environments !== 'environments' || method !== 'GET') return undefined
    if (!projectKey || !environmentKey) return undefined
    return { operationId: 'getEnvironment', projectKey, environmentKey }
  }
  if (parts[2] !== 'segments') return undefined
  const projectKey = parts[3]
  if (!projectKey) return undefined
  if (parts.length === 5 && method === 'GET' && parts[4])
    return { operationId: 'getSegments', projectKey, environmentKey: parts[4] }
  if (parts.length === 6 && method === 'GET' && parts[4] && parts[5])
    return { operationId: 'getSegment', projectKey, environmentKey: parts[4], segmentKey: parts[5] }
  // The expiring routes: /segments/{projectKey}/{segmentKey}/expiring-.../{environmentKey}
  const endpoint = Object.hasOwn(ENDPOINTS, parts[5] ?? '') ? ENDPOINTS[parts[5]!] : undefined
  const [segmentKey, environmentKey] = [parts[4], parts[6]]
  if (parts.length !== 7 || !endpoint || !segmentKey || !environmentKey) return undefined
  const base = { projectKey, environmentKey, segmentKey, endpoint }
  if (method === 'GET') return { operationId: endpoint.getOperation, ...base }
  if (method === 'PATCH') return { operationId: endpoint.patchOperation, ...base }
  return undefined
}

export class SandboxSegments {
  private readonly options: SegmentsOptions
  /** JSON [project, environment, segment] -> segment */
  private readonly segments = new Map<string, SegmentState>()
  /** JSON [project, environment] -> what it requires approvals for */
  private readonly approvals = new Map<string, ApprovalRequirement>()
  /** JSON [project, environment]: environments declared without flags or segments */
  private readonly environments = new Set<string>()
  private created = 0

  constructor(options: SegmentsOptions) {
    this.options = options
  }

  /**
   * Adds a segment to an environment, or replaces it (and forgets its scheduled removals). A key
   * both included and excluded (for one context kind) is refused, as LaunchDarkly refuses it.
   */
  add(projectKey: string, environmentKey: string, input: SandboxSegmentInput): void {
    for (const kind of new Set([
      'user',
      ...(input.includedContexts ?? []).map((t) => t.contextKind)
    ])) {
      const excluded = members(input, 'excluded', kind)
      const both = members(input, 'included', kind).filter((key) => excluded.includes(key))
      if (both.length)
        throw new Error(
          `segment ${input.key}: ${kind} ${both.join(', ')} both included and excluded`
        )
    }
    const creationDate = CREATED + this.created++ * 60_000
    this.segments.set(key3(projectKey, environmentKey, input.key), {
      projectKey,
      environmentKey,
      input: structuredClone(input),
      version: 1,
      creationDate,
      lastModifiedDate: creationDate,
      expiring: new Map()
    })
  }

  /** Declares an environment that no flag or segment mentions (getEnvironment answers for it). */
  addEnvironment(projectKey: string, environmentKey: string): void {
    this.environments.add(key2(projectKey, environmentKey))
  }

  /**
   * Turns the approvals feature on in an environment (declaring it), requiring approval for flags
   * and/or segments: then a flag expiring PATCH answers 405 and a segment expiring PATCH 403, and
   * getEnvironment shows `approvalSettings` and `resourceApprovalSettings.segment`.
   */
  requireApprovals(
    projectKey: string,
    environmentKey: string,
    requirement: ApprovalRequirement = { flags: true, segments: true }
  ): void {
    this.addEnvironment(projectKey, environmentKey)
    this.approvals.set(key2(projectKey, environmentKey), structuredClone(requirement))
  }

  /** Whether a change to a flag or segment with these tags needs approval in the environment. */
  approvalRequired(
    projectKey: string,
    environmentKey: string,
    resource: 'flag' | 'segment',
    tags: string[] = []
  ): boolean {
    const requirement = this.approvals.get(key2(projectKey, environmentKey))
    if (!requirement) return false
    const required = resource === 'flag' ? requirement.flags : requirement.segments
    const only = resource === 'flag' ? requirement.flagTags : requirement.segmentTags
    if (!required) return false
    return !only?.length || only.some((tag) => tags.includes(tag))
  }

  /** Forgets every segment, declared environment and approval requirement. */
  reset(): void {
    this.segments.clear()
    this.approvals.clear()
    this.environments.clear()
    this.created = 0
  }

  /** The segment as getSegment answers it (membership, `version`), or undefined. */
  get(projectKey: string, environmentKey: string, segmentKey: string): unknown {
    const state = this.segment(projectKey, environmentKey, segmentKey)
    return state && this.body(state, true)
  }

  /** Seeds a user's scheduled removal, as if made earlier in LaunchDarkly's UI. */
  schedule(
    projectKey: string,
    environmentKey: string,
    segmentKey: string,
    userKey: string,
    targetType: TargetType,
    at: number
  ): SegmentExpiringUserItem {
    const state = this.existing(projectKey, environmentKey, segmentKey)
    return userView(this.store(state, 'user', userKey, targetType, at), state)
  }

  /** Seeds a context's scheduled removal (any kind, `user` included). */
  scheduleContext(
    projectKey: string,
    environmentKey: string,
    segmentKey: string,
    contextKind: string,
    contextKey: string,
    targetType: TargetType,
    at: number
  ): SegmentExpiringItem {
    const state = this.existing(projectKey, environmentKey, segmentKey)
    return contextView(this.store(state, contextKind, contextKey, targetType, at), state)
  }

  /** The scheduled removals of users, as the user endpoint shows them. */
  expiring(
    projectKey: string,
    environmentKey: string,
    segmentKey: string
  ): SegmentExpiringUserItem[] {
    const state = this.existing(projectKey, environmentKey, segmentKey)
    return [...state.expiring.values()]
      .filter((item) => USER_ENDPOINT.shows(item))
      .map((item) => userView(item, state))
  }

  /** Every scheduled removal, users included, as the contexts endpoint shows them. */
  expiringContexts(
    projectKey: string,
    environmentKey: string,
    segmentKey: string
  ): SegmentExpiringItem[] {
    const state = this.existing(projectKey, environmentKey, segmentKey)
    return [...state.expiring.values()].map((item) => contextView(item, state))
  }

  /** Answers a route segmentRoute found; the caller checks the answer against the contract. */
  handle(route: SegmentRoute, request: SegmentRequest): SegmentAnswer {
    const { operationId, projectKey, environmentKey } = route
    if (request.method === 'GET') this.checkQuery(operationId, request.url)
    if (operationId === 'getEnvironment') {
      if (!this.environmentExists(projectKey, environmentKey))
        return notFound('Unknown environment')
      return { status: 200, body: this.environmentBody(projectKey, environmentKey) }
    }
    if (operationId === 'getSegments') {
      if (!this.environmentExists(projectKey, environmentKey))
        return notFound('Unknown environment')
      return this.list(projectKey, environmentKey, request.url)
    }
    const state = this.segment(projectKey, environmentKey, route.segmentKey ?? '')
    if (!state) return notFound('Unknown segment')
    if (operationId === 'getSegment') return { status: 200, body: this.body(state, true) }
    const endpoint = route.endpoint
    if (!endpoint) throw new Error(`no endpoint for ${operationId}`)
    if (operationId === endpoint.getOperation)
      return { status: 200, body: { items: this.shown(endpoint, state) } }
    return this.patch(state, endpoint, request)
  }

  private patch(
    state: SegmentState,
    endpoint: SegmentEndpoint,
    request: SegmentRequest
  ): SegmentAnswer {
    if (!request.contentType.includes('domain-model=launchdarkly.semanticpatch')) {
      return invalid(
        'Semantic patch requests need Content-Type: application/json; domain-model=launchdarkly.semanticpatch (this body was read as a JSON patch)'
      )
    }
    const body = request.body
    const malformed = this.options.contract
      .checkRequest(endpoint.patchOperation, body)
      .concat(instructionProblems(endpoint, body))
    if (body === null || malformed.length > 0)
      return invalid(`Invalid request body: ${malformed[0] ?? 'not JSON'}`)
    if (this.approvalRequired(state.projectKey, state.environmentKey, 'segment', state.input.tags))
      return { status: 403, body: SEGMENT_APPROVAL_REQUIRED }
    const instructions = (body as { instructions: Record<string, unknown>[] }).instructions
    // The user endpoint's update carries the SEGMENT's version (patchSegmentInstruction.version:
    // "The version of the segment to update"). Sandbox choice (notes Q11): a mismatch refuses the
    // whole request with 409, which both segment PATCHes list, and changes nothing.
    if (endpoint === USER_ENDPOINT) {
      const stale = instructions.find(
        (ins) => ins.kind === USER_ENDPOINT.updateKind && ins.version !== state.version
      )
      if (stale)
        return {
          status: 409,
          body: {
            code: 'optimistic_locking_error',
            message: `Conflict: segment ${state.input.key} is at version ${state.version}, not ${String(stale.version)}`
          }
        }
    }
    const errors: { instructionIndex: number; message: string }[] = []
    instructions.forEach((instruction, index) => {
      const problem = this.apply(state, endpoint, endpoint.parse(instruction))
      if (problem) errors.push({ instructionIndex: index, message: problem })
    })
    // Sandbox choice: a PATCH that changed something is one change to the segment.
    if (errors.length < instructions.length) {
      state.version++
      state.lastModifiedDate = this.options.now()
    }
    const answer: Record<string, unknown> = { items: this.shown(endpoint, state) }
    if (!this.options.omitCounters()) {
      answer.totalInstructions = instructions.length
      answer.successfulInstructions = instructions.length - errors.length
      answer.failedInstructions = errors.length
      answer.errors = errors
    }
    return { status: 200, body: answer }
  }

  /** Applies one instruction; a message when it fails (it goes to `errors`, in a 200). */
  private apply(
    state: SegmentState,
    endpoint: SegmentEndpoint,
    instruction: ParsedInstruction
  ): string | undefined {
    const { contextKind, contextKey, targetType } = instruction
    const who = endpoint.who(contextKind, contextKey)
    const id = itemKey(contextKind, contextKey)
    const current = state.expiring.get(id)
    if (current && current.targetType !== targetType)
      return `${who}'s removal is scheduled from the ${current.targetType} targets, not the ${targetType} targets`
    if (instruction.op === 'remove') {
      if (!current) return `${who} has no scheduled removal to remove`
      state.expiring.delete(id)
      return undefined
    }
    if (state.input.unbounded)
      return `segment ${state.input.key} is a big segment: the sandbox schedules no removals on it`
    if (!members(state.input, targetType, contextKind).includes(contextKey))
      return `${who} is not ${targetType} individually in segment ${state.input.key}`
    if (instruction.value <= this.options.now()) return 'the removal time must be in the future'
    if (instruction.op === 'add') {
      if (current) return `${who} already has a scheduled removal; use ${endpoint.updateKind}`
      this.store(state, contextKind, contextKey, targetType, instruction.value)
      return undefined
    }
    if (!current) return `${who} has no scheduled removal to update`
    // The contexts endpoint's optional version is the expiring item's `_version`.
    if (
      endpoint === CONTEXT_ENDPOINT &&
      instruction.version !== undefined &&
      instruction.version !== current._version
    )
      return `version mismatch: the scheduled removal is at version ${current._version}, not ${instruction.version}`
    state.expiring.set(id, {
      ...current,
      expirationDate: instruction.value,
      _version: current._version + 1
    })
    return undefined
  }

  private store(
    state: SegmentState,
    contextKind: string,
    contextKey: string,
    targetType: TargetType,
    at: number
  ): StoredItem {
    const item: StoredItem = {
      _id: randomUUID().replace(/-/g, '').slice(0, 24),
      _version: 1,
      expirationDate: at,
      contextKind,
      contextKey,
      targetType
    }
    state.expiring.set(itemKey(contextKind, contextKey), item)
    return item
  }

  private shown(endpoint: SegmentEndpoint, state: SegmentState): unknown[] {
    return [...state.expiring.values()]
      .filter(endpoint.shows)
      .map((item) => endpoint.view(item, state))
  }

  private segment(
    projectKey: string,
    environmentKey: string,
    segmentKey: string
  ): SegmentState | undefined {
    return this.segments.get(key3(projectKey, environmentKey, segmentKey))
  }

  private existing(projectKey: string, environmentKey: string, segmentKey: string): SegmentState {
    const state = this.segment(projectKey, environmentKey, segmentKey)
    if (!state) throw new Error(`no segment ${projectKey}/${segmentKey} in ${environmentKey}`)
    return state
  }

  private environmentExists(projectKey: string, environmentKey: string): boolean {
    return (
      this.environments.has(key2(projectKey, environmentKey)) ||
      [...this.segments.values()].some(
        (s) => s.projectKey === projectKey && s.environmentKey === environmentKey
      ) ||
      this.options.flagEnvironments(projectKey).includes(environmentKey)
    )
  }

  /** Query parameters the operation does not declare are violations, as for the flag GET. */
  private checkQuery(operationId: string, url: URL): void {
    const allowed = this.options.contract.queryParameters(operationId)
    const unknown = [...url.searchParams.keys()].filter((q) => !allowed.includes(q))
    if (unknown.length)
      this.options.violations.push(`${operationId}: undocumented query ${unknown.join(', ')}`)
  }

  /**
   * `GET /api/v2/segments/{p}/{env}`: `limit` (default 20, at most 50), `offset`, `totalCount`, no
   * `next` link (none is documented). Sorted by key, or by `sort` (`name`, `creationDate`,
   * `lastModified`, `-` for descending). `filter` knows `tags anyOf [...]`, `includedKeys anyOf
   * [...]`, `excludedKeys anyOf [...]`, `query equals "..."` and `unbounded equals true|false`
   * joined by `,` (AND); anything else is refused with 400. Sandbox choices: the items carry the
   * membership arrays as getSegment does, without `_flags`; `unbounded equals false` matches a
   * segment that omits `unbounded` (notes Q14).
   */
  private list(projectKey: string, environmentKey: string, url: URL): SegmentAnswer {
    const params = url.searchParams
    const limit = params.has('limit') ? wholeNumber(params.get('limit')) : LIST_LIMIT_DEFAULT
    if (limit === undefined || limit < 1) return invalid('limit must be a positive integer')
    if (limit > LIST_LIMIT_MAX) return invalid(`limit must be at most ${LIST_LIMIT_MAX}`)
    const offset = params.has('offset') ? wholeNumber(params.get('offset')) : 0
    if (offset === undefined) return invalid('offset must be a non-negative integer')
    const filters = parseFilter(params.get('filter') ?? '')
    if (typeof filters === 'string') return invalid(filters)
    const order = parseSort(params.get('sort') ?? '')
    if (typeof order === 'string') return invalid(order)
    const matching = [...this.segments.values()]
      .filter((s) => s.projectKey === projectKey && s.environmentKey === environmentKey)
      .filter((s) => filters.every((matches) => matches(s.input)))
      .sort(order)
    return {
      status: 200,
      body: {
        items: matching.slice(offset, offset + limit).map((state) => this.body(state, false)),
        totalCount: matching.length,
        _links: { self: { href: url.pathname + url.search, type: 'application/json' } }
      }
    }
  }

  /** A UserSegment; `single`: as getSegment answers (with `_flags`), else as a list item. */
  private body(state: SegmentState, single: boolean): Record<string, unknown> {
    const { input } = state
    const membership = input.unbounded
      ? {}
      : {
          included: [...(input.included ?? [])],
          excluded: [...(input.excluded ?? [])],
          includedContexts: structuredClone(input.includedContexts ?? []),
          excludedContexts: structuredClone(input.excludedContexts ?? [])
        }
    return {
      name: input.name ?? input.key,
      ...(input.description === undefined ? {} : { description: input.description }),
      tags: [...(input.tags ?? [])],
      creationDate: state.creationDate,
      lastModifiedDate: state.lastModifiedDate,
      key: input.key,
      ...membership,
      _links: {
        self: {
          href: `/api/v2/segments/${state.projectKey}/${state.environmentKey}/${input.key}`,
          type: 'application/json'
        }
      },
      rules: [],
      version: state.version,
      deleted: false,
      generation: 1,
      ...(single ? { _flags: [] } : {}),
      ...(input.unbounded === undefined ? {} : { unbounded: input.unbounded }),
      ...(input.unbounded ? { unboundedContextKind: input.unboundedContextKind ?? 'user' } : {})
    }
  }

  /** An Environment, with the fake keys and, when the approvals feature is on, its settings. */
  private environmentBody(projectKey: string, environmentKey: string): Record<string, unknown> {
    const requirement = this.approvals.get(key2(projectKey, environmentKey))
    const settings = (required: boolean, tags: string[] | undefined) => ({
      required,
      bypassApprovalsForPendingChanges: false,
      minNumApprovals: 1,
      canReviewOwnRequest: false,
      canApplyDeclinedChanges: true,
      serviceKind: 'launchdarkly',
      serviceConfig: {},
      requiredApprovalTags: [...(tags ?? [])]
    })
    return {
      _links: {
        self: {
          href: `/api/v2/projects/${projectKey}/environments/${environmentKey}`,
          type: 'application/json'
        }
      },
      _id: createHash('sha256').update(key2(projectKey, environmentKey)).digest('hex').slice(0, 24),
      key: environmentKey,
      name: environmentKey,
      apiKey: SANDBOX_SDK_KEY,
      mobileKey: SANDBOX_MOBILE_KEY,
      color: 'F5A623',
      defaultTtl: 0,
      secureMode: false,
      defaultTrackEvents: false,
      requireComments: false,
      confirmChanges: false,
      tags: [],
      critical: false,
      // "only returned when the approvals feature is enabled"
      ...(requirement
        ? {
            approvalSettings: settings(requirement.flags === true, requirement.flagTags),
            resourceApprovalSettings: {
              segment: settings(requirement.segments === true, requirement.segmentTags)
            }
          }
        : {})
    }
  }
}

/** The keys of one kind a segment includes (or excludes) individually. */
function members(
  input: SandboxSegmentInput,
  targetType: TargetType,
  contextKind: string
): string[] {
  const users = targetType === 'included' ? input.included : input.excluded
  const contexts = targetType === 'included' ? input.includedContexts : input.excludedContexts
  const listed = (contexts ?? [])
    .filter((t) => t.contextKind === contextKind)
    .flatMap((t) => t.values)
  return contextKind === 'user' ? [...(users ?? []), ...listed] : listed
}

/**
 * What the spec's instruction schemas leave to prose: `value` required to add or update, the user
 * update's `version` required, keys non-empty. Parameters the schemas do not declare are refused:
 * the schemas do not forbid them (no additionalProperties: false), but `variationId` in particular
 * means nothing on a segment, and LaunchDarkly ignoring it silently would hide a client's mistake.
 */
function instructionProblems(endpoint: SegmentEndpoint, body: unknown): string[] {
  const instructions = (body as { instructions?: unknown })?.instructions
  if (!Array.isArray(instructions)) return []
  const problems: string[] = []
  const allowed = [...INSTRUCTION_PARAMETERS, ...endpoint.keyParameters]
  instructions.forEach((raw: unknown, i) => {
    const ins = (raw ?? {}) as Record<string, unknown>
    const at = `instructions[${i}]`
    const op = endpoint.kinds[ins.kind as string]
    if (!op) return problems.push(`${at}: unknown kind ${String(ins.kind)}`)
    for (const name of endpoint.keyParameters) {
      if (typeof ins[name] !== 'string' || ins[name] === '')
        problems.push(`${at}: ${name} must be a non-empty string`)
    }
    if (op !== 'remove' && !Number.isSafeInteger(ins.value))
      problems.push(`${at}: value must be Unix milliseconds`)
    if (endpoint === USER_ENDPOINT && op === 'update' && !Number.isInteger(ins.version))
      problems.push(`${at}: version (the segment's version) is required for ${String(ins.kind)}`)
    const extra = Object.keys(ins).filter((k) => !allowed.includes(k))
    if (extra.length)
      problems.push(
        `${at}: unknown parameters ${extra.join(', ')}${extra.includes('variationId') ? ' (segments have no variations)' : ''}`
      )
    return undefined
  })
  return problems
}

type SegmentFilter = (input: SandboxSegmentInput) => boolean

/** The filters of a `filter` parameter, or what is wrong with it. */
function parseFilter(filter: string): SegmentFilter[] | string {
  const filters: SegmentFilter[] = []
  for (const term of splitTopLevel(filter)) {
    if (term.trim() === '') continue
    const refused = `unsupported filter ${term} (the sandbox knows tags, includedKeys and excludedKeys anyOf [...], query equals "...", unbounded equals true|false, joined by ",")`
    const match = /^\s*(\w+)\s+(equals|anyOf)\s+(.+?)\s*$/.exec(term)
    if (!match) return refused
    const [, field, operator] = match
    let value: unknown
    try {
      value = JSON.parse(match[3]!)
    } catch {
      return refused
    }
    const strings = Array.isArray(value) && value.every((v) => typeof v === 'string')
    const anyOf =
      (keys: (input: SandboxSegmentInput) => string[]) => (input: SandboxSegmentInput) =>
        keys(input).some((k) => (value as string[]).includes(k))
    if (operator === 'anyOf' && strings && field === 'tags')
      filters.push(anyOf((s) => s.tags ?? []))
    else if (operator === 'anyOf' && strings && field === 'includedKeys')
      filters.push(anyOf((s) => allKeys(s, 'included')))
    else if (operator === 'anyOf' && strings && field === 'excludedKeys')
      filters.push(anyOf((s) => allKeys(s, 'excluded')))
    else if (operator === 'equals' && field === 'query' && typeof value === 'string') {
      const needle = value.toLowerCase()
      filters.push((s) =>
        [s.key, s.name ?? '', s.description ?? ''].some((text) =>
          text.toLowerCase().includes(needle)
        )
      )
    } else if (operator === 'equals' && field === 'unbounded' && typeof value === 'boolean')
      filters.push((s) => (s.unbounded ?? false) === value)
    else return refused
  }
  return filters
}

function allKeys(input: SandboxSegmentInput, targetType: TargetType): string[] {
  const users = targetType === 'included' ? input.included : input.excluded
  const contexts = targetType === 'included' ? input.includedContexts : input.excludedContexts
  return [...(users ?? []), ...(contexts ?? []).flatMap((t) => t.values)]
}

/** Splits on the commas outside quotes and brackets: `tags anyOf ["a", "b"],query equals "x"`. */
function splitTopLevel(text: string): string[] {
  const terms: string[] = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quoted) {
      if (c === '\\') i++
      else if (c === '"') quoted = false
    } else if (c === '"') quoted = true
    else if (c === '[') depth++
    else if (c === ']') depth--
    else if (c === ',' && depth === 0) {
      terms.push(text.slice(start, i))
      start = i + 1
    }
  }
  terms.push(text.slice(start))
  return terms
}

/** The order a `sort` parameter asks for (by key when empty), or what is wrong with it. */
function parseSort(sort: string): ((a: SegmentState, b: SegmentState) => number) | string {
  const fields: Record<string, (s: SegmentState) => string | number> = {
    name: (s) => s.input.name ?? s.input.key,
    creationDate: (s) => s.creationDate,
    lastModified: (s) => s.lastModifiedDate
  }
  const keys: { get: (s: SegmentState) => string | number; sign: number }[] = []
  for (const term of sort.split(',')) {
    if (term === '') continue
    const name = term.replace(/^-/, '')
    const get = Object.hasOwn(fields, name) ? fields[name] : undefined
    if (!get) return `unsupported sort ${term} (the sandbox knows name, creationDate, lastModified)`
    keys.push({ get, sign: term.startsWith('-') ? -1 : 1 })
  }
  keys.push({ get: (s) => s.input.key, sign: 1 })
  return (a, b) => {
    for (const { get, sign } of keys) {
      const [x, y] = [get(a), get(b)]
      if (x !== y) return (x < y ? -1 : 1) * sign
    }
    return 0
  }
}

function userView(item: StoredItem, state: SegmentState): SegmentExpiringUserItem {
  return {
    _id: item._id,
    _version: item._version,
    expirationDate: item.expirationDate,
    userKey: item.contextKey,
    targetType: item.targetType,
    _resourceId: resourceId(state)
  }
}

function contextView(item: StoredItem, state: SegmentState): SegmentExpiringItem {
  return { ...item, _resourceId: resourceId(state) }
}

function resourceId(state: SegmentState): SegmentResourceId {
  return {
    kind: 'segment',
    key: state.input.key,
    environmentKey: state.environmentKey,
    projectKey: state.projectKey
  }
}

function notFound(message: string): SegmentAnswer {
  return { status: 404, body: { code: 'not_found', message } }
}

function invalid(message: string): SegmentAnswer {
  return { status: 400, body: { code: 'invalid_request', message } }
}

/** The store's key for a target: kind and key together, so no two kinds collide. */
function itemKey(contextKind: string, contextKey: string): string {
  return JSON.stringify([contextKind, contextKey])
}

function key2(projectKey: string, environmentKey: string): string {
  return JSON.stringify([projectKey, environmentKey])
}

function key3(projectKey: string, environmentKey: string, segmentKey: string): string {
  return JSON.stringify([projectKey, environmentKey, segmentKey])
}

/** A whole number written in decimal digits, or undefined. */
function wholeNumber(text: string | null): number | undefined {
  return text !== null && /^\d+$/.test(text) ? Number(text) : undefined
}

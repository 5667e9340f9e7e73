/**
 * Reads each flag's state, plans, and sends one PATCH per (flag, environment). Writes are applied
 * exactly once: when a PATCH's fate is unknown (5xx, timeout, lost connection), the expiring
 * targets are read again and only what is still needed is sent.
 */
import {
  LaunchDarklyError,
  UncertainWriteError,
  type LaunchDarklyClient
} from '../launchdarkly/client.js'
import { describeContainer, pairId, type ContainerRef } from '../launchdarkly/container.js'
import { describeFailure } from '../launchdarkly/retry.js'
import type { Endpoint, ExpiringItem, Flag, Segment } from '../launchdarkly/resources.js'
import type { PlannedOutcome } from '../core/outcome.js'
import type { Entry } from '../core/entry.js'
import type { Dialect, Instruction } from '../launchdarkly/dialect.js'
import { flagDialect } from '../launchdarkly/flag.js'
import { segmentDialect } from '../launchdarkly/segment.js'
import { planPair, type PlanContext, type PlannedEntry } from './plan.js'

/** Flags worked on at once by apply: the account's rate limit is shared, so stay modest. */
export const CONCURRENCY = 4
/**
 * Pairs worked on at once by the scheduled modes, which read a whole account: enough to keep
 * LaunchDarkly's rate limit busy at 50 ms a request; the client's budget keeps them under it.
 */
export const SCAN_CONCURRENCY = 12

export interface EntryResult {
  planned: PlannedEntry
  outcome: PlannedOutcome
  /** LaunchDarkly's message, or why planning failed. */
  message?: string
  /** The raw `instructionIndex` LaunchDarkly reported for this entry's instruction. */
  instructionIndex?: number
  /** Which of the flag's PATCH requests carried it, from 1. */
  request?: number
}

export interface SentInstruction {
  /** The container and environment it is sent to. */
  container: ContainerRef
  /** Which of the flag's PATCH requests carries it, from 1 (see batchSize). */
  request: number
  /** Its index in that request's instructions, as LaunchDarkly's errors count. */
  instructionIndex: number
  instruction: Instruction
}

export interface PairResult {
  ref: ContainerRef
  /** The flag and its expiring targets as read; undefined when they could not be read. */
  state?: PairState
  entries: EntryResult[]
  /** The instructions planned for this flag, in the order sent. */
  instructions: SentInstruction[]
  /** LaunchDarkly errors that point at no instruction we sent. */
  unmatchedErrors: string[]
}

export interface ApplyOptions {
  /** Which expiring-targets API to read and write. */
  endpoint: Endpoint
  variation: string | undefined
  /** The run's clock: removal times at or before it are `expired`. */
  now: number
  dryRun: boolean
  comment: string
  /** How many times a PATCH whose fate was lost may be checked and sent again. */
  maxWriteAttempts: number
  /** The most instructions in one PATCH; a flag that needs more gets several, in entry order. */
  batchSize: number
  concurrency: number
  warn: (message: string) => void
  /** Called as each pair is done, with how many are: long runs show progress with it. */
  progress?: (done: number) => void
}

/** How a pair's state is read: both reads by default; a flag already listed needs only one. */
export type StateReader = (ref: ContainerRef) => Promise<PairState>

/** The entries wanted on one flag in one environment, given what LaunchDarkly holds there now. */
export type Planner = (state: PairState | UnreadState, ref: ContainerRef) => Entry[]

function settled(planned: PlannedEntry): EntryResult {
  return planned.outcome === 'failed'
    ? { planned, outcome: 'failed', message: planned.reason }
    : { planned, outcome: planned.outcome }
}

/** A container and its expiring targets, as read before planning: a flag or a segment. */
export interface PairState {
  flag?: Flag
  segment?: Segment
  items: ExpiringItem[]
}

/** What a planner is given when the container could not be read. */
type UnreadState = { flag?: undefined; segment?: undefined; items: [] }

/** Both reads of a container in one environment, in parallel. */
export async function readPair(
  client: LaunchDarklyClient,
  ref: ContainerRef,
  endpoint: Endpoint
): Promise<PairState> {
  if (ref.kind === 'segment') {
    const [segment, items] = await Promise.all([
      client.getSegment(ref),
      client.getExpiringTargets(ref, endpoint)
    ])
    return { segment, items }
  }
  const [flag, items] = await Promise.all([
    client.getFlag(ref),
    client.getExpiringTargets(ref, endpoint)
  ])
  return { flag, items }
}

/** The container of a state, as the planner asks it. */
function dialectOf(state: PairState, environmentKey: string): Dialect {
  if (state.flag) return flagDialect(state.flag, environmentKey)
  if (state.segment) return segmentDialect(state.segment, environmentKey)
  throw new Error('nothing was read')
}

/**
 * Starts reading the first flags before the entries are known (while GitHub is asked who sent a
 * label), so the two waits overlap. The promises are marked handled; applyAll awaits them.
 */
export function prefetchPairs(
  client: LaunchDarklyClient,
  pairs: ContainerRef[],
  options: Pick<ApplyOptions, 'endpoint' | 'concurrency'>
): Map<string, Promise<PairState>> {
  const started = new Map<string, Promise<PairState>>()
  for (const ref of pairs.slice(0, options.concurrency)) {
    const read = readPair(client, ref, options.endpoint)
    read.catch(() => {})
    started.set(pairId(ref), read)
  }
  return started
}

/** Each (flag, environment) pair read, planned and sent: one PATCH per pair that needs one. */
export async function applyAll(
  client: LaunchDarklyClient,
  pairs: ContainerRef[],
  planner: Planner,
  options: ApplyOptions,
  prefetched: Map<string, Promise<PairState>> = new Map(),
  read: StateReader = (ref) => readPair(client, ref, options.endpoint)
): Promise<PairResult[]> {
  const results: PairResult[] = new Array<PairResult>(pairs.length)
  let next = 0
  let done = 0
  const worker = async (): Promise<void> => {
    while (next < pairs.length) {
      const index = next++
      const ref = pairs[index] as ContainerRef
      const state = prefetched.get(pairId(ref)) ?? read(ref)
      results[index] = await applyPair(client, ref, planner, options, state)
      options.progress?.(++done)
    }
  }
  const workers = Math.max(1, Math.min(options.concurrency, pairs.length))
  await Promise.all(Array.from({ length: workers }, worker))
  return results
}

export async function applyPair(
  client: LaunchDarklyClient,
  ref: ContainerRef,
  planner: Planner,
  options: ApplyOptions,
  state: Promise<PairState>
): Promise<PairResult> {
  let read: PairState
  let plan: PlannedEntry[]
  try {
    read = await state
    const dialect = dialectOf(read, ref.environmentKey)
    plan = planPair(planner(read, ref), dialect, read.items, planContext(ref, options))
  } catch (error) {
    const message = errorMessage(error)
    // Without the flag's state there is no plan: every entry wanted without one fails.
    const entries = planner({ items: [] }, ref)
    return {
      ref,
      entries: entries.map((entry) => ({
        planned: { entry, outcome: 'failed' },
        outcome: 'failed',
        message
      })),
      instructions: [],
      // A planner that needs the state (sweep, digest) wants nothing without it: say why.
      unmatchedErrors: entries.length === 0 ? [message] : []
    }
  }

  // A plan-only entry (the targets file on a pull request) is shown, never sent.
  const pending = plan.filter((p) => p.instruction && !p.entry.planOnly)
  const batches: PlannedEntry[][] = []
  for (let i = 0; i < pending.length; i += options.batchSize)
    batches.push(pending.slice(i, i + options.batchSize))
  const instructions = batches.flatMap((batch, b) =>
    batch.map((p, instructionIndex) => ({
      container: ref,
      request: b + 1,
      instructionIndex,
      instruction: p.instruction as Instruction
    }))
  )
  const outcomes = new Map<PlannedEntry, EntryResult>(plan.map((p) => [p, settled(p)]))
  const unmatchedErrors: string[] = []
  if (!options.dryRun) {
    for (const [b, batch] of batches.entries()) {
      const sent = await sendBatch({ client, ref, state: read, batch, request: b + 1, options })
      for (const result of sent.results) outcomes.set(result.planned, result)
      unmatchedErrors.push(...sent.unmatchedErrors)
    }
  }
  return {
    ref,
    state: read,
    entries: plan.map((p) => outcomes.get(p) as EntryResult),
    instructions,
    unmatchedErrors
  }
}

interface Batch {
  client: LaunchDarklyClient
  ref: ContainerRef
  /** The container as read before planning. */
  state: PairState
  /** The planned entries whose instructions go in this PATCH. */
  batch: PlannedEntry[]
  /** Which of the flag's PATCH requests this is, from 1. */
  request: number
  options: ApplyOptions
}

interface BatchResult {
  /** The entries that failed; the others keep their planned outcome. */
  results: EntryResult[]
  unmatchedErrors: string[]
}

/** Sends one PATCH, exactly once: a lost answer is checked by reading again, never replayed. */
async function sendBatch({
  client,
  ref,
  state,
  batch,
  request,
  options
}: Batch): Promise<BatchResult> {
  const results: EntryResult[] = []
  const unmatchedErrors: string[] = []
  // Each element pairs the entry as first planned (for the report) with its current instruction.
  let toSend = batch.map((original) => ({ original, current: original }))
  const fail = (items: typeof toSend, message: string): BatchResult => {
    for (const { original } of items)
      results.push({ planned: original, outcome: 'failed', message })
    return { results, unmatchedErrors }
  }

  for (let attempt = 1; toSend.length > 0; attempt++) {
    try {
      const response = await client.patchExpiringTargets(ref, options.endpoint, {
        comment: options.comment,
        instructions: toSend.map((s) => s.current.instruction as Instruction)
      })
      for (const error of response.errors ?? []) {
        const target = toSend[error.instructionIndex]
        if (!target) {
          unmatchedErrors.push(
            `LaunchDarkly reported an error for instruction ${error.instructionIndex}, but only ${toSend.length} were sent: ${error.message}`
          )
          continue
        }
        results.push({
          planned: target.original,
          outcome: 'failed',
          message: error.message,
          instructionIndex: error.instructionIndex,
          request
        })
      }
      const reported = response.failedInstructions
      const attributed = new Set((response.errors ?? []).map((e) => e.instructionIndex)).size
      if (reported !== undefined && reported > attributed) {
        unmatchedErrors.push(
          `LaunchDarkly counted ${reported} failed instructions but explained ${attributed}`
        )
      }
      return { results, unmatchedErrors }
    } catch (error) {
      if (!(error instanceof UncertainWriteError)) return fail(toSend, errorMessage(error))
      if (attempt >= options.maxWriteAttempts) {
        return fail(
          toSend,
          `LaunchDarkly did not confirm the update of ${describeContainer(ref)} after ${attempt} attempts (${describeFailure(error.failure)}); run again to check`
        )
      }
      options.warn(
        `LaunchDarkly's answer to the update of ${describeContainer(ref)} was lost (${describeFailure(error.failure)}); reading its expiring targets again before sending what is still needed`
      )
      await client.backoff(error.failure, attempt)
      let fresh: PairState
      try {
        // A segment's version moved with the lost PATCH, if it applied: read the segment again.
        fresh =
          ref.kind === 'segment'
            ? await readPair(client, ref, options.endpoint)
            : { ...state, items: await client.getExpiringTargets(ref, options.endpoint) }
      } catch (readError) {
        return fail(toSend, errorMessage(readError))
      }
      const replanned = planPair(
        toSend.map((s) => s.original.entry),
        dialectOf(fresh, ref.environmentKey),
        fresh.items,
        planContext(ref, options)
      )
      const still: typeof toSend = []
      replanned.forEach((now, i) => {
        const item = toSend[i] as (typeof toSend)[number]
        if (now.outcome === 'unchanged') return // the lost PATCH applied it
        if (now.outcome === 'failed') fail([item], now.reason ?? 'failed')
        else still.push({ original: item.original, current: now })
      })
      toSend = still
    }
  }
  return { results, unmatchedErrors }
}

function planContext(ref: ContainerRef, options: ApplyOptions): PlanContext {
  const { endpoint, variation, now } = options
  return { environmentKey: ref.environmentKey, endpoint, variation, now }
}

export function errorMessage(error: unknown): string {
  if (error instanceof LaunchDarklyError) return error.message
  return error instanceof Error ? error.message : String(error)
}

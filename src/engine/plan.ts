/**
 * Entries + LaunchDarkly's current state of one container in one environment -> the
 * semantic-patch instructions to send, with what will happen to each entry. Pure.
 */
import {
  byId,
  inferVariation,
  instructionFor,
  resolveVariation,
  type Change,
  type Instruction,
  type VariationRef,
  type VariationResult
} from '../launchdarkly/flag.js'
import type { Endpoint, ExpiringItem, Flag } from '../launchdarkly/resources.js'
import type { PlannedOutcome } from '../core/outcome.js'
import type { Entry } from '../core/entry.js'
import { formatUtc } from '../core/when.js'
import { targetId } from '../core/target.js'

export interface PlannedEntry {
  entry: Entry
  /** What the entry will do when its instruction is applied. */
  outcome: PlannedOutcome
  variation?: VariationRef
  /** The removal time asked for (schedule, move, unchanged). */
  removalMs?: number
  /** The removal time scheduled now, if any. */
  currentMs?: number
  instruction?: Instruction
  /** Why it failed, or a note on an unchanged entry. */
  reason?: string
}

export interface PlanContext {
  environmentKey: string
  endpoint: Endpoint
  /** The variation input; an entry's own variation comes first. */
  variation: string | undefined
  /** A removal time at or before this is done: the entry is `expired`. */
  now: number
}

export function planPair(
  entries: Entry[],
  flag: Flag,
  items: ExpiringItem[],
  context: PlanContext
): PlannedEntry[] {
  const { environmentKey, endpoint } = context
  if (!flag.environments?.[environmentKey]) {
    const reason = `flag "${flag.key}" has no environment "${environmentKey}"; check environment-key`
    return entries.map((entry) => ({ entry, outcome: 'failed', reason }))
  }
  const resolved = new Map<string, VariationResult>()
  const explicit = (input: string | undefined): VariationResult | undefined => {
    if (input === undefined) return undefined
    let found = resolved.get(input)
    if (!found) resolved.set(input, (found = resolveVariation(input, flag)))
    return found
  }
  const scheduled = new Map<string, ExpiringItem>()
  for (const item of items) {
    const id = targetId(item.target)
    if (item.targetType === undefined && !scheduled.has(id)) scheduled.set(id, item)
  }

  return entries.map((entry): PlannedEntry => {
    const { target } = entry
    const item = scheduled.get(targetId(target))
    const currentMs = item?.expirationDate
    const inferred = (): VariationResult => inferVariation(flag, environmentKey, target)
    const change = (variationId: string, what: Change): Instruction =>
      instructionFor(endpoint, target, variationId, what)

    if (entry.when.kind === 'never') {
      if (!item) return { entry, outcome: 'unchanged', reason: 'no removal was scheduled' }
      const variation = item.variationId
        ? { ok: true as const, variation: byId(flag, item.variationId) }
        : inferred()
      if (!variation.ok) return { entry, outcome: 'failed', currentMs, reason: variation.reason }
      return {
        entry,
        outcome: 'cancelled',
        variation: variation.variation,
        currentMs,
        instruction: change(variation.variation.id, { op: 'remove' })
      }
    }

    const removalMs = entry.when.epochMs
    if (removalMs <= context.now) {
      // Done: its time has passed, so it is never added or moved again.
      const variation = item?.variationId ? byId(flag, item.variationId) : undefined
      return {
        entry,
        outcome: 'expired',
        variation,
        removalMs,
        currentMs,
        reason: item
          ? `its time has passed; LaunchDarkly still holds a removal at ${formatUtc(item.expirationDate)}`
          : 'its time has passed, so it is done and left alone'
      }
    }
    const variation = explicit(entry.variation ?? context.variation) ?? inferred()
    if (!variation.ok)
      return { entry, outcome: 'failed', removalMs, currentMs, reason: variation.reason }
    const variationId = variation.variation.id
    const common = { entry, variation: variation.variation, removalMs, currentMs }
    if (!item) {
      return {
        ...common,
        outcome: 'scheduled',
        instruction: change(variationId, { op: 'add', value: removalMs })
      }
    }
    if (
      sameMinute(item.expirationDate, removalMs) &&
      (item.variationId ?? variationId) === variationId
    ) {
      return { ...common, outcome: 'unchanged', reason: 'already scheduled at that time' }
    }
    return {
      ...common,
      outcome: 'moved',
      instruction: change(variationId, { op: 'update', value: removalMs, version: item._version })
    }
  })
}

/** Removal times are shown, and so compared, to the minute: a rerun of `+1w` moves nothing. */
function sameMinute(a: number, b: number): boolean {
  return Math.floor(a / 60_000) === Math.floor(b / 60_000)
}

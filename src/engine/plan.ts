/**
 * Entries + LaunchDarkly's current state of one container in one environment -> the
 * semantic-patch instructions to send, with what will happen to each entry. Pure.
 */
import {
  instructionFor,
  type Change,
  type Dialect,
  type Instruction,
  type Place
} from '../launchdarkly/dialect.js'
import type { Endpoint, ExpiringItem } from '../launchdarkly/resources.js'
import type { PlannedOutcome } from '../core/outcome.js'
import type { Entry } from '../core/entry.js'
import { formatUtc } from '../core/when.js'
import { targetId } from '../core/target.js'

export interface PlannedEntry {
  entry: Entry
  /** What the entry will do when its instruction is applied. */
  outcome: PlannedOutcome
  /** Where the target sits: the flag's variation, or the segment's list. */
  variation?: Place
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
  dialect: Dialect,
  items: ExpiringItem[],
  context: PlanContext
): PlannedEntry[] {
  const { endpoint } = context
  if (dialect.unusable !== undefined) {
    const reason = dialect.unusable
    return entries.map((entry) => ({ entry, outcome: 'failed', reason }))
  }
  const scheduled = new Map<string, ExpiringItem>()
  for (const item of items) {
    const id = targetId(item.target)
    if (dialect.owns(item) && !scheduled.has(id)) scheduled.set(id, item)
  }

  return entries.map((entry): PlannedEntry => {
    const { target } = entry
    const item = scheduled.get(targetId(target))
    const currentMs = item?.expirationDate
    const held = item && dialect.placeOfItem(item)
    const change = (place: Place, what: Change): Instruction =>
      instructionFor(endpoint, target, place.where, what)

    if (entry.when.kind === 'never') {
      if (!item) return { entry, outcome: 'unchanged', reason: 'no removal was scheduled' }
      const place = held ? { ok: true as const, place: held } : dialect.placeOf(target, undefined)
      if (!place.ok) return { entry, outcome: 'failed', currentMs, reason: place.reason }
      return {
        entry,
        outcome: 'cancelled',
        variation: place.place,
        currentMs,
        instruction: change(place.place, { op: 'remove' })
      }
    }

    const removalMs = entry.when.epochMs
    if (removalMs <= context.now) {
      // Done: its time has passed, so it is never added or moved again.
      return {
        entry,
        outcome: 'expired',
        variation: held,
        removalMs,
        currentMs,
        reason: item
          ? `its time has passed; LaunchDarkly still holds a removal at ${formatUtc(item.expirationDate)}`
          : 'its time has passed, so it is done and left alone'
      }
    }
    const place = dialect.placeOf(target, entry.variation ?? context.variation)
    if (!place.ok) return { entry, outcome: 'failed', removalMs, currentMs, reason: place.reason }
    const common = { entry, variation: place.place, removalMs, currentMs }
    if (!item) {
      return {
        ...common,
        outcome: 'scheduled',
        instruction: change(place.place, { op: 'add', value: removalMs })
      }
    }
    if (sameMinute(item.expirationDate, removalMs) && (held ?? place.place).id === place.place.id) {
      return { ...common, outcome: 'unchanged', reason: 'already scheduled at that time' }
    }
    const version = dialect.versionFor(item, endpoint)
    return {
      ...common,
      outcome: 'moved',
      instruction: change(place.place, { op: 'update', value: removalMs, version })
    }
  })
}

/** Removal times are shown, and so compared, to the minute: a rerun of `+1w` moves nothing. */
function sameMinute(a: number, b: number): boolean {
  return Math.floor(a / 60_000) === Math.floor(b / 60_000)
}

/**
 * Entries + LaunchDarkly's current state of one flag -> the semantic-patch instructions to send,
 * with what will happen to each entry. Pure.
 */
import { isDeepStrictEqual } from 'node:util'
import type { ExpiringItem, Flag, Variation } from '../launchdarkly/schemas.js'
import type { PlannedOutcome } from '../outcome.js'
import type { Entry } from '../sources/grammar.js'

export type Instruction =
  | { kind: 'addExpireUserTargetDate'; userKey: string; variationId: string; value: number }
  | {
      kind: 'updateExpireUserTargetDate'
      userKey: string
      variationId: string
      value: number
      version: number
    }
  | { kind: 'removeExpireUserTargetDate'; userKey: string; variationId: string }

export interface VariationRef {
  id: string
  /** The name, else the value as JSON: what a person recognises. */
  label: string
}

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

export type VariationResult = { ok: true; variation: VariationRef } | { ok: false; reason: string }

export function variationLabel(variation: Variation): string {
  if (variation.name) return variation.name
  const json = JSON.stringify(variation.value) ?? 'null'
  return json.length > 40 ? `${json.slice(0, 39)}…` : json
}

function ref(variation: Variation): VariationRef {
  return { id: variation._id, label: variationLabel(variation) }
}

function describeVariations(flag: Flag): string {
  return flag.variations
    .map((v) => (v.name ? `${v.name} (${JSON.stringify(v.value)})` : JSON.stringify(v.value)))
    .join(', ')
}

/** The `variation` input, matched by `_id`, then by name, then by value written as JSON. */
export function resolveVariation(input: string, flag: Flag): VariationResult {
  const byId = flag.variations.find((v) => v._id === input)
  if (byId) return { ok: true, variation: ref(byId) }
  const byName = flag.variations.filter((v) => v.name === input)
  if (byName.length === 1) return { ok: true, variation: ref(byName[0] as Variation) }
  if (byName.length > 1) {
    return {
      ok: false,
      reason: `flag "${flag.key}" has ${byName.length} variations named "${input}"; give its _id`
    }
  }
  let value: unknown
  try {
    value = JSON.parse(input)
  } catch {
    value = undefined
  }
  if (value !== undefined) {
    const byValue = flag.variations.filter((v) => isDeepStrictEqual(v.value, value))
    if (byValue.length === 1) return { ok: true, variation: ref(byValue[0] as Variation) }
  }
  return {
    ok: false,
    reason: `variation "${input}" matches no variation of flag "${flag.key}" by _id, name or JSON value; it has ${describeVariations(flag)}`
  }
}

/** Indexes of the variations whose individual user targets list the key. */
export function targetedVariationIndexes(
  flag: Flag,
  environmentKey: string,
  userKey: string
): number[] {
  const config = flag.environments?.[environmentKey]
  const lists = [
    ...(config?.targets ?? []),
    ...(config?.contextTargets ?? []).filter((t) => t.contextKind === 'user')
  ]
  const indexes = lists.filter((t) => t.values.includes(userKey)).map((t) => t.variation)
  return [...new Set(indexes)]
}

export function planFlag(
  entries: Entry[],
  flag: Flag,
  environmentKey: string,
  items: ExpiringItem[],
  variationInput: string | undefined
): PlannedEntry[] {
  if (!flag.environments?.[environmentKey]) {
    const reason = `flag "${flag.key}" has no environment "${environmentKey}"; check environment-key`
    return entries.map((entry) => ({ entry, outcome: 'failed', reason }))
  }
  const explicit = variationInput === undefined ? undefined : resolveVariation(variationInput, flag)
  const scheduled = new Map<string, ExpiringItem>()
  for (const item of items) {
    if (item.targetType === undefined && !scheduled.has(item.userKey))
      scheduled.set(item.userKey, item)
  }

  return entries.map((entry): PlannedEntry => {
    const userKey = entry.target.key
    const item = scheduled.get(userKey)
    const currentMs = item?.expirationDate
    const inferred = (): VariationResult => inferVariation(flag, environmentKey, userKey)

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
        instruction: {
          kind: 'removeExpireUserTargetDate',
          userKey,
          variationId: variation.variation.id
        }
      }
    }

    const removalMs = entry.when.epochMs
    const variation = explicit ?? inferred()
    if (!variation.ok)
      return { entry, outcome: 'failed', removalMs, currentMs, reason: variation.reason }
    const variationId = variation.variation.id
    const common = { entry, variation: variation.variation, removalMs, currentMs }
    if (!item) {
      return {
        ...common,
        outcome: 'scheduled',
        instruction: {
          kind: 'addExpireUserTargetDate',
          userKey,
          variationId,
          value: removalMs
        }
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
      instruction: {
        kind: 'updateExpireUserTargetDate',
        userKey,
        variationId,
        value: removalMs,
        version: item._version
      }
    }
  })
}

/** Removal times are shown, and so compared, to the minute: a rerun of `+1w` moves nothing. */
function sameMinute(a: number, b: number): boolean {
  return Math.floor(a / 60_000) === Math.floor(b / 60_000)
}

function byId(flag: Flag, id: string): VariationRef {
  const variation = flag.variations.find((v) => v._id === id)
  return variation ? ref(variation) : { id, label: id }
}

function inferVariation(flag: Flag, environmentKey: string, userKey: string): VariationResult {
  const indexes = targetedVariationIndexes(flag, environmentKey, userKey)
  const found = indexes.map((i) => flag.variations[i]).filter((v): v is Variation => !!v)
  if (found.length === 1) return { ok: true, variation: ref(found[0] as Variation) }
  if (found.length === 0) {
    return {
      ok: false,
      reason: `user "${userKey}" is not individually targeted on flag "${flag.key}" in "${environmentKey}"; target them first, or set the variation input`
    }
  }
  return {
    ok: false,
    reason: `user "${userKey}" is individually targeted on several variations of flag "${flag.key}" (${found.map(variationLabel).join(', ')}); set the variation input`
  }
}

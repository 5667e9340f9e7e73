/**
 * A flag as a container of individual targets: which keys it targets on which variation, the
 * `variation` input matched against its variations, and the semantic-patch instructions of its
 * two expiring-targets endpoints (each names the variation by `variationId`). Pure.
 */
import { isDeepStrictEqual } from 'node:util'
import { describeTarget, targetId, USER_KIND, type Target } from '../core/target.js'
import type { Endpoint, ExpiringItem, Flag, Variation } from './resources.js'

/** A semantic-patch instruction, as sent: the user endpoint's kinds, or the contexts endpoint's. */
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
  | {
      kind: 'addExpiringTarget'
      contextKey: string
      contextKind: string
      variationId: string
      value: number
    }
  | {
      kind: 'updateExpiringTarget'
      contextKey: string
      contextKind: string
      variationId: string
      value: number
      version: number
    }
  | { kind: 'removeExpiringTarget'; contextKey: string; contextKind: string; variationId: string }

export type Change =
  { op: 'add'; value: number } | { op: 'update'; value: number; version: number } | { op: 'remove' }

/** The instruction for a change to one target, in the endpoint's vocabulary. */
export function instructionFor(
  endpoint: Endpoint,
  target: Target,
  variationId: string,
  change: Change
): Instruction {
  if (endpoint === 'users') {
    const base = { userKey: target.key, variationId }
    if (change.op === 'add')
      return { kind: 'addExpireUserTargetDate', ...base, value: change.value }
    if (change.op === 'update') {
      const { value, version } = change
      return { kind: 'updateExpireUserTargetDate', ...base, value, version }
    }
    return { kind: 'removeExpireUserTargetDate', ...base }
  }
  const base = { contextKey: target.key, contextKind: target.kind, variationId }
  if (change.op === 'add') return { kind: 'addExpiringTarget', ...base, value: change.value }
  if (change.op === 'update') {
    const { value, version } = change
    return { kind: 'updateExpiringTarget', ...base, value, version }
  }
  return { kind: 'removeExpiringTarget', ...base }
}

export interface VariationRef {
  id: string
  /** The name, else the value as JSON: what a person recognises. */
  label: string
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

/**
 * The individual targets of one kind in an environment: users in `targets` (and, defensively,
 * user entries of `contextTargets`), other kinds in `contextTargets`. `contextTargets` also holds
 * empty user placeholders, which list no key and so never match.
 */
function targetLists(flag: Flag, environmentKey: string, kind: string) {
  const config = flag.environments?.[environmentKey]
  const contexts = (config?.contextTargets ?? []).filter(
    (t) => (t.contextKind ?? USER_KIND) === kind
  )
  return kind === USER_KIND ? [...(config?.targets ?? []), ...contexts] : contexts
}

/** Indexes of the variations on which the target is individually targeted. */
export function targetedVariationIndexes(
  flag: Flag,
  environmentKey: string,
  target: Target
): number[] {
  const lists = targetLists(flag, environmentKey, target.kind)
  const indexes = lists.filter((t) => t.values.includes(target.key)).map((t) => t.variation)
  return [...new Set(indexes)]
}

/** Every key of one kind individually targeted in an environment, each once, in flag order. */
export function targetedKeys(flag: Flag, environmentKey: string, kind: string): string[] {
  return [...new Set(targetLists(flag, environmentKey, kind).flatMap((t) => t.values))]
}

/** The targeted keys of one kind that have no removal scheduled: what a sweep would time. */
export function untimedKeys(
  state: { flag: Flag; items: ExpiringItem[] },
  environmentKey: string,
  kind: string
): string[] {
  const timed = new Set(
    state.items.filter((i) => i.targetType === undefined).map((i) => targetId(i.target))
  )
  return targetedKeys(state.flag, environmentKey, kind).filter(
    (key) => !timed.has(targetId({ kind, key }))
  )
}

export function byId(flag: Flag, id: string): VariationRef {
  const variation = flag.variations.find((v) => v._id === id)
  return variation ? ref(variation) : { id, label: id }
}

export function inferVariation(
  flag: Flag,
  environmentKey: string,
  target: Target
): VariationResult {
  const indexes = targetedVariationIndexes(flag, environmentKey, target)
  const found = indexes.map((i) => flag.variations[i]).filter((v): v is Variation => !!v)
  if (found.length === 1) return { ok: true, variation: ref(found[0] as Variation) }
  if (found.length === 0) {
    return {
      ok: false,
      reason: `${describeTarget(target)} is not individually targeted on flag "${flag.key}" in "${environmentKey}"; target it first, or set the variation input (variation: in the targets file)`
    }
  }
  return {
    ok: false,
    reason: `${describeTarget(target)} is individually targeted on several variations of flag "${flag.key}" (${found.map(variationLabel).join(', ')}); set the variation input (variation: in the targets file)`
  }
}

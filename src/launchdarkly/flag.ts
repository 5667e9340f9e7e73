/**
 * A flag as a container of individual targets: which keys it targets on which variation, the
 * `variation` input matched against its variations, and the semantic-patch instructions of its
 * two expiring-targets endpoints (each names the variation by `variationId`). Pure.
 */
import { isDeepStrictEqual } from 'node:util'
import { describeTarget, targetId, USER_KIND, type Target } from '../core/target.js'
import type { Dialect, Place, PlaceResult } from './dialect.js'
import type { ExpiringItem, Flag, Variation } from './resources.js'

/** A variation as a place in the flag: its `_id`, and its name or value for people. */
type VariationRef = Place
type VariationResult = { ok: true; variation: VariationRef } | { ok: false; reason: string }

export function variationLabel(variation: Variation): string {
  if (variation.name) return variation.name
  const json = JSON.stringify(variation.value) ?? 'null'
  return json.length > 40 ? `${json.slice(0, 39)}…` : json
}

function ref(variation: Variation): VariationRef {
  return place(variation._id, variationLabel(variation))
}

function place(id: string, label: string): Place {
  return { id, label, where: { variationId: id } }
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
  return variation ? ref(variation) : place(id, id)
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

/** The flag as the planner sees it in one environment. */
export function flagDialect(flag: Flag, environmentKey: string): Dialect {
  const resolved = new Map<string, PlaceResult>()
  const explicit = (input: string): PlaceResult => {
    let found = resolved.get(input)
    if (!found) resolved.set(input, (found = asPlace(resolveVariation(input, flag))))
    return found
  }
  return {
    unusable: flag.environments?.[environmentKey]
      ? undefined
      : `flag "${flag.key}" has no environment "${environmentKey}"; check environment-key`,
    // The flag's own removals: a segment's would carry a targetType.
    owns: (item) => item.targetType === undefined,
    placeOfItem: (item) => (item.variationId ? byId(flag, item.variationId) : undefined),
    placeOf: (target, input) =>
      input === undefined ? asPlace(inferVariation(flag, environmentKey, target)) : explicit(input),
    versionFor: (item) => item._version
  }
}

function asPlace(result: VariationResult): PlaceResult {
  return result.ok ? { ok: true, place: result.variation } : result
}

/**
 * What the planner asks of a container in one environment, whatever its kind: where a target sits
 * in it (a flag's variation, a segment's included or excluded list), which removals are its own,
 * and the version an update carries. Each kind answers in its own module (flag.ts, segment.ts);
 * the instructions of both endpoints are built here, once.
 */
import type { Target } from '../core/target.js'
import type { Endpoint, ExpiringItem } from './resources.js'

export type TargetType = 'included' | 'excluded'

/** Where in its container a target sits, as the instructions name it. */
export type Where = { variationId: string } | { targetType: TargetType }

/** A place in a container: `id` for comparing, `label` for people (a variation's name). */
export interface Place {
  id: string
  label: string
  where: Where
}

export type PlaceResult = { ok: true; place: Place } | { ok: false; reason: string }

export interface Dialect {
  /** Why nothing can be planned here (no such environment, a big segment), or undefined. */
  unusable: string | undefined
  /** Whether an item read from the expiring-targets endpoint is one of this container's removals. */
  owns: (item: ExpiringItem) => boolean
  /** Where an item's target sits, when the item says. */
  placeOfItem: (item: ExpiringItem) => Place | undefined
  /** Where a target sits: an explicit choice (the variation input) first, else the container's. */
  placeOf: (target: Target, explicit: string | undefined) => PlaceResult
  /** The version an update of `item` carries. */
  versionFor: (item: ExpiringItem, endpoint: Endpoint) => number | undefined
}

export type Change =
  | { op: 'add'; value: number }
  | { op: 'update'; value: number; version: number | undefined }
  | { op: 'remove' }

/** A semantic-patch instruction, as sent to either endpoint of either kind of container. */
export type Instruction = {
  kind:
    | 'addExpireUserTargetDate'
    | 'updateExpireUserTargetDate'
    | 'removeExpireUserTargetDate'
    | 'addExpiringTarget'
    | 'updateExpiringTarget'
    | 'removeExpiringTarget'
  value?: number
  version?: number
} & ({ userKey: string } | { contextKey: string; contextKind: string }) &
  Where

const KINDS = {
  users: {
    add: 'addExpireUserTargetDate',
    update: 'updateExpireUserTargetDate',
    remove: 'removeExpireUserTargetDate'
  },
  contexts: {
    add: 'addExpiringTarget',
    update: 'updateExpiringTarget',
    remove: 'removeExpiringTarget'
  }
} as const

/** The instruction for a change to one target, in the endpoint's vocabulary. */
export function instructionFor(
  endpoint: Endpoint,
  target: Target,
  where: Where,
  change: Change
): Instruction {
  const key =
    endpoint === 'users'
      ? { userKey: target.key }
      : { contextKey: target.key, contextKind: target.kind }
  return {
    kind: KINDS[endpoint][change.op],
    ...key,
    ...where,
    ...(change.op !== 'remove' && { value: change.value }),
    ...(change.op === 'update' && change.version !== undefined && { version: change.version })
  }
}

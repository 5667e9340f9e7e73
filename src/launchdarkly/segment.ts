/**
 * A segment as a container of individual targets: a key is in its included or its excluded list
 * (users in `included`/`excluded` and the user entries of `includedContexts`/`excludedContexts`,
 * other kinds in the `*Contexts` lists), which the instructions name as `targetType`. A big segment
 * lists no one, so nothing can be planned on it. Pure.
 */
import { describeTarget, USER_KIND, type Target } from '../core/target.js'
import type { Dialect, Place, TargetType } from './dialect.js'
import type { ExpiringItem, Segment } from './resources.js'

const TARGET_TYPES: TargetType[] = ['included', 'excluded']

function place(targetType: TargetType): Place {
  return { id: targetType, label: targetType, where: { targetType } }
}

/** The keys of one kind on one of the segment's lists. */
export function segmentKeys(segment: Segment, targetType: TargetType, kind: string): string[] {
  const users = targetType === 'included' ? segment.included : segment.excluded
  const contexts = targetType === 'included' ? segment.includedContexts : segment.excludedContexts
  const ofKind = (contexts ?? []).filter((c) => c.contextKind === kind).flatMap((c) => c.values)
  return [...new Set(kind === USER_KIND ? [...(users ?? []), ...ofKind] : ofKind)]
}

/** The included keys of one kind that have no removal scheduled: what a sweep would time. */
export function untimedMembers(
  state: { segment: Segment; items: ExpiringItem[] },
  kind: string
): string[] {
  const timed = new Set(state.items.filter((i) => i.target.kind === kind).map((i) => i.target.key))
  return segmentKeys(state.segment, 'included', kind).filter((key) => !timed.has(key))
}

/** The segment as the planner sees it in one environment. */
export function segmentDialect(segment: Segment, environmentKey: string): Dialect {
  const name = `segment "${segment.key}"`
  return {
    unusable: segment.unbounded
      ? `${name} is a big segment: LaunchDarkly does not list its members, so its removals cannot be scheduled from here; schedule them in LaunchDarkly`
      : undefined,
    owns: () => true,
    placeOfItem: (item) =>
      item.targetType === 'included' || item.targetType === 'excluded'
        ? place(item.targetType)
        : undefined,
    placeOf: (target: Target) => {
      const found = TARGET_TYPES.filter((t) =>
        segmentKeys(segment, t, target.kind).includes(target.key)
      )
      if (found[0] !== undefined) return { ok: true, place: place(found[0]) }
      return {
        ok: false,
        reason: `${describeTarget(target)} is neither included in nor excluded from ${name} in "${environmentKey}"; add it to the segment first`
      }
    },
    // The user endpoint checks the segment's own version; the contexts endpoint the item's.
    versionFor: (item, endpoint) => (endpoint === 'users' ? segment.version : item._version)
  }
}

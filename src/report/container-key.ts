/**
 * How the outputs name a container: `flagKey` for a flag, as they always have, and `segmentKey`
 * for a segment. Pure.
 */
import type { ContainerKind } from '../launchdarkly/container.js'

export type ContainerKeyField = { flagKey: string } | { segmentKey: string }

export function containerKeyField(ref: { kind: ContainerKind; key: string }): ContainerKeyField {
  return ref.kind === 'flag' ? { flagKey: ref.key } : { segmentKey: ref.key }
}

/** The container an output item names. */
export function containerOf(item: ContainerKeyField): { kind: ContainerKind; key: string } {
  return 'flagKey' in item
    ? { kind: 'flag', key: item.flagKey }
    : { kind: 'segment', key: item.segmentKey }
}

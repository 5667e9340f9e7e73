/**
 * The digest: every removal due within the window across the (flag, environment) pairs read,
 * soonest first, and how many individually targeted keys have none. Pure.
 */
import type { PairResult } from '../engine/execute.js'
import { untimedKeys, variationLabel } from '../launchdarkly/flag.js'
import { untimedMembers } from '../launchdarkly/segment.js'
import { formatInZone, formatUtc } from '../core/when.js'
import type { Target } from '../core/target.js'
import { containerKeyField, containerOf, type ContainerKeyField } from './container-key.js'
import { code, table, text } from './escape.js'
import { targetingUrl } from './links.js'

/** A removal due soon, on a flag (`flagKey`) or in a segment (`segmentKey`). */
export type DueItem = ContainerKeyField & {
  environmentKey: string
  target: Target
  /** The flag's variation (name or JSON value), or the segment's list; null when not said. */
  variation: string | null
  removalMs: number
  removalAt: string
  url: string | null
}

export interface Digest {
  /** Due at or before this instant (now + window). */
  untilMs: number
  windowMs: number
  due: DueItem[]
  /** Individually targeted keys (of the run's kind) with no removal: what a sweep would time. */
  untimed: number
  /** The (container, environment) pairs read. */
  pairs: number
  /** Some of them are segments. */
  segments: boolean
}

export interface DigestInput {
  flags: PairResult[]
  untilMs: number
  windowMs: number
  /** The kind whose untimed keys are counted. */
  kind: string
  baseUri: string
  projectKey: string
}

export function buildDigest(input: DigestInput): Digest {
  const due: DueItem[] = []
  let untimed = 0
  let pairs = 0
  for (const { ref, state } of input.flags) {
    if (!state) continue
    pairs++
    const { flag, segment } = state
    if (flag)
      untimed += untimedKeys({ flag, items: state.items }, ref.environmentKey, input.kind).length
    if (segment) untimed += untimedMembers({ segment, items: state.items }, input.kind).length
    for (const item of state.items) {
      if (item.expirationDate > input.untilMs) continue
      if (flag && item.targetType !== undefined) continue
      const variation = flag?.variations.find((v) => v._id === item.variationId)
      due.push({
        ...containerKeyField(ref),
        environmentKey: ref.environmentKey,
        target: item.target,
        variation: variation ? variationLabel(variation) : (item.targetType ?? null),
        removalMs: item.expirationDate,
        removalAt: new Date(item.expirationDate).toISOString(),
        url:
          targetingUrl(input.baseUri, input.projectKey, ref.key, ref.environmentKey, ref.kind) ??
          null
      })
    }
  }
  due.sort(
    (a, b) =>
      a.removalMs - b.removalMs ||
      containerOf(a).kind.localeCompare(containerOf(b).kind) ||
      containerOf(a).key.localeCompare(containerOf(b).key) ||
      a.environmentKey.localeCompare(b.environmentKey) ||
      a.target.key.localeCompare(b.target.key)
  )
  const segments = input.flags.some((f) => f.ref.kind === 'segment')
  return { untilMs: input.untilMs, windowMs: input.windowMs, due, untimed, pairs, segments }
}

/** The digest as Markdown: a headline, the due table, and the untimed count. */
export function renderDigest(digest: Digest, timeZone: string, maxRows = 1000): string {
  const lines: string[] = []
  const n = digest.due.length
  // The window, not the instant it ends: the same state renders the same text on every run,
  // so the dashboard is not rewritten for the clock alone.
  lines.push(
    `**${n} removal${n === 1 ? '' : 's'} due in the next ${describeWindow(digest.windowMs)}** · ${digest.pairs} ${digest.segments ? 'flags and segments' : `flag${digest.pairs === 1 ? '' : 's'}`} and environments read`
  )
  if (n > 0) {
    const zoned = timeZone !== 'UTC'
    const segments = digest.due.some((d) => 'segmentKey' in d)
    const header = [
      ...(zoned ? [`Removal (${code(timeZone)})`] : []),
      'Removal (UTC)',
      segments ? 'Flag or segment' : 'Flag',
      'Environment',
      'Kind',
      'Key',
      segments ? 'Variation or list' : 'Variation'
    ]
    const name = (d: DueItem): string => {
      const { kind, key } = containerOf(d)
      const shown = d.url ? `[${code(key)}](${d.url})` : code(key)
      return segments ? `${kind} ${shown}` : shown
    }
    const rows = digest.due
      .slice(0, maxRows)
      .map((d) => [
        ...(zoned ? [formatInZone(d.removalMs, timeZone)] : []),
        formatUtc(d.removalMs),
        name(d),
        code(d.environmentKey),
        code(d.target.kind),
        code(d.target.key),
        d.variation === null ? '' : code(d.variation)
      ])
    lines.push(table(header, rows))
    if (n > maxRows) lines.push(`*${n - maxRows} more in the step's \`due\` output.*`)
  }
  lines.push(
    digest.untimed === 0
      ? 'Every individually targeted key has a removal scheduled.'
      : text(
          `${digest.untimed} individually targeted key${digest.untimed === 1 ? ' has' : 's have'} no removal scheduled: a sweep (mode: sweep, with default-lifetime) would give each one.`
        )
  )
  return lines.join('\n\n')
}

/** 7 days, 36 hours, 2 weeks: a window in the unit a person would write it in. */
export function describeWindow(ms: number): string {
  const WEEK = 604_800_000
  const DAY = 86_400_000
  const [n, unit] =
    ms % WEEK === 0 && ms >= 2 * WEEK
      ? [ms / WEEK, 'week']
      : ms % DAY === 0
        ? [ms / DAY, 'day']
        : [Math.round(ms / 3_600_000), 'hour']
  return `${n} ${unit}${n === 1 ? '' : 's'}`
}

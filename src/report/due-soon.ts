/**
 * The digest: every removal due within the window across the (flag, environment) pairs read,
 * soonest first, and how many individually targeted keys have none. Pure.
 */
import type { PairResult } from '../engine/execute.js'
import { untimedKeys, variationLabel } from '../launchdarkly/flag.js'
import { formatInZone, formatUtc } from '../core/when.js'
import type { Target } from '../core/target.js'
import { code, table, text } from './escape.js'
import { targetingUrl } from './links.js'

export interface DueItem {
  flagKey: string
  environmentKey: string
  target: Target
  /** The variation's name (or JSON value); null when LaunchDarkly does not say. */
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
  /** The (flag, environment) pairs read. */
  pairs: number
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
    untimed += untimedKeys(state, ref.environmentKey, input.kind).length
    for (const item of state.items) {
      if (item.targetType !== undefined || item.expirationDate > input.untilMs) continue
      const variation = state.flag.variations.find((v) => v._id === item.variationId)
      due.push({
        flagKey: ref.key,
        environmentKey: ref.environmentKey,
        target: item.target,
        variation: variation ? variationLabel(variation) : null,
        removalMs: item.expirationDate,
        removalAt: new Date(item.expirationDate).toISOString(),
        url: targetingUrl(input.baseUri, input.projectKey, ref.key, ref.environmentKey) ?? null
      })
    }
  }
  due.sort(
    (a, b) =>
      a.removalMs - b.removalMs ||
      a.flagKey.localeCompare(b.flagKey) ||
      a.environmentKey.localeCompare(b.environmentKey) ||
      a.target.key.localeCompare(b.target.key)
  )
  return { untilMs: input.untilMs, windowMs: input.windowMs, due, untimed, pairs }
}

/** The digest as Markdown: a headline, the due table, and the untimed count. */
export function renderDigest(digest: Digest, timeZone: string, maxRows = 1000): string {
  const lines: string[] = []
  const n = digest.due.length
  // The window, not the instant it ends: the same state renders the same text on every run,
  // so the dashboard is not rewritten for the clock alone.
  lines.push(
    `**${n} removal${n === 1 ? '' : 's'} due in the next ${describeWindow(digest.windowMs)}** · ${digest.pairs} flag${digest.pairs === 1 ? '' : 's'} and environments read`
  )
  if (n > 0) {
    const zoned = timeZone !== 'UTC'
    const header = [
      ...(zoned ? [`Removal (${code(timeZone)})`] : []),
      'Removal (UTC)',
      'Flag',
      'Environment',
      'Kind',
      'Key',
      'Variation'
    ]
    const rows = digest.due
      .slice(0, maxRows)
      .map((d) => [
        ...(zoned ? [formatInZone(d.removalMs, timeZone)] : []),
        formatUtc(d.removalMs),
        d.url ? `[${code(d.flagKey)}](${d.url})` : code(d.flagKey),
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

/**
 * Drift, found by reconcile: an open PR's label that LaunchDarkly did not hold (a removal moved
 * or cancelled by hand, a label event that never ran), and what the run did to heal it. Pure.
 */
import type { PairResult } from '../engine/execute.js'
import type { Outcome } from '../core/outcome.js'
import { formatUtc } from '../core/when.js'
import type { Target } from '../core/target.js'
import { containerKeyField, containerOf, type ContainerKeyField } from './container-key.js'
import { code, table, text } from './escape.js'

export type DriftItem = ContainerKeyField & {
  pullRequest: number
  label: string
  environmentKey: string
  target: Target
  /** The removal the label asks for; null for none. */
  expected: number | null
  /** The removal LaunchDarkly held; null for none. */
  found: number | null
  /** What the run did: scheduled, moved or cancelled (or failed, or planned in a dry run). */
  outcome: Outcome
}

/** Where a reconciled entry came from: its PR and its label. */
export interface LabelSource {
  pullRequest: number
  label: string
}

/** Rows shown; the `drift` output has all of them (an issue body holds 65,536 characters). */
const MAX_ROWS = 200

const HEALING = new Set<Outcome>(['scheduled', 'moved', 'cancelled'])

/** Every entry whose plan had to change LaunchDarkly: that is drift. */
export function driftOf(
  flags: PairResult[],
  sourceOf: (origin: string) => LabelSource | undefined
): DriftItem[] {
  const drift: DriftItem[] = []
  for (const flag of flags) {
    for (const { planned, outcome } of flag.entries) {
      const source = sourceOf(planned.entry.origin)
      if (!source || !HEALING.has(planned.outcome)) continue
      drift.push({
        ...source,
        ...containerKeyField(flag.ref),
        environmentKey: flag.ref.environmentKey,
        target: planned.entry.target,
        expected: planned.entry.when.kind === 'at' ? planned.entry.when.epochMs : null,
        found: planned.currentMs ?? null,
        outcome
      })
    }
  }
  return drift
}

export function renderDrift(drift: DriftItem[], dryRun: boolean): string {
  if (drift.length === 0) return 'No drift: every open pull request label matches LaunchDarkly.'
  const when = (ms: number | null): string => (ms === null ? 'none' : formatUtc(ms))
  const segments = drift.some((d) => 'segmentKey' in d)
  const name = (d: DriftItem): string => {
    const { kind, key } = containerOf(d)
    return segments ? `${kind} ${code(key)}` : code(key)
  }
  const rows = drift
    .slice(0, MAX_ROWS)
    .map((d) => [
      `#${d.pullRequest}`,
      code(d.label),
      name(d),
      code(d.environmentKey),
      code(d.target.key),
      when(d.expected),
      when(d.found),
      text(dryRun ? `would be ${d.outcome}` : d.outcome)
    ])
  return [
    `**${drift.length} label${drift.length === 1 ? '' : 's'} out of place${dryRun ? ' (dry run: not healed)' : ', healed'}**`,
    table(
      [
        'PR',
        'Label',
        segments ? 'Flag or segment' : 'Flag',
        'Environment',
        'Key',
        'Label says',
        'LaunchDarkly had',
        'Done'
      ],
      rows
    ),
    ...(drift.length > MAX_ROWS
      ? [`*${drift.length - MAX_ROWS} more in the step's \`drift\` output.*`]
      : [])
  ].join('\n\n')
}

/**
 * The words a report is told in, shared by the log and the Markdown: an outcome's label and icon,
 * and the one-line verdict.
 */
import type { Outcome } from '../core/outcome.js'
import type { Report } from './model.js'

/** In a dry run nothing happened yet: what would. */
const PLANNED: Partial<Record<Outcome, string>> = {
  scheduled: 'will schedule',
  moved: 'will move',
  cancelled: 'will cancel'
}

export const ICON: Record<Outcome, string> = {
  scheduled: '🟢',
  moved: '🔁',
  cancelled: '⏹️',
  unchanged: '⚪',
  expired: '⌛',
  failed: '❌',
  invalid: '⚠️',
  superseded: '⏭️'
}

/** An outcome's words; `planned`: nothing was sent for it (a dry run, a plan-only row). */
export function outcomeLabel(outcome: Outcome, planned: boolean): string {
  return (planned ? PLANNED[outcome] : undefined) ?? outcome
}

/** The order outcomes are counted in a headline: what changed first, problems last. */
const HEADLINE_ORDER: Outcome[] = [
  'scheduled',
  'moved',
  'cancelled',
  'unchanged',
  'expired',
  'superseded',
  'failed',
  'invalid'
]

/** The headline: every row counted by its outcome, so it never hides a failed one. */
export function verdict(report: Report): string {
  const counts = HEADLINE_ORDER.flatMap((outcome) =>
    [false, true].map((planned) => ({
      outcome,
      planned: planned || report.dryRun,
      n: report.rows.filter((r) => r.outcome === outcome && Boolean(r.planOnly) === planned).length
    }))
  ).filter((c) => c.n > 0)
  if (counts.length === 0) return 'nothing to do'
  let line = counts.map((c) => `${c.n} ${outcomeLabel(c.outcome, c.planned)}`).join(', ')
  if (report.dryRun) line += ' (dry run: nothing was sent)'
  // This run's own invalid entries (the PR's other labels give no errors) stopped every entry.
  else if (report.totals.totalInstructions === 0 && report.errors.some((e) => e.flagKey === null))
    line += '; nothing was sent'
  return line
}

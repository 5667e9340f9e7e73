/**
 * The words a report is told in, shared by the log and the Markdown: an outcome's label and icon,
 * and the one-line verdict.
 */
import type { Outcome } from '../outcome.js'
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
  failed: '❌',
  invalid: '⚠️',
  superseded: '⏭️'
}

export function outcomeLabel(outcome: Outcome, dryRun: boolean): string {
  return (dryRun ? PLANNED[outcome] : undefined) ?? outcome
}

export function verdict(report: Report): string {
  const {
    totalInstructions: total,
    successfulInstructions: ok,
    failedInstructions: failed
  } = report.totals
  const invalid = report.rows.filter((r) => r.outcome === 'invalid').length
  const noun = total === 1 ? 'instruction' : 'instructions'
  let line = report.dryRun
    ? `${total} ${noun} planned, none sent (dry run)`
    : `${total} ${noun}: ${ok} succeeded, ${failed} failed`
  const unsent = report.rows.filter((r) => r.outcome === 'failed').length - failed
  if (unsent > 0) line += `; ${unsent} ${unsent === 1 ? 'entry' : 'entries'} could not be planned`
  if (invalid > 0)
    line += `; ${invalid} invalid ${invalid === 1 ? 'entry' : 'entries'}, so nothing was sent`
  return line
}

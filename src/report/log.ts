/** A report as lines for the step log. Pure. */
import { formatUtc } from '../sources/when.js'
import { USER_KIND } from '../target.js'
import type { Report } from './model.js'
import { outcomeLabel, verdict } from './wording.js'

/** Lines for the step log; src/log.ts makes whatever came from outside inert. */
export function logLines(report: Report): string[] {
  if (report.fatal) return [report.fatal]
  const lines = report.rows.map((row) => {
    const flag =
      row.flagKey === undefined ? 'all flags' : `flag ${row.flagKey} in ${row.environmentKey}`
    const when = row.removalMs === undefined ? '' : ` at ${formatUtc(row.removalMs)}`
    const variation = row.variation === undefined ? '' : ` on ${JSON.stringify(row.variation)}`
    const detail = row.detail === undefined ? '' : `: ${row.detail}`
    const key = JSON.stringify(row.target?.key ?? row.source)
    const kind = row.target && row.target.kind !== USER_KIND ? `${row.target.kind} ` : ''
    const who = row.alias === undefined ? key : `${JSON.stringify(row.alias)} (${key})`
    const planned = report.dryRun || Boolean(row.planOnly)
    return `${outcomeLabel(row.outcome, planned)} ${kind}${who} (${row.origin}) ${flag}${variation}${when}${detail}`
  })
  return [...lines, verdict(report)]
}

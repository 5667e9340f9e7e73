/** A report as lines for the step log. Pure. */
import { formatUtc } from '../core/when.js'
import { USER_KIND } from '../core/target.js'
import { containerOf, type ContainerKeyField } from './container-key.js'
import type { Report } from './model.js'
import { outcomeLabel, verdict } from './wording.js'

/** Lines for the step log; src/log.ts makes whatever came from outside inert. */
export function logLines(report: Report): string[] {
  if (report.fatal) return [report.fatal]
  if (report.help) return [`Help for ${report.help.command}: nothing was sent to LaunchDarkly.`]
  if (report.digest) {
    const { due, untilMs, untimed } = report.digest
    return [
      ...due.map(
        (d) =>
          `due ${formatUtc(d.removalMs)}: ${d.target.kind} ${JSON.stringify(d.target.key)} on ${describeItem(d)} in ${d.environmentKey}${d.variation === null ? '' : ` (${JSON.stringify(d.variation)})`}`
      ),
      `${due.length} removals due by ${formatUtc(untilMs)}; ${untimed} individually targeted keys have none`
    ]
  }
  const drift = (report.drift ?? []).map(
    (d) =>
      `drift on #${d.pullRequest}: label ${JSON.stringify(d.label)} asks for ${d.expected === null ? 'no removal' : formatUtc(d.expected)} of ${JSON.stringify(d.target.key)} on ${describeItem(d)} in ${d.environmentKey}; LaunchDarkly had ${d.found === null ? 'none' : formatUtc(d.found)} (${d.outcome})`
  )
  const lines = report.rows.map((row) => {
    const flag =
      row.container === undefined
        ? 'all flags'
        : `${row.container.kind} ${row.container.key} in ${row.environmentKey}`
    const when = row.removalMs === undefined ? '' : ` at ${formatUtc(row.removalMs)}`
    const variation = row.variation === undefined ? '' : ` on ${JSON.stringify(row.variation)}`
    const detail = row.detail === undefined ? '' : `: ${row.detail}`
    const key = JSON.stringify(row.target?.key ?? row.source)
    const kind = row.target && row.target.kind !== USER_KIND ? `${row.target.kind} ` : ''
    const who = row.alias === undefined ? key : `${JSON.stringify(row.alias)} (${key})`
    const planned = report.dryRun || Boolean(row.planOnly)
    return `${outcomeLabel(row.outcome, planned)} ${kind}${who} (${row.origin}) ${flag}${variation}${when}${detail}`
  })
  return [...lines, ...drift, verdict(report)]
}

function describeItem(item: ContainerKeyField): string {
  const { kind, key } = containerOf(item)
  return `${kind} ${key}`
}

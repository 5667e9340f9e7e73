/** A report as Markdown, for the job summary and the PR comment, with every outside text escaped. Pure. */
import { formatInZone, formatUtc } from '../core/when.js'
import { USER_KIND } from '../core/target.js'
import type { ContainerKind } from '../launchdarkly/container.js'
import { code, table, text } from './escape.js'
import { renderDigest } from './due-soon.js'
import { renderDrift } from './drift.js'
import { targetingUrl } from './links.js'
import type { CommandHelp, Report, Row } from './model.js'
import { ICON, outcomeLabel, verdict } from './wording.js'

/** LaunchDarkly errors listed under the table; the `errors` output has all of them. */
const MAX_LISTED_ERRORS = 50

export interface MarkdownOptions {
  title: string
  /** The body must stay under this many characters; rows past it are left out. */
  maxLength?: number
  /** Where the rows that did not fit can be read. */
  overflowHint?: string
}

export function renderMarkdown(report: Report, options: MarkdownOptions): string {
  const head: string[] = [`## ${options.title}`]
  if (report.dryRun) head.push('### Plan only: nothing was changed')
  else if (report.planOnlyFile !== undefined)
    head.push(`### Plan: ${code(report.planOnlyFile, false)} will be applied when merged`)
  if (report.fatal) {
    // One line per problem: a line break inside text() would show as U+000A.
    head.push(`❌ ${report.fatal.split('\n').map(text).join('  \n')}`)
    return head.join('\n\n')
  }
  if (report.help) return [...head, ...renderHelp(report, report.help)].join('\n\n')
  if (report.digest) {
    // Read-only: what is due, and the errors of the pairs that could not be read.
    return [...head, renderDigest(report.digest, report.timeZone), ...otherErrors(report)].join(
      '\n\n'
    )
  }
  // One flag, or one environment, goes in the headline instead of filling a column.
  const containers = [
    ...report.flagKeys.map((key) => containerId('flag', key)),
    ...(report.segmentKeys ?? []).map((key) => containerId('segment', key))
  ]
  const oneContainer = only(
    containers,
    report.rows.map((r) => r.container && containerId(r.container.kind, r.container.key))
  )
  const kindsOfContainer = new Set([
    ...(report.flagKeys.length > 0 ? ['flag'] : []),
    ...((report.segmentKeys ?? []).length > 0 ? ['segment'] : []),
    ...report.rows.flatMap((r) => (r.container ? [r.container.kind] : []))
  ])
  const mixed = kindsOfContainer.size > 1
  const oneEnvironment = only(
    report.environmentKeys,
    report.rows.map((r) => r.environmentKey)
  )
  const where = [
    ...(oneContainer === undefined
      ? []
      : [
          containerLink(
            report,
            fromId(oneContainer),
            oneEnvironment ?? report.environmentKeys[0],
            false
          )
        ]),
    ...(oneEnvironment === undefined ? [] : [`environment ${code(oneEnvironment, false)}`]),
    `project ${code(report.projectKey, false)}`
  ]
  head.push(`**${verdict(report)}** · ${where.join(' · ')}`)
  const zoned = report.timeZone !== 'UTC'
  // Contexts of another kind than user get a Kind column, and the key column says Context.
  const kinds = report.rows.some((r) => r.target && r.target.kind !== USER_KIND)
  const header = [
    ...(oneContainer === undefined
      ? [mixed ? 'Flag or segment' : kindsOfContainer.has('segment') ? 'Segment' : 'Flag']
      : []),
    ...(oneEnvironment === undefined ? ['Environment'] : []),
    ...(kinds ? ['Kind', 'Context'] : ['User']),
    mixed ? 'Variation or list' : kindsOfContainer.has('segment') ? 'List' : 'Variation'
  ]
  if (zoned) header.push(`Removal (${code(report.timeZone)})`)
  header.push('Removal (UTC)', 'Outcome', 'From', 'Details')
  const renderRow = (row: Row): string[] => {
    const cells: string[] = []
    if (oneContainer === undefined) {
      const link =
        row.container && containerLink(report, row.container, row.environmentKey ?? '', true)
      cells.push(link === undefined ? '*all*' : mixed ? link : link.replace(/^\S+ /, ''))
    }
    if (oneEnvironment === undefined)
      cells.push(row.environmentKey === undefined ? '*all*' : code(row.environmentKey))
    if (kinds) cells.push(row.target ? code(row.target.kind) : '')
    cells.push(who(row), row.variation === undefined ? '' : code(row.variation))
    if (zoned)
      cells.push(row.removalMs === undefined ? '' : formatInZone(row.removalMs, report.timeZone))
    cells.push(
      row.removalMs === undefined ? '' : formatUtc(row.removalMs),
      `${ICON[row.outcome]} ${outcomeLabel(row.outcome, report.dryRun || Boolean(row.planOnly))}`,
      from(row),
      row.detail ? text(row.detail) : ''
    )
    return cells
  }

  const sections: string[] = []
  const errors = report.errors.filter((e) => e.instructionIndex !== null)
  if (errors.length > 0) {
    const items = errors
      .slice(0, MAX_LISTED_ERRORS)
      .map(
        (e) =>
          `- ${e.segmentKey === undefined ? 'flag' : 'segment'} ${code(e.segmentKey ?? e.flagKey ?? '', false)}, instruction ${e.instructionIndex}${e.request !== null && e.request > 1 ? ` of request ${e.request}` : ''} → ${text(e.origin ?? '')} ${code(e.entry ?? '', false)}: ${text(e.message)}`
      )
    if (errors.length > MAX_LISTED_ERRORS) {
      items.push(
        `- … and ${errors.length - MAX_LISTED_ERRORS} more in the step's \`errors\` output`
      )
    }
    sections.push(['### LaunchDarkly errors', ...items].join('\n'))
  }
  sections.push(...otherErrors(report))
  if (report.drift)
    sections.push(['### Drift', renderDrift(report.drift, report.dryRun)].join('\n\n'))

  // Rows fill what the heading, the error list and a margin leave of maxLength.
  const budget = (options.maxLength ?? Infinity) - [...head, ...sections].join('\n\n').length - 200
  const rows: string[][] = []
  let used = 0
  for (const row of report.rows) {
    const cells = renderRow(row)
    used += cells.join(' | ').length + 5
    if (used > budget) break
    rows.push(cells)
  }
  let rowsTable = table(header, rows)
  if (rows.length < report.rows.length) {
    rowsTable += `\n\n*${report.rows.length - rows.length} more rows left out to fit; ${options.overflowHint ?? 'see the job summary'}.*`
  }
  return [...head, rowsTable, ...sections].join('\n\n')
}

/** Errors that belong to no entry: a flag that could not be read, unexplained counts. */
function otherErrors(report: Report): string[] {
  const other = report.errors.filter((e) => e.instructionIndex === null && e.entry === null)
  if (other.length === 0) return []
  return [['### Other errors', ...other.map((e) => `- ${text(e.message)}`)].join('\n')]
}

/** The run link: it changes every run, so the comment keeps it out of its digest. */
export function footer(report: Report): string {
  return report.runUrl ? `<sub>[Workflow run](${report.runUrl})</sub>` : ''
}

/** The one value every row has (rows that apply to all count as it), if there is one. */
function only(keys: string[], rows: (string | undefined)[]): string | undefined {
  const seen = new Set(rows.filter((r) => r !== undefined))
  const [key] = keys
  if (keys.length !== 1 || key === undefined) return undefined
  return seen.size === 0 || (seen.size === 1 && seen.has(key)) ? key : undefined
}

/** `flag <key>` or `segment <key>`, the key linked to its targeting page in an environment. */
function containerLink(
  report: Report,
  { kind, key }: { kind: ContainerKind; key: string },
  environmentKey: string | undefined,
  inTable: boolean
): string {
  const url = targetingUrl(report.baseUri, report.projectKey, key, environmentKey ?? '', kind)
  return `${kind} ${url ? `[${code(key, inTable)}](${url})` : code(key, inTable)}`
}

function containerId(kind: ContainerKind, key: string): string {
  return `${kind}\n${key}`
}

function fromId(id: string): { kind: ContainerKind; key: string } {
  const at = id.indexOf('\n')
  return { kind: id.slice(0, at) as ContainerKind, key: id.slice(at + 1) }
}

/** The key, or the alias it was written as with the key it stands for. */
function who(row: Row): string {
  const key = code(row.target?.key ?? row.source)
  return row.alias === undefined ? key : `${code(row.alias)} (${key})`
}

/** Where a row came from: a label (shown as written), or a line of the targets input. */
function from(row: Row): string {
  return row.origin.startsWith('label ') ? `label ${code(row.source)}` : text(row.origin)
}

/** A slash command's grammar, with an example for this step's flags and segments. */
function renderHelp(report: Report, help: CommandHelp): string[] {
  const list = (keys: string[]): string => keys.map((key) => code(key, false)).join(', ')
  const on = [
    ...(report.flagKeys.length > 0
      ? [`${report.flagKeys.length === 1 ? 'flag' : 'flags'} ${list(report.flagKeys)}`]
      : []),
    ...(help.segmentKeys.length > 0
      ? [`${help.segmentKeys.length === 1 ? 'segment' : 'segments'} ${list(help.segmentKeys)}`]
      : [])
  ]
  const environments = `${report.environmentKeys.length === 1 ? 'environment' : 'environments'} ${list(report.environmentKeys)}`
  const example = [`${help.command} sandy@2030-06-10 bob@+7d`, `${help.command} carol@never`]
  return [
    `**How to use ${code(help.command, false)}** · project ${code(report.projectKey, false)}`,
    `Write a comment whose first line is ${code(help.command, false)} followed by one or more entries, separated by spaces. For example, to remove sandy on 10 June 2030 and bob in 7 days, then to cancel carol's removal:`,
    ['```text', ...example, '```'].join('\n'),
    [
      `- An entry is ${code('<key>@<when>', false)}: a date (${code('2030-06-10', false)}), an instant with its zone (${code('2030-06-10T09:00Z', false)}), a time from now (${code('+36h', false)}, ${code('+7d', false)}, ${code('+2w', false)}), or ${code('never', false)} to cancel a scheduled removal. The prefix ${code(help.prefix, false)} is optional.`,
      `- Every entry applies to ${on.join(' and ')}, in ${environments}.`,
      '- All or nothing: if one entry is invalid, nothing of the comment is sent.',
      `- It acts only for people with ${code(help.requiredPermission, false)} permission on the repository or more.`,
      `- ${code(`${help.command} help`, false)} shows this.`
    ].join('\n')
  ]
}

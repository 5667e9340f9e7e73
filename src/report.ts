/**
 * Results -> one report: rows per entry and flag, errors, totals; rendered for the log, the job
 * summary (and the PR comment) and the step outputs. Pure.
 */
import type { FlagResult, Outcome, SentInstruction } from './apply.js'
import type { InvalidEntry } from './grammar.js'
import { code, table, text } from './markdown.js'
import { formatInZone, formatUtc } from './when.js'

export type RowOutcome = Outcome | 'invalid'

export interface Row {
  /** Undefined for an invalid entry: it applies to no flag. */
  flagKey?: string
  environmentKey: string
  userKey?: string
  source: string
  origin: string
  variation?: string
  removalMs?: number
  outcome: RowOutcome
  detail?: string
}

export interface ErrorItem {
  flagKey: string | null
  environmentKey: string
  entry: string | null
  origin: string | null
  userKey: string | null
  /** LaunchDarkly's raw index into the PATCH's instructions; null when none was sent. */
  instructionIndex: number | null
  /** Which of the flag's PATCH requests it was in, from 1; null when none was sent. */
  request: number | null
  message: string
}

export interface Totals {
  totalInstructions: number
  successfulInstructions: number
  failedInstructions: number
}

export interface Report {
  dryRun: boolean
  timeZone: string
  projectKey: string
  environmentKey: string
  rows: Row[]
  errors: ErrorItem[]
  instructions: SentInstruction[]
  totals: Totals
  /** A failure of the whole run (no rows), such as a bad input. */
  fatal?: string
  runUrl?: string
  /** Anything to fail the step for: invalid entries, failed entries, unexplained errors. */
  failed: boolean
}

export interface ReportInput {
  dryRun: boolean
  timeZone: string
  projectKey: string
  environmentKey: string
  invalid: InvalidEntry[]
  /** Entries left alone on purpose, such as a PR label whose time has passed. */
  skipped?: InvalidEntry[]
  flags: FlagResult[]
  fatal?: string
  runUrl?: string
}

export function buildReport(input: ReportInput): Report {
  const { environmentKey } = input
  const rows: Row[] = []
  const errors: ErrorItem[] = []
  for (const invalid of input.invalid) {
    rows.push({
      environmentKey,
      source: invalid.source,
      origin: invalid.origin,
      outcome: 'invalid',
      detail: invalid.reason
    })
    errors.push({
      flagKey: null,
      environmentKey,
      entry: invalid.source,
      origin: invalid.origin,
      userKey: null,
      instructionIndex: null,
      request: null,
      message: `${describeOrigin(invalid)}: ${invalid.reason}`
    })
  }
  for (const skipped of input.skipped ?? []) {
    rows.push({
      environmentKey,
      source: skipped.source,
      origin: skipped.origin,
      outcome: 'unchanged',
      detail: skipped.reason
    })
  }
  let failedInstructions = 0
  for (const flag of input.flags) {
    const { flagKey } = flag.ref
    for (const result of flag.entries) {
      const { planned } = result
      const { entry } = planned
      const replaced = result.outcome === 'moved' || result.outcome === 'cancelled'
      const detail =
        result.message ??
        (replaced && planned.currentMs !== undefined
          ? `was ${formatUtc(planned.currentMs)}`
          : planned.reason)
      rows.push({
        flagKey,
        environmentKey,
        userKey: entry.userKey,
        source: entry.source,
        origin: entry.origin,
        variation: planned.variation?.label,
        removalMs: planned.removalMs,
        outcome: result.outcome,
        detail
      })
      if (result.outcome !== 'failed') continue
      if (planned.instruction) failedInstructions++
      errors.push({
        flagKey,
        environmentKey,
        entry: entry.source,
        origin: entry.origin,
        userKey: entry.userKey,
        instructionIndex: result.instructionIndex ?? null,
        request: result.request ?? null,
        message: result.message ?? 'failed'
      })
    }
    for (const message of flag.unmatchedErrors) {
      errors.push({
        flagKey,
        environmentKey,
        entry: null,
        origin: null,
        userKey: null,
        instructionIndex: null,
        request: null,
        message
      })
    }
  }
  const instructions = input.flags.flatMap((f) => f.instructions)
  const totalInstructions = instructions.length
  return {
    dryRun: input.dryRun,
    timeZone: input.timeZone,
    projectKey: input.projectKey,
    environmentKey,
    rows,
    errors,
    instructions,
    totals: {
      totalInstructions,
      successfulInstructions: input.dryRun ? 0 : totalInstructions - failedInstructions,
      failedInstructions
    },
    fatal: input.fatal,
    runUrl: input.runUrl,
    failed: input.fatal !== undefined || errors.length > 0
  }
}

/** `targets line 3 "sandy@…"`; a label's origin already quotes it. */
function describeOrigin(entry: { origin: string; source: string }): string {
  return entry.origin.includes(JSON.stringify(entry.source))
    ? entry.origin
    : `${entry.origin} "${entry.source}"`
}

export function outputs(report: Report): Record<string, string> {
  return {
    'total-instructions': String(report.totals.totalInstructions),
    'successful-instructions': String(report.totals.successfulInstructions),
    'failed-instructions': String(report.totals.failedInstructions),
    errors: JSON.stringify(report.errors),
    instructions: JSON.stringify(report.instructions),
    'comment-url': ''
  }
}

const DONE_LABEL: Record<RowOutcome, string> = {
  scheduled: 'scheduled',
  moved: 'moved',
  cancelled: 'cancelled',
  unchanged: 'unchanged',
  failed: 'failed',
  invalid: 'invalid'
}
const PLAN_LABEL: Record<RowOutcome, string> = {
  ...DONE_LABEL,
  scheduled: 'will schedule',
  moved: 'will move',
  cancelled: 'will cancel'
}
const ICON: Record<RowOutcome, string> = {
  scheduled: '🟢',
  moved: '🔁',
  cancelled: '⏹️',
  unchanged: '⚪',
  failed: '❌',
  invalid: '⚠️'
}

export function outcomeLabel(outcome: RowOutcome, dryRun: boolean): string {
  return (dryRun ? PLAN_LABEL : DONE_LABEL)[outcome]
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

/** Lines for the step log: user text is quoted as JSON, so it cannot carry a workflow command. */
export function logLines(report: Report): string[] {
  if (report.fatal) return [report.fatal]
  const lines = report.rows.map((row) => {
    const flag = row.flagKey === undefined ? 'all flags' : `flag ${row.flagKey}`
    const when = row.removalMs === undefined ? '' : ` at ${formatUtc(row.removalMs)}`
    const variation = row.variation === undefined ? '' : ` on ${JSON.stringify(row.variation)}`
    const detail = row.detail === undefined ? '' : `: ${row.detail}`
    const who = row.userKey === undefined ? JSON.stringify(row.source) : JSON.stringify(row.userKey)
    return `${outcomeLabel(row.outcome, report.dryRun)} ${who} (${row.origin}) ${flag}${variation}${when}${detail}`
  })
  return [...lines, verdict(report)]
}

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
  if (report.fatal) {
    head.push(`❌ ${text(report.fatal)}`)
    return head.join('\n\n')
  }
  head.push(
    `**${verdict(report)}** · project ${code(report.projectKey, false)} · environment ${code(report.environmentKey, false)}`
  )
  const zoned = report.timeZone !== 'UTC'
  const header = ['Flag', 'Environment', 'User', 'Variation', 'Removal (UTC)']
  if (zoned) header.push(`Removal (${code(report.timeZone)})`)
  header.push('Outcome', 'Details')
  const renderRow = (row: Row): string[] => {
    const cells = [
      row.flagKey === undefined ? '*all*' : code(row.flagKey),
      code(row.environmentKey),
      row.userKey === undefined ? code(row.source) : code(row.userKey),
      row.variation === undefined ? '' : code(row.variation),
      row.removalMs === undefined ? '' : formatUtc(row.removalMs)
    ]
    if (zoned)
      cells.push(row.removalMs === undefined ? '' : formatInZone(row.removalMs, report.timeZone))
    cells.push(
      `${ICON[row.outcome]} ${outcomeLabel(row.outcome, report.dryRun)}`,
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
          `- flag ${code(e.flagKey ?? '', false)}, instruction ${e.instructionIndex}${e.request !== null && e.request > 1 ? ` of request ${e.request}` : ''} → ${text(e.origin ?? '')} ${code(e.entry ?? '', false)}: ${text(e.message)}`
      )
    if (errors.length > MAX_LISTED_ERRORS) {
      items.push(
        `- … and ${errors.length - MAX_LISTED_ERRORS} more in the step's \`errors\` output`
      )
    }
    sections.push(['### LaunchDarkly errors', ...items].join('\n'))
  }
  const other = report.errors.filter((e) => e.instructionIndex === null && e.entry === null)
  if (other.length > 0)
    sections.push(['### Other errors', ...other.map((e) => `- ${text(e.message)}`)].join('\n'))

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

/** The run link: it changes every run, so the comment keeps it out of its digest. */
export function footer(report: Report): string {
  return report.runUrl ? `<sub>[Workflow run](${report.runUrl})</sub>` : ''
}

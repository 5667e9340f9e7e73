/**
 * Results -> one report: rows per entry and flag, errors, totals. Rendered by log.ts,
 * markdown.ts and outputs.ts. Pure.
 */
import type { PairResult, SentInstruction } from '../engine/execute.js'
import type { Digest } from './due-soon.js'
import type { DriftItem } from './drift.js'
import { variationLabel } from '../launchdarkly/flag.js'
import type { Outcome } from '../core/outcome.js'
import type { InvalidEntry, ParseResult } from '../core/entry.js'
import { labelOrigin, type Superseded } from '../sources/labels.js'
import { formatUtc } from '../core/when.js'
import { targetId, type Target } from '../core/target.js'
import type { ContainerKind } from '../launchdarkly/container.js'

export interface Row {
  /** The flag or segment; undefined for an invalid entry: it applies to none. */
  container?: { kind: ContainerKind; key: string }
  /** Undefined for an invalid entry: it applies in no environment. */
  environmentKey?: string
  target?: Target
  /** The alias the key was written as. */
  alias?: string
  /** Planned, not sent: the targets file on a pull request. */
  planOnly?: boolean
  source: string
  origin: string
  variation?: string
  removalMs?: number
  outcome: Outcome
  detail?: string
}

/** A label on the PR that this run did not act on: shown with what LaunchDarkly holds for it. */
export interface RestingLabel {
  label: string
  result: ParseResult
}

export interface ErrorItem {
  flagKey: string | null
  /** The segment, for an error on one (flagKey is then null). */
  segmentKey?: string
  /** The environment; for an invalid entry, the run's environments, comma-separated. */
  environmentKey: string
  entry: string | null
  origin: string | null
  target: Target | null
  /** Kept from v1: the target's key. */
  userKey: string | null
  /** LaunchDarkly's raw index into the PATCH's instructions; null when none was sent. */
  instructionIndex: number | null
  /** Which of the flag's PATCH requests it was in, from 1; null when none was sent. */
  request: number | null
  message: string
  /** Where an invalid entry was written (a targets file), for an annotation on that line. */
  file?: string
  line?: number
}

export interface Totals {
  totalInstructions: number
  successfulInstructions: number
  failedInstructions: number
}

export interface Report {
  dryRun: boolean
  timeZone: string
  /** LaunchDarkly's address, for links to a flag's targeting page. */
  baseUri: string
  projectKey: string
  environmentKeys: string[]
  flagKeys: string[]
  /** The segments the run names, beside its flags. */
  segmentKeys?: string[]
  /** The targets file, when this run only plans it (a pull request): applied when merged. */
  planOnlyFile?: string
  rows: Row[]
  errors: ErrorItem[]
  instructions: SentInstruction[]
  totals: Totals
  /** A failure of the whole run (no rows), such as a bad input. */
  fatal?: string
  runUrl?: string
  /** Anything to fail the step for: invalid entries, failed entries, unexplained errors. */
  failed: boolean
  /** sweep: the targets given a removal (planned, in a dry run). */
  swept?: number
  /** reconcile: what was out of place. */
  drift?: DriftItem[]
  /** digest: what is due. */
  digest?: Digest
  /** A slash command's help (`/expire help`): the run sent nothing. */
  help?: CommandHelp
}

/** How to write a slash command for this step: its word, its flags, segments and environments. */
export interface CommandHelp {
  command: string
  /** The label prefix, optional in a command. */
  prefix: string
  /** The permission a commenter needs (required-permission). */
  requiredPermission: string
  /** The step's segments (the report keeps its flags and environments). */
  segmentKeys: string[]
}

/** What a report is built from: the run's settings as the report shows them, and the results. */
export interface ReportInput extends Pick<
  Report,
  | 'dryRun'
  | 'timeZone'
  | 'baseUri'
  | 'projectKey'
  | 'environmentKeys'
  | 'flagKeys'
  | 'segmentKeys'
  | 'planOnlyFile'
  | 'fatal'
  | 'runUrl'
  | 'help'
> {
  /** The PR's other expiry labels, shown so that the comment is the PR's whole state. */
  resting?: RestingLabel[]
  invalid: InvalidEntry[]
  /** Entries left alone on purpose, such as a PR label whose time has passed. */
  skipped?: InvalidEntry[]
  /** Older labels for a key a newer label decides; `removed`: taken off the PR by this run. */
  superseded?: (Superseded & { removed: boolean })[]
  flags: PairResult[]
}

export function buildReport(input: ReportInput): Report {
  const environmentKey = input.environmentKeys.join(',')
  const rows: Row[] = []
  const errors: ErrorItem[] = []
  for (const invalid of input.invalid) {
    rows.push({
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
      target: null,
      userKey: null,
      instructionIndex: null,
      request: null,
      message: `${describeOrigin(invalid)}: ${invalid.reason}`,
      ...(invalid.file === undefined ? {} : { file: invalid.file }),
      ...(invalid.line === undefined ? {} : { line: invalid.line })
    })
  }
  for (const skipped of input.skipped ?? []) {
    rows.push({
      source: skipped.source,
      origin: skipped.origin,
      outcome: 'unchanged',
      detail: skipped.reason
    })
  }
  for (const { label, target, by, removed } of input.superseded ?? []) {
    rows.push({
      target,
      source: label,
      origin: labelOrigin(label),
      outcome: 'superseded',
      detail: `${JSON.stringify(by)} names the same key and was added later${removed ? '; removed from the pull request' : ''}`
    })
  }
  let failedInstructions = 0
  for (const flag of input.flags) {
    const { environmentKey } = flag.ref
    const container = { kind: flag.ref.kind, key: flag.ref.key }
    // The errors output names a flag by flagKey, as it always has; a segment by segmentKey.
    const errorKeys =
      container.kind === 'flag'
        ? { flagKey: container.key }
        : { flagKey: null, segmentKey: container.key }
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
        container,
        environmentKey,
        target: entry.target,
        ...(entry.alias === undefined ? {} : { alias: entry.alias }),
        ...(entry.planOnly ? { planOnly: true } : {}),
        source: entry.source,
        origin: entry.origin,
        variation: planned.variation?.label,
        // What LaunchDarkly holds now: the new time, or the old one where this run failed.
        removalMs:
          result.outcome === 'failed' || result.outcome === 'expired'
            ? planned.currentMs
            : result.outcome === 'cancelled'
              ? undefined
              : planned.removalMs,
        outcome: result.outcome,
        detail
      })
      if (result.outcome !== 'failed') continue
      if (planned.instruction) failedInstructions++
      errors.push({
        ...errorKeys,
        environmentKey,
        entry: entry.source,
        origin: entry.origin,
        target: entry.target,
        userKey: entry.target.key,
        instructionIndex: result.instructionIndex ?? null,
        request: result.request ?? null,
        message: result.message ?? 'failed'
      })
    }
    for (const message of flag.unmatchedErrors) {
      errors.push({
        ...errorKeys,
        environmentKey,
        entry: null,
        origin: null,
        target: null,
        userKey: null,
        instructionIndex: null,
        request: null,
        message
      })
    }
  }
  rows.push(...restingRows(input))
  const instructions = input.flags.flatMap((f) => f.instructions)
  const totalInstructions = instructions.length
  return {
    dryRun: input.dryRun,
    timeZone: input.timeZone,
    baseUri: input.baseUri,
    projectKey: input.projectKey,
    environmentKeys: input.environmentKeys,
    flagKeys: input.flagKeys,
    ...(input.planOnlyFile === undefined ? {} : { planOnlyFile: input.planOnlyFile }),
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
    ...(input.help === undefined ? {} : { help: input.help }),
    failed: input.fatal !== undefined || errors.length > 0
  }
}

/** `targets line 3 "sandy@…"`; a label's origin already quotes it. */
function describeOrigin(entry: { origin: string; source: string }): string {
  return entry.origin.includes(JSON.stringify(entry.source))
    ? entry.origin
    : `${entry.origin} "${entry.source}"`
}

/**
 * Rows for the PR's labels this run did not act on, with what LaunchDarkly holds for each on
 * every flag this run read. They are the PR's state, not this run's problems: no errors.
 */
function restingRows(input: ReportInput): Row[] {
  const rows: Row[] = []
  for (const { label, result } of input.resting ?? []) {
    const origin = labelOrigin(label)
    if (!result.ok) {
      rows.push({
        source: label,
        origin,
        outcome: 'invalid',
        detail: result.invalid.reason
      })
      continue
    }
    const { target, source, alias } = result.entry
    const named = alias === undefined ? {} : { alias }
    const read = input.flags.filter((f) => f.state)
    if (read.length === 0) {
      rows.push({
        target,
        ...named,
        source,
        origin,
        outcome: 'unchanged',
        detail: 'not read by this run'
      })
    }
    for (const { ref, state } of read) {
      // A flag's own removals carry no targetType; a segment's do.
      const item = state?.items.find(
        (i) =>
          targetId(i.target) === targetId(target) &&
          (ref.kind === 'segment' || i.targetType === undefined)
      )
      const variation = state?.flag?.variations.find((v) => v._id === item?.variationId)
      rows.push({
        container: { kind: ref.kind, key: ref.key },
        environmentKey: ref.environmentKey,
        target,
        ...named,
        source,
        origin,
        variation: variation ? variationLabel(variation) : item?.targetType,
        removalMs: item?.expirationDate,
        outcome: 'unchanged',
        detail: item ? 'not changed by this run' : 'no removal is scheduled'
      })
    }
  }
  return rows
}

/**
 * The reconcile mode: every open PR's live expiry labels applied again, under the rules of label
 * events (`required-permission` for whoever added each label, the label added last per key).
 * What LaunchDarkly did not hold (a removal moved or cancelled by hand, a label event that never
 * ran) is drift: reported, and healed unless this is a dry run. A PR's comment is written only
 * when its state changed.
 */
import { applyAll, type PairResult } from '../engine/execute.js'
import type { Entry, InvalidEntry, ParseResult } from '../core/entry.js'
import { rejectRepeatedKeys, relatesToPrefix } from '../sources/grammar.js'
import { labelOrigin, readPullRequestLabels, type Superseded } from '../sources/labels.js'
import * as log from '../core/logger.js'
import { driftOf, renderDrift, type LabelSource } from '../report/drift.js'
import { buildReport, type ReportInput } from '../report/model.js'
import * as mode from './mode.js'
import type { ModeInput, ModeResult } from './mode.js'

/** Pull requests read at once: each costs GitHub a labels, an events and a permission request. */
const PULL_REQUESTS_AT_ONCE = 4

export async function runReconcile(input: ModeInput): Promise<ModeResult> {
  const { settings, github, launchDarkly } = input
  const now = Date.now()
  // The targets file's aliases name the keys of labels here as in the label workflow.
  const file = await mode.readRunTargetsFile(input, now)
  const fileProblems = file?.results.flatMap((r) => (r.ok ? [] : [r.invalid])) ?? []
  if (fileProblems.length > 0) {
    log.info(
      'Nothing was read or sent: the targets file, whose aliases the labels use, is invalid.'
    )
    return {
      report: buildReport({ ...baseOf(input), invalid: fileProblems, flags: [] }),
      comment: undefined
    }
  }
  const grammar = {
    prefix: settings.labelPrefix,
    timeZone: settings.timeZone,
    now,
    kind: settings.contextKind,
    aliases: file?.aliases
  }
  const gate = mode.gateOf(input)
  const open = await github.openPullRequests()
  const labeled = open.filter((pr) => pr.labels.some((l) => relatesToPrefix(l, grammar.prefix)))
  log.info(
    `${open.length} open pull request${open.length === 1 ? '' : 's'}, ${labeled.length} with expiry labels.`
  )

  const states = await inBatches(labeled, PULL_REQUESTS_AT_ONCE, async (pr) => {
    try {
      return {
        number: pr.number,
        ...(await readPullRequestLabels(pr.number, grammar, github, gate))
      }
    } catch (error) {
      // Without its labels' senders, none of this PR's labels may act: say so, go on.
      const reason = `${(error as Error).message} Its labels were left alone.`
      const invalid = { source: `#${pr.number}`, origin: `pull request #${pr.number}`, reason }
      return {
        number: pr.number,
        results: [{ ok: false as const, invalid }],
        skipped: [],
        superseded: []
      }
    }
  })
  // Each label's origin names its PR; where an entry came from is kept for the drift.
  const sources = new Map<string, LabelSource>()
  const onPr = (number: number, origin: string): string => `${origin} on #${number}`
  const results: ParseResult[] = []
  const skipped: InvalidEntry[] = []
  const superseded: (Superseded & { pullRequest: number })[] = []
  for (const state of states) {
    for (const result of state.results) {
      if (result.ok) {
        const origin = onPr(state.number, result.entry.origin)
        sources.set(origin, { pullRequest: state.number, label: result.entry.source })
        results.push({ ok: true, entry: { ...result.entry, origin } })
      } else {
        const origin = result.invalid.origin.startsWith('pull request')
          ? result.invalid.origin
          : onPr(state.number, result.invalid.origin)
        results.push({ ok: false, invalid: { ...result.invalid, origin } })
      }
    }
    skipped.push(...state.skipped.map((s) => ({ ...s, origin: onPr(state.number, s.origin) })))
    superseded.push(...state.superseded.map((s) => ({ ...s, pullRequest: state.number })))
  }
  // Two PRs labelling the same key would fight: the later one is reported, not applied.
  const checked = rejectRepeatedKeys(results)
  const entries: Entry[] = checked.flatMap((r) => (r.ok ? [r.entry] : []))
  const invalid = checked.flatMap((r) => (r.ok ? [] : [r.invalid]))
  const endpoint = mode.endpointOf(settings.contextKind)
  const pairs = mode.pairsOf(settings.projectKey, settings)
  const flags =
    entries.length > 0
      ? await applyAll(launchDarkly, pairs, () => entries, mode.applyOptions(input, endpoint, now))
      : []
  const drift = driftOf(flags, (origin) => sources.get(origin))
  const removed = await removeSuperseded(input, superseded, flags, onPr)
  const base = baseOf(input)
  const report = buildReport({
    ...base,
    invalid,
    skipped,
    superseded: superseded.map((s) => ({ ...s, removed: removed.has(s) })),
    flags
  })
  report.drift = drift

  // A PR whose labels LaunchDarkly did not hold gets a report for its comment; a dry run changed
  // nothing, so it leaves the comments as they are.
  const pullRequests =
    settings.comment && !settings.dryRun
      ? [...new Set(drift.map((d) => d.pullRequest))].map((number) => {
          const own = (entry: Entry): boolean => sources.get(entry.origin)?.pullRequest === number
          const mine = (origin: string): boolean => origin.endsWith(` on #${number}`)
          const prReport = buildReport({
            ...base,
            invalid: invalid.filter((i) => mine(i.origin)),
            skipped: skipped.filter((i) => mine(i.origin)),
            flags: flags.map((f) => onlyEntries(f, own))
          })
          return { pullRequest: number, report: prReport }
        })
      : []
  return {
    report,
    comment: undefined,
    pullRequests,
    ...(settings.dashboard ? { dashboard: { drift: renderDrift(drift, settings.dryRun) } } : {})
  }
}

/**
 * As after a label event: an older label for a key comes off its PR once the newer one acted on
 * every flag, so that the PR shows one label per key. A dry run removes nothing.
 */
async function removeSuperseded<S extends Superseded & { pullRequest: number }>(
  { settings, github }: ModeInput,
  superseded: S[],
  flags: PairResult[],
  onPr: (number: number, origin: string) => string
): Promise<Set<S>> {
  const removed = new Set<S>()
  if (settings.dryRun) return removed
  for (const item of superseded) {
    const winner = onPr(item.pullRequest, labelOrigin(item.by))
    const results = flags.flatMap((f) => f.entries).filter((e) => e.planned.entry.origin === winner)
    if (results.length === 0 || results.some((r) => r.outcome === 'failed')) continue
    try {
      await github.removeLabel(item.pullRequest, item.label)
      removed.add(item)
    } catch (error) {
      log.warning((error as Error).message)
    }
  }
  return removed
}

/** What every report of a reconcile shows: its settings. */
function baseOf({ settings, context }: ModeInput): Omit<ReportInput, 'flags' | 'invalid'> {
  return {
    dryRun: settings.dryRun,
    timeZone: settings.timeZone,
    baseUri: settings.baseUri,
    projectKey: settings.projectKey,
    environmentKeys: settings.environmentKeys,
    flagKeys: settings.flagKeys,
    segmentKeys: settings.segmentKeys,
    runUrl: context.runUrl
  }
}

/** A flag's result with only some entries, and the instructions they sent. */
function onlyEntries(flag: PairResult, keep: (entry: Entry) => boolean): PairResult {
  const entries = flag.entries.filter((e) => keep(e.planned.entry))
  const sent = new Set(entries.map((e) => e.planned.instruction))
  return {
    ...flag,
    entries,
    instructions: flag.instructions.filter((i) => sent.has(i.instruction)),
    unmatchedErrors: []
  }
}

/** `work` on every item, `size` at a time, in order. */
async function inBatches<T, R>(
  items: T[],
  size: number,
  work: (item: T) => Promise<R>
): Promise<R[]> {
  const results: R[] = []
  for (let i = 0; i < items.length; i += size)
    results.push(...(await Promise.all(items.slice(i, i + size).map(work))))
  return results
}

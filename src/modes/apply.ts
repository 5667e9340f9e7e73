/**
 * The apply mode: the entries of this run (a label event, the PR's labels, the `targets` input,
 * the targets file) planned against each (flag, environment) and sent. Flag reads start as soon
 * as the entries parse, so they overlap GitHub's answer on who sent a label.
 */
import { applyAll, prefetchPairs, type PairResult } from '../engine/execute.js'
import type { PendingComment } from '../github/session.js'
import { pairId, type ContainerRef } from '../launchdarkly/container.js'
import type { Entry, InvalidEntry, ParseResult } from '../core/entry.js'
import * as log from '../core/logger.js'
import { buildReport, type RestingLabel } from '../report/model.js'
import {
  parseEntry,
  parseTargets,
  rejectRepeatedKeys,
  type GrammarContext
} from '../sources/grammar.js'
import { applyGate } from '../sources/gate.js'
import {
  labelOrigin,
  parseEventLabel,
  readLabelEvent,
  readPullRequestLabels,
  type Superseded
} from '../sources/labels.js'
import {
  applyOptions,
  endpointOf,
  gateOf,
  pairsOf,
  readRunTargetsFile,
  type ModeInput,
  type ModeResult
} from './mode.js'
import type { TargetsFileRead } from '../sources/targets-file.js'

/** Pull request actions on which every expiry label the PR has now is applied again. */
const REAPPLY_ACTIONS = new Set(['opened', 'reopened', 'synchronize'])

/** The entries of a run, after the grammar, `required-permission` and one label per key. */
interface Entries {
  /** An invalid one here stops every entry: one author, one change (`targets`, a label event). */
  results: ParseResult[]
  /** Each its own change: an invalid one is reported and the others go ahead (the PR's labels). */
  independent: ParseResult[]
  skipped: InvalidEntry[]
  superseded: Superseded[]
  /** The label of a label event; its superseded labels are taken off the PR once it applied. */
  added: string | undefined
  /** The PR's expiry labels now, read live; empty off a PR. */
  labelsNow: string[]
}

/** The entries as parsed, before `required-permission`, and how to get their final form. */
interface Read {
  /** Every entry parsed: the flags can be read now, while GitHub is asked who sent them. */
  parsed: boolean
  entries: () => Promise<Entries>
}

type Grammar = Omit<GrammarContext, 'intent'>

export async function runApply(input: ModeInput): Promise<ModeResult> {
  const { context, settings, github, launchDarkly } = input
  const now = Date.now()
  const file = await readRunTargetsFile(input, now)
  const grammar: Grammar = {
    prefix: settings.labelPrefix,
    timeZone: settings.timeZone,
    now,
    kind: settings.contextKind,
    aliases: file?.aliases
  }
  const fileResults = file?.results ?? []
  const fileEntries = okEntries(fileResults)
  const { projectKey } = settings
  const inputPairs = pairsOf(projectKey, {
    flagKeys: settings.flagKeys,
    environmentKeys: settings.environmentKeys
  })
  const filePairs = fileEntries.flatMap((e) => pairsOf(projectKey, e.scope))
  const pairs = unique([...inputPairs, ...filePairs], pairId)
  const endpoint = endpointOf(settings.contextKind, fileEntries)
  const options = applyOptions(input, endpoint, now)
  const read = readEntries(input, grammar, file)
  let comment: PendingComment | undefined
  const startComment = (): void => {
    if (input.commentTarget) comment ??= github.findComment(input.commentTarget)
  }
  const early = read.parsed
  const prefetched = early ? prefetchPairs(launchDarkly, pairs, options) : undefined
  if (early) startComment()
  const found = await read.entries()
  const all = [...found.results, ...found.independent]
  if (all.length + found.skipped.length + found.superseded.length > 0) startComment()

  const blocked = found.results.some((r) => !r.ok)
  const invalid = all.flatMap((r) => (r.ok ? [] : [r.invalid]))
  // Blocked, only the plan of the targets file is still read: it sends nothing either way.
  const entries: Entry[] = okEntries(all).filter((e) => !blocked || e.planOnly)
  const inputScope = new Set(inputPairs.map(pairId))
  const planner = (_: unknown, pair: ContainerRef): Entry[] =>
    entries.filter((e) =>
      e.scope
        ? pairsOf(projectKey, e.scope).some((p) => pairId(p) === pairId(pair))
        : inputScope.has(pairId(pair))
    )
  const wanted = pairs.filter((pair) => planner(undefined, pair).length > 0)
  let flags: PairResult[] = []
  if (blocked) log.info('Nothing was sent to LaunchDarkly: every entry must be valid first.')
  if (entries.length > 0) {
    flags = await applyAll(launchDarkly, wanted, planner, options, prefetched)
  } else if (!blocked && invalid.length === 0) {
    log.notice(
      'No entries to apply: list them in the targets input or the targets file, or add a label such as expire-user:sandy@2030-06-10.'
    )
  }
  // A label supersedes others only once it acted: else the older label is still what holds.
  const acted = new Set(
    entries
      .filter((e) => flags.some((f) => f.entries.some((r) => r.planned.entry === e)))
      .filter((e) =>
        flags.every((f) => f.entries.every((r) => r.planned.entry !== e || r.outcome !== 'failed'))
      )
      .map((e) => e.origin)
  )
  found.superseded = found.superseded.filter((s) => acted.has(labelOrigin(s.by)))
  const removed = await removeSuperseded(found, input)
  const report = buildReport({
    dryRun: settings.dryRun,
    timeZone: settings.timeZone,
    baseUri: settings.baseUri,
    projectKey: settings.projectKey,
    environmentKeys: unique(
      pairs.map((p) => p.environmentKey),
      (e) => e
    ),
    flagKeys: unique(
      pairs.map((p) => p.key),
      (f) => f
    ),
    ...(file?.planOnly && fileResults.length > 0 ? { planOnlyFile: file.path } : {}),
    resting: restingLabels(found, grammar),
    invalid,
    skipped: found.skipped,
    superseded: found.superseded.map((s) => ({ ...s, removed: removed.has(s.label) })),
    flags,
    runUrl: context.runUrl
  })
  return { report, comment }
}

function unique<T>(items: T[], id: (item: T) => string): T[] {
  const seen = new Map<string, T>()
  for (const item of items) if (!seen.has(id(item))) seen.set(id(item), item)
  return [...seen.values()]
}

function okEntries(results: ParseResult[]): Entry[] {
  return results.flatMap((r) => (r.ok ? [r.entry] : []))
}

/** The PR's labels this run did not act on, parsed so that the comment can show their state. */
function restingLabels(found: Entries, base: Grammar): RestingLabel[] {
  const seen = new Set([
    ...[...found.results, ...found.independent].map((r) =>
      r.ok ? r.entry.origin : r.invalid.origin
    ),
    ...found.skipped.map((s) => s.origin),
    ...found.superseded.map((s) => labelOrigin(s.label))
  ])
  const grammar = { ...base, intent: 'reapply' as const }
  return found.labelsNow
    .filter((label) => !seen.has(labelOrigin(label)))
    .map((label) => ({ label, result: parseEntry(label, labelOrigin(label), grammar) }))
}

/**
 * After a label event applied its label on every flag, the older labels for the same key come
 * off the PR, so that the PR shows one label per key. A dry run removes nothing.
 */
async function removeSuperseded(
  found: Entries,
  { context, settings, github }: ModeInput
): Promise<Set<string>> {
  const removed = new Set<string>()
  const pullRequest = context.pullRequest?.number
  if (!found.added || settings.dryRun || pullRequest === undefined) return removed
  for (const { label } of found.superseded.filter((s) => s.by === found.added)) {
    try {
      await github.removeLabel(pullRequest, label)
      removed.add(label)
    } catch (error) {
      log.warning((error as Error).message)
    }
  }
  return removed
}

/**
 * The entries of this run, each checked against the grammar and, for labels, against
 * `required-permission` and one label per key.
 */
function readEntries(
  { context, settings, trigger, github }: ModeInput,
  grammar: Grammar,
  file: TargetsFileRead | undefined
): Read {
  const gate = gateOf({ context, settings, github })
  const { pullRequest } = context
  const runScope = { flagKeys: settings.flagKeys, environmentKeys: settings.environmentKeys }
  // Without flag-key, a targets line applies to no flag.
  const flagged = (results: ParseResult[]): ParseResult[] =>
    settings.flagKeys.length > 0
      ? results
      : results.map((r) =>
          r.ok && !r.entry.scope
            ? {
                ok: false,
                invalid: {
                  source: r.entry.source,
                  origin: r.entry.origin,
                  reason:
                    'flag-key is empty, so this line applies to no flag; set flag-key (the targets file names its own flags)'
                }
              }
            : r
        )
  // On a pull request the file is only planned: each line stands alone, and labels still act.
  const planned = file?.planOnly ? file.results : []
  const applied = file && !file.planOnly ? file.results : []
  const none = {
    independent: planned,
    skipped: [],
    superseded: [],
    added: undefined,
    labelsNow: []
  }
  // Without flag-key (a targets-file step), labels are another step's: left alone, unreported.
  const labelsAct = settings.flagKeys.length > 0
  if (trigger.kind === 'label' && !labelsAct) {
    log.info('flag-key is empty, so labels are left to the step that names their flags.')
    return { parsed: false, entries: () => Promise.resolve({ ...none, results: [] }) }
  }
  if (trigger.kind === 'label') {
    const result = parseEventLabel(trigger.label, trigger.action, grammar)
    const event = { ...trigger, sender: pullRequest?.sender, result }
    return {
      parsed: result.ok,
      entries: async () => {
        const alone = async (): Promise<Entries> => {
          const verb = trigger.action === 'unlabeled' ? 'removed' : 'added'
          return {
            ...none,
            results: await applyGate([{ result, actor: event.sender, verb }], gate)
          }
        }
        if (!pullRequest) return alone()
        let labels
        try {
          labels = await readLabelEvent(event, pullRequest.number, grammar, github, gate)
        } catch (error) {
          // Without the PR's labels, the event's own label still acts, as it says.
          log.warning(`${(error as Error).message} Acting on this label alone.`)
          return alone()
        }
        return {
          ...labels,
          results: labels.results,
          independent: planned,
          added: trigger.action === 'labeled' ? trigger.label : undefined
        }
      }
    }
  }
  const targets = parseTargets(settings.targets, { ...grammar, intent: 'apply' })
  const reapply =
    trigger.kind === 'pull-request' && REAPPLY_ACTIONS.has(trigger.action) && labelsAct
  if (reapply && pullRequest) {
    return {
      parsed: false,
      entries: async () => {
        const labels = await readPullRequestLabels(pullRequest.number, grammar, github, gate)
        // A key in both the targets input and a label is listed twice: the later one is invalid.
        const checked = rejectRepeatedKeys([...targets, ...labels.results])
        return {
          ...labels,
          results: checked.slice(0, targets.length),
          independent: [...checked.slice(targets.length), ...planned],
          added: undefined
        }
      }
    }
  }
  // An applied file is one reviewed change with the targets input: all valid, or nothing sent.
  const results = flagged(rejectRepeatedKeys([...targets, ...applied], runScope))
  return {
    parsed: results.length > 0 && results.every((r) => r.ok),
    entries: () => Promise.resolve({ ...none, results })
  }
}

/**
 * The apply mode: the entries of this run (a label event, the PR's labels, the `targets` input,
 * the targets file) planned against each (flag, environment) and sent. Flag reads start as soon
 * as the entries parse, so they overlap GitHub's answer on who sent a label.
 */
import { applyAll, prefetchPairs, type PairResult } from '../engine/execute.js'
import type { PendingComment } from '../github/session.js'
import { pairId, type ContainerKind, type ContainerRef } from '../launchdarkly/container.js'
import {
  namesContainers,
  type Entry,
  type InvalidEntry,
  type ParseResult,
  type Scope
} from '../core/entry.js'
import * as log from '../core/logger.js'
import { buildReport, type RestingLabel } from '../report/model.js'
import { parseEntry, parseTargets, type GrammarContext } from '../sources/grammar.js'
import { labelEventSource } from '../sources/label-event.js'
import { labelOrigin } from '../sources/labels.js'
import { pullRequestLabelsSource } from '../sources/pull-request-labels.js'
import { commandOrigin, slashCommandSource } from '../sources/slash-command.js'
import { readSource, type LabelState, type Source } from '../sources/source.js'
import { targetsInputSource } from '../sources/targets-input.js'
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

type Grammar = Omit<GrammarContext, 'intent'>

export async function runApply(input: ModeInput): Promise<ModeResult> {
  const { context, settings, github, launchDarkly } = input
  // A slash command applies its own entries only: the file lends its aliases, nothing else.
  const command = input.trigger.kind === 'slash-command'
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
  const fileEntries = command ? [] : okEntries(fileResults)
  const { projectKey } = settings
  const inputPairs = pairsOf(projectKey, runScopeOf(settings))
  const filePairs = fileEntries.flatMap((e) => pairsOf(projectKey, e.scope))
  const pairs = unique([...inputPairs, ...filePairs], pairId)
  const endpoint = endpointOf(settings.contextKind, fileEntries)
  const options = applyOptions(input, endpoint, now)
  const source = sourceOf(input, grammar, file)
  let comment: PendingComment | undefined
  const startComment = (): void => {
    if (input.commentTarget) comment ??= github.findComment(input.commentTarget)
  }
  const early = source.parsed
  const prefetched = early ? prefetchPairs(launchDarkly, pairs, options) : undefined
  if (early) startComment()
  const found = await source.read()
  // On a pull request the file is only planned: each line stands alone, and labels still act.
  const planned = file?.planOnly && !command ? file.results : []
  const all = [...found.results, ...found.independent, ...planned]
  const labels = found.labels ?? { superseded: [], added: undefined, labelsNow: [] }
  if (all.length + found.skipped.length + labels.superseded.length > 0) startComment()

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
  labels.superseded = labels.superseded.filter((s) => acted.has(labelOrigin(s.by)))
  const removed = await removeSuperseded(labels, input)
  const report = buildReport({
    dryRun: settings.dryRun,
    timeZone: settings.timeZone,
    baseUri: settings.baseUri,
    projectKey: settings.projectKey,
    environmentKeys: unique(
      pairs.map((p) => p.environmentKey),
      (e) => e
    ),
    flagKeys: keysOf(pairs, 'flag'),
    segmentKeys: keysOf(pairs, 'segment'),
    ...(file?.planOnly && !command && fileResults.length > 0 ? { planOnlyFile: file.path } : {}),
    resting: restingLabels(all, found.skipped, labels, grammar),
    invalid,
    skipped: found.skipped,
    superseded: labels.superseded.map((s) => ({ ...s, removed: removed.has(s.label) })),
    flags,
    runUrl: context.runUrl
  })
  return { report, comment }
}

/** The flags, segments and environments the inputs name. */
function runScopeOf(settings: ModeInput['settings']): Scope {
  const { flagKeys, segmentKeys, environmentKeys } = settings
  return { flagKeys, segmentKeys, environmentKeys }
}

/** The keys of one kind of container, each once, in order. */
function keysOf(pairs: ContainerRef[], kind: ContainerKind): string[] {
  return unique(
    pairs.filter((p) => p.kind === kind).map((p) => p.key),
    (k) => k
  )
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
function restingLabels(
  all: ParseResult[],
  skipped: InvalidEntry[],
  labels: LabelState,
  base: Grammar
): RestingLabel[] {
  const seen = new Set([
    ...all.map((r) => (r.ok ? r.entry.origin : r.invalid.origin)),
    ...skipped.map((s) => s.origin),
    ...labels.superseded.map((s) => labelOrigin(s.label))
  ])
  const grammar = { ...base, intent: 'reapply' as const }
  return labels.labelsNow
    .filter((label) => !seen.has(labelOrigin(label)))
    .map((label) => ({ label, result: parseEntry(label, labelOrigin(label), grammar) }))
}

/**
 * After a label event applied its label on every flag, the older labels for the same key come
 * off the PR, so that the PR shows one label per key. A dry run removes nothing.
 */
async function removeSuperseded(
  labels: LabelState,
  { context, settings, github }: ModeInput
): Promise<Set<string>> {
  const removed = new Set<string>()
  const pullRequest = context.pullRequest?.number
  if (!labels.added || settings.dryRun || pullRequest === undefined) return removed
  for (const { label } of labels.superseded.filter((s) => s.by === labels.added)) {
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
 * The source of this run's entries: the entries of a slash command; the label of a label event;
 * on a pull request opened or pushed to, its labels beside the `targets` input; else the `targets` input and an applied targets file.
 */
function sourceOf(
  { context, settings, trigger, github }: ModeInput,
  grammar: Grammar,
  file: TargetsFileRead | undefined
): Source {
  const gate = gateOf({ context, settings, github })
  const { pullRequest } = context
  // Without flag-key (a targets-file step), labels are another step's: left alone, unreported.
  const labelsAct = namesContainers(runScopeOf(settings))
  if (trigger.kind === 'slash-command') {
    const comment = context.issueComment
    if (!comment) throw new Error('The issue_comment event payload has no usable comment')
    if (!labelsAct) {
      const origin = commandOrigin(settings.slashCommand, comment.author)
      const reason =
        'flag-key and segment-key are empty, so a command applies to no flag; run commands in a step that names its flags'
      return readSource({
        results: [{ ok: false, invalid: { source: settings.slashCommand, origin, reason } }],
        independent: [],
        skipped: []
      })
    }
    return slashCommandSource({
      command: settings.slashCommand,
      args: trigger.args,
      author: comment.author,
      grammar,
      runScope: runScopeOf(settings),
      gate,
      ...(pullRequest && { labels: () => github.labels(pullRequest.number) }),
      comment: { written: comment.body, current: () => github.commentBody(comment.commentId) }
    })
  }
  if (trigger.kind === 'label' && !labelsAct) {
    log.info('flag-key is empty, so labels are left to the step that names their flags.')
    return readSource({ results: [], independent: [], skipped: [] })
  }
  if (trigger.kind === 'label') {
    return labelEventSource({
      ...trigger,
      pullRequest: pullRequest && { number: pullRequest.number, sender: pullRequest.sender },
      grammar,
      reader: github,
      gate
    })
  }
  const targets = parseTargets(settings.targets, { ...grammar, intent: 'apply' })
  const reapply =
    trigger.kind === 'pull-request' && REAPPLY_ACTIONS.has(trigger.action) && labelsAct
  if (reapply && pullRequest) {
    return pullRequestLabelsSource({
      pullRequest: pullRequest.number,
      targets,
      grammar,
      reader: github,
      gate
    })
  }
  return targetsInputSource({
    targets,
    file: file && !file.planOnly ? file.results : [],
    runScope: runScopeOf(settings)
  })
}

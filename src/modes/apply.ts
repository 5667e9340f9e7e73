/**
 * The apply mode: the entries of this run (a label event, the PR's labels, the `targets` input)
 * planned against each flag and sent. Flag reads start as soon as the entries parse, so they
 * overlap GitHub's answer on who sent a label.
 */
import type { RunContext } from '../context.js'
import { applyAll, prefetchFlags, type ApplyOptions, type FlagResult } from '../engine/apply.js'
import type { CommentTarget, GitHubSession, PendingComment } from '../github/session.js'
import type { LaunchDarklyClient } from '../launchdarkly/client.js'
import * as log from '../log.js'
import { buildReport, type Report, type RestingLabel } from '../report/model.js'
import type { Settings } from '../settings.js'
import {
  parseEntry,
  parseTargets,
  rejectRepeatedKeys,
  type Entry,
  type InvalidEntry,
  type ParseResult
} from '../sources/grammar.js'
import {
  applyGate,
  labelOrigin,
  parseEventLabel,
  readLabelEvent,
  readPullRequestLabels,
  type Gate,
  type Superseded
} from '../sources/labels.js'
import type { Trigger } from '../trigger.js'

/** Pull request actions on which every expiry label the PR has now is applied again. */
const REAPPLY_ACTIONS = new Set(['opened', 'reopened', 'synchronize'])
/** Flags worked on at once: the account's rate limit is shared, so stay modest. */
export const CONCURRENCY = 4

export interface ModeInput {
  context: RunContext
  settings: Settings
  trigger: Trigger
  github: GitHubSession
  launchDarkly: LaunchDarklyClient
  /** The comment this run writes, if any; its search starts once there are entries. */
  commentTarget: CommentTarget | undefined
}

export interface ModeResult {
  report: Report
  comment: PendingComment | undefined
}

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

export async function runApply(input: ModeInput): Promise<ModeResult> {
  const { context, settings, github, launchDarkly } = input
  const options: ApplyOptions = {
    projectKey: settings.projectKey,
    environmentKey: settings.environmentKey,
    variation: settings.variation,
    dryRun: settings.dryRun,
    comment: auditComment(context),
    maxWriteAttempts: settings.maxAttempts,
    batchSize: settings.batchSize,
    concurrency: CONCURRENCY,
    warn: (message) => log.warning(message)
  }
  const read = readEntries(input)
  let comment: PendingComment | undefined
  const startComment = (): void => {
    if (input.commentTarget) comment ??= github.findComment(input.commentTarget)
  }
  const prefetched = read.parsed
    ? prefetchFlags(launchDarkly, settings.flagKeys, options)
    : undefined
  if (read.parsed) startComment()
  const found = await read.entries()
  const all = [...found.results, ...found.independent]
  if (all.length + found.skipped.length + found.superseded.length > 0) startComment()

  const blocked = found.results.some((r) => !r.ok)
  const invalid = all.flatMap((r) => (r.ok ? [] : [r.invalid]))
  const entries: Entry[] = all.flatMap((r) => (r.ok ? [r.entry] : []))
  let flags: FlagResult[] = []
  if (blocked) {
    log.info('Nothing was sent to LaunchDarkly: every entry must be valid first.')
  } else if (entries.length > 0) {
    flags = await applyAll(launchDarkly, settings.flagKeys, () => entries, options, prefetched)
  } else if (invalid.length === 0) {
    log.notice(
      'No entries to apply: list them in the targets input, or add a label such as expire-user:sandy@2030-06-10.'
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
    environmentKey: settings.environmentKey,
    flagKeys: settings.flagKeys,
    resting: restingLabels(found, settings),
    invalid,
    skipped: found.skipped,
    superseded: found.superseded.map((s) => ({ ...s, removed: removed.has(s.label) })),
    flags,
    runUrl: context.runUrl
  })
  return { report, comment }
}

/** The PR's labels this run did not act on, parsed so that the comment can show their state. */
function restingLabels(found: Entries, settings: Settings): RestingLabel[] {
  const seen = new Set([
    ...[...found.results, ...found.independent].map((r) =>
      r.ok ? r.entry.origin : r.invalid.origin
    ),
    ...found.skipped.map((s) => s.origin),
    ...found.superseded.map((s) => labelOrigin(s.label))
  ])
  const grammar = {
    prefix: settings.labelPrefix,
    timeZone: settings.timeZone,
    now: Date.now(),
    intent: 'reapply' as const
  }
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
function readEntries({ context, settings, trigger, github }: ModeInput): Read {
  const grammar = { prefix: settings.labelPrefix, timeZone: settings.timeZone, now: Date.now() }
  const gate: Gate = {
    required: settings.requiredPermission,
    repository: context.repositoryName,
    permissionOf: (login) => github.permissionOf(login)
  }
  const { pullRequest } = context
  const none = { independent: [], skipped: [], superseded: [], added: undefined, labelsNow: [] }
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
          independent: [],
          added: trigger.action === 'labeled' ? trigger.label : undefined
        }
      }
    }
  }
  const targets = parseTargets(settings.targets, { ...grammar, intent: 'apply' })
  if (trigger.kind === 'pull-request' && pullRequest && REAPPLY_ACTIONS.has(trigger.action)) {
    return {
      parsed: false,
      entries: async () => {
        const labels = await readPullRequestLabels(pullRequest.number, grammar, github, gate)
        // A key in both the targets input and a label is listed twice: the later one is invalid.
        const checked = rejectRepeatedKeys([...targets, ...labels.results])
        return {
          ...labels,
          results: checked.slice(0, targets.length),
          independent: checked.slice(targets.length),
          added: undefined
        }
      }
    }
  }
  const results = rejectRepeatedKeys(targets)
  return {
    parsed: results.length > 0 && results.every((r) => r.ok),
    entries: () => Promise.resolve({ ...none, results })
  }
}
/** What LaunchDarkly's audit log says about why the change was made. */
function auditComment({ pullRequest, repository, runUrl }: RunContext): string {
  const parts = ['Scheduled by the LaunchDarkly Expiring Targets GitHub Action']
  if (pullRequest && repository) {
    parts.push(
      `for ${repository.owner}/${repository.repo}#${pullRequest.number}${pullRequest.url ? ` (${pullRequest.url})` : ''}`
    )
  }
  if (runUrl) parts.push(`in workflow run ${runUrl}`)
  return parts.join(' ')
}

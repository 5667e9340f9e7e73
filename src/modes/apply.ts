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
import { buildReport, type Report } from '../report/model.js'
import type { Settings } from '../settings.js'
import {
  parseTargets,
  rejectRepeatedKeys,
  type Entry,
  type InvalidEntry,
  type ParseResult
} from '../sources/grammar.js'
import { applyGate, parseEventLabel, readPullRequestLabels, type Gate } from '../sources/labels.js'
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

/** The entries as parsed, before `required-permission`, and how to get their final form. */
interface Read {
  /** Every entry parsed: the flags can be read now, while GitHub is asked who sent them. */
  parsed: boolean
  results: () => Promise<{ results: ParseResult[]; skipped: InvalidEntry[] }>
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
  const { results, skipped } = await read.results()
  if (results.length + skipped.length > 0) startComment()

  const invalid = results.flatMap((r) => (r.ok ? [] : [r.invalid]))
  const entries: Entry[] = results.flatMap((r) => (r.ok ? [r.entry] : []))
  let flags: FlagResult[] = []
  if (invalid.length > 0) {
    log.info('Nothing was sent to LaunchDarkly: every entry must be valid first.')
  } else if (entries.length === 0) {
    log.notice(
      'No entries to apply: list them in the targets input, or add a label such as expire-user:sandy@2030-06-10.'
    )
  } else {
    flags = await applyAll(launchDarkly, settings.flagKeys, () => entries, options, prefetched)
  }
  const report = buildReport({
    dryRun: settings.dryRun,
    timeZone: settings.timeZone,
    projectKey: settings.projectKey,
    environmentKey: settings.environmentKey,
    invalid,
    skipped,
    flags,
    runUrl: context.runUrl
  })
  return { report, comment }
}

/**
 * The entries of this run, each checked against the grammar and, for labels, against
 * `required-permission`.
 */
function readEntries({ context, settings, trigger, github }: ModeInput): Read {
  const grammar = { prefix: settings.labelPrefix, timeZone: settings.timeZone, now: Date.now() }
  const gate: Gate = {
    required: settings.requiredPermission,
    repository: context.repositoryName,
    permissionOf: (login) => github.permissionOf(login)
  }
  const { pullRequest } = context
  if (trigger.kind === 'label') {
    const result = parseEventLabel(trigger.label, trigger.action, grammar)
    const verb = trigger.action === 'unlabeled' ? 'removed' : 'added'
    return {
      parsed: result.ok,
      results: async () => ({
        results: await applyGate([{ result, actor: pullRequest?.sender, verb }], gate),
        skipped: []
      })
    }
  }
  const targets = parseTargets(settings.targets, { ...grammar, intent: 'apply' })
  if (trigger.kind === 'pull-request' && pullRequest && REAPPLY_ACTIONS.has(trigger.action)) {
    return {
      parsed: false,
      results: async () => {
        const labels = await readPullRequestLabels(pullRequest.number, grammar, github, gate)
        return {
          results: rejectRepeatedKeys([...targets, ...labels.results]),
          skipped: labels.skipped
        }
      }
    }
  }
  const results = rejectRepeatedKeys(targets)
  return {
    parsed: results.length > 0 && results.every((r) => r.ok),
    results: () => Promise.resolve({ results, skipped: [] })
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

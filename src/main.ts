/**
 * Wires the flow: inputs + event -> entries -> LaunchDarkly -> report -> log, job summary, PR
 * comment, outputs. Work that does not depend on other work runs at the same time: the flag reads,
 * the label sender's permission and the search for the PR comment.
 */
import './zod.js'
import { applyAll, prefetchFlags, type ApplyOptions, type FlagResult } from './apply.js'
import { readRawEvent, runUrl, type RawEvent } from './event.js'
import { EMPTY_OUTPUTS } from './outputs.js'
import { applyGate, type Gate, type Gated } from './gate.js'
import { GitHubSession } from './github/session.js'
import {
  parseEntry,
  parseTargets,
  rejectRepeatedKeys,
  type Entry,
  type EntryResult,
  type InvalidEntry
} from './grammar.js'
import { LaunchDarklyClient } from './launchdarkly/client.js'
import { DEFAULT_POLICY } from './launchdarkly/retry.js'
import { pullRequestOf, type PullRequest } from './pull-request.js'
import { buildReport, footer, logLines, outputs, renderMarkdown, type Report } from './report.js'
import {
  commentKeyOf,
  readSettings,
  SettingsError,
  type ReportingSettings,
  type Settings
} from './settings.js'
import { classify, relatesToPrefix, type Trigger } from './trigger.js'
import { TITLE, USER_AGENT } from './version.js'
import * as core from '@actions/core'
import * as log from './log.js'

/** Pull request actions on which every expiry label the PR has now is applied again. */
const REAPPLY_ACTIONS = new Set(['opened', 'reopened', 'synchronize'])
/** Flags worked on at once: the account's rate limit is shared, so stay modest. */
const CONCURRENCY = 4

export async function run(event?: RawEvent): Promise<void> {
  try {
    await execute(event ?? readRawEvent())
  } catch (error) {
    log.fail(error instanceof Error ? error.message : String(error))
  }
}

async function execute(event: RawEvent): Promise<void> {
  const pullRequest = pullRequestOf(event)
  let settings: Settings
  try {
    settings = readSettings()
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error
    await reportInvalidInputs(error, event, pullRequest)
    return
  }
  const trigger = classify(event.name, event.payload, settings.labelPrefix)
  if (trigger.kind === 'unrelated-label') {
    log.info(
      `Label ${JSON.stringify(trigger.label)} does not start with ${JSON.stringify(settings.labelPrefix)}: nothing to do.`
    )
    setOutputs(emptyOutputs())
    return
  }
  const github = new GitHubSession(settings.githubToken, (message) => log.warning(message))
  const launchDarkly = new LaunchDarklyClient({
    baseUri: settings.baseUri,
    apiKey: settings.apiKey,
    userAgent: USER_AGENT,
    policy: {
      ...DEFAULT_POLICY,
      maxAttempts: settings.maxAttempts,
      maxTotalWaitMs: settings.maxRetryWaitMs,
      timeoutMs: settings.requestTimeoutMs
    },
    maxSockets: 2 * CONCURRENCY,
    log: (message) => log.info(message)
  })
  const options: ApplyOptions = {
    projectKey: settings.projectKey,
    environmentKey: settings.environmentKey,
    variation: settings.variation,
    dryRun: settings.dryRun,
    comment: auditComment(pullRequest),
    maxWriteAttempts: settings.maxAttempts,
    batchSize: settings.batchSize,
    concurrency: CONCURRENCY,
    warn: (message) => log.warning(message)
  }
  const pullRequestNumber = settings.prNumber ?? pullRequest?.number
  const commentKey = commentKeyOf(settings.projectKey, settings.environmentKey, settings.flagKeys)
  const wantsComment =
    settings.comment && pullRequestNumber !== undefined && settings.githubToken !== ''
  try {
    let prefetched: ReturnType<typeof prefetchFlags> | undefined
    const { results, skipped } = await readEntries(trigger, settings, pullRequest, github, () => {
      // The entries parse: read the flags and look for the comment while GitHub checks who sent them.
      prefetched ??= prefetchFlags(launchDarkly, settings.flagKeys, options)
      if (wantsComment) void github.findComment(pullRequestNumber, commentKey)
    })
    const invalid: InvalidEntry[] = results.flatMap((r) => (r.ok ? [] : [r.invalid]))
    const entries: Entry[] = results.flatMap((r) => (r.ok ? [r.entry] : []))

    let flags: FlagResult[] = []
    if (invalid.length > 0) {
      log.info('Nothing was sent to LaunchDarkly: every entry must be valid first.')
    } else if (entries.length === 0) {
      log.notice(
        'No entries to apply: list them in the targets input, or add a label such as expire-user:sandy@2030-06-10.'
      )
    } else {
      flags = await applyAll(launchDarkly, settings.flagKeys, entries, options, prefetched)
    }
    const report = buildReport({
      dryRun: settings.dryRun,
      timeZone: settings.timeZone,
      projectKey: settings.projectKey,
      environmentKey: settings.environmentKey,
      invalid,
      skipped,
      flags,
      runUrl: runUrl()
    })
    const hasEntries = results.length + skipped.length > 0
    await deliver(report, {
      reporting: settings,
      github,
      pullRequestNumber,
      commentKey: hasEntries ? commentKey : undefined
    })
  } finally {
    launchDarkly.close()
  }
}

interface ReadEntries {
  results: EntryResult[]
  skipped: InvalidEntry[]
}

/**
 * The entries of this run, each checked against the grammar and, for labels, against
 * `required-permission`. `onParsed` is called once the entries parse, before GitHub is asked.
 */
async function readEntries(
  trigger: Trigger,
  settings: Settings,
  pullRequest: PullRequest | undefined,
  github: GitHubSession,
  onParsed: () => void
): Promise<ReadEntries> {
  const now = Date.now()
  const context = { prefix: settings.labelPrefix, timeZone: settings.timeZone, now }
  const origin = (label: string): string => `label ${JSON.stringify(label)}`
  const gate: Gate = {
    required: settings.requiredPermission,
    repository: process.env.GITHUB_REPOSITORY ?? 'this repository',
    permissionOf: (login) => github.permissionOf(login)
  }
  if (trigger.kind === 'label') {
    const intent = trigger.action === 'unlabeled' ? 'cancel' : 'apply'
    const result = parseEntry(trigger.label, origin(trigger.label), { ...context, intent })
    if (result.ok) onParsed()
    const verb = trigger.action === 'unlabeled' ? 'removed' : 'added'
    return {
      results: await applyGate([{ result, actor: pullRequest?.sender, verb }], gate),
      skipped: []
    }
  }
  const results = rejectRepeatedKeys(
    parseTargets(settings.targets, { ...context, intent: 'apply' })
  )
  const skipped: InvalidEntry[] = []
  if (trigger.kind === 'pull-request' && pullRequest && REAPPLY_ACTIONS.has(trigger.action)) {
    // A rerun replays the event's old payload: act on the labels the PR has today.
    const labels = (await github.labels(pullRequest.number)).filter((l) =>
      relatesToPrefix(l, settings.labelPrefix)
    )
    const fromLabels: (Gated & { label: string })[] = []
    for (const label of labels) {
      const result = parseEntry(label, origin(label), { ...context, intent: 'reapply' })
      if (result.ok && result.entry.when.kind === 'at' && result.entry.when.epochMs <= now) {
        const reason = 'its time has passed, so LaunchDarkly has removed the target or will at once'
        skipped.push({ source: result.entry.source, origin: origin(label), reason })
      } else {
        fromLabels.push({ result, actor: undefined, verb: 'added', label })
      }
    }
    if (fromLabels.length > 0 && gate.required !== 'none') {
      // Whoever pushed is not who labelled: ask GitHub who added each label.
      const actors = await github.labelActors(pullRequest.number)
      for (const item of fromLabels) item.actor = actors.get(item.label)
    }
    results.push(...(await applyGate(fromLabels, gate)))
  } else if (results.length > 0 && results.every((r) => r.ok)) {
    onParsed()
  }
  return { results: rejectRepeatedKeys(results), skipped }
}

/** What LaunchDarkly's audit log says about why the change was made. */
function auditComment(pullRequest: PullRequest | undefined): string {
  const repository = process.env.GITHUB_REPOSITORY
  const run = runUrl()
  const parts = ['Scheduled by the LaunchDarkly Expiring Targets GitHub Action']
  if (pullRequest && repository) {
    parts.push(
      `for ${repository}#${pullRequest.number}${pullRequest.url ? ` (${pullRequest.url})` : ''}`
    )
  }
  if (run) parts.push(`in workflow run ${run}`)
  return parts.join(' ')
}

/** Bad inputs: nothing is sent, but the report still reaches the log, the summary and the PR. */
async function reportInvalidInputs(
  error: SettingsError,
  event: RawEvent,
  pullRequest: PullRequest | undefined
): Promise<void> {
  const { reporting } = error
  let fatal = `Invalid input, so nothing was sent to LaunchDarkly:\n${error.message}`
  if (reporting.apiKeyMissing && pullRequest?.fromFork && event.name === 'pull_request') {
    fatal =
      'This pull request comes from a fork, and GitHub gives pull_request workflows from forks no secrets, so api-key is empty. ' +
      "Run this workflow on pull_request_target instead: it has the secret and a write token, and is safe because the workflow never checks out the PR's code (see the README)."
  }
  const report = buildReport({
    dryRun: false,
    timeZone: 'UTC',
    projectKey: '',
    environmentKey: '',
    invalid: [],
    flags: [],
    fatal,
    runUrl: runUrl()
  })
  const github = new GitHubSession(reporting.githubToken, (message) => log.warning(message))
  await deliver(report, {
    reporting,
    github,
    pullRequestNumber: reporting.prNumber ?? pullRequest?.number,
    commentKey: reporting.commentKey
  })
}

interface Delivery {
  reporting: Pick<ReportingSettings, 'comment' | 'failOnError'>
  github: GitHubSession
  pullRequestNumber: number | undefined
  /** Which sticky comment to write; undefined: none (nothing to report on this PR). */
  commentKey: string | undefined
}

async function deliver(report: Report, delivery: Delivery): Promise<void> {
  for (const line of logLines(report)) log.info(line)
  for (const error of report.errors.slice(0, 10)) log.error(error.message, { title: TITLE })
  const content = renderMarkdown(report, { title: TITLE })
  // core.summary.write() throws where the runner gives no summary file (a local run).
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(`${content}\n\n${footer(report)}\n`).write()
  }
  const values = report.fatal ? emptyOutputs() : outputs(report)
  const { pullRequestNumber, commentKey } = delivery
  if (delivery.reporting.comment && pullRequestNumber !== undefined && commentKey !== undefined) {
    const written = await delivery.github.comment(pullRequestNumber, commentKey, report)
    if (written) {
      values['comment-url'] = written.url
      log.info(`PR comment ${written.action}: ${written.url}`)
    }
  }
  setOutputs(values)
  if (report.fatal) {
    log.fail(report.fatal)
    return
  }
  if (!report.failed) return
  const summary = `${report.errors.length} problem${report.errors.length === 1 ? '' : 's'}; see the log and the job summary.`
  if (delivery.reporting.failOnError) log.fail(summary)
  else log.warning(`${summary} (fail-on-error is false, so the step passes)`)
}

function setOutputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) core.setOutput(name, value)
}

export function emptyOutputs(): Record<string, string> {
  return { ...EMPTY_OUTPUTS }
}

/**
 * Wires the flow: inputs + event -> entries -> LaunchDarkly -> report -> log, summary, outputs.
 */
import * as core from '@actions/core'
import { applyAll, type FlagResult } from './apply.js'
import { readRawEvent, runUrl, type RawEvent } from './event.js'
import { pullRequestOf, type PullRequest } from './pull-request.js'
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
import { buildReport, logLines, outputs, renderMarkdown, type Report } from './report.js'
import { readSettings, SettingsError, type Settings } from './settings.js'
import { classify, type Trigger } from './trigger.js'
import { TITLE, USER_AGENT } from './version.js'

export async function run(event?: RawEvent): Promise<void> {
  try {
    await execute(event ?? readRawEvent())
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    core.setFailed(error instanceof SettingsError ? `Invalid input:\n${message}` : message)
  }
}

async function execute(event: RawEvent): Promise<void> {
  const settings = readSettings()
  const trigger = classify(event.name, event.payload, settings.labelPrefix)
  if (trigger.kind === 'unrelated-label') {
    core.info(
      `Label ${JSON.stringify(trigger.label)} does not start with ${JSON.stringify(settings.labelPrefix)}: nothing to do.`
    )
    setOutputs(emptyOutputs())
    return
  }
  const pullRequest = pullRequestOf(event)
  const parsed = readEntries(trigger, settings)
  const invalid: InvalidEntry[] = parsed.flatMap((r) => (r.ok ? [] : [r.invalid]))
  const entries: Entry[] = parsed.flatMap((r) => (r.ok ? [r.entry] : []))

  let flags: FlagResult[] = []
  if (invalid.length > 0) {
    core.info('Nothing was sent to LaunchDarkly: every entry must be valid first.')
  } else if (entries.length === 0) {
    core.notice(
      'No entries to apply: list them in the targets input, or add a label such as expire-user:sandy@2030-06-10.'
    )
  } else {
    flags = await sendToLaunchDarkly(settings, entries, pullRequest)
  }
  await publish(
    buildReport({
      dryRun: settings.dryRun,
      timeZone: settings.timeZone,
      projectKey: settings.projectKey,
      environmentKey: settings.environmentKey,
      invalid,
      flags,
      runUrl: runUrl()
    }),
    settings
  )
}

function readEntries(trigger: Trigger, settings: Settings): EntryResult[] {
  const context = { prefix: settings.labelPrefix, timeZone: settings.timeZone, now: Date.now() }
  if (trigger.kind === 'label') {
    const intent = trigger.action === 'unlabeled' ? 'cancel' : 'apply'
    return [
      parseEntry(trigger.label, `label ${JSON.stringify(trigger.label)}`, { ...context, intent })
    ]
  }
  return rejectRepeatedKeys(parseTargets(settings.targets, { ...context, intent: 'apply' }))
}

async function sendToLaunchDarkly(
  settings: Settings,
  entries: Entry[],
  pullRequest: PullRequest | undefined
): Promise<FlagResult[]> {
  const client = new LaunchDarklyClient({
    baseUri: settings.baseUri,
    apiKey: settings.apiKey,
    userAgent: USER_AGENT,
    policy: DEFAULT_POLICY,
    log: (message) => core.info(message)
  })
  try {
    return await applyAll(client, settings.flagKeys, entries, {
      projectKey: settings.projectKey,
      environmentKey: settings.environmentKey,
      variation: settings.variation,
      dryRun: settings.dryRun,
      comment: auditComment(pullRequest),
      maxWriteAttempts: DEFAULT_POLICY.maxAttempts,
      concurrency: 4,
      warn: (message) => core.warning(message)
    })
  } finally {
    client.close()
  }
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

async function publish(report: Report, settings: Settings): Promise<void> {
  for (const line of logLines(report)) core.info(line)
  for (const error of report.errors.slice(0, 10)) core.error(error.message, { title: TITLE })
  if (process.env.GITHUB_STEP_SUMMARY) {
    core.summary.addRaw(renderMarkdown(report, { title: TITLE }), true)
    await core.summary.write()
  }
  setOutputs(outputs(report))
  if (!report.failed) return
  const summary = `${report.errors.length} problem${report.errors.length === 1 ? '' : 's'}; see the log and the job summary.`
  if (settings.failOnError) core.setFailed(summary)
  else core.warning(`${summary} (fail-on-error is false, so the step passes)`)
}

export function emptyOutputs(): Record<string, string> {
  return {
    'total-instructions': '0',
    'successful-instructions': '0',
    'failed-instructions': '0',
    errors: '[]',
    instructions: '[]',
    'comment-url': ''
  }
}

function setOutputs(values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) core.setOutput(name, value)
}

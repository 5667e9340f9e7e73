/**
 * The run: context -> settings -> the mode -> deliver. Bad inputs still get a report, in the log,
 * the summary and the PR comment, and nothing is sent to LaunchDarkly.
 */
import './core/zod.js'
import { readContext, triggerOf, type RunContext } from './run/context.js'
import type { RawEvent } from './run/event.js'
import { gitHubSession, launchDarklyClient } from './run/clients.js'
import * as log from './core/logger.js'
import { runApply } from './modes/apply.js'
import type { ModeInput, ModeResult } from './modes/mode.js'
import { deliver, setOutputs } from './report/deliver.js'
import { commentTargetOf } from './run/comment-target.js'
import { buildReport } from './report/model.js'
import { EMPTY_OUTPUTS } from './report/outputs.js'
import { readSettings, SettingsError, type Mode } from './run/settings.js'
import { unrelatedLabelMessage, type Trigger } from './run/trigger.js'

/** What index.ts already knows: the event, and what it asks with the label prefix in force. */
export interface Start {
  event: RawEvent
  trigger: Trigger
}

/** Each mode, loaded only by the runs that use it. */
const MODES: Record<Mode, () => Promise<(input: ModeInput) => Promise<ModeResult>>> = {
  apply: () => Promise.resolve(runApply),
  sweep: async () => (await import('./modes/sweep.js')).runSweep,
  reconcile: async () => (await import('./modes/reconcile.js')).runReconcile,
  digest: async () => (await import('./modes/digest.js')).runDigest
}

export async function run(start?: Start): Promise<void> {
  try {
    await execute(start)
  } catch (error) {
    log.fail(error instanceof Error ? error.message : String(error))
  }
}

async function execute(start: Start | undefined): Promise<void> {
  const context = readContext(start?.event)
  let settings
  try {
    settings = readSettings()
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error
    return reportInvalidInputs(error, context)
  }
  const trigger = start?.trigger ?? triggerOf(context, settings.labelPrefix)
  if (trigger.kind === 'unrelated-label') {
    log.info(unrelatedLabelMessage(trigger.label, settings.labelPrefix))
    return setOutputs(EMPTY_OUTPUTS)
  }
  const github = gitHubSession(settings.githubToken, context, settings)
  const launchDarkly = launchDarklyClient(settings)
  try {
    const commentTarget = settings.mode === 'apply' ? commentTargetOf(settings, context) : undefined
    const mode = await MODES[settings.mode]()
    const result = await mode({ context, settings, trigger, github, launchDarkly, commentTarget })
    await deliver(result.report, {
      comment: result.comment && { github, pending: result.comment },
      summary: context.hasSummary,
      failOnError: settings.failOnError,
      ...(result.pullRequests && {
        pullRequests: { github, key: settings.commentKey, reports: result.pullRequests }
      }),
      ...(result.dashboard && {
        dashboard: { github, key: `project=${settings.projectKey}`, sections: result.dashboard }
      })
    })
  } finally {
    launchDarkly.close()
  }
}

/** Bad inputs: nothing is sent, but the report still reaches the log, the summary and the PR. */
async function reportInvalidInputs(error: SettingsError, context: RunContext): Promise<void> {
  const { reporting } = error
  const { pullRequest, event } = context
  let fatal = `Invalid input, so nothing was sent to LaunchDarkly:\n${error.message}`
  if (reporting.apiKeyMissing && pullRequest?.fromFork && event.name === 'pull_request') {
    fatal =
      'This pull request comes from a fork, and GitHub gives pull_request workflows from forks no secrets, so api-key is empty. ' +
      "Run this workflow on pull_request_target instead: it has the secret and a write token, and is safe because the workflow never checks out the PR's code (see the README)."
  }
  const report = buildReport({
    dryRun: false,
    timeZone: 'UTC',
    baseUri: '',
    projectKey: '',
    environmentKeys: [],
    flagKeys: [],
    invalid: [],
    flags: [],
    fatal,
    runUrl: context.runUrl
  })
  const github = gitHubSession(reporting.githubToken, context)
  const target = commentTargetOf(reporting, context)
  await deliver(report, {
    comment: target && { github, pending: github.findComment(target) },
    summary: context.hasSummary,
    failOnError: reporting.failOnError
  })
}

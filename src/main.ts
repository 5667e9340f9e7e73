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
import { readSettings, SettingsError, type Mode, type Settings } from './run/settings.js'
import { ignoredCommentMessage, unrelatedLabelMessage, type Trigger } from './run/trigger.js'
import { issueCommentOf, type IssueComment } from './run/issue-comment.js'

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

/** Events that only one mode acts on; a step in another mode leaves them to its sibling step. */
const ONLY_IN_MODE: Partial<Record<Trigger['kind'], { mode: Mode; what: string }>> = {
  'dashboard-edit': { mode: 'digest', what: "The dashboard's boxes" },
  'slash-command': { mode: 'apply', what: 'Slash commands' }
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
    return reportInvalidInputs(error, context, start?.trigger)
  }
  const trigger = start?.trigger ?? triggerOf(context, settings.labelPrefix, settings.slashCommand)
  if (trigger.kind === 'unrelated-label') {
    log.info(unrelatedLabelMessage(trigger.label, settings.labelPrefix))
    return setOutputs(EMPTY_OUTPUTS)
  }
  if (trigger.kind === 'ignored-comment' || trigger.kind === 'ignored-issue') {
    log.info(ignoredCommentMessage(trigger.reason))
    return setOutputs(EMPTY_OUTPUTS)
  }
  const only = ONLY_IN_MODE[trigger.kind]
  if (only && settings.mode !== only.mode) {
    log.info(
      ignoredCommentMessage(
        `${only.what} act in mode ${only.mode} only, and this step is ${settings.mode}`
      )
    )
    return setOutputs(EMPTY_OUTPUTS)
  }
  const github = gitHubSession(settings.githubToken, context, settings)
  // A slash command: eyes on its comment now, then rocket or confused once the run is done.
  const command = trigger.kind === 'slash-command' ? commandOf(context) : undefined
  const eyes = command && github.react(command.commentId, 'eyes')
  let succeeded = false
  const launchDarkly = launchDarklyClient(settings)
  try {
    const commentTarget = settings.mode === 'apply' ? commentTargetOf(settings, context) : undefined
    if (trigger.kind === 'slash-command' && trigger.help) {
      await deliver(helpReport(settings, context), {
        comment: commentTarget && { github, pending: github.findComment(commentTarget) },
        summary: context.hasSummary,
        failOnError: settings.failOnError
      })
      succeeded = true
      return
    }
    const modeInput = { context, settings, trigger, github, launchDarkly, commentTarget }
    const result =
      trigger.kind === 'dashboard-edit'
        ? await (await import('./modes/dashboard-edit.js')).runDashboardEdit(modeInput)
        : await (
            await MODES[settings.mode]()
          )(modeInput)
    if (!result) return setOutputs(EMPTY_OUTPUTS)
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
    succeeded = !result.report.failed
  } finally {
    launchDarkly.close()
    if (command) {
      await eyes
      await github.react(command.commentId, succeeded ? 'rocket' : 'confused')
    }
  }
}

/** The comment of a slash command; throws one sentence when the payload has none usable. */
function commandOf(context: RunContext): IssueComment {
  const comment = context.issueComment ?? issueCommentOf(context.event)
  if (!comment) throw new Error('The issue_comment event payload has no usable comment')
  return comment
}

/** `/expire help`: the grammar, with an example for this step; nothing is sent. */
function helpReport(settings: Settings, context: RunContext): ReturnType<typeof buildReport> {
  return buildReport({
    dryRun: false,
    timeZone: settings.timeZone,
    baseUri: settings.baseUri,
    projectKey: settings.projectKey,
    environmentKeys: settings.environmentKeys,
    flagKeys: settings.flagKeys,
    invalid: [],
    flags: [],
    runUrl: context.runUrl,
    help: {
      command: settings.slashCommand,
      prefix: settings.labelPrefix,
      requiredPermission: settings.requiredPermission,
      segmentKeys: settings.segmentKeys
    }
  })
}

/** Bad inputs: nothing is sent, but the report still reaches the log, the summary and the PR. */
async function reportInvalidInputs(
  error: SettingsError,
  context: RunContext,
  trigger: Trigger | undefined
): Promise<void> {
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
  // On a comment, only a command (as index.ts read it) is answered: most comments are not.
  const command = trigger?.kind === 'slash-command' ? context.issueComment : undefined
  const target =
    context.event.name === 'issue_comment' && !command
      ? undefined
      : commentTargetOf(reporting, context)
  await deliver(report, {
    comment: target && { github, pending: github.findComment(target) },
    summary: context.hasSummary,
    failOnError: reporting.failOnError
  })
  if (command) await github.react(command.commentId, 'confused')
}

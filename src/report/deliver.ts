/**
 * A report to where it goes: the log, the job summary, the step outputs, and a PR comment when
 * the run has one to write. The one place that decides what is written where, and whether the
 * step fails.
 */
import * as core from '@actions/core'
import type {
  CommentBody,
  DashboardSections,
  GitHubSession,
  PendingComment
} from '../github/session.js'
import * as log from '../core/logger.js'
import { TITLE } from '../core/version.js'
import { logLines } from './log-lines.js'
import { footer, renderMarkdown } from './markdown.js'
import type { Report } from './model.js'
import { outputsOf, type Outputs } from './outputs.js'

export interface Destinations {
  /** The PR comment, its search already started; undefined: no comment on this run. */
  comment: { github: GitHubSession; pending: PendingComment } | undefined
  /** The runner gave a job summary file. */
  summary: boolean
  failOnError: boolean
  /** Other PRs' comments this run brings up to date (reconcile), each with its own report. */
  pullRequests?: {
    github: GitHubSession
    key: string
    reports: { pullRequest: number; report: Report }[]
  }
  /** The dashboard issue's sections this run rewrites, and its key. */
  dashboard?: { github: GitHubSession; key: string; sections: DashboardSections }
}

/** GitHub keeps at most 1 MiB of a step's summary: longer ones are cut to fit. */
const MAX_SUMMARY_LENGTH = 1_000_000

export async function deliver(report: Report, to: Destinations): Promise<void> {
  for (const line of logLines(report)) log.info(line)
  // GitHub shows 10 error annotations a step: the step's own failure keeps one of them. A
  // targets file's problem is on its file and line, so it shows on the pull request's diff.
  const failsStep = report.fatal !== undefined || to.failOnError
  for (const error of report.errors.slice(0, failsStep ? 9 : 10)) {
    const at = error.file === undefined ? {} : { file: error.file, startLine: error.line }
    log.error(error.message, { title: TITLE, ...at })
  }
  const content = renderMarkdown(report, { title: TITLE })
  const foot = footer(report)
  if (to.summary) {
    const fits =
      content.length <= MAX_SUMMARY_LENGTH
        ? content
        : renderMarkdown(report, {
            title: TITLE,
            maxLength: MAX_SUMMARY_LENGTH,
            overflowHint: "the step's outputs have every entry"
          })
    await core.summary.addRaw(`${fits}\n\n${foot}\n`).write()
  }
  // The summary and the outputs come before the comment and the dashboard, so that they are
  // written whatever happens to those; comment-url once the comment is.
  for (const [name, value] of Object.entries(outputsOf(report)))
    if (name !== 'comment-url') core.setOutput(name, value)

  let commentUrl = ''
  if (to.comment) {
    const written = await to.comment.github.writeComment(
      to.comment.pending,
      commentBody(report, content)
    )
    if (written) {
      commentUrl = written.url
      log.info(`PR comment ${written.action}: ${written.url}`)
    }
  }
  core.setOutput('comment-url', commentUrl)
  for (const { pullRequest, report: own } of to.pullRequests?.reports ?? []) {
    const { github, key } = to.pullRequests as NonNullable<Destinations['pullRequests']>
    const written = await github.writeComment(
      github.findComment({ pullRequest, key }),
      commentBody(own)
    )
    if (written) log.info(`PR #${pullRequest} comment ${written.action}: ${written.url}`)
  }
  if (to.dashboard) {
    const written = await to.dashboard.github.writeDashboard(
      to.dashboard.key,
      to.dashboard.sections,
      foot
    )
    if (written) log.info(`Dashboard issue ${written.action}: ${written.url}`)
  }

  if (report.fatal) {
    log.fail(report.fatal)
    return
  }
  if (!report.failed) return
  const summary = `${report.errors.length} problem${report.errors.length === 1 ? '' : 's'}; see the log and the job summary.`
  if (to.failOnError) log.fail(summary)
  else log.warning(`${summary} (fail-on-error is false, so the step passes)`)
}

/** A report as a PR comment: the summary's Markdown unless it is too long for a comment. */
export function commentBody(
  report: Report,
  content = renderMarkdown(report, { title: TITLE })
): CommentBody {
  return {
    render: (maxLength) =>
      content.length <= maxLength
        ? content
        : renderMarkdown(report, {
            title: TITLE,
            maxLength,
            overflowHint: 'the job summary of the workflow run has every row'
          }),
    footer: footer(report)
  }
}

export function setOutputs(values: Outputs): void {
  for (const [name, value] of Object.entries(values)) core.setOutput(name, value)
}

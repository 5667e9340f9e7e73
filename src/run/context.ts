/**
 * The run's context, read once: the repository, the run and the API URL from @actions/github's
 * context, GITHUB_STEP_SUMMARY and GITHUB_WORKSPACE, and the event (read by event.ts, which
 * index.ts calls before anything heavy loads; index.ts also reads GITHUB_OUTPUT on its fast exit).
 */
import { context as github } from '@actions/github'
import { readRawEvent, type RawEvent } from './event.js'
import { issueCommentOf, type IssueComment } from './issue-comment.js'
import { pullRequestOf, type PullRequest } from './pull-request.js'
import { classify, type Trigger } from './trigger.js'

export interface Repository {
  owner: string
  repo: string
}

export interface RunContext {
  event: RawEvent
  /** The PR of a pull_request(_target) event, or of a comment on a pull request. */
  pullRequest: PullRequest | undefined
  /** An issue_comment event's comment, on a pull request or an issue; undefined otherwise. */
  issueComment: IssueComment | undefined
  repository: Repository | undefined
  /** `owner/repo`, for messages. */
  repositoryName: string
  runUrl: string | undefined
  /** GitHub's REST API: https://api.github.com, or https://HOST/api/v3 on GHES. */
  apiUrl: string
  /** The Octokit retry plugin's first wait; only tests change it. */
  githubRetryBaseMs: number | undefined
  /** The runner gave a job summary file (core.summary.write() throws without one). */
  hasSummary: boolean
  /** GITHUB_WORKSPACE: where the repository is checked out (the targets file's base). */
  workspace: string
}

/** Tests shorten the retry plugin's backoff with this variable; users have no need to. */
export const GITHUB_RETRY_BASE_VARIABLE = 'EXPIRING_TARGETS_GITHUB_RETRY_BASE_MS'

export function readContext(event: RawEvent = readRawEvent()): RunContext {
  const repository = repositoryOf()
  const retryBase = Number(process.env[GITHUB_RETRY_BASE_VARIABLE])
  // A comment that is not a command must not fail the run: the command's run reads it again.
  let issueComment: IssueComment | undefined
  try {
    issueComment = issueCommentOf(event)
  } catch {
    issueComment = undefined
  }
  return {
    event,
    pullRequest: pullRequestOf(event) ?? commentedPullRequest(issueComment),
    issueComment,
    repository,
    repositoryName: repository ? `${repository.owner}/${repository.repo}` : 'this repository',
    runUrl: runUrlOf(github.serverUrl, repository, String(github.runId)),
    apiUrl: github.apiUrl,
    githubRetryBaseMs: Number.isFinite(retryBase) && retryBase > 0 ? retryBase : undefined,
    hasSummary: Boolean(process.env.GITHUB_STEP_SUMMARY),
    workspace: process.env.GITHUB_WORKSPACE || process.cwd()
  }
}

/** What the event asks of the action, with the label prefix and the slash command in force. */
export function triggerOf(context: RunContext, prefix: string, command?: string): Trigger {
  return classify(context.event.name, context.event.payload, prefix, command)
}

/** The pull request a comment is on; its author is who sends what the comment asks. */
function commentedPullRequest(comment: IssueComment | undefined): PullRequest | undefined {
  if (!comment?.onPullRequest) return undefined
  return {
    number: comment.issueNumber,
    url: comment.url,
    labels: comment.labels,
    fromFork: false,
    sender: comment.author
  }
}

function repositoryOf(): Repository | undefined {
  try {
    const { owner, repo } = github.repo
    return owner && repo ? { owner, repo } : undefined
  } catch {
    return undefined // neither GITHUB_REPOSITORY nor a repository in the payload
  }
}

function runUrlOf(
  server: string,
  repository: Repository | undefined,
  id: string
): string | undefined {
  if (!repository || !/^https?:\/\/[^\s()]+$/.test(server) || !/^\d+$/.test(id)) return undefined
  const name = `${repository.owner}/${repository.repo}`
  if (!/^[\w.-]+\/[\w.-]+$/.test(name)) return undefined
  return `${server}/${name}/actions/runs/${id}`
}

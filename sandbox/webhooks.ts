/**
 * Real webhook payloads from @octokit/webhooks-examples, with our label put in.
 */
import { createRequire } from 'node:module'
import type { WebhookDefinition } from '@octokit/webhooks-examples'

const examples = createRequire(import.meta.url)('@octokit/webhooks-examples') as WebhookDefinition[]

type PullRequestAction = 'labeled' | 'unlabeled' | 'opened' | 'reopened' | 'synchronize'

/** A pull_request payload for the action, the first real example of it, deep-copied. */
export function pullRequestPayload(
  action: PullRequestAction,
  label?: string,
  labels?: string[]
): Record<string, unknown> {
  const definition = examples.find((d) => d.name === 'pull_request')
  const example = definition?.examples.find((e) => (e as { action: string }).action === action)
  if (!example) throw new Error(`no pull_request.${action} example`)
  const payload = structuredClone(example) as unknown as Record<string, unknown> & {
    label?: { name: string }
    pull_request: { labels: { name: string }[] }
  }
  if (label !== undefined) {
    if (!payload.label) throw new Error(`pull_request.${action} has no label`)
    payload.label.name = label
    const onPr = payload.pull_request.labels
    if (action === 'labeled' && !onPr.some((l) => l.name === label))
      onPr.push({ ...onPr[0], name: label })
  }
  if (labels)
    payload.pull_request.labels = labels.map((name) => ({
      ...(payload.pull_request.labels[0] ?? {}),
      name
    }))
  return payload
}

/** A push payload: the first real example that pushes a branch, deep-copied. */
export function pushPayload(): Record<string, unknown> {
  const definition = examples.find((d) => d.name === 'push')
  const example = definition?.examples.find((e) =>
    String((e as { ref?: string }).ref).startsWith('refs/heads/')
  )
  if (!example) throw new Error('no push example for a branch')
  return structuredClone(example) as unknown as Record<string, unknown>
}

type IssueCommentAction = 'created' | 'edited' | 'deleted'

export interface IssueCommentOptions {
  /** The comment's id: add the comment to the GitHub sandbox first and pass its id. */
  commentId?: number
  /** Who wrote it; Codertocat, a User, unless given. */
  user?: { login: string; type: 'Bot' | 'User' }
  /** The issue's number; 2, the example pull request's, unless given. */
  issueNumber?: number
  /** On a pull request (the default) or a plain issue. */
  onPullRequest?: boolean
  /** The issue's labels when the event was sent. */
  labels?: string[]
}

/**
 * An issue_comment payload, the first real example of the action, deep-copied, with our body
 * (and comment id, author, issue) put in.
 */
export function issueCommentPayload(
  action: IssueCommentAction,
  body: string,
  options: IssueCommentOptions = {}
): Record<string, unknown> {
  const definition = examples.find((d) => d.name === 'issue_comment')
  const example = definition?.examples.find((e) => (e as { action: string }).action === action)
  if (!example) throw new Error(`no issue_comment.${action} example`)
  const payload = structuredClone(example) as unknown as Record<string, unknown> & {
    issue: Record<string, unknown> & { number: number; html_url: string; labels: unknown[] }
    comment: Record<string, unknown> & { id: number; body: string; user: Record<string, unknown> }
  }
  const number = options.issueNumber ?? 2
  const onPullRequest = options.onPullRequest ?? true
  const kind = onPullRequest ? 'pull' : 'issues'
  payload.issue.number = number
  payload.issue.html_url = `https://github.com/Codertocat/Hello-World/${kind}/${number}`
  if (onPullRequest) {
    payload.issue.pull_request = {
      url: `https://api.github.com/repos/Codertocat/Hello-World/pulls/${number}`,
      html_url: `https://github.com/Codertocat/Hello-World/pull/${number}`,
      diff_url: `https://github.com/Codertocat/Hello-World/pull/${number}.diff`,
      patch_url: `https://github.com/Codertocat/Hello-World/pull/${number}.patch`
    }
  } else delete payload.issue.pull_request
  if (options.labels) {
    const template = (payload.issue.labels[0] ?? {}) as Record<string, unknown>
    payload.issue.labels = options.labels.map((name) => ({ ...template, name }))
  }
  payload.comment.body = body
  if (options.commentId !== undefined) payload.comment.id = options.commentId
  if (options.user) {
    payload.comment.user = { ...payload.comment.user, ...options.user }
    payload.sender = { ...(payload.sender as Record<string, unknown>), ...options.user }
  }
  return payload
}

/**
 * An issues.edited payload, the first real example, deep-copied, with our issue number, body, the
 * body before the edit (changes.body.from; omitted: no change to the body) and sender put in.
 */
export function issuesEditedPayload(
  issueNumber: number,
  body: string,
  from: string | undefined,
  sender = 'Codertocat'
): Record<string, unknown> {
  const definition = examples.find((d) => d.name === 'issues')
  const example = definition?.examples.find((e) => (e as { action: string }).action === 'edited')
  if (!example) throw new Error('no issues.edited example')
  const payload = structuredClone(example) as unknown as Record<string, unknown> & {
    issue: Record<string, unknown>
    sender: Record<string, unknown>
  }
  payload.issue.number = issueNumber
  payload.issue.body = body
  payload.changes = from === undefined ? {} : { body: { from } }
  payload.sender.login = sender
  return payload
}

/**
 * The parts of an issue_comment payload a slash command uses, validated with zod: the comment,
 * who wrote it, and the issue or pull request it is on.
 */
import { z } from 'zod'
import type { RawEvent } from './event.js'

const issueCommentPayload = z.object({
  action: z.string(),
  issue: z.object({
    number: z.number().int().positive(),
    html_url: z.string().optional(),
    labels: z.array(z.object({ name: z.string() })).default([]),
    /** Present when the issue is a pull request. */
    pull_request: z.object({ html_url: z.string().optional() }).passthrough().nullish()
  }),
  comment: z.object({
    id: z.number().int().positive(),
    body: z.string().nullish(),
    user: z.object({ login: z.string().min(1), type: z.string() })
  })
})

export interface IssueComment {
  /** The issue or pull request the comment is on. */
  issueNumber: number
  /** On a pull request (not a plain issue). */
  onPullRequest: boolean
  /** Its html_url. */
  url?: string
  /** The labels of the issue or pull request when the event was sent. */
  labels: string[]
  commentId: number
  /** The comment as the event has it (a re-run replays it as it was then). */
  body: string
  /** Who wrote the comment. */
  author: string
}

/**
 * The comment of an issue_comment event; undefined for other events. Throws one sentence on a
 * payload without a usable comment.
 */
export function issueCommentOf(event: RawEvent): IssueComment | undefined {
  if (event.name !== 'issue_comment') return undefined
  const parsed = issueCommentPayload.safeParse(event.payload)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(
      `The issue_comment event payload has no usable comment (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`
    )
  }
  const { issue, comment } = parsed.data
  const pull = issue.pull_request ?? undefined
  return {
    issueNumber: issue.number,
    onPullRequest: pull !== undefined,
    url: pull?.html_url ?? issue.html_url,
    labels: issue.labels.map((l) => l.name),
    commentId: comment.id,
    body: comment.body ?? '',
    author: comment.user.login
  }
}

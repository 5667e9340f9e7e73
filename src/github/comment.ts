/**
 * One sticky report comment per pull request: found again by its hidden marker (on every page of
 * comments, written by the same kind of author), updated in place, and left alone when its content
 * would not change.
 */
import { createHash } from 'node:crypto'
import type { Octokit, Repository } from './octokit.js'
import {
  authenticatedSchema,
  commentSchema,
  commentsSchema,
  type ListedComment
} from './payloads.js'

/** GitHub refuses comment bodies over this many characters. */
export const MAX_COMMENT_LENGTH = 65_536

export interface CommentResult {
  url: string
  action: 'created' | 'updated' | 'unchanged'
}

/**
 * Whose comments count as ours: with an installation token (GITHUB_TOKEN, an app's) any bot's,
 * since such tokens cannot ask who they are; with a personal token, that user's.
 */
export type Author = { kind: 'bot' } | { kind: 'user'; login: string }

export function markerFor(key: string): string {
  return `<!-- launchdarkly-expiring-targets ${key} -->`
}

function digestOf(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16)
}

/**
 * The comment's body: marker, a digest of the content, the content, then a footer (the run link)
 * that changes every run and so is left out of the digest.
 */
export function composeBody(marker: string, content: string, footer: string): string {
  return `${marker}\n<!-- digest ${digestOf(content)} -->\n${content}\n\n${footer}`.trimEnd()
}

export function digestIn(body: string | null | undefined): string | undefined {
  return /^<!-- digest ([0-9a-f]{16}) -->$/m.exec(body ?? '')?.[1]
}

/** Who wrote the comments of this token: a bot for installation tokens, else ask GitHub. */
export async function authorOf(octokit: Octokit, token: string): Promise<Author> {
  if (token.startsWith('ghs_')) return { kind: 'bot' }
  try {
    const { data } = await octokit.rest.users.getAuthenticated()
    const user = authenticatedSchema.parse(data)
    return user.type === 'Bot' ? { kind: 'bot' } : { kind: 'user', login: user.login }
  } catch {
    return { kind: 'bot' }
  }
}

/** The report comment already on the PR, if any: the first with the marker by our author. */
export async function findComment(
  octokit: Octokit,
  where: Repository,
  issueNumber: number,
  marker: string,
  author: Author
): Promise<ListedComment | undefined> {
  const pages = octokit.paginate.iterator(octokit.rest.issues.listComments, {
    ...where,
    issue_number: issueNumber,
    per_page: 100
  })
  for await (const page of pages) {
    const found = commentsSchema
      .parse(page.data)
      .find(
        (c) =>
          c.body?.startsWith(marker) &&
          (author.kind === 'user' ? c.user?.login === author.login : c.user?.type === 'Bot')
      )
    if (found) return found
  }
  return undefined
}

/** Creates the comment, updates it in place, or leaves it when its content is the same. */
export async function writeComment(
  octokit: Octokit,
  where: Repository,
  issueNumber: number,
  existing: ListedComment | undefined,
  body: string
): Promise<CommentResult> {
  if (existing && digestIn(existing.body) === digestIn(body)) {
    return { url: existing.html_url, action: 'unchanged' }
  }
  if (existing) {
    const { data } = await octokit.rest.issues.updateComment({
      ...where,
      comment_id: existing.id,
      body
    })
    return { url: commentSchema.parse(data).html_url, action: 'updated' }
  }
  const { data } = await octokit.rest.issues.createComment({
    ...where,
    issue_number: issueNumber,
    body
  })
  return { url: commentSchema.parse(data).html_url, action: 'created' }
}

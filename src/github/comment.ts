/**
 * One sticky report comment per pull request: found again by its hidden marker (on every page of
 * comments, written by the same kind of author), updated in place, and left alone when its content
 * would not change.
 */
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { Octokit, Repository } from './octokit.js'
import {
  authenticatedSchema,
  commentsSchema,
  writtenSchema,
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
  return firstOnPages(pages, commentsSchema, (comment) => isOurs(comment, marker, author))
}

/** The first item, page after page, that `match` accepts: later pages are not read. */
export async function firstOnPages<T>(
  pages: AsyncIterable<{ data: unknown }>,
  schema: z.ZodType<T[]>,
  match: (item: T) => boolean
): Promise<T | undefined> {
  for await (const page of pages) {
    const found = schema.parse(page.data).find(match)
    if (found) return found
  }
  return undefined
}

/** An item (comment or issue) that carries the marker and is by the author of ours. */
export function isOurs(
  item: { body?: string | null; user?: { login?: string; type?: string } | null },
  marker: string,
  author: Author
): boolean {
  return Boolean(item.body?.startsWith(marker)) && writtenBy(item.user, author)
}

/** Whether a comment or an issue is by the author whose items count as ours. */
export function writtenBy(
  user: { login?: string; type?: string } | null | undefined,
  author: Author
): boolean {
  return author.kind === 'user' ? user?.login === author.login : user?.type === 'Bot'
}

/**
 * Leaves a marked body alone when its content is the same, else updates it in place, or creates
 * it when there is none: the one write path of the comment and the dashboard. GitHub's answer is
 * read for the written item's URL.
 */
export async function putBody<T extends { body?: string | null; html_url: string }>(
  existing: T | undefined,
  body: string,
  write: {
    update: (existing: T) => Promise<{ data: unknown }>
    create: () => Promise<{ data: unknown }>
  }
): Promise<CommentResult> {
  if (existing && digestIn(existing.body) === digestIn(body)) {
    return { url: existing.html_url, action: 'unchanged' }
  }
  const answer = existing ? await write.update(existing) : await write.create()
  const { html_url: url } = writtenSchema.parse(answer.data)
  return { url, action: existing ? 'updated' : 'created' }
}

/** Creates the comment, updates it in place, or leaves it when its content is the same. */
export async function writeComment(
  octokit: Octokit,
  where: Repository,
  issueNumber: number,
  existing: ListedComment | undefined,
  body: string
): Promise<CommentResult> {
  return putBody(existing, body, {
    update: ({ id }) => octokit.rest.issues.updateComment({ ...where, comment_id: id, body }),
    create: () => octokit.rest.issues.createComment({ ...where, issue_number: issueNumber, body })
  })
}

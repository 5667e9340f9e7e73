/**
 * zod schemas for the parts of GitHub's answers the action reads, checked once where they arrive.
 */
import { z } from 'zod'

const user = z.object({ login: z.string(), type: z.string() })

export const labelsSchema = z.array(z.object({ name: z.string() }))

export const permissionSchema = z.object({
  permission: z.string().optional(),
  role_name: z.string().optional()
})

export const eventsSchema = z.array(
  z.object({
    event: z.string(),
    actor: z.object({ login: z.string() }).nullable().optional(),
    label: z.object({ name: z.string() }).optional()
  })
)

export const commentSchema = z.object({
  id: z.number().int(),
  body: z.string().optional(),
  html_url: z.string(),
  user: user.nullable()
})

export const commentsSchema = z.array(commentSchema)

/** GitHub's answer to a comment or issue written: where it is. */
export const writtenSchema = z.object({ html_url: z.string() })

export const authenticatedSchema = user

export const pullsSchema = z.array(
  z.object({ number: z.number().int(), labels: z.array(z.object({ name: z.string() })) })
)

export const issueSchema = z.object({
  number: z.number().int(),
  body: z.string().nullable().optional(),
  html_url: z.string(),
  user: user.nullable(),
  /** Set on pull requests, which GitHub's issue list includes. */
  pull_request: z.object({}).passthrough().optional()
})

export const issuesSchema = z.array(issueSchema)

export type ListedComment = z.infer<typeof commentSchema>
export type ListedIssue = z.infer<typeof issueSchema>

/**
 * The parts of a pull_request(_target) payload the action uses, validated with zod.
 */
import { z } from 'zod'
import type { RawEvent } from './event.js'
import { PULL_REQUEST_EVENTS } from './trigger.js'

const pullRequestPayload = z.object({
  action: z.string().optional(),
  label: z.object({ name: z.string() }).optional(),
  pull_request: z.object({
    number: z.number().int().positive(),
    html_url: z.string().optional(),
    labels: z.array(z.object({ name: z.string() })).default([]),
    head: z.object({ repo: z.object({ full_name: z.string() }).nullable().optional() }).optional(),
    base: z.object({ repo: z.object({ full_name: z.string() }) }).optional()
  }),
  sender: z.object({ login: z.string() }).optional()
})

export interface PullRequest {
  number: number
  url?: string
  /** Label names on the PR when the event was sent (a rerun replays this snapshot). */
  labels: string[]
  /** The head branch lives in another repository: secrets are withheld on `pull_request`. */
  fromFork: boolean
  sender?: string
}

/** The pull request of a pull_request(_target) event; undefined for other events. */
export function pullRequestOf(event: RawEvent): PullRequest | undefined {
  if (!PULL_REQUEST_EVENTS.has(event.name)) return undefined
  const parsed = pullRequestPayload.safeParse(event.payload)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(
      `The ${event.name} event payload has no usable pull_request (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`
    )
  }
  const pr = parsed.data.pull_request
  const head = pr.head?.repo?.full_name
  const base = pr.base?.repo.full_name
  return {
    number: pr.number,
    url: pr.html_url,
    labels: pr.labels.map((l) => l.name),
    fromFork: head !== undefined && base !== undefined && head !== base,
    sender: parsed.data.sender?.login
  }
}

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

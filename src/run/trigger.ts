/**
 * What the GitHub event asks of the action. Kept free of heavy imports: `index.ts` uses it to
 * leave at once on an unrelated label, before Octokit or zod are loaded. It reads only the
 * event's action and label name, defensively; the parts of the payload used later are validated
 * with zod in `pull-request.ts`.
 */
import { relatesToPrefix } from '../sources/grammar.js'

export type Trigger =
  | { kind: 'label'; action: 'labeled' | 'unlabeled'; label: string }
  | { kind: 'unrelated-label'; action: 'labeled' | 'unlabeled'; label: string }
  | { kind: 'pull-request'; action: string }
  | { kind: 'other' }

export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])
export const DEFAULT_PREFIX = 'expire-user:'

/** The whole of an unrelated label's run. */
export function unrelatedLabelMessage(label: string, prefix: string): string {
  return `Label ${JSON.stringify(label)} does not start with ${JSON.stringify(prefix)}: nothing to do.`
}

export function classify(eventName: string, payload: unknown, prefix: string): Trigger {
  if (!PULL_REQUEST_EVENTS.has(eventName) || !isObject(payload)) return { kind: 'other' }
  const action = typeof payload.action === 'string' ? payload.action : ''
  if (action === 'labeled' || action === 'unlabeled') {
    const label = isObject(payload.label) ? payload.label.name : undefined
    if (typeof label !== 'string') return { kind: 'unrelated-label', action, label: '' }
    return relatesToPrefix(label, prefix)
      ? { kind: 'label', action, label }
      : { kind: 'unrelated-label', action, label }
  }
  return { kind: 'pull-request', action }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

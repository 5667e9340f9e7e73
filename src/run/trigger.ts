/**
 * What the GitHub event asks of the action. Kept free of heavy imports: `index.ts` uses it to
 * leave at once on an unrelated label, before Octokit or zod are loaded. It reads only the
 * event's action and label name, defensively; the parts of the payload used later are validated
 * with zod in `pull-request.ts`.
 */
import { DASHBOARD_MARKER_START } from '../core/markers.js'
import { relatesToPrefix } from '../sources/grammar.js'

export type Trigger =
  | { kind: 'label'; action: 'labeled' | 'unlabeled'; label: string }
  | { kind: 'unrelated-label'; action: 'labeled' | 'unlabeled'; label: string }
  | { kind: 'pull-request'; action: string }
  /** A comment whose first line is the slash command: the words after it (none: help). */
  | { kind: 'slash-command'; args: string[]; help: boolean }
  /** An issue_comment event that is not a command for us: why, for the log. */
  | { kind: 'ignored-comment'; reason: string }
  /** An edit of an issue whose body carries the dashboard's marker: its boxes may be ticked. */
  | { kind: 'dashboard-edit' }
  /** An issues event that is not an edit of the dashboard: why, for the log. */
  | { kind: 'ignored-issue'; reason: string }
  | { kind: 'other' }

export const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target'])
export const DEFAULT_PREFIX = 'expire-user:'
export const DEFAULT_SLASH_COMMAND = '/expire'

/** The whole of an unrelated label's run. */
export function unrelatedLabelMessage(label: string, prefix: string): string {
  return `Label ${JSON.stringify(label)} does not start with ${JSON.stringify(prefix)}: nothing to do.`
}

export function classify(
  eventName: string,
  payload: unknown,
  prefix: string,
  command = DEFAULT_SLASH_COMMAND
): Trigger {
  if (eventName === 'issue_comment') return classifyComment(payload, command)
  if (eventName === 'issues') return classifyIssue(payload)
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

/**
 * An issue_comment event: a command only when it was just created, by a person, and its first
 * line starts (after white space) with the command word followed by white space or nothing.
 */
function classifyComment(payload: unknown, command: string): Trigger {
  if (!isObject(payload)) return { kind: 'ignored-comment', reason: 'The event has no comment' }
  const action = typeof payload.action === 'string' ? payload.action : ''
  if (action !== 'created')
    return {
      kind: 'ignored-comment',
      reason: `The comment was ${action || 'changed'}, not created`
    }
  const comment = isObject(payload.comment) ? payload.comment : {}
  const user = isObject(comment.user) ? comment.user : {}
  if (user.type === 'Bot') return { kind: 'ignored-comment', reason: 'The comment is by a bot' }
  const args = commandArgs(typeof comment.body === 'string' ? comment.body : '', command)
  if (!args) {
    return {
      kind: 'ignored-comment',
      reason: `The comment does not start with ${JSON.stringify(command)}`
    }
  }
  const help = args.length === 0 || (args.length === 1 && args[0] === 'help')
  return { kind: 'slash-command', args: help ? [] : args, help }
}

/**
 * An issues event: an edit is the dashboard's only when its body carries the dashboard's marker,
 * and any other edit exits at once. Whether it is really ours (its author, its key) is checked later, against GitHub.
 */
function classifyIssue(payload: unknown): Trigger {
  if (!isObject(payload)) return { kind: 'other' }
  const action = typeof payload.action === 'string' ? payload.action : ''
  // Only edits concern the dashboard; other issues events run as any other event does.
  if (action !== 'edited') return { kind: 'other' }
  const issue = isObject(payload.issue) ? payload.issue : {}
  const body = typeof issue.body === 'string' ? issue.body : ''
  if (!body.includes(DASHBOARD_MARKER_START))
    return { kind: 'ignored-issue', reason: 'The edited issue is not the dashboard' }
  // A box is ticked in the body: an edit of the title alone changes nothing for us.
  const changes = isObject(payload.changes) ? payload.changes : {}
  if (!isObject(changes.body))
    return { kind: 'ignored-issue', reason: "The edit did not change the dashboard's body" }
  return { kind: 'dashboard-edit' }
}

/**
 * The words after the command on the body's first line; undefined when it is not the command.
 * The whole line is read (GitHub keeps a comment under 65,536 characters): a line cut short could
 * end in a different, valid entry.
 */
export function commandArgs(body: string, command: string): string[] | undefined {
  const first = body.split(/\r\n|\n|\r/, 1)[0] ?? ''
  const line = first.replace(/^\s+/u, '')
  if (command === '' || !line.startsWith(command)) return undefined
  const rest = line.slice(command.length)
  if (rest !== '' && !/^\s/u.test(rest)) return undefined
  return rest.split(/\s+/u).filter((word) => word !== '')
}

/** The whole of an ignored comment's run. */
export function ignoredCommentMessage(reason: string): string {
  return `${reason}: nothing to do.`
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null
}

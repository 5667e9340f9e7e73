/**
 * Entries from labels: the label of a label event, or every expiry label a PR has now, each
 * checked against `required-permission`. Anyone with triage access can add a label; a label acts
 * only when the person who added (or removed) it has at least that permission on the repository.
 * Fails closed: when GitHub cannot say who it was or what they may do, the label does not act.
 */
import { relatesToPrefix } from '../trigger.js'
import { parseEntry, type GrammarContext, type InvalidEntry, type ParseResult } from './grammar.js'

/** GitHub's repository roles, weakest first. */
export const PERMISSIONS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const
export type Permission = (typeof PERMISSIONS)[number]

/** GitHub's answer for a collaborator: `role_name` knows triage and maintain; `permission` not. */
export function permissionFrom(answer: { permission?: string; role_name?: string }): Permission {
  const known = (value: string | undefined): value is Permission =>
    (PERMISSIONS as readonly string[]).includes(value ?? '')
  if (known(answer.role_name)) return answer.role_name
  // A custom organization role: its base permission is what `permission` says.
  return known(answer.permission) ? answer.permission : 'none'
}

export function allows(actual: Permission, required: Permission): boolean {
  return PERMISSIONS.indexOf(actual) >= PERMISSIONS.indexOf(required)
}

export interface Gate {
  required: Permission
  repository: string
  /** The sender's permission; throws when GitHub cannot tell. */
  permissionOf: (login: string) => Promise<Permission>
}

export interface Gated {
  result: ParseResult
  /** Who added or removed the label; undefined when unknown. */
  actor: string | undefined
  verb: 'added' | 'removed'
}

export async function applyGate(items: Gated[], gate: Gate): Promise<ParseResult[]> {
  if (gate.required === 'none') return items.map((i) => i.result)
  const cache = new Map<string, Promise<Permission>>()
  const lookup = (login: string): Promise<Permission> => {
    let found = cache.get(login)
    if (!found) {
      found = gate.permissionOf(login)
      cache.set(login, found)
    }
    return found
  }
  return Promise.all(
    items.map(async ({ result, actor, verb }): Promise<ParseResult> => {
      if (!result.ok) return result
      const { source, origin } = result.entry
      const refuse = (reason: string): ParseResult => ({
        ok: false,
        invalid: { source, origin, reason }
      })
      const needs = `changing targeting through labels needs ${gate.required} permission (input required-permission)`
      if (!actor) return refuse(`GitHub does not say who ${verb} this label; ${needs}`)
      let actual: Permission
      try {
        actual = await lookup(actor)
      } catch (error) {
        return refuse(
          `could not check the permission of ${actor}, who ${verb} this label (${(error as Error).message}); ${needs}`
        )
      }
      if (allows(actual, gate.required)) return result
      return refuse(
        `${actor}, who ${verb} this label, has ${actual} permission on ${gate.repository}; ${needs}`
      )
    })
  )
}

/** Where a label's entries come from: GitHub, asked about the PR and its people. */
export interface LabelReader {
  /** The PR's labels now, read live. */
  labels: (pullRequest: number) => Promise<string[]>
  /** Who added each label last. */
  labelActors: (pullRequest: number) => Promise<Map<string, string>>
}

export function labelOrigin(label: string): string {
  return `label ${JSON.stringify(label)}`
}

/** The one label of a `labeled` or `unlabeled` event, as an entry to apply or cancel. */
export function parseEventLabel(
  label: string,
  action: 'labeled' | 'unlabeled',
  context: Omit<GrammarContext, 'intent'>
): ParseResult {
  const intent = action === 'unlabeled' ? 'cancel' : 'apply'
  return parseEntry(label, labelOrigin(label), { ...context, intent })
}

export interface PullRequestLabels {
  results: ParseResult[]
  /** Labels left alone on purpose: their time has passed. */
  skipped: InvalidEntry[]
}

/**
 * Every expiry label the PR has now (a rerun replays the event's old payload, so they are read
 * live), each gated on who added it.
 */
export async function readPullRequestLabels(
  pullRequest: number,
  context: Omit<GrammarContext, 'intent'>,
  reader: LabelReader,
  gate: Gate
): Promise<PullRequestLabels> {
  const labels = (await reader.labels(pullRequest)).filter((l) =>
    relatesToPrefix(l, context.prefix)
  )
  const skipped: InvalidEntry[] = []
  const items: (Gated & { label: string })[] = []
  for (const label of labels) {
    const result = parseEntry(label, labelOrigin(label), { ...context, intent: 'reapply' })
    if (result.ok && result.entry.when.kind === 'at' && result.entry.when.epochMs <= context.now) {
      const reason = 'its time has passed, so LaunchDarkly has removed the target or will at once'
      skipped.push({ source: result.entry.source, origin: labelOrigin(label), reason })
    } else {
      items.push({ result, actor: undefined, verb: 'added', label })
    }
  }
  if (items.length > 0 && gate.required !== 'none') {
    // Whoever pushed is not who labelled: ask GitHub who added each label.
    const actors = await reader.labelActors(pullRequest)
    for (const item of items) item.actor = actors.get(item.label)
  }
  return { results: await applyGate(items, gate), skipped }
}

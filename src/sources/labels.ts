/**
 * Entries from labels: the label of a label event, or every expiry label a PR has now, each
 * checked against `required-permission`. Anyone with triage access can add a label; a label acts
 * only when the person who added (or removed) it has at least that permission on the repository.
 * Fails closed: when GitHub cannot say who it was or what they may do, the label does not act.
 */
import { targetId, type Target } from '../core/target.js'
import type { InvalidEntry, ParseResult } from '../core/entry.js'
import type { Labeling } from '../github/octokit.js'
import { applyGate, type Gate, type Gated } from './gate.js'
import { parseEntry, relatesToPrefix, type GrammarContext } from './grammar.js'

/** Where a label's entries come from: GitHub, asked about the PR and its people. */
export interface LabelReader {
  /** The PR's labels now, read live. */
  labels: (pullRequest: number) => Promise<string[]>
  /** Each label's last `labeled` event. */
  labelings: (pullRequest: number) => Promise<Map<string, Labeling>>
}

export function labelOrigin(label: string): string {
  return `label ${JSON.stringify(label)}`
}

export interface LabelEvent {
  label: string
  action: 'labeled' | 'unlabeled'
  sender: string | undefined
  /** The label, parsed with parseEventLabel. */
  result: ParseResult
}

/** The label of a `labeled` event as an entry to apply; of an `unlabeled` one, to cancel. */
export function parseEventLabel(
  label: string,
  action: 'labeled' | 'unlabeled',
  grammar: Grammar
): ParseResult {
  const intent = action === 'unlabeled' ? 'cancel' : 'apply'
  return parseEntry(label, labelOrigin(label), { ...grammar, intent })
}

/** An older label for the same key as the one that wins. */
export interface Superseded {
  label: string
  /** The key both labels name. */
  target: Target
  by: string
}

/** The entries of a run on a PR, and the PR's expiry labels as they are now. */
export interface PullRequestLabels {
  results: ParseResult[]
  /** Labels left alone on purpose (their time has passed; which one wins cannot be told). */
  skipped: InvalidEntry[]
  /** Older labels for a key that a newer label decides; removable from the PR. */
  superseded: Superseded[]
  /** The PR's expiry labels now, read live. */
  labelsNow: string[]
}

type Grammar = Omit<GrammarContext, 'intent'>

interface Parsed {
  label: string
  result: ParseResult
}

/** The prefixed labels, parsed as labels already on the PR, in the PR's order. */
function parseLabels(labels: string[], grammar: Grammar): Parsed[] {
  return labels
    .filter((label) => relatesToPrefix(label, grammar.prefix))
    .map((label) => ({
      label,
      result: parseEntry(label, labelOrigin(label), { ...grammar, intent: 'reapply' })
    }))
}

function keyOf(result: ParseResult): string | undefined {
  return result.ok ? targetId(result.entry.target) : undefined
}

/** A label whose time has passed: its removal is due or done, so it is left alone. */
function expired(parsed: Parsed, now: number): InvalidEntry | undefined {
  const { result } = parsed
  if (!result.ok || result.entry.when.kind !== 'at' || result.entry.when.epochMs > now)
    return undefined
  const reason = 'its time has passed, so LaunchDarkly has removed the target or will at once'
  return { source: result.entry.source, origin: labelOrigin(parsed.label), reason }
}

/**
 * Of several labels for one key, the one added last. Undefined when the PR's events do not say
 * for each of them.
 */
function latest(group: Parsed[], labelings: Map<string, Labeling>): Parsed | undefined {
  let best: { parsed: Parsed; order: number } | undefined
  for (const parsed of group) {
    const order = labelings.get(parsed.label)?.order
    if (order === undefined) return undefined
    if (!best || order > best.order) best = { parsed, order }
  }
  return best?.parsed
}

/**
 * The labels of a PR, one per key: where several labels name one key, the one added last wins
 * and the others are superseded; where that cannot be told, the key is skipped, naming its labels.
 */
function onePerKey(
  parsed: Parsed[],
  labelings: Map<string, Labeling> | undefined
): { chosen: Parsed[]; skipped: InvalidEntry[]; superseded: Superseded[] } {
  const groups = new Map<string, Parsed[]>()
  const chosen: Parsed[] = []
  for (const item of parsed) {
    const key = keyOf(item.result)
    if (key === undefined) chosen.push(item)
    else groups.set(key, [...(groups.get(key) ?? []), item])
  }
  const skipped: InvalidEntry[] = []
  const superseded: Superseded[] = []
  for (const group of groups.values()) {
    const winner = group.length === 1 ? group[0] : labelings && latest(group, labelings)
    if (winner) {
      chosen.push(winner)
      for (const other of group)
        if (other !== winner && other.result.ok)
          superseded.push({
            label: other.label,
            target: other.result.entry.target,
            by: winner.label
          })
      continue
    }
    const names = group.map((g) => JSON.stringify(g.label)).join(', ')
    for (const { label, result } of group) {
      skipped.push({
        source: result.ok ? result.entry.source : label,
        origin: labelOrigin(label),
        reason: `the labels ${names} name the same key and GitHub's events do not say which was added last; remove all but one`
      })
    }
  }
  return { chosen, skipped, superseded }
}

/**
 * When and by whom each label was added: needed when `required-permission` asks who added a
 * label, or when several labels share a key. Without `required-permission`, events that cannot
 * be read only leave the shared keys undecided.
 */
async function readLabelings(
  pullRequest: number,
  parsed: Parsed[],
  reader: LabelReader,
  gate: Gate
): Promise<Map<string, Labeling> | undefined> {
  const keys = parsed.map((p) => keyOf(p.result)).filter((k) => k !== undefined)
  if (keys.length === 0) return undefined
  if (gate.required !== 'none') return reader.labelings(pullRequest)
  if (new Set(keys).size === keys.length) return undefined
  try {
    return await reader.labelings(pullRequest)
  } catch {
    return undefined
  }
}

async function readLiveLabels(
  pullRequest: number,
  reader: LabelReader,
  grammar: Grammar
): Promise<string[]> {
  return (await reader.labels(pullRequest)).filter((l) => relatesToPrefix(l, grammar.prefix))
}

/**
 * A `labeled` or `unlabeled` event. Added: the label is applied when it is the newest for its key,
 * and the older ones are superseded. Removed: the key's removal is cancelled only when no other
 * label for it remains; otherwise the remaining label (the last added) is applied.
 */
export async function readLabelEvent(
  event: LabelEvent,
  pullRequest: number,
  grammar: Grammar,
  reader: LabelReader,
  gate: Gate
): Promise<PullRequestLabels> {
  const { result } = event
  const labelsNow = await readLiveLabels(pullRequest, reader, grammar)
  const verb = event.action === 'unlabeled' ? 'removed' : 'added'
  const bySender = (r: ParseResult): Promise<ParseResult[]> =>
    applyGate([{ result: r, actor: event.sender, verb }], gate)
  const none = { results: [], skipped: [], superseded: [], labelsNow }
  const leave = (reason: string): PullRequestLabels => ({
    ...none,
    skipped: [{ source: event.label, origin: labelOrigin(event.label), reason }]
  })
  const key = keyOf(result)
  const others = parseLabels(labelsNow, grammar).filter(
    (p) => p.label !== event.label && key !== undefined && keyOf(p.result) === key
  )
  if (others.length === 0) return { ...none, results: await bySender(result) }

  let labelings: Map<string, Labeling>
  try {
    labelings = await reader.labelings(pullRequest)
  } catch (error) {
    return leave(
      `${(error as Error).message} Other labels name the same key, so which one is newest cannot be told; nothing was changed`
    )
  }
  if (event.action === 'labeled') {
    // A rerun, or a run queued behind a newer label's, must not undo the newer label. An event
    // GitHub has not listed yet is the newest: it was just added.
    if (!labelings.has(event.label)) {
      labelings = new Map(labelings).set(event.label, {
        actor: event.sender ?? '',
        order: Infinity
      })
    }
    const { chosen, skipped, superseded } = onePerKey(
      [{ label: event.label, result }, ...others],
      labelings
    )
    const winner = chosen[0]
    if (winner?.label !== event.label) return { ...none, skipped, superseded }
    return { ...none, results: await bySender(result), superseded }
  }
  // Removed, but another label for the key remains: that one decides, if the remover may change it.
  const { chosen, skipped, superseded } = onePerKey(others, labelings)
  const remaining = chosen[0]
  if (!remaining) return { ...none, skipped, superseded }
  const past = expired(remaining, grammar.now)
  if (past) return { ...none, skipped: [...skipped, past], superseded }
  const [removedBy] = await bySender(remaining.result)
  if (!removedBy?.ok) return { ...none, results: removedBy ? [removedBy] : [], skipped, superseded }
  const results = await applyGate(
    [{ result: remaining.result, actor: labelings.get(remaining.label)?.actor, verb: 'added' }],
    gate
  )
  return { ...none, results, skipped, superseded }
}

/**
 * Every expiry label the PR has now (a rerun replays the event's old payload, so they are read
 * live), one per key, each gated on who added it. An invalid label is reported and the others
 * still apply.
 */
export async function readPullRequestLabels(
  pullRequest: number,
  grammar: Grammar,
  reader: LabelReader,
  gate: Gate
): Promise<PullRequestLabels> {
  const labelsNow = await readLiveLabels(pullRequest, reader, grammar)
  const parsed = parseLabels(labelsNow, grammar)
  const labelings = await readLabelings(pullRequest, parsed, reader, gate)
  const { chosen, skipped: undecided, superseded } = onePerKey(parsed, labelings)
  // The newest label decides even when its time has passed: then nothing is left to do.
  const skipped: InvalidEntry[] = [...undecided]
  const current = chosen.filter((p) => {
    const past = expired(p, grammar.now)
    if (past) skipped.push(past)
    return !past
  })
  const items: Gated[] = current.map(({ label, result }) => ({
    result: independentOf(result),
    actor: labelings?.get(label)?.actor,
    verb: 'added'
  }))
  return { results: await applyGate(items, gate), skipped, superseded, labelsNow }
}

/** An invalid label among others says how to fix it, and that the others went ahead. */
function independentOf(result: ParseResult): ParseResult {
  if (result.ok) return result
  const reason = `${result.invalid.reason}; fix or remove this label (it does not hold back the PR's other labels)`
  return { ok: false, invalid: { ...result.invalid, reason } }
}

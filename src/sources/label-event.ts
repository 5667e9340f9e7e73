/**
 * The source of a `labeled` or `unlabeled` event: the event's label, gated on who added or
 * removed it, decided against the PR's other labels for the same key (labels.ts).
 */
import * as log from '../core/logger.js'
import type { Gate } from './gate.js'
import { applyGate } from './gate.js'
import type { GrammarContext } from './grammar.js'
import { parseEventLabel, readLabelEvent, type LabelReader } from './labels.js'
import type { Source, SourceRead } from './source.js'

export interface LabelEventInput {
  label: string
  action: 'labeled' | 'unlabeled'
  /** The PR, when the event has one, and who sent the event. */
  pullRequest: { number: number; sender: string | undefined } | undefined
  grammar: Omit<GrammarContext, 'intent'>
  reader: LabelReader
  gate: Gate
}

export function labelEventSource(input: LabelEventInput): Source {
  const { label, action, pullRequest, grammar, reader, gate } = input
  const result = parseEventLabel(label, action, grammar)
  const sender = pullRequest?.sender
  const alone = async (): Promise<SourceRead> => {
    const verb = action === 'unlabeled' ? 'removed' : 'added'
    const results = await applyGate([{ result, actor: sender, verb }], gate)
    return { results, independent: [], skipped: [] }
  }
  return {
    parsed: result.ok,
    read: async () => {
      if (!pullRequest) return alone()
      let labels
      try {
        labels = await readLabelEvent(
          { label, action, sender, result },
          pullRequest.number,
          grammar,
          reader,
          gate
        )
      } catch (error) {
        // Without the PR's labels, the event's own label still acts, as it says.
        log.warning(`${(error as Error).message} Acting on this label alone.`)
        return alone()
      }
      const { results, skipped, superseded, labelsNow } = labels
      const added = action === 'labeled' ? label : undefined
      return { results, independent: [], skipped, labels: { superseded, added, labelsNow } }
    }
  }
}

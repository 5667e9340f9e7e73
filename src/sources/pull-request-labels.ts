/**
 * The source of a pull request opened, reopened or pushed to: every expiry label it has now, one
 * per key, each gated on who added it, beside the `targets` input. A key in both is listed twice:
 * the later one is invalid.
 */
import type { ParseResult } from '../core/entry.js'
import type { Gate } from './gate.js'
import { rejectRepeatedKeys, type GrammarContext } from './grammar.js'
import { readPullRequestLabels, type LabelReader } from './labels.js'
import type { Source } from './source.js'

export interface PullRequestLabelsInput {
  pullRequest: number
  /** The `targets` input, parsed. */
  targets: ParseResult[]
  grammar: Omit<GrammarContext, 'intent'>
  reader: LabelReader
  gate: Gate
}

export function pullRequestLabelsSource(input: PullRequestLabelsInput): Source {
  const { pullRequest, targets, grammar, reader, gate } = input
  return {
    parsed: false,
    read: async () => {
      const labels = await readPullRequestLabels(pullRequest, grammar, reader, gate)
      const checked = rejectRepeatedKeys([...targets, ...labels.results])
      const { superseded, labelsNow } = labels
      return {
        results: checked.slice(0, targets.length),
        independent: checked.slice(targets.length),
        skipped: labels.skipped,
        labels: { superseded, added: undefined, labelsNow }
      }
    }
  }
}

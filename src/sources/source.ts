/**
 * What every source of entries gives the apply mode: the entries it read, each already checked
 * against the grammar and the permission gate (gate.ts), and whether they parsed before the gate
 * was asked, so that LaunchDarkly's reads can start while GitHub answers.
 */
import type { InvalidEntry, ParseResult } from '../core/entry.js'
import type { Superseded } from './labels.js'

export interface SourceRead {
  /** An invalid one here stops every entry: one author, one change (`targets`, a label event). */
  results: ParseResult[]
  /** Each its own change: an invalid one is reported and the others go ahead (the PR's labels). */
  independent: ParseResult[]
  /** Entries left alone on purpose, each with why. */
  skipped: InvalidEntry[]
  /** Only sources that read a PR's labels have these. */
  labels?: LabelState
}

/** A PR's expiry labels as a source saw them. */
export interface LabelState {
  /** Older labels for a key that a newer label decides; removable from the PR. */
  superseded: Superseded[]
  /** The label of a label event: its superseded labels come off the PR once it applied. */
  added: string | undefined
  /** The PR's expiry labels now, read live. */
  labelsNow: string[]
}

export interface Source {
  /** Every entry parsed already: the containers can be read now, while the gate asks GitHub. */
  parsed: boolean
  read: () => Promise<SourceRead>
}

/** A source that has read everything already. */
export function readSource(read: SourceRead, parsed = false): Source {
  return { parsed, read: () => Promise.resolve(read) }
}

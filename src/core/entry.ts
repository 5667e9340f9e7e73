/** An entry: a target, when its removal is due, and where it was written. */
import type { Target } from './target.js'
import type { When } from './when.js'

export interface Entry {
  target: Target
  when: When
  /** The text as written, for messages. */
  source: string
  /** Where it came from: `label "…"`, `targets line 3` or `.github/expiring-targets.yml line 7`. */
  origin: string
  /** The alias the key was written as (the targets file's `aliases`), when it was one. */
  alias?: string
  /** The flags and environments it applies to (a file entry); undefined: all of the run's. */
  scope?: Scope
  /** The variation to expire it from (a file entry); undefined: the variation input. */
  variation?: string
  /** Planned and reported, never sent: the targets file on a pull request. */
  planOnly?: boolean
}

/** Which (flag, environment) pairs an entry applies to: every flag in every environment listed. */
/** Whether a scope names any flag or segment: entries in one that does not apply to nothing. */
export function namesContainers(scope: Scope): boolean {
  return scope.flagKeys.length + (scope.segmentKeys?.length ?? 0) > 0
}

export interface Scope {
  flagKeys: string[]
  /** The segments it also applies to; undefined: none. */
  segmentKeys?: string[]
  environmentKeys: string[]
}

export interface InvalidEntry {
  source: string
  origin: string
  reason: string
  /** The file it was written in, relative to the repository (a targets file), for annotations. */
  file?: string
  /** Its line in `file`, from 1. */
  line?: number
}

export type ParseResult = { ok: true; entry: Entry } | { ok: false; invalid: InvalidEntry }

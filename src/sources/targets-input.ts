/**
 * The source of the `targets` input, with the targets file when it is applied (push, schedule,
 * workflow_dispatch): one reviewed change, so all valid or nothing sent.
 */
import { namesContainers, type ParseResult, type Scope } from '../core/entry.js'
import { rejectRepeatedKeys } from './grammar.js'
import { readSource, type Source } from './source.js'

export interface TargetsInput {
  /** The `targets` input, parsed. */
  targets: ParseResult[]
  /** The applied targets file's entries; none on a pull request, where it is only planned. */
  file: ParseResult[]
  /** The run's flags and environments (flag-key, environment-key). */
  runScope: Scope
}

export function targetsInputSource({ targets, file, runScope }: TargetsInput): Source {
  const results = withFlags(rejectRepeatedKeys([...targets, ...file], runScope), runScope)
  return readSource(
    { results, independent: [], skipped: [] },
    results.length > 0 && results.every((r) => r.ok)
  )
}

/** Without flag-key or segment-key, a targets line applies to nothing (a file item names its own). */
function withFlags(results: ParseResult[], runScope: Scope): ParseResult[] {
  if (namesContainers(runScope)) return results
  return results.map((r) =>
    r.ok && !r.entry.scope
      ? {
          ok: false,
          invalid: {
            source: r.entry.source,
            origin: r.entry.origin,
            reason:
              'flag-key is empty, so this line applies to no flag; set flag-key (the targets file names its own flags)'
          }
        }
      : r
  )
}

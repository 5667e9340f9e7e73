/**
 * The targets file of a run, read from the workspace and parsed: applied on push, schedule and
 * workflow_dispatch, planned only on any other event (a pull request). Its aliases also name the
 * keys of labels and targets lines.
 */
import type { ParseResult } from '../core/entry.js'
import { readWorkspaceFile } from './workspace-file.js'

/** Events on which the targets file is applied; on any other (a pull request) it is planned. */
const FILE_APPLY_EVENTS = new Set(['push', 'schedule', 'workflow_dispatch'])

/** What reading the file needs: the `targets-file` input and the run's event and defaults. */
export interface TargetsFileInput {
  path: string | undefined
  eventName: string
  workspace: string
  timeZone: string
  environmentKeys: string[]
  flagKeys: string[]
  /** The segment-key input: with flagKeys, what an item that names no flag or segment is for. */
  segmentKeys: string[]
}

/** The targets file, read and parsed; planOnly on a pull request. */
export interface TargetsFileRead {
  path: string
  results: ParseResult[]
  aliases: ReadonlyMap<string, string>
  planOnly: boolean
}

/** The targets file, when the input names one: applied on push, schedule and workflow_dispatch. */
export async function readTargetsFile(
  input: TargetsFileInput,
  now: number
): Promise<TargetsFileRead | undefined> {
  const { path } = input
  if (path === undefined) return undefined
  const planOnly = !FILE_APPLY_EVENTS.has(input.eventName)
  const read = readWorkspaceFile(input.workspace, path)
  if (!read.ok) {
    const invalid = {
      source: path,
      origin: `targets-file ${JSON.stringify(path)}`,
      reason: read.reason
    }
    return { path, planOnly, aliases: new Map(), results: [{ ok: false, invalid }] }
  }
  // Loaded only when there is a file: the YAML parser is a fifth of the bundle.
  const { parseTargetsFile } = await import('./targets-file-parser.js')
  const parsed = parseTargetsFile(read.text, {
    path,
    timeZone: input.timeZone,
    now,
    defaultEnvironments: input.environmentKeys,
    defaultFlags: input.flagKeys,
    defaultSegments: input.segmentKeys
  })
  const results = parsed.results.map((r): ParseResult =>
    r.ok && planOnly ? { ok: true, entry: { ...r.entry, planOnly } } : r
  )
  return { path, planOnly, aliases: parsed.aliases, results }
}

/**
 * The source of a slash command, a comment whose first line is `/expire ENTRY [ENTRY…]`: its
 * entries in the entry grammar (the prefix optional, as for `targets`), on the step's flags,
 * segments and environments, gated on the commenter. One comment, one change: an invalid or
 * refused entry stops them all. On a pull request, its expiry labels are read too, so that the
 * comment still shows the PR's whole state; they are not applied. The comment is read again first:
 * a re-run replays the event as it was, so a comment deleted since, or whose first line was edited
 * since, sends nothing.
 */
import type { ParseResult, Scope } from '../core/entry.js'
import * as log from '../core/logger.js'
import { applyGate, type Gate } from './gate.js'
import { parseEntry, rejectRepeatedKeys, relatesToPrefix, type GrammarContext } from './grammar.js'
import type { Source } from './source.js'

/** More entries than this in one comment are refused, all of them. */
export const MAX_COMMAND_ENTRIES = 50

export interface SlashCommandInput {
  /** The command word, such as /expire. */
  command: string
  /** The words after it on the comment's first line. */
  args: string[]
  /** Who wrote the comment. */
  author: string
  grammar: Omit<GrammarContext, 'intent'>
  /** The step's flags, segments and environments. */
  runScope: Scope
  gate: Gate
  /** The PR's labels now; undefined on an issue. */
  labels?: () => Promise<string[]>
  /** The comment as the event has it, and its body now (undefined: deleted; throws: unknown). */
  comment: { written: string; current: () => Promise<string | undefined> }
}

/** Where a command's entries come from: `/expire by @octocat`. */
export function commandOrigin(command: string, author: string): string {
  return `${command} by @${author}`
}

export function slashCommandSource(input: SlashCommandInput): Source {
  const { command, args, author, grammar, runScope, gate } = input
  const origin = commandOrigin(command, author)
  const results = parseCommand(args, origin, grammar, runScope)
  return {
    // Nothing is read from LaunchDarkly before the gate says the commenter may act.
    parsed: false,
    read: async () => {
      const changed = await changedSince(input)
      const checked = changed ? results.map((result) => refuse(result, changed)) : results
      const gated = await applyGate(
        checked.map((result) => ({ result, actor: author, verb: 'wrote' as const })),
        gate
      )
      const labelsNow = await readLabels(input)
      return {
        results: gated,
        independent: [],
        skipped: [],
        labels: { superseded: [], added: undefined, labelsNow }
      }
    }
  }
}

function parseCommand(
  args: string[],
  origin: string,
  grammar: SlashCommandInput['grammar'],
  runScope: Scope
): ParseResult[] {
  if (args.length > MAX_COMMAND_ENTRIES) {
    const source = `${args.length} entries`
    const reason = `a command takes at most ${MAX_COMMAND_ENTRIES} entries; split it into several comments`
    return [{ ok: false, invalid: { source, origin, reason } }]
  }
  const parsed = args.map((word) => parseEntry(word, origin, { ...grammar, intent: 'apply' }))
  return rejectRepeatedKeys(parsed, runScope)
}

/** Why the comment no longer says what the event says, or undefined when it still does. */
async function changedSince({ comment }: SlashCommandInput): Promise<string | undefined> {
  let now: string | undefined
  try {
    now = await comment.current()
  } catch (error) {
    return `the comment could not be read again to check it still says this (${(error as Error).message})`
  }
  if (now === undefined) return 'the comment was deleted, so nothing of it is applied'
  if (firstLine(now) !== firstLine(comment.written))
    return 'the first line of the comment was edited since this run was started (a re-run acts on the comment as first written); write a new comment'
  return undefined
}

function firstLine(body: string): string {
  return (body.split(/\r\n|\n|\r/, 1)[0] ?? '').trim()
}

function refuse(result: ParseResult, reason: string): ParseResult {
  if (!result.ok) return result
  const { source, origin } = result.entry
  return { ok: false, invalid: { source, origin, reason } }
}

/** The PR's expiry labels, for the comment; none when GitHub cannot say (a warning). */
async function readLabels({ labels, grammar }: SlashCommandInput): Promise<string[]> {
  if (!labels) return []
  try {
    return (await labels()).filter((label) => relatesToPrefix(label, grammar.prefix))
  } catch (error) {
    log.warning(`${(error as Error).message} The comment shows this command's entries only.`)
    return []
  }
}

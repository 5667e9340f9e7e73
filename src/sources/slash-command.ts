/**
 * The source of a slash command, a comment whose first line is `/expire ENTRY [ENTRY…]`: its
 * entries in the entry grammar (the prefix optional, as for `targets`), on the step's flags,
 * segments and environments, gated on the commenter. One comment, one change: an invalid or
 * refused entry stops them all. On a pull request, its expiry labels are read too, so that the
 * comment still shows the PR's whole state; they are not applied.
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
      const gated = await applyGate(
        results.map((result) => ({ result, actor: author, verb: 'wrote' as const })),
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

/**
 * The entry grammar shared by labels and the `targets` input: `<prefix><key>@<when>`.
 * The key is everything between the prefix and the LAST `@`, so email keys work.
 */
import type { Entry, ParseResult, Scope } from '../core/entry.js'
import { targetId, USER_KIND } from '../core/target.js'
import { describeCodePoint, INVISIBLE } from '../core/unicode.js'
import { parseWhen, type WhenContext } from '../core/when.js'

export interface GrammarContext extends WhenContext {
  prefix: string
  /** The context kind of the keys (the context-kind input); undefined: user. */
  kind?: string
  /** alias -> key, from the targets file; a key written as an alias means the alias's key. */
  aliases?: ReadonlyMap<string, string>
  /**
   * `cancel`: an unlabeled event; only the key matters, the time is not checked.
   * `reapply`: a label already on the PR, read again; a time in the past is returned as it is
   * (its removal is due or done), for the caller to skip.
   */
  intent: 'apply' | 'cancel' | 'reapply'
}

export const MAX_ENTRY_LENGTH = 512
const SHOWN_LENGTH = 80
const EXAMPLE_DATE = '2030-06-10'
export const EXAMPLE = `sandy@${EXAMPLE_DATE}`

const WHITESPACE = /\s/u

/** Characters that render like ASCII ones in common fonts; NFKC covers full-width forms. */
const LOOK_ALIKES: Record<string, string> = {
  '\u0430': 'a', '\u0435': 'e', '\u043e': 'o', '\u0440': 'p', '\u0441': 'c', '\u0443': 'y',
  '\u0445': 'x', '\u0456': 'i', '\u0458': 'j', '\u0455': 's', '\u04bb': 'h', '\u0501': 'd',
  '\u0410': 'A', '\u0412': 'B', '\u0415': 'E', '\u041a': 'K', '\u041c': 'M', '\u041d': 'H',
  '\u041e': 'O', '\u0420': 'P', '\u0421': 'C', '\u0422': 'T', '\u0425': 'X', '\u0406': 'I',
  '\u03bf': 'o', '\u03b1': 'a', '\u03b5': 'e', '\u03bd': 'v', '\u03c1': 'p', '\u0391': 'A',
  '\u0392': 'B', '\u0395': 'E', '\u0397': 'H', '\u0399': 'I', '\u039a': 'K', '\u039c': 'M',
  '\u039d': 'N', '\u039f': 'O', '\u03a1': 'P', '\u03a4': 'T', '\u03a7': 'X', '\u0131': 'i',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-',
  '\u2212': '-', '\u2236': ':', '\ua789': ':', '\u02d0': ':', '\u0589': ':', '\u05c3': ':'
} // prettier-ignore

/** An approximation of Unicode's confusable skeleton, enough to catch disguised prefixes. */
export function skeleton(text: string): string {
  let out = ''
  for (const ch of text.normalize('NFKC')) out += LOOK_ALIKES[ch] ?? ch
  return out.toLowerCase()
}

/**
 * A label "relates" to the prefix when it starts with it, also in another case or with
 * look-alike characters: those reach the grammar, which explains what is wrong with them.
 */
export function relatesToPrefix(label: string, prefix: string): boolean {
  return skeleton(label.trim()).startsWith(skeleton(prefix))
}

export function shorten(text: string): string {
  return text.length > SHOWN_LENGTH
    ? `${text.slice(0, SHOWN_LENGTH)}… (${text.length} chars)`
    : text
}

export function parseEntry(raw: string, origin: string, context: GrammarContext): ParseResult {
  const source = shorten(raw.trim())
  const invalid = (reason: string): ParseResult => ({
    ok: false,
    invalid: { source, origin, reason }
  })

  if (raw.length > MAX_ENTRY_LENGTH) {
    return invalid(`it is ${raw.length} characters long; an entry has at most ${MAX_ENTRY_LENGTH}`)
  }
  let text = raw.trim()
  const hidden = INVISIBLE.exec(text)
  if (hidden) {
    return invalid(
      `it contains an invisible or control character (${describeCodePoint(hidden[0])}); retype it as plain text`
    )
  }
  const { prefix } = context
  if (text.startsWith(prefix)) {
    text = text.slice(prefix.length)
  } else if (text.toLowerCase().startsWith(prefix.toLowerCase())) {
    return invalid(`the prefix must be written exactly "${prefix}", in that case`)
  } else if (skeleton(text).startsWith(skeleton(prefix))) {
    return invalid(
      `it starts with a look-alike of the prefix "${prefix}"; retype it in plain ASCII`
    )
  }

  const at = text.lastIndexOf('@')
  if (at < 0) {
    const lookAlike = /[\uff20\ufe6b]/.test(text) ? ' (it has a look-alike of @, not @ itself)' : ''
    return invalid(`it has no @<when>${lookAlike}; write <user key>@<when>, as in ${EXAMPLE}`)
  }
  const written = text.slice(0, at)
  const whenText = text.slice(at + 1)
  const keyProblem = checkUserKey(written)
  if (keyProblem) return invalid(keyProblem)

  // `sandy@example.com`: an email key without its time; the key would be cut at its own @.
  const dateless = looksLikeDomain(whenText)
    ? `"${shorten(whenText)}" is not a time: keys with an @ need a trailing @<when>, as in ${shorten(`${raw.trim()}@${EXAMPLE_DATE}`)}`
    : undefined
  const key = context.aliases?.get(written)
  const named = key === undefined ? {} : { alias: written }
  const target = { kind: context.kind ?? USER_KIND, key: key ?? written }
  if (context.intent === 'cancel') {
    // Such a label never scheduled anything: taking it off must not cancel the key before its @.
    if (dateless && !parseWhen(whenText, { ...context, allowPast: true }).ok) {
      return invalid(dateless)
    }
    return { ok: true, entry: { target, when: { kind: 'never' }, source, origin, ...named } }
  }
  const when = parseWhen(whenText, { ...context, allowPast: context.intent === 'reapply' })
  if (!when.ok) return invalid(dateless ?? when.reason)
  return { ok: true, entry: { target, when: when.when, source, origin, ...named } }
}

/** The part after the last @ reads as an email's domain (`example.com`), not as a time. */
function looksLikeDomain(text: string): boolean {
  return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*$/i.test(text)
}

/** Why a key cannot be a key (white space, commas, disguised letters), or undefined. */
export function checkUserKey(userKey: string): string | undefined {
  if (userKey === '')
    return `the user key before @ is empty; write <user key>@<when>, as in ${EXAMPLE}`
  if (WHITESPACE.test(userKey)) {
    return `the user key "${userKey}" contains white space; user keys have none (one entry per line)`
  }
  if (userKey.includes(',')) {
    return `the user key "${userKey}" contains a comma; put one entry per line instead of a list`
  }
  if (/[a-z]/i.test(userKey)) {
    const disguised = [...userKey].find((ch) => LOOK_ALIKES[ch] !== undefined)
    if (disguised) {
      return `the user key "${userKey}" mixes Latin letters with the look-alike ${describeCodePoint(disguised)}; retype it in plain text`
    }
  }
  return undefined
}

/** The canonical text of an entry; `parseEntry(formatEntry(e))` gives `e` back. */
export function formatEntry(entry: Pick<Entry, 'target' | 'when'>, prefix: string): string {
  const when = entry.when.kind === 'never' ? 'never' : new Date(entry.when.epochMs).toISOString()
  return `${prefix}${entry.target.key}@${when}`
}

/**
 * The `targets` input: one entry per line; blank lines and lines starting with `#` are ignored;
 * the prefix is optional.
 */
export function parseTargets(input: string, context: GrammarContext): ParseResult[] {
  const results: ParseResult[] = []
  input.split(/\r\n|\n|\r/).forEach((line, index) => {
    const trimmed = line.trim()
    if (trimmed === '' || trimmed.startsWith('#')) return
    results.push(parseEntry(line, `targets line ${index + 1}`, context))
  })
  return results
}

/**
 * The same target twice on one (flag, environment) would send conflicting instructions: every
 * repeat is invalid. Entries without a scope apply to `runScope` (undefined: to everything).
 */
export function rejectRepeatedKeys(results: ParseResult[], runScope?: Scope): ParseResult[] {
  const seen = new Map<string, Entry[]>()
  return results.map((result) => {
    if (!result.ok) return result
    const id = targetId(result.entry.target)
    const scope = result.entry.scope ?? runScope
    const earlier = seen.get(id)?.find((e) => overlaps(e.scope ?? runScope, scope))
    if (!earlier) {
      seen.set(id, [...(seen.get(id) ?? []), result.entry])
      return result
    }
    const { source, origin, target } = result.entry
    const reason = `${target.kind} "${target.key}" is already listed at ${earlier.origin}; list each ${target.kind} once per flag and environment`
    return { ok: false, invalid: { source, origin, reason } }
  })
}

function overlaps(a: Scope | undefined, b: Scope | undefined): boolean {
  if (!a || !b) return true
  const segments = (s: Scope): string[] => s.segmentKeys ?? []
  return (
    (a.flagKeys.some((f) => b.flagKeys.includes(f)) ||
      segments(a).some((k) => segments(b).includes(k))) &&
    a.environmentKeys.some((e) => b.environmentKeys.includes(e))
  )
}

/**
 * Escaping for text that comes from labels, inputs or LaunchDarkly, so that it renders as the
 * text it is in a comment or job summary: never as markup, a mention, or a broken table.
 */
import { showInvisible } from '../core/unicode.js'

const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]()#!|~<>&]/g
const WORD_JOINER = '\u2060'

/**
 * Plain text: punctuation Markdown could read as syntax becomes a numeric character reference
 * (rendered as itself, never parsed), and `@` is followed by a word joiner so `@someone` does not
 * mention anyone.
 */
export function text(value: string): string {
  return showInvisible(value)
    .replace(MARKDOWN_PUNCTUATION, (ch) => `&#${ch.charCodeAt(0)};`)
    .replace(/@/g, `@${WORD_JOINER}`)
}

/**
 * A code span: shown verbatim and in monospace, and GitHub does not look for mentions in code.
 * `inTable` escapes pipes, which GFM splits cells on even inside code spans.
 */
export function code(value: string, inTable = true): string {
  let body = showInvisible(value)
  if (inTable) body = body.replace(/\|/g, '\\|')
  const longestRun = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longestRun + 1)
  const pad = body.startsWith('`') || body.endsWith('`') || body.startsWith(' ') ? ' ' : ''
  return `${fence}${pad}${body}${pad}${fence}`
}

export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

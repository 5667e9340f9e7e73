/**
 * Text from outside (labels, inputs, answers from LaunchDarkly or GitHub) made inert for the
 * runner, which acts on `##[name]` anywhere in a line and on `::name::` at the start of a line
 * (after white space, with lines split on CR, LF or CRLF). A word joiner between the two
 * characters keeps the text readable and breaks the command. No imports: index.ts uses it.
 */
const WORD_JOINER = '\u2060'

export function neutralise(text: string): string {
  return text
    .replace(/##\[/g, `#${WORD_JOINER}#[`)
    .replace(/(^|[\r\n])([\s\u0085]*):(?=:)/g, `$1$2:${WORD_JOINER}`)
}

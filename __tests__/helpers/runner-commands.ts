/**
 * What the GitHub Actions runner makes of a step's output: the workflow commands it would act on.
 * A model of actions/runner (src/Runner.Common/ActionCommand.cs and
 * src/Runner.Worker/ActionCommandManager.cs), for tests that check no outside text becomes a
 * command. Pure: no I/O.
 *
 * - Lines are split as .NET's StreamReader.ReadLine splits them: on CRLF, LF and CR.
 * - `::name props::message` counts only at the start of a line, after .NET's TrimStart (its
 *   white space, which is not JavaScript's: U+0085 is white space there, U+FEFF is not).
 *   Properties are `key=value` separated by `,`; data and properties are unescaped as the runner
 *   does (`%0D`, `%0A`, `%25`; properties also `%3A`, `%2C`).
 * - `##[name props]message` counts anywhere in a line, but only at the line's first `##[`; it is
 *   tried only when the line is not a `::` command. Properties are separated by `;`; both
 *   properties and data are unescaped with `%3B`, `%0D`, `%0A`, `%5D`, `%25`.
 * - A name counts only if the runner knows it (compared without regard to case), unless
 *   `commands: 'any'` is given: then every command-shaped line counts, whatever its name.
 * - `stop-commands` with a valid token stops all processing until a command named by the token
 *   (`::TOKEN::`, or `##[TOKEN]`); the stop and the resume are both returned, nothing between.
 *   An empty token, the name of a known command or `pause-logging` is refused by the runner (it
 *   fails the step instead): it is returned, and processing goes on.
 *
 * Known simplification: the runner's `StartsWith("::")` and `IndexOf("::")`/`IndexOf("##[")` are
 * culture-sensitive in .NET, so under ICU a default-ignorable character (U+200B, U+2060, ...)
 * inside a `::` or `##[` may be skipped while searching. Matching here is ordinal. Because the
 * runner then cuts the name at fixed offsets, an ignorable character inserted before or inside a
 * name still breaks the command either way; only the `::` that ends the name could be found
 * across one.
 */

export type CommandForm = '::' | '##['

export interface ParsedCommand {
  form: CommandForm
  /** As written; the runner compares names without regard to case. */
  name: string
  properties: Record<string, string>
  /** The command's data, unescaped. */
  message: string
  /** 1-based, among the lines the runner reads. */
  line: number
}

export interface ParseOptions {
  /**
   * The command names the runner knows: RUNNER_COMMANDS by default. 'any' takes every name, a
   * stricter reading than any runner's (and the one to use to catch names a future runner adds).
   */
  commands?: 'any' | Iterable<string>
}

/** The names actions/runner registers (internal-set-repo-path only runs for its own plugins). */
export const RUNNER_COMMANDS: readonly string[] = [
  'add-mask',
  'add-matcher',
  'add-path',
  'debug',
  'echo',
  'endgroup',
  'error',
  'group',
  'notice',
  'remove-matcher',
  'save-state',
  'set-env',
  'set-output',
  'stop-commands',
  'warning'
]

const STOP = 'stop-commands'

/** .NET's char.IsWhiteSpace: Unicode White_Space, which includes U+0085 and not U+FEFF. */
const DOTNET_WHITE_SPACE =
  /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/

function trimStart(text: string): string {
  let i = 0
  while (i < text.length && DOTNET_WHITE_SPACE.test(text[i] as string)) i++
  return text.slice(i)
}

function trim(text: string): string {
  let end = text.length
  while (end > 0 && DOTNET_WHITE_SPACE.test(text[end - 1] as string)) end--
  return trimStart(text.slice(0, end))
}

/** The lines StreamReader.ReadLine returns: split on CRLF, LF or CR; no empty last line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/)
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  return lines
}

type Mapping = readonly (readonly [string, string])[]
// The runner's order: String.Replace of each escape in turn.
const DATA_ESCAPES: Mapping = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%25', '%']
]
const PROPERTY_ESCAPES: Mapping = [
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%3A', ':'],
  ['%2C', ','],
  ['%25', '%']
]
const LEGACY_ESCAPES: Mapping = [
  ['%3B', ';'],
  ['%0D', '\r'],
  ['%0A', '\n'],
  ['%5D', ']'],
  ['%25', '%']
]

function unescape(text: string, mapping: Mapping): string {
  return mapping.reduce((value, [escaped, raw]) => value.split(escaped).join(raw), text)
}

/** `key=value` as .NET's Split('=', 2, RemoveEmptyEntries) cuts it: empty pieces are skipped. */
function keyValue(text: string): [string, string] | undefined {
  let start = 0
  while (text[start] === '=') start++
  const equals = text.indexOf('=', start)
  if (equals < 0) return undefined
  let valueStart = equals + 1
  while (text[valueStart] === '=') valueStart++
  const value = text.slice(valueStart)
  return value === '' ? undefined : [text.slice(start, equals), value]
}

function parseProperties(text: string, separator: string, mapping: Mapping) {
  const properties: Record<string, string> = {}
  for (const piece of text.split(separator)) {
    if (piece === '') continue
    const pair = keyValue(piece)
    if (!pair) continue
    // A dictionary that ignores case: a later key replaces the value, the first spelling stays.
    const key = Object.keys(properties).find((k) => k.toLowerCase() === pair[0].toLowerCase())
    properties[key ?? pair[0]] = unescape(pair[1], mapping)
  }
  return properties
}

type Command = Omit<ParsedCommand, 'line'>

/** TryParseV2: `::name props::data` at the start of the line, after white space. */
function parseV2(line: string, known: (name: string) => boolean): Command | undefined {
  const message = trimStart(line)
  if (!message.startsWith('::')) return undefined
  const end = message.indexOf('::', 2)
  if (end < 0) return undefined
  const info = message.slice(2, end)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (name === '' || !known(name)) return undefined
  const properties =
    space > 0 ? parseProperties(trim(info.slice(space + 1)), ',', PROPERTY_ESCAPES) : {}
  return { form: '::', name, properties, message: unescape(message.slice(end + 2), DATA_ESCAPES) }
}

/** TryParse: `##[name props]data` at the line's first `##[`. */
function parseLegacy(line: string, known: (name: string) => boolean): Command | undefined {
  const prefix = line.indexOf('##[')
  if (prefix < 0) return undefined
  const bracket = line.indexOf(']', prefix)
  if (bracket < 0) return undefined
  const info = line.slice(prefix + 3, bracket)
  const space = info.indexOf(' ')
  const name = space < 0 ? info : info.slice(0, space)
  if (name === '' || !known(name)) return undefined
  const properties = space > 0 ? parseProperties(info.slice(space + 1), ';', LEGACY_ESCAPES) : {}
  return {
    form: '##[',
    name,
    properties,
    message: unescape(line.slice(bracket + 1), LEGACY_ESCAPES)
  }
}

/** The stop tokens ValidateStopToken refuses (the step fails instead of stopping). */
function refusedStopToken(token: string, known: ReadonlySet<string>): boolean {
  const lower = token.toLowerCase()
  return token === '' || known.has(lower) || lower === 'pause-logging'
}

/** Every workflow command the runner would act on in `output`, in order. */
export function parseCommands(output: string, options: ParseOptions = {}): ParsedCommand[] {
  const names = options.commands ?? RUNNER_COMMANDS
  const registered = new Set(
    [...(names === 'any' ? RUNNER_COMMANDS : names), STOP].map((n) => n.toLowerCase())
  )
  let stopToken: string | undefined
  const known = (name: string): boolean =>
    names === 'any' ||
    registered.has(name.toLowerCase()) ||
    (stopToken !== undefined && stopToken.toLowerCase() === name.toLowerCase())

  const commands: ParsedCommand[] = []
  splitLines(output).forEach((text, index) => {
    if (text === '') return
    const command = parseV2(text, known) ?? parseLegacy(text, known)
    if (!command) return
    const name = command.name.toLowerCase()
    if (stopToken !== undefined) {
      // Stopped: only the token counts, and it resumes.
      if (name !== stopToken.toLowerCase()) return
      stopToken = undefined
    } else if (name === STOP && !refusedStopToken(command.message, registered)) {
      stopToken = command.message
    }
    commands.push({ ...command, line: index + 1 })
  })
  return commands
}

/**
 * The GITHUB_OUTPUT file as the runner reads it on Linux (SetOutputFileCommand): lines split on
 * LF; `name=value`, or `name<<DELIMITER` then value lines up to a line that is exactly the
 * delimiter. Throws where the runner would fail the step, and on an empty name (which the runner
 * means to refuse). A name set twice is listed twice.
 */
export function parseOutputFileAsRunner(text: string): [name: string, value: string][] {
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  const outputs: [string, string][] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (line === '') continue
    const equals = line.indexOf('=')
    const heredoc = line.indexOf('<<')
    if (equals >= 0 && (heredoc < 0 || equals < heredoc)) {
      if (equals === 0) throw new Error(`Invalid format ${JSON.stringify(line)}: no name`)
      outputs.push([line.slice(0, equals), line.slice(equals + 1)])
    } else if (heredoc >= 0) {
      const name = line.slice(0, heredoc)
      const delimiter = line.slice(heredoc + 2)
      if (name === '' || delimiter === '')
        throw new Error(`Invalid format ${JSON.stringify(line)}: no name or no delimiter`)
      const value: string[] = []
      for (i++; lines[i] !== delimiter; i++) {
        if (i >= lines.length) throw new Error(`Matching delimiter not found ${delimiter}`)
        value.push(lines[i] as string)
      }
      outputs.push([name, value.join('\n')])
    } else {
      throw new Error(`Invalid format ${JSON.stringify(line)}`)
    }
  }
  return outputs
}

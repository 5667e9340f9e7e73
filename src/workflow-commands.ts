/**
 * The runner's interface, as GitHub documents it: inputs from `INPUT_*` variables, workflow
 * commands on stdout (`::add-mask::`, `::error …::`), and the GITHUB_OUTPUT and
 * GITHUB_STEP_SUMMARY files. Written here rather than imported from @actions/core, whose import
 * alone loads its HTTP client and undici (about 1 MB of source, ~60 ms) on every run.
 */
import { appendFileSync } from 'node:fs'
import { randomUUID } from 'node:crypto'

export interface AnnotationProperties {
  title?: string
}

/** An input as the runner passes it: `INPUT_<NAME>`, upper-cased, hyphens kept. */
export function getInput(name: string, options: { trimWhitespace?: boolean } = {}): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? ''
  return options.trimWhitespace === false ? value : value.trim()
}

/** Command data: `%`, CR and LF are escaped so a message cannot start another command. */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
}

function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C')
}

function issue(command: string, message: string, properties: AnnotationProperties = {}): void {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',')
  process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}\n`)
}

export function setSecret(secret: string): void {
  if (secret) issue('add-mask', secret)
}

export function info(message: string): void {
  process.stdout.write(`${message}\n`)
}

export function notice(message: string, properties?: AnnotationProperties): void {
  issue('notice', message, properties)
}

export function warning(message: string, properties?: AnnotationProperties): void {
  issue('warning', message, properties)
}

export function error(message: string, properties?: AnnotationProperties): void {
  issue('error', message, properties)
}

export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}

/** Sets every output at once, in the runner's multi-line form (`name<<delimiter`). */
export function setOutputs(values: Record<string, string>): void {
  const file = process.env.GITHUB_OUTPUT
  if (!file) {
    for (const [name, value] of Object.entries(values)) issue(`set-output name=${name}`, value)
    return
  }
  let text = ''
  for (const [name, value] of Object.entries(values)) {
    const delimiter = `ghadelimiter_${randomUUID()}`
    if (name.includes(delimiter) || value.includes(delimiter))
      throw new Error(`output ${name} holds its delimiter`)
    text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`
  }
  appendFileSync(file, text)
}

/** Appends Markdown to the job summary, when the runner provides one. */
export function appendSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY
  if (file) appendFileSync(file, markdown.endsWith('\n') ? markdown : `${markdown}\n`)
}

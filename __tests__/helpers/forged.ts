/**
 * The check behind the forged-log tests: text from outside (labels, inputs, answers from
 * LaunchDarkly and GitHub) carries a canary, stdout is read the way the runner reads it
 * (runner-commands.ts), and every command the runner would act on must be one the action meant to
 * issue: no `##[` form, no canary in a name, property or at the start of a message, no
 * stop-commands that the action does not resume itself, and the action's own annotations still
 * arrive. The GITHUB_OUTPUT file must hold exactly the outputs action.yml declares.
 */
import { expect } from '@jest/globals'
import { readFileSync } from 'node:fs'
import {
  RUNNER_COMMANDS,
  parseCommands,
  parseOutputFileAsRunner,
  type ParsedCommand
} from './runner-commands.ts'
import { leaksIn } from './secrets.ts'

export const CANARY = 'PWNED'
/** What @actions/core issues; a stop-commands' token is allowed as the name that resumes. */
export const OWN_COMMANDS = new Set([
  'add-mask',
  'debug',
  'notice',
  'warning',
  'error',
  'group',
  'endgroup',
  'stop-commands'
])

const actionYml = readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')
export const DECLARED_OUTPUTS = [
  ...actionYml
    .slice(actionYml.indexOf('\noutputs:'), actionYml.indexOf('\nruns:'))
    .matchAll(/^ {2}([a-z-]+):/gm)
].map((m) => m[1] as string)

/** What a run left: its stdout and stderr, its exit code, and the GITHUB_OUTPUT file raw. */
export interface Outcome {
  code: number | null
  stdout: string
  stderr: string
  outputFile: string
}

export const describeCommand = (c: ParsedCommand): string =>
  `line ${c.line}: ${c.form}${c.name} ${JSON.stringify(c.properties)} ${JSON.stringify(c.message)}`
export const hasCanary = (text: string): boolean => text.toUpperCase().includes(CANARY)

/**
 * Whether a stop token came from outside: some outside text holds it, or holds a stop-commands
 * whose token it begins with (the rest of the line being the action's own words). The other
 * checks catch a short one: it is never resumed, and it is not a fresh random token.
 */
function fromOutside(token: string, hostile: string[]): boolean {
  const own = token.toLowerCase()
  return hostile.some((text) => {
    const outside = text.toLowerCase()
    if (outside.includes(own)) return true
    return [...outside.matchAll(/stop-commands[^:\]\r\n]*(?:::|\])([^\r\n]*)/g)].some(
      // Four characters at least, so that a random token does not match by chance.
      ([, start]) => start !== undefined && start.length >= 4 && own.startsWith(start)
    )
  })
}

/**
 * Every command the runner would act on that the action did not mean to issue, read with the
 * runner's own command names and with every name taken. `hostile` is the text injected.
 */
export function forgeries(stdout: string, hostile: string[]): string[] {
  const problems = new Set<string>()
  for (const commands of [parseCommands(stdout), parseCommands(stdout, { commands: 'any' })]) {
    const tokens = new Set<string>()
    commands.forEach((c, i) => {
      const at = describeCommand(c)
      const name = c.name.toLowerCase()
      if (c.form === '##[') problems.add(`${at}: the action never issues the ##[ form`)
      if (hasCanary(c.name)) problems.add(`${at}: the canary in its name`)
      if (Object.entries(c.properties).some(([k, v]) => hasCanary(k) || hasCanary(v)))
        problems.add(`${at}: the canary in a property`)
      if (c.message.trimStart().toUpperCase().startsWith(CANARY))
        problems.add(`${at}: a message that starts with the canary`)
      if (tokens.has(name)) {
        tokens.delete(name)
      } else if (!OWN_COMMANDS.has(name)) {
        problems.add(`${at}: not a command the action issues`)
      }
      if (name === 'stop-commands') {
        const token = c.message
        const resumed = commands
          .slice(i + 1)
          .some((d) => d.name.toLowerCase() === token.toLowerCase())
        if (!resumed) problems.add(`${at}: stops commands and is never resumed`)
        if (token.length < 16 || RUNNER_COMMANDS.includes(token.toLowerCase()))
          problems.add(`${at}: a stop token that is not a fresh random one`)
        if (fromOutside(token, hostile)) problems.add(`${at}: a stop token taken from outside text`)
        tokens.add(token.toLowerCase())
      }
    })
  }
  return [...problems]
}

export interface Expectation {
  /** The exit code the case must end with, where the path it takes decides it. */
  code?: 0 | 1
  /** The action's own annotation that must still reach the runner. */
  annotation?: 'error' | 'warning'
}

export function expectNothingForged(
  outcome: Outcome,
  hostile: string[],
  expected: Expectation
): void {
  const { outputFile } = outcome
  expect(forgeries(outcome.stdout, hostile)).toEqual([])
  expect(parseCommands(outcome.stderr, { commands: 'any' }).map(describeCommand)).toEqual([])
  if (expected.code !== undefined) expect(outcome.code).toBe(expected.code)

  const commands = parseCommands(outcome.stdout)
  if (outcome.code !== 0) {
    // setFailed is the last thing the action writes, and reaches the runner as an error.
    expect(commands.filter((c) => c.name === 'error').length).toBeGreaterThan(0)
    expect(commands.at(-1)?.name).toBe('error')
  }
  if (expected.annotation) expect(commands.map((c) => c.name)).toContain(expected.annotation)

  const outputs = parseOutputFileAsRunner(outputFile)
  const names = outputs.map(([name]) => name)
  expect([...names].sort()).toEqual([...DECLARED_OUTPUTS].sort())
  expect(leaksIn([outputFile])).toEqual([])
}

/** The errors output, read as the runner reads GITHUB_OUTPUT. */
export const errorsOutput = (outcome: Outcome): { origin: string; message: string }[] => {
  const errors = parseOutputFileAsRunner(outcome.outputFile).find(([n]) => n === 'errors')?.[1]
  return JSON.parse(errors ?? '[]') as { origin: string; message: string }[]
}

/**
 * Text from outside (labels, inputs, answers from LaunchDarkly and GitHub) must never become a
 * workflow command. Each case runs the bundle against the sandboxes with one hostile source
 * carrying a canary, reads stdout the way the runner does (helpers/runner-commands.ts), and checks
 * that every command the runner would act on is one the action meant to issue: no `##[` form, no
 * canary in a name, property or at the start of a message, no stop-commands that the action does
 * not resume itself, and the action's own annotations still arrive. The GITHUB_OUTPUT file must
 * hold exactly the outputs action.yml declares.
 */
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  jest
} from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BOOLEAN_VARIATIONS,
  ENVIRONMENT,
  PROJECT,
  flagWithTargets,
  startSandboxes,
  type Sandboxes
} from '../sandbox/fixtures.ts'
import type { ActionRun, RunOptions } from '../sandbox/runner.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import {
  RUNNER_COMMANDS,
  parseCommands,
  parseOutputFileAsRunner,
  type ParsedCommand
} from './helpers/runner-commands.ts'
import { leaksIn, scanAfterEach } from './helpers/secrets.ts'

jest.setTimeout(60_000)

const CANARY = 'PWNED'
/** What @actions/core issues; a stop-commands' token is allowed as the name that resumes. */
const OWN_COMMANDS = new Set([
  'add-mask',
  'debug',
  'notice',
  'warning',
  'error',
  'group',
  'endgroup',
  'stop-commands'
])
const FLAG_PATH = `/api/v2/flags/${PROJECT}/checkout`
const EXPIRING_PATH = `${FLAG_PATH}/expiring-user-targets/${ENVIRONMENT}`
const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')

const actionYml = readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
const DECLARED_OUTPUTS = [
  ...actionYml
    .slice(actionYml.indexOf('\noutputs:'), actionYml.indexOf('\nruns:'))
    .matchAll(/^ {2}([a-z-]+):/gm)
].map((m) => m[1] as string)

let sandboxes: Sandboxes
scanAfterEach(() => sandboxes)
beforeAll(async () => {
  sandboxes = await startSandboxes()
})
afterAll(() => sandboxes.close())
beforeEach(() => {
  sandboxes.reset()
})
afterEach(() => {
  expect(sandboxes.launchDarkly.violations).toEqual([])
})

interface Outcome {
  result: ActionRun
  /** The GITHUB_OUTPUT file as the action left it. */
  outputFile: string
}

/** Runs the bundle with a GITHUB_OUTPUT file of our own, to read it raw. */
async function run(options: Partial<RunOptions>): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'forged-logs-'))
  const file = join(dir, 'output')
  writeFileSync(file, '')
  try {
    const result = await sandboxes.run({ ...options, env: { ...options.env, GITHUB_OUTPUT: file } })
    return { result, outputFile: readFileSync(file, 'utf8') }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const describeCommand = (c: ParsedCommand): string =>
  `line ${c.line}: ${c.form}${c.name} ${JSON.stringify(c.properties)} ${JSON.stringify(c.message)}`
const hasCanary = (text: string): boolean => text.toUpperCase().includes(CANARY)

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
function forgeries(stdout: string, hostile: string[]): string[] {
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

interface Expectation {
  /** The exit code the case must end with, where the path it takes decides it. */
  code?: 0 | 1
  /** The action's own annotation that must still reach the runner. */
  annotation?: 'error' | 'warning'
}

function expectNothingForged(outcome: Outcome, hostile: string[], expected: Expectation): void {
  const { result, outputFile } = outcome
  expect(forgeries(result.stdout, hostile)).toEqual([])
  expect(parseCommands(result.stderr, { commands: 'any' }).map(describeCommand)).toEqual([])
  if (expected.code !== undefined) expect(result.code).toBe(expected.code)

  const commands = parseCommands(result.stdout)
  if (result.code !== 0) {
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

const errorsOutput = (outcome: Outcome): { origin: string; message: string }[] => {
  const errors = parseOutputFileAsRunner(outcome.outputFile).find(([n]) => n === 'errors')?.[1]
  return JSON.parse(errors ?? '[]') as { origin: string; message: string }[]
}
const ldRequests = (method: string, path: string) =>
  sandboxes.launchDarkly.requests.filter((r) => r.method === method && r.path === path)
const githubRequests = (method: string, path: string) =>
  sandboxes.github.requests.filter((r) => r.method === method && r.path.endsWith(path))
const onLabel = (action: 'labeled' | 'unlabeled', label: string): Partial<RunOptions> => ({
  eventName: 'pull_request',
  payload: pullRequestPayload(action, label)
})

describe('labels', () => {
  /** Each label, and the user key in it when the label is valid. */
  const labels: [string, string | undefined][] = [
    ['expire-user:##[error]PWNED@2030-06-10', '##[error]PWNED'],
    ['expire-user:##[stop-commands]x@2030-06-10', '##[stop-commands]x'],
    ['expire-user:x\r::warning::PWNED@2030-06-10', undefined],
    ['expire-user:x\n::error title=PWNED::y@2030-06-10', undefined]
  ]

  it.each(labels)('on a labeled event: %j', async (label) => {
    const outcome = await run(onLabel('labeled', label))
    // Refused: the label is invalid, or its user is not targeted on the flag.
    expectNothingForged(outcome, [label], { code: 1, annotation: 'error' })
    expect(errorsOutput(outcome).map((e) => e.origin)).toEqual([`label ${JSON.stringify(label)}`])
    expect(sandboxes.launchDarkly.countRequests('PATCH')).toBe(0)
  })

  it.each(labels)('on an unlabeled event: %j', async (label, key) => {
    if (key !== undefined) {
      // The removal the label scheduled, to be cancelled now.
      sandboxes.launchDarkly.addFlag(PROJECT, flagWithTargets('checkout', ['sandy', key]))
      const enabled = BOOLEAN_VARIATIONS[0]?._id as string
      sandboxes.launchDarkly.schedule(PROJECT, 'checkout', ENVIRONMENT, key, enabled, JUNE_10)
    }
    const outcome = await run(onLabel('unlabeled', label))
    if (key === undefined) {
      expectNothingForged(outcome, [label], { code: 1, annotation: 'error' })
      expect(errorsOutput(outcome).map((e) => e.origin)).toEqual([`label ${JSON.stringify(label)}`])
      expect(sandboxes.launchDarkly.countRequests('PATCH')).toBe(0)
    } else {
      expectNothingForged(outcome, [label], { code: 0 })
      const [patch] = ldRequests('PATCH', EXPIRING_PATH)
      expect(patch?.body).toMatchObject({
        instructions: [{ kind: 'removeExpireUserTargetDate', userKey: key }]
      })
    }
  })

  it('that schedules a user whose key holds ##[error], and sends that key unchanged', async () => {
    const key = '##[error]PWNED'
    sandboxes.launchDarkly.addFlag(PROJECT, flagWithTargets('checkout', ['sandy', key]))
    const label = `expire-user:${key}@2030-06-10`
    const outcome = await run(onLabel('labeled', label))
    expectNothingForged(outcome, [label], { code: 0 })
    const [patch] = ldRequests('PATCH', EXPIRING_PATH)
    expect(patch?.body).toMatchObject({ instructions: [{ userKey: key }] })
  })
})

describe('an unrelated label, on the fast path', () => {
  it.each(['bug ##[warning title=Deploy]approved', 'bug\r::warning title=Deploy::PWNED'])(
    '%j',
    async (label) => {
      const outcome = await run(onLabel('labeled', label))
      expectNothingForged(outcome, [label], { code: 0 })
      expect(sandboxes.launchDarkly.requests).toEqual([])
      expect(sandboxes.github.requests).toEqual([])
    }
  )

  it('with a label-prefix input that holds ##[error]', async () => {
    const prefix = '##[error]PWNED:'
    const outcome = await run({
      ...onLabel('labeled', 'bug'),
      inputs: { 'label-prefix': prefix }
    })
    expectNothingForged(outcome, [prefix], { code: 0 })
    expect(sandboxes.launchDarkly.requests).toEqual([])
  })
})

describe('inputs', () => {
  it('targets lines holding ##[error] and ::notice::', async () => {
    const targets = 'sandy@2030-06-10\n::notice::PWNED\nbob@2030-06-10 ##[error]PWNED'
    const outcome = await run({ inputs: { targets } })
    expectNothingForged(outcome, [targets], { code: 1, annotation: 'error' })
    expect(errorsOutput(outcome).map((e) => e.origin)).toEqual(['targets line 2', 'targets line 3'])
    expect(sandboxes.launchDarkly.requests).toEqual([])
  })

  it.each([
    ['project-key', 'x\n::error::PWNED'],
    ['flag-key', 'x\n::error::PWNED'],
    ['environment-key', 'x\r::error::PWNED'],
    ['base-uri', '{url}\n::error::PWNED'],
    ['dry-run', 'x\n::stop-commands::x'],
    ['fail-on-error', 'x\n##[error]PWNED'],
    ['timezone', 'UTC\n::error::PWNED']
  ])('%s with a line break: %j', async (name, template) => {
    const value = template.replace('{url}', sandboxes.launchDarkly.url)
    const outcome = await run({ inputs: { targets: 'sandy@2030-06-10', [name]: value } })
    expectNothingForged(outcome, [value], { code: 1, annotation: 'error' })
    expect(sandboxes.launchDarkly.requests).toEqual([])
  })

  it.each([
    ['context-kind', 'org\n::error::PWNED'],
    ['targets-file', 'x.yml\n::error::PWNED'],
    ['mode', 'sweep\n##[error]PWNED'],
    ['flag-tag', 'beta\r::error::PWNED'],
    ['default-lifetime', '30d\n::error::PWNED'],
    ['window', '7d\n##[warning]PWNED']
  ])('the new input %s with a line break: %j', async (name, value) => {
    const outcome = await run({ inputs: { targets: 'sandy@2030-06-10', [name]: value } })
    expectNothingForged(outcome, [value], { code: 1, annotation: 'error' })
    expect(sandboxes.launchDarkly.requests).toEqual([])
  })

  it('a targets file whose keys, aliases and variations hold workflow commands', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'forged-'))
    const text = [
      'version: 1',
      'aliases:',
      '  "##[error]PWNED": sandy',
      'targets:',
      '  - flag: checkout',
      '    user: "x\n::error::PWNED"',
      '    remove-at: 2030-06-10',
      '  - flag: checkout',
      '    user: "##[warning]PWNED"',
      '    remove-at: "2030-06-10\n::error::PWNED"',
      '  - flag: checkout',
      '    user: sandy',
      '    remove-at: 2030-06-10',
      '    variation: "On\r::error::PWNED"',
      ''
    ].join('\n')
    writeFileSync(join(workspace, 'targets.yml'), text)
    const outcome = await run({
      eventName: 'push',
      inputs: { 'targets-file': 'targets.yml' },
      env: { GITHUB_WORKSPACE: workspace }
    })
    rmSync(workspace, { recursive: true, force: true })
    expectNothingForged(outcome, [text, ...text.split('\n')], { code: 1, annotation: 'error' })
    expect(sandboxes.launchDarkly.countRequests('PATCH')).toBe(0)
  })

  it('a variation with a line break, which LaunchDarkly is asked about', async () => {
    const variation = 'x\n::error::PWNED'
    const outcome = await run({ inputs: { targets: 'sandy@2030-06-10', variation } })
    expectNothingForged(outcome, [variation], { code: 1, annotation: 'error' })
    expect(ldRequests('GET', FLAG_PATH)).toHaveLength(1)
    expect(sandboxes.launchDarkly.countRequests('PATCH')).toBe(0)
  })
})

describe('LaunchDarkly', () => {
  it.each([
    ['::notice:: after LF', 400, 'invalid_request', 'bad\n::notice::PWNED'],
    ['::stop-commands:: after LF', 400, 'invalid_request', 'bad\n::stop-commands::x'],
    ['::stop-commands:: after LF', 403, 'forbidden', 'denied\n::stop-commands::x'],
    [
      '::error:: after CRLF, ##[warning] after CR',
      403,
      'forbidden',
      'no\r\n::error::PWNED\r##[warning]PWNED'
    ],
    // U+0085 is white space to .NET, which trims it off the start of a line.
    ['::error:: after LF and U+0085', 400, 'invalid_request', 'bad\n\u0085::error::PWNED']
  ])('a message with %s, in a %i %s', async (_what, status, code, message) => {
    sandboxes.launchDarkly.faults.push({
      method: 'GET',
      path: FLAG_PATH,
      times: 1,
      response: { kind: 'status', status, body: { code, message } }
    })
    const outcome = await run({ inputs: { targets: 'sandy@2030-06-10' } })
    expectNothingForged(outcome, [message], { code: 1, annotation: 'error' })
    expect(ldRequests('GET', FLAG_PATH).map((r) => r.status)).toEqual([status])
    expect(sandboxes.launchDarkly.countRequests('PATCH')).toBe(0)
  })

  it('an instruction error in a 200 whose message holds a line break', async () => {
    const message = 'refused\n::error::PWNED\n::stop-commands::x'
    sandboxes.launchDarkly.faults.push({
      method: 'PATCH',
      times: 1,
      response: {
        kind: 'raw',
        status: 200,
        body: JSON.stringify({
          items: [],
          totalInstructions: 1,
          successfulInstructions: 0,
          failedInstructions: 1,
          errors: [{ instructionIndex: 0, message }]
        })
      }
    })
    const outcome = await run({ inputs: { targets: 'sandy@2030-06-10' } })
    expectNothingForged(outcome, [message], { code: 1, annotation: 'error' })
    expect(ldRequests('PATCH', EXPIRING_PATH)).toHaveLength(1)
  })

  describe('variation names holding ##[error] and a line break', () => {
    const names = ['On ##[error]PWNED', 'Off\n::stop-commands::x']
    beforeEach(() => {
      sandboxes.launchDarkly.addFlag(PROJECT, {
        ...flagWithTargets('checkout', ['sandy'], ['dora']),
        variations: BOOLEAN_VARIATIONS.map((v, i) => ({ ...v, name: names[i] as string }))
      })
    })

    it('when users are scheduled on them', async () => {
      const outcome = await run({ inputs: { targets: 'sandy@2030-06-10\ndora@2030-06-10' } })
      expectNothingForged(outcome, names, { code: 0 })
      const [patch] = ldRequests('PATCH', EXPIRING_PATH)
      expect(patch?.body).toMatchObject({
        instructions: [{ userKey: 'sandy' }, { userKey: 'dora' }]
      })
    })

    it('when the variation input matches neither, and both are listed', async () => {
      const outcome = await run({ inputs: { targets: 'sandy@2030-06-10', variation: 'nope' } })
      expectNothingForged(outcome, names, { code: 1, annotation: 'error' })
      expect(ldRequests('GET', FLAG_PATH)).toHaveLength(1)
      expect(sandboxes.launchDarkly.countRequests('PATCH')).toBe(0)
    })
  })
})

describe('GitHub', () => {
  it('an error writing the comment whose message holds a line break', async () => {
    const message = 'Validation Failed\n::error::PWNED\n##[stop-commands]x'
    sandboxes.github.faults.push({
      method: 'POST',
      path: '/comments',
      times: 10,
      status: 422,
      body: { message }
    })
    const outcome = await run(onLabel('labeled', 'expire-user:sandy@2030-06-10'))
    // The LaunchDarkly work stands; the action warns that the comment is missing.
    expectNothingForged(outcome, [message], { code: 0, annotation: 'warning' })
    expect(githubRequests('POST', '/comments').map((r) => r.status)).toEqual([422])
    expect(ldRequests('PATCH', EXPIRING_PATH)).toHaveLength(1)
  })

  it('an error checking the permission of whoever added the label', async () => {
    const message = 'Nope\n::error::PWNED\n##[warning]PWNED'
    sandboxes.github.faults.push({
      method: 'GET',
      path: '/permission',
      times: 10,
      status: 403,
      body: { message }
    })
    const outcome = await run(onLabel('labeled', 'expire-user:sandy@2030-06-10'))
    expectNothingForged(outcome, [message], { code: 1, annotation: 'error' })
    expect(githubRequests('GET', '/permission').map((r) => r.status)).toEqual([403])
    expect(sandboxes.launchDarkly.countRequests('PATCH')).toBe(0)
  })
})

describe('the check itself', () => {
  it('finds the forgeries it is there to find', () => {
    const stdout = [
      '::add-mask::***',
      'Label "x ##[warning title=Deploy]approved"',
      'failed (bad',
      '::notice::PWNED)',
      '::stop-commands::x',
      '::error::1 problem'
    ].join('\n')
    expect(forgeries(stdout, ['bad\n::stop-commands::x'])).toEqual([
      expect.stringMatching(/^line 2: ##\[warning .*##\[ form/),
      expect.stringMatching(/^line 4: ::notice .*starts with the canary/),
      expect.stringMatching(/^line 5: ::stop-commands .*never resumed/),
      expect.stringMatching(/^line 5: ::stop-commands .*not a fresh random one/),
      expect.stringMatching(/^line 5: ::stop-commands .*from outside text/)
    ])
  })

  it('lets the action wrap outside text in stop-commands with a token of its own', () => {
    const token = 'f0e1d2c3b4a5968778695a4b3c2d1e0f'
    const stdout = `::stop-commands::${token}\nbad\n::notice::PWNED\n::${token}::\n::error::x\n`
    expect(forgeries(stdout, ['bad\n::notice::PWNED'])).toEqual([])
  })
})

/**
 * Text from outside (labels, inputs, answers from LaunchDarkly and GitHub) must never become a
 * workflow command. Each case runs the action in process against the sandboxes with one hostile
 * source carrying a canary, and helpers/forged.ts reads stdout the way the runner does and checks
 * that every command the runner would act on is one the action meant to issue, and that the
 * GITHUB_OUTPUT file holds exactly the outputs action.yml declares. e2e-forged-logs.test.ts runs
 * a few of these cases on the bundle itself.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { BOOLEAN_VARIATIONS, ENVIRONMENT, PROJECT, flagWithTargets } from '../sandbox/fixtures.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import { errorsOutput, expectNothingForged, forgeries, type Outcome } from './helpers/forged.ts'
import type { InProcessOptions } from './helpers/in-process.ts'
import { inProcessSuite } from './helpers/suite.ts'

jest.setTimeout(30_000)
const suite = inProcessSuite()

const FLAG_PATH = `/api/v2/flags/${PROJECT}/checkout`
const EXPIRING_PATH = `${FLAG_PATH}/expiring-user-targets/${ENVIRONMENT}`
const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')

const run = (options: InProcessOptions): Promise<Outcome> => suite.run(options)
const ld = () => suite.sandboxes.launchDarkly
const ldRequests = (method: string, path: string) =>
  ld().requests.filter((r) => r.method === method && r.path === path)
const githubRequests = (method: string, path: string) =>
  suite.sandboxes.github.requests.filter((r) => r.method === method && r.path.endsWith(path))
const onLabel = (action: 'labeled' | 'unlabeled', label: string): InProcessOptions => ({
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
    expect(ld().countRequests('PATCH')).toBe(0)
  })

  it.each(labels)('on an unlabeled event: %j', async (label, key) => {
    if (key !== undefined) {
      // The removal the label scheduled, to be cancelled now.
      ld().addFlag(PROJECT, flagWithTargets('checkout', ['sandy', key]))
      const enabled = BOOLEAN_VARIATIONS[0]?._id as string
      ld().schedule(PROJECT, 'checkout', ENVIRONMENT, key, enabled, JUNE_10)
    }
    const outcome = await run(onLabel('unlabeled', label))
    if (key === undefined) {
      expectNothingForged(outcome, [label], { code: 1, annotation: 'error' })
      expect(errorsOutput(outcome).map((e) => e.origin)).toEqual([`label ${JSON.stringify(label)}`])
      expect(ld().countRequests('PATCH')).toBe(0)
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
    ld().addFlag(PROJECT, flagWithTargets('checkout', ['sandy', key]))
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
      expect(ld().requests).toEqual([])
      expect(suite.sandboxes.github.requests).toEqual([])
    }
  )

  it('with a label-prefix input that holds ##[error]', async () => {
    const prefix = '##[error]PWNED:'
    const outcome = await run({
      ...onLabel('labeled', 'bug'),
      inputs: { 'label-prefix': prefix }
    })
    expectNothingForged(outcome, [prefix], { code: 0 })
    expect(ld().requests).toEqual([])
  })
})

describe('inputs', () => {
  it('targets lines holding ##[error] and ::notice::', async () => {
    const targets = 'sandy@2030-06-10\n::notice::PWNED\nbob@2030-06-10 ##[error]PWNED'
    const outcome = await run({ inputs: { targets } })
    expectNothingForged(outcome, [targets], { code: 1, annotation: 'error' })
    expect(errorsOutput(outcome).map((e) => e.origin)).toEqual(['targets line 2', 'targets line 3'])
    expect(ld().requests).toEqual([])
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
    const value = template.replace('{url}', ld().url)
    const outcome = await run({ inputs: { targets: 'sandy@2030-06-10', [name]: value } })
    expectNothingForged(outcome, [value], { code: 1, annotation: 'error' })
    expect(ld().requests).toEqual([])
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
    expect(ld().requests).toEqual([])
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
    expect(ld().countRequests('PATCH')).toBe(0)
  })

  it('a variation with a line break, which LaunchDarkly is asked about', async () => {
    const variation = 'x\n::error::PWNED'
    const outcome = await run({ inputs: { targets: 'sandy@2030-06-10', variation } })
    expectNothingForged(outcome, [variation], { code: 1, annotation: 'error' })
    expect(ldRequests('GET', FLAG_PATH)).toHaveLength(1)
    expect(ld().countRequests('PATCH')).toBe(0)
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
    ld().faults.push({
      method: 'GET',
      path: FLAG_PATH,
      times: 1,
      response: { kind: 'status', status, body: { code, message } }
    })
    const outcome = await run({ inputs: { targets: 'sandy@2030-06-10' } })
    expectNothingForged(outcome, [message], { code: 1, annotation: 'error' })
    expect(ldRequests('GET', FLAG_PATH).map((r) => r.status)).toEqual([status])
    expect(ld().countRequests('PATCH')).toBe(0)
  })

  it('an instruction error in a 200 whose message holds a line break', async () => {
    const message = 'refused\n::error::PWNED\n::stop-commands::x'
    ld().faults.push({
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
      ld().addFlag(PROJECT, {
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
      expect(ld().countRequests('PATCH')).toBe(0)
    })
  })
})

describe('GitHub', () => {
  it('an error writing the comment whose message holds a line break', async () => {
    const message = 'Validation Failed\n::error::PWNED\n##[stop-commands]x'
    suite.sandboxes.github.faults.push({
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
    suite.sandboxes.github.faults.push({
      method: 'GET',
      path: '/permission',
      times: 10,
      status: 403,
      body: { message }
    })
    const outcome = await run(onLabel('labeled', 'expire-user:sandy@2030-06-10'))
    expectNothingForged(outcome, [message], { code: 1, annotation: 'error' })
    expect(githubRequests('GET', '/permission').map((r) => r.status)).toEqual([403])
    expect(ld().countRequests('PATCH')).toBe(0)
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

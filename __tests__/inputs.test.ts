/**
 * Reading the inputs: an input action.yml does not declare is refused with the closest declared
 * one, and every problem is reported in one run, schema and cross-checks together. In process,
 * a refused input sends nothing to LaunchDarkly and reaches the log, the summary and the PR.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { GITHUB_TOKEN, REPOSITORY, startSandboxes, type Sandboxes } from '../sandbox/fixtures.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import { EMPTY_OUTPUTS } from '../src/report/outputs.js'
import {
  closestInput,
  INPUT_NAMES,
  readSettings,
  SettingsError,
  unknownInputs,
  type Settings
} from '../src/run/settings.js'
import { startInProcess, type InProcess } from './helpers/in-process.ts'

const BASE: Record<string, string> = {
  'api-key': 'api-00000000-test',
  'project-key': 'default',
  'environment-key': 'production',
  'flag-key': 'checkout',
  'github-token': 'ghs_test'
}

/**
 * readSettings with these inputs, set as the runner sets them (`INPUT_` + the name upper-cased),
 * plus `raw` variables as they are; the problems it throws, or the settings.
 */
function read(
  inputs: Record<string, string>,
  raw: Record<string, string> = {}
): string[] | Settings {
  const saved = { ...process.env }
  for (const name of Object.keys(process.env))
    if (name.startsWith('INPUT_')) delete process.env[name]
  for (const [name, value] of Object.entries({ ...BASE, ...inputs }))
    process.env[`INPUT_${name.toUpperCase()}`] = value
  Object.assign(process.env, raw)
  // core.setSecret writes ::add-mask:: commands.
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  try {
    return readSettings()
  } catch (error) {
    if (error instanceof SettingsError) return error.problems
    throw error
  } finally {
    write.mockRestore()
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
    Object.assign(process.env, saved)
  }
}

describe('an input action.yml does not declare', () => {
  it('is refused, named as the workflow spells it, with the closest declared input', () => {
    expect(read({ dry_run: 'true' })).toEqual([
      '`dry_run` is not an input of this action; did you mean `dry-run`?'
    ])
  })

  it('is refused even when every declared input is valid, and its value is never shown', () => {
    const problems = read({ api_key: 'api-secret-value' }, { 'INPUT_API-KEY': '' })
    expect(problems).toEqual([
      '`api_key` is not an input of this action; did you mean `api-key`?',
      'Input "api-key" is empty: pass a LaunchDarkly access token from a secret (see the README for forks).'
    ])
    expect(JSON.stringify(problems)).not.toContain('secret-value')
  })

  it('accepts the declared inputs as the runner gives them, in any case the workflow wrote', () => {
    const settings = read({}, { 'INPUT_DRY-RUN': 'true', INPUT_TIMEZONE: 'Europe/Berlin' })
    expect(settings).toMatchObject({ dryRun: true, timeZone: 'Europe/Berlin' })
    expect(unknownInputs({ 'INPUT_DRY-RUN': 'true', INPUT_MODE: 'apply', OTHER_VAR: 'x' })).toEqual(
      []
    )
  })

  it.each([
    ['dry_run', 'dry-run'],
    ['dryrun', 'dry-run'],
    ['dry run', 'dry-run'],
    ['dyr-run', 'dry-run'],
    ['api_key', 'api-key'],
    ['apikey', 'api-key'],
    ['github_token', 'github-token'],
    ['time-zone', 'timezone'],
    ['time_zone', 'timezone'],
    ['flag-keys', 'flag-key'],
    ['flag_key', 'flag-key'],
    ['environment', 'environment-key'],
    ['environments', 'environment-key'],
    ['project', 'project-key'],
    ['labels-prefix', 'label-prefix'],
    ['fail_on_error', 'fail-on-error'],
    ['target', 'targets'],
    ['targetsfile', 'targets-file'],
    ['batchsize', 'batch-size'],
    ['pr_number', 'pr-number']
  ])('suggests for %s: %s', (name, closest) => {
    expect(closestInput(name)).toBe(closest)
  })

  it('lists the inputs when none is close', () => {
    expect(closestInput('ld-access-token')).toBeUndefined()
    expect(closestInput('x'.repeat(100))).toBeUndefined()
    const [problem] = unknownInputs({ INPUT_SLACK_WEBHOOK: 'https://hooks.example' })
    expect(problem).toBe(
      `\`slack_webhook\` is not an input of this action; its inputs are ${INPUT_NAMES.join(', ')}.`
    )
  })

  it('names each unknown input once, in a stable order, before the other problems', () => {
    expect(read({ zzz_unknown: 'x', dry_run: 'true', 'batch-size': '0' })).toEqual([
      '`dry_run` is not an input of this action; did you mean `dry-run`?',
      expect.stringMatching(/^`zzz_unknown` is not an input of this action; its inputs are /),
      'Input "batch-size" must be at least 1.'
    ])
  })
})

describe('every input problem in one run', () => {
  it('reports a bad value and a missing input that only a cross-check finds, together', () => {
    expect(read({ mode: 'sweep', timezone: 'CEST', 'flag-key': '*' })).toEqual([
      'Input "timezone" is not an IANA time zone, e.g. UTC, Europe/Berlin.',
      'Input "default-lifetime" is required with mode sweep: the removal each untimed target gets, such as 30d.'
    ])
  })

  it('reports several bad values and several cross-checks, one sentence each', () => {
    const problems = read({
      mode: 'digest',
      'batch-size': '0',
      'max-attempts': 'many',
      targets: 'sandy@2030-06-10',
      dashboard: 'yes',
      'flag-tag': 'beta'
    })
    expect(problems).toEqual([
      'Input "dashboard" must be true or false, not "yes".',
      'Input "max-attempts" must be a whole number of attempts.',
      'Input "batch-size" must be at least 1.',
      'Input "flag-tag" works only with flag-key: * (every flag with that tag).',
      'Input "targets" works only with mode apply, not digest.'
    ])
  })

  it('skips a cross-check whose input is itself invalid, rather than saying it twice', () => {
    // default-lifetime is given but too long: not also "required with mode sweep".
    expect(read({ mode: 'sweep', 'flag-key': '*', 'default-lifetime': '999999w' })).toEqual([
      'Input "default-lifetime" must be at most 10 years (520w), not "999999w".'
    ])
    // A bad mode: no check that depends on the mode.
    expect(read({ mode: 'cleanup', 'flag-key': '*' })).toEqual([
      'Input "mode" must be one of apply, sweep, reconcile, digest.'
    ])
  })

  it('still reads valid inputs into settings', () => {
    expect(read({ mode: 'sweep', 'flag-key': '*', 'default-lifetime': '30d' })).toMatchObject({
      mode: 'sweep',
      allFlags: true,
      defaultLifetimeMs: 30 * 86_400_000
    })
  })
})

describe('in process', () => {
  let sandboxes: Sandboxes
  let inProcess: InProcess

  beforeAll(async () => {
    sandboxes = await startSandboxes()
    inProcess = await startInProcess({
      githubApiUrl: sandboxes.github.url,
      githubToken: GITHUB_TOKEN
    })
  })
  afterAll(async () => {
    inProcess?.restore()
    await sandboxes?.close()
  })
  beforeEach(() => sandboxes.reset())

  const MESSAGE = '`dry_run` is not an input of this action; did you mean `dry-run`?'

  it('INPUT_DRY_RUN fails the step before any request, and says which input was meant', async () => {
    const result = await inProcess.run({
      inputs: { ...sandboxes.inputs(), targets: 'sandy@2030-06-10', dry_run: 'true' }
    })
    expect(process.env.INPUT_DRY_RUN).toBe('true')
    expect(sandboxes.launchDarkly.requests).toEqual([])
    expect(sandboxes.launchDarkly.violations).toEqual([])
    expect(result.exitCode).toBe(1)
    expect(result.outputs).toEqual(EMPTY_OUTPUTS)
    expect(result.stdout).toContain(
      `::error::Invalid input, so nothing was sent to LaunchDarkly:%0A${MESSAGE}`
    )
    // The summary escapes Markdown punctuation as character references.
    expect(result.summary).toContain('&#96;dry&#95;run&#96; is not an input of this action')
  })

  it('is reported on the pull request, and nothing is sent', async () => {
    const result = await inProcess.run({
      eventName: 'pull_request',
      payload: pullRequestPayload('labeled', 'expire-user:sandy@2030-06-10'),
      inputs: { ...sandboxes.inputs(), dry_run: 'true' }
    })
    expect(sandboxes.launchDarkly.requests).toEqual([])
    const comments = sandboxes.github.commentsOn(REPOSITORY, 2)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('&#96;dry&#95;run&#96; is not an input of this action')
    expect(result.exitCode).toBe(1)
  })
})

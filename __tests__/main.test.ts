/**
 * In process: main's `run()` inside the Jest process (no child process, no bundle) against the
 * LaunchDarkly and GitHub sandboxes, reading everything from the environment as the runner gives
 * it. The paths through settings, the `required-permission` gate and a lost PATCH answer, checked
 * on the outputs, the requests and the sandboxes' state.
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
import {
  ENVIRONMENT,
  GITHUB_TOKEN,
  PROJECT,
  REPOSITORY,
  startSandboxes,
  type Sandboxes
} from '../sandbox/fixtures.ts'
import type { Fault } from '../sandbox/launchdarkly.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import { EMPTY_OUTPUTS } from '../src/report/outputs.js'
import {
  startInProcess,
  type InProcess,
  type InProcessOptions,
  type InProcessRun
} from './helpers/in-process.ts'
import { leaksIn, textsLeftBy } from './helpers/secrets.ts'

// Real timers here (no clock: comments are off but in one test, see NO_COMMENT); explicit for a
// loaded machine.
jest.setTimeout(30_000)

const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')
const LABEL = 'expire-user:sandy@2030-06-10'
const EXPIRING_PATH = `/api/v2/flags/${PROJECT}/checkout/expiring-user-targets/${ENVIRONMENT}`
/** The pull request of the example payloads. */
const PR = 2

let sandboxes: Sandboxes
let inProcess: InProcess
let runs: InProcessRun[] = []

beforeAll(async () => {
  sandboxes = await startSandboxes()
  sandboxes.github.setPermission(REPOSITORY, 'writer', 'write')
  sandboxes.github.setPermission(REPOSITORY, 'triager', 'triage')
  inProcess = await startInProcess({
    githubApiUrl: sandboxes.github.url,
    githubToken: GITHUB_TOKEN
  })
})
afterAll(async () => {
  inProcess?.restore()
  await sandboxes?.close()
})
beforeEach(() => {
  sandboxes.reset()
  runs = []
})
afterEach(async () => {
  await inProcess.settle()
  expect(sandboxes.launchDarkly.violations).toEqual([])
  expect(leaksIn(textsLeftBy(runs, sandboxes))).toEqual([])
})

/** One run of main's run() against the sandboxes: their inputs, then the test's. */
async function run(options: InProcessOptions = {}): Promise<InProcessRun> {
  const result = await inProcess.run({
    entry: 'main',
    ...options,
    inputs: { ...sandboxes.inputs(), ...options.inputs }
  })
  runs.push(result)
  return result
}

/**
 * No PR comment unless a test is about it: Octokit's throttling plugin keeps its limiters per
 * process, so in one process a comment written within 3 s of another waits for the rest of them.
 */
const NO_COMMENT = { comment: 'false' }

function labeled(sender: string): Promise<InProcessRun> {
  const payload = pullRequestPayload('labeled', LABEL)
  ;(payload.sender as { login: string }).login = sender
  return run({ eventName: 'pull_request_target', payload, inputs: NO_COMMENT })
}

const requests = (method: string, path?: string) =>
  sandboxes.launchDarkly.requests.filter(
    (r) => r.method === method && (path === undefined || r.path === path)
  )
const scheduled = () =>
  sandboxes.launchDarkly
    .expiring(PROJECT, 'checkout', ENVIRONMENT)
    .map((i) => [i.userKey, i.expirationDate, i._version])
    .sort()
const errorsOf = (result: InProcessRun) =>
  JSON.parse(result.outputs.errors ?? 'null') as { message: string }[]
const userKeysOf = (patch: { body: unknown }) =>
  (patch.body as { instructions: { userKey: string }[] }).instructions.map((i) => i.userKey)

describe('invalid inputs', () => {
  it.each([
    ['batch-size', () => '0'],
    ['context-kind', () => 'multi'],
    ['context-kind', () => 'org kind'],
    ['targets-file', () => '/etc/passwd'],
    ['targets-file', () => '../outside.yml'],
    ['environment-key', () => 'production, bad key'],
    ['flag-key', () => ''],
    ['exclude', () => 'breakglass'],
    ['default-lifetime', () => '999999w'],
    ['mode', () => 'cleanup'],
    // Not https and not a loopback name, yet it would reach the sandbox: 0.0.0.0 connects locally.
    ['base-uri', () => sandboxes.launchDarkly.url.replace('127.0.0.1', '0.0.0.0')]
  ])('%s: nothing is sent, the outputs are empty, the step fails', async (input, value) => {
    const result = await run({ inputs: { targets: 'sandy@2030-06-10', [input]: value() } })
    expect(sandboxes.launchDarkly.requests).toEqual([])
    expect(result.outputs).toEqual(EMPTY_OUTPUTS)
    expect(result.exitCode).toBe(1)
    expect(result.summary).toContain(input)
  })

  it('are reported on the pull request too', async () => {
    const result = await run({
      eventName: 'pull_request',
      payload: pullRequestPayload('labeled', LABEL),
      inputs: { 'batch-size': '0' }
    })
    expect(sandboxes.launchDarkly.requests).toEqual([])
    const comments = sandboxes.github.commentsOn(REPOSITORY, PR)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toContain('batch-size')
    expect(result.outputs).toEqual({ ...EMPTY_OUTPUTS, 'comment-url': comments[0]?.html_url })
    expect(result.exitCode).toBe(1)
  })
})

describe('runs in one process', () => {
  it('start afresh: no input, output or summary is left from the run before', async () => {
    const first = await run({ inputs: { targets: 'sandy@2030-06-10', 'batch-size': '0' } })
    expect(first.exitCode).toBe(1)
    const second = await run({ inputs: { targets: 'sandy@2030-06-10' } })
    expect(second.exitCode).toBe(0)
    expect(second.outputs['successful-instructions']).toBe('1')
    expect(second.summary).not.toContain('batch-size')
    expect(second.summary).toContain('sandy')
    expect(scheduled()).toEqual([['sandy', JUNE_10, 1]])
    // An input the run before had and this one lacks (api-key has no default to cover it up).
    const sent = sandboxes.launchDarkly.requests.length
    const withoutKey = sandboxes.inputs()
    delete withoutKey['api-key']
    const third = await inProcess.run({
      entry: 'main',
      inputs: { ...withoutKey, targets: 'bob@2030-06-10' }
    })
    runs.push(third)
    expect(third.exitCode).toBe(1)
    expect(third.outputs).toEqual(EMPTY_OUTPUTS)
    expect(third.summary).toContain('api-key')
    expect(sandboxes.launchDarkly.requests).toHaveLength(sent)
  })
})

describe('required-permission on a label event', () => {
  it('refuses a sender with triage: no PATCH, and the error names the sender', async () => {
    const result = await labeled('triager')
    expect(requests('PATCH')).toHaveLength(0)
    expect(scheduled()).toEqual([])
    expect(errorsOf(result)).toHaveLength(1)
    expect(errorsOf(result)[0]?.message).toContain('triager')
    expect(result.outputs['successful-instructions']).toBe('0')
    expect(result.exitCode).toBe(1)
  })

  it('acts for a sender with write: one PATCH, and the removal is scheduled', async () => {
    const result = await labeled('writer')
    expect(requests('PATCH')).toHaveLength(1)
    expect(userKeysOf(requests('PATCH')[0]!)).toEqual(['sandy'])
    expect(scheduled()).toEqual([['sandy', JUNE_10, 1]])
    expect(result.outputs).toMatchObject({
      'total-instructions': '1',
      'successful-instructions': '1',
      'failed-instructions': '0',
      errors: '[]'
    })
    expect(result.exitCode).toBe(0)
  })
})

describe('a PATCH whose answer is lost', () => {
  it('is checked by reading the targets again, not sent twice', async () => {
    const fault: Fault = {
      method: 'PATCH',
      times: 1,
      response: { kind: 'apply-then-status', status: 500 }
    }
    sandboxes.launchDarkly.faults.push(fault)
    const result = await run({ inputs: { targets: 'sandy@2030-06-10\nbob@2030-06-10' } })
    expect(fault.times).toBe(0)
    expect(scheduled()).toEqual([
      ['bob', JUNE_10, 1],
      ['sandy', JUNE_10, 1]
    ])
    expect(requests('PATCH', EXPIRING_PATH)).toHaveLength(1)
    expect(requests('GET', EXPIRING_PATH)).toHaveLength(2)
    expect(result.outputs).toMatchObject({
      'total-instructions': '2',
      'successful-instructions': '2',
      'failed-instructions': '0',
      errors: '[]'
    })
    expect(result.exitCode).toBe(0)
  })

  it('is checked the same way on the contexts endpoint', async () => {
    const fault: Fault = {
      method: 'PATCH',
      times: 1,
      response: { kind: 'apply-then-reset' }
    }
    sandboxes.launchDarkly.faults.push(fault)
    const contexts = EXPIRING_PATH.replace('/expiring-user-targets/', '/expiring-targets/')
    const result = await run({
      inputs: { 'context-kind': 'user', targets: 'sandy@2030-06-10\nbob@2030-06-10' }
    })
    expect(fault.times).toBe(0)
    expect(scheduled()).toEqual([
      ['bob', JUNE_10, 1],
      ['sandy', JUNE_10, 1]
    ])
    expect(requests('PATCH', contexts)).toHaveLength(1)
    expect(requests('GET', contexts)).toHaveLength(2)
    expect(requests('GET', EXPIRING_PATH)).toHaveLength(0)
    expect(result.outputs['successful-instructions']).toBe('2')
    expect(result.exitCode).toBe(0)
  })
})

describe('synchronize', () => {
  it("applies the PR's live labels, not the payload's", async () => {
    sandboxes.github.setLabels(REPOSITORY, PR, [LABEL, 'bug'], 'writer')
    const payload = pullRequestPayload('synchronize', undefined, ['expire-user:carol@2030-06-10'])
    const result = await run({ eventName: 'pull_request_target', payload, inputs: NO_COMMENT })
    expect(requests('PATCH')).toHaveLength(1)
    expect(userKeysOf(requests('PATCH')[0]!)).toEqual(['sandy'])
    expect(scheduled()).toEqual([['sandy', JUNE_10, 1]])
    expect(result.outputs['successful-instructions']).toBe('1')
    expect(result.exitCode).toBe(0)
  })
})

/**
 * Forged log lines, on the bundle itself: a few of inproc-forged-logs.test.ts's cases, run as
 * `node dist/index.js`, whose stdout is what the runner parses. The fast exit for an unrelated
 * label writes its log line without @actions/core, so it is checked here whole; a label and an
 * answer from LaunchDarkly check the path through the bundled @actions/core. (A label-prefix that
 * holds a command, and the rest, run in process through the same src/index.ts.)
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
import { PROJECT, startSandboxes, type Sandboxes } from '../sandbox/fixtures.ts'
import type { RunOptions } from '../sandbox/runner.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import { BUNDLE_TEST_TIMEOUT_MS, bundleSuite, runBundle } from './helpers/bundle.ts'
import { errorsOutput, expectNothingForged, type Outcome } from './helpers/forged.ts'
import { scanAfterEach } from './helpers/secrets.ts'
import { emptyGitHub, emptyLaunchDarkly } from './helpers/empty.ts'

jest.setTimeout(BUNDLE_TEST_TIMEOUT_MS)

const FLAG_PATH = `/api/v2/flags/${PROJECT}/checkout`

let sandboxes: Sandboxes
bundleSuite()
scanAfterEach(() => sandboxes)
// One pair of sandboxes for the file, emptied before each test: no run outlives its test
// (bundleSuite), and nothing a test left on them reaches the next.
beforeAll(async () => {
  sandboxes = await startSandboxes()
})
afterAll(() => sandboxes?.close())
beforeEach(() => {
  emptyLaunchDarkly(sandboxes.launchDarkly)
  emptyGitHub(sandboxes.github)
})
afterEach(() => {
  expect(sandboxes.launchDarkly.violations).toEqual([])
})

const run = (options: Partial<RunOptions>): Promise<Outcome> =>
  runBundle({
    ...options,
    inputs: { ...sandboxes.inputs(), ...options.inputs },
    env: { ...sandboxes.env(), ...options.env }
  })
const onLabel = (label: string): Partial<RunOptions> => ({
  eventName: 'pull_request',
  payload: pullRequestPayload('labeled', label)
})

describe('an unrelated label, on the fast path', () => {
  it.each(['bug ##[warning title=Deploy]approved', 'bug\r::warning title=Deploy::PWNED'])(
    '%j',
    async (label) => {
      const outcome = await run(onLabel(label))
      expectNothingForged(outcome, [label], { code: 0 })
      expect(sandboxes.launchDarkly.requests).toEqual([])
      expect(sandboxes.github.requests).toEqual([])
    }
  )
})

describe('through the bundled @actions/core', () => {
  it('a label with a line break and a command after it', async () => {
    const label = 'expire-user:x\n::error title=PWNED::y@2030-06-10'
    const outcome = await run(onLabel(label))
    expectNothingForged(outcome, [label], { code: 1, annotation: 'error' })
    expect(errorsOutput(outcome).map((e) => e.origin)).toEqual([`label ${JSON.stringify(label)}`])
    expect(sandboxes.launchDarkly.countRequests('PATCH')).toBe(0)
  })

  it('a LaunchDarkly message with ::stop-commands:: after LF, in a 400', async () => {
    const message = 'bad\n::stop-commands::x'
    sandboxes.launchDarkly.faults.push({
      method: 'GET',
      path: FLAG_PATH,
      times: 1,
      response: { kind: 'status', status: 400, body: { code: 'invalid_request', message } }
    })
    const outcome = await run({ inputs: { targets: 'sandy@2030-06-10' } })
    expectNothingForged(outcome, [message], { code: 1, annotation: 'error' })
    expect(
      sandboxes.launchDarkly.requests.filter((r) => r.path === FLAG_PATH).map((r) => r.status)
    ).toEqual([400])
    expect(sandboxes.launchDarkly.countRequests('PATCH')).toBe(0)
  })
})

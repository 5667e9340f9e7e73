/**
 * End to end: the bundled dist/index.js, run as the Actions runner runs it (a fresh `node`
 * process, INPUT_* variables with their hyphens, a real webhook payload in GITHUB_EVENT_PATH,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), against the sandboxes on 127.0.0.1. Only what the
 * bundle alone shows: the runner protocol (inputs, outputs, summary, exit codes, masking), the
 * fast exit for unrelated labels and what it loads, an unreadable event. The behaviour behind
 * them runs in process (inproc-*.test.ts).
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
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  API_KEY,
  BOOLEAN_VARIATIONS,
  ENVIRONMENT,
  GITHUB_TOKEN,
  PROJECT,
  REPOSITORY,
  startSandboxes,
  type Sandboxes
} from '../sandbox/fixtures.ts'
import { ACTION_ENTRY, type RunOptions } from '../sandbox/runner.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import { BUNDLE_TEST_TIMEOUT_MS, bundleSuite, runBundle, type BundleRun } from './helpers/bundle.ts'
import { DECLARED_OUTPUTS } from './helpers/forged.ts'
import { parseCommands, parseOutputFileAsRunner } from './helpers/runner-commands.ts'
import { scanAfterEach } from './helpers/secrets.ts'
import { emptyGitHub, emptyLaunchDarkly } from './helpers/empty.ts'

jest.setTimeout(BUNDLE_TEST_TIMEOUT_MS)

const ENABLED = BOOLEAN_VARIATIONS[0]!._id
const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')
const PR = 2

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

/** The bundle against this test's sandboxes: their inputs and GITHUB_API_URL, then the options'. */
const run = (options: Partial<RunOptions> = {}): Promise<BundleRun> =>
  runBundle({
    ...options,
    inputs: { ...sandboxes.inputs(), ...options.inputs },
    env: { ...sandboxes.env(), ...options.env }
  })
const patches = () => sandboxes.launchDarkly.requests.filter((r) => r.method === 'PATCH')
const json = (text: string | undefined): unknown => JSON.parse(text ?? 'null')
const outputNames = (result: BundleRun) =>
  parseOutputFileAsRunner(result.outputFile)
    .map(([name]) => name)
    .sort()

describe('the runner protocol', () => {
  it('a labeled pull request: the inputs in, one semantic PATCH, the outputs, the summary and the comment out', async () => {
    const result = await run({
      eventName: 'pull_request',
      payload: pullRequestPayload('labeled', 'expire-user:sandy@2030-06-10')
    })
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(sandboxes.launchDarkly.expiring(PROJECT, 'checkout', ENVIRONMENT)).toMatchObject([
      { userKey: 'sandy', expirationDate: JUNE_10, variationId: ENABLED }
    ])
    const [patch] = patches()
    expect(patches()).toHaveLength(1)
    expect(patch?.path).toBe(
      `/api/v2/flags/${PROJECT}/checkout/expiring-user-targets/${ENVIRONMENT}`
    )
    expect(patch?.headers['content-type']).toBe(
      'application/json; domain-model=launchdarkly.semanticpatch'
    )
    expect(patch?.headers['ld-api-version']).toBe('20240415')
    // The version the bundle was built with.
    expect(patch?.headers['user-agent']).toMatch(
      /^launchdarkly-expiring-targets-action\/\d+\.\d+\.\d+$/
    )
    expect(patch?.headers.authorization).toBe(API_KEY)
    // The secrets are masked before anything else is printed.
    expect(parseCommands(result.stdout).slice(0, 2)).toEqual([
      expect.objectContaining({ name: 'add-mask', message: API_KEY }),
      expect.objectContaining({ name: 'add-mask', message: GITHUB_TOKEN })
    ])
    // Every output action.yml declares, written in the runner's file format.
    expect(outputNames(result)).toEqual([...DECLARED_OUTPUTS].sort())
    expect(result.outputs).toMatchObject({
      'total-instructions': '1',
      'successful-instructions': '1',
      'failed-instructions': '0',
      errors: '[]'
    })
    expect(json(result.outputs.instructions)).toEqual([
      {
        flagKey: 'checkout',
        environmentKey: ENVIRONMENT,
        request: 1,
        instructionIndex: 0,
        instruction: {
          kind: 'addExpireUserTargetDate',
          userKey: 'sandy',
          variationId: ENABLED,
          value: JUNE_10
        }
      }
    ])
    expect(result.summary).toMatch(
      /\| `sandy` \| `Enabled` \| 2030-06-10 00:00 UTC \| 🟢 scheduled \| label `expire-user:sandy@2030-06-10` \|/
    )
    const comments = sandboxes.github.commentsOn(REPOSITORY, PR)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.user.login).toBe('github-actions[bot]')
    expect(result.outputs['comment-url']).toBe(comments[0]?.html_url)
  })

  it('a failing run: exit code 1, the error annotation last, the outputs still written, the rejected token masked and never printed', async () => {
    const wrong = 'api-wrong-token-123456'
    const result = await run({ inputs: { targets: 'sandy@2030-06-10', 'api-key': wrong } })
    expect(result.code).toBe(1)
    expect(result.stderr).toBe('')
    const commands = parseCommands(result.stdout)
    expect(commands[0]).toMatchObject({ name: 'add-mask', message: wrong })
    expect(commands.at(-1)).toMatchObject({
      name: 'error',
      message: expect.stringMatching(/1 problem/)
    })
    expect(commands).toContainEqual(
      expect.objectContaining({
        name: 'error',
        message: expect.stringMatching(
          /401 unauthorized: Invalid access token\)\. Check that the api-key secret holds a current personal or service access token/
        )
      })
    )
    const printed = result.stdout.replace(/^::add-mask::.*$/m, '')
    expect(printed).not.toContain(wrong)
    expect(result.summary).not.toContain(wrong)
    expect(JSON.stringify(result.outputs)).not.toContain(wrong)
    expect(outputNames(result)).toEqual([...DECLARED_OUTPUTS].sort())
    expect((json(result.outputs.errors) as { message: string }[])[0]?.message).toMatch(
      /^LaunchDarkly refused to read flag "checkout" \(401 unauthorized/
    )
    expect(patches()).toHaveLength(0)
  })
})

describe('an unrelated label', () => {
  // The unlabeled event takes the same path: inproc-engine.test.ts runs both through src/index.ts.
  it.each(['labeled'] as const)(
    'exits 0 at once for an unrelated %s label, reading nothing',
    async (action) => {
      const result = await run({
        eventName: 'pull_request_target',
        payload: pullRequestPayload(action, 'bug'),
        // Inputs that would fail validation: the unrelated label must be decided before them.
        inputs: { 'project-key': '' }
      })
      expect(result.code).toBe(0)
      expect(result.stderr).toBe('')
      expect(sandboxes.launchDarkly.requests).toHaveLength(0)
      expect(sandboxes.github.requests).toHaveLength(0)
      // The fast exit writes no summary: the log line is its whole report.
      expect(result.stdout).toMatch(/Label "bug" does not start with "expire-user:": nothing to do/)
      expect(outputNames(result)).toEqual([...DECLARED_OUTPUTS].sort())
      expect(result.outputs['total-instructions']).toBe('0')
    }
  )

  it('is decided without loading the rest of the bundle', async () => {
    // Only the entry chunk is copied: loading Octokit, zod or main.ts would crash the run.
    const dir = mkdtempSync(join(tmpdir(), 'entry-only-'))
    copyFileSync(ACTION_ENTRY, join(dir, 'index.js'))
    copyFileSync(join(dirname(ACTION_ENTRY), 'package.json'), join(dir, 'package.json'))
    const chunks = readdirSync(dirname(ACTION_ENTRY)).filter((f) => /^\d+\.index\.js$/.test(f))
    expect(chunks.length).toBeGreaterThan(0)
    try {
      const onlyEntry = (payload: unknown) =>
        run({ eventName: 'pull_request', payload, entry: join(dir, 'index.js') })
      const unrelated = await onlyEntry(pullRequestPayload('labeled', 'bug'))
      expect(unrelated.code).toBe(0)
      expect(unrelated.stderr).toBe('')
      const related = await onlyEntry(pullRequestPayload('labeled', 'expire-user:sandy@2030-06-10'))
      expect(related.code).not.toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('an event file that cannot be read', () => {
  it('says which, inertly, and sends nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-event-'))
    writeFileSync(join(dir, 'event.json'), '{"action": "labeled", ##[error]PWNED')
    try {
      const result = await run({
        inputs: { targets: 'sandy@2030-06-10' },
        env: { GITHUB_EVENT_PATH: join(dir, 'event.json') }
      })
      expect(result.code).toBe(1)
      expect(sandboxes.launchDarkly.requests).toHaveLength(0)
      expect(result.stdout).toMatch(
        /^::error::Could not read the event payload at GITHUB_EVENT_PATH/m
      )
      expect(result.stdout).not.toContain('##[error]')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

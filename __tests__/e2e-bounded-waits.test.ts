/**
 * Every wait bounded, end to end on the bundle: a GitHub request that never answers, a rate
 * limit that asks for an hour (GitHub's and LaunchDarkly's), and a flag list that repeats its
 * page each end the run in one sentence, with the outputs and the job summary written and the
 * LaunchDarkly change reported as it happened. What is checked is what was sent, never how long
 * it took: a wait that was taken would time the test out.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  ENVIRONMENT,
  PROJECT,
  REPOSITORY,
  flagWithTargets,
  startSandboxes,
  type Sandboxes
} from '../sandbox/fixtures.ts'
import type { ActionRun, RunOptions } from '../sandbox/runner.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import { formatUtc } from '../src/core/when.js'
import { scanAfterEach } from './helpers/secrets.ts'

const TEST_TIMEOUT = 60_000
const HOUR = 3_600_000
const MINUTE = 60_000
const PR = 2
const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')
const EXPIRING_PATH = `/api/v2/flags/${PROJECT}/checkout/expiring-user-targets/${ENVIRONMENT}`
let sandboxes: Sandboxes

scanAfterEach(() => sandboxes)

beforeAll(async () => {
  sandboxes = await startSandboxes()
})
afterAll(() => sandboxes?.close())
beforeEach(() => sandboxes.reset())
afterEach(() => {
  expect(sandboxes.launchDarkly.violations).toEqual([])
})

/** A label event that schedules sandy's removal, with short bounds. */
const labeled = (options: Partial<RunOptions> = {}): Promise<ActionRun> =>
  sandboxes.run({
    eventName: 'pull_request',
    payload: pullRequestPayload('labeled', 'expire-user:sandy@2030-06-10'),
    ...options,
    inputs: { 'request-timeout': '1', 'max-attempts': '2', ...options.inputs }
  })

const gitHubRequests = (method: string, pathEnd: string) =>
  sandboxes.github.requests.filter((r) => r.method === method && r.path.endsWith(pathEnd))
const patches = () => sandboxes.launchDarkly.requests.filter((r) => r.method === 'PATCH')
const scheduled = () => sandboxes.launchDarkly.expiring(PROJECT, 'checkout', ENVIRONMENT)
const errorsOf = (run: ActionRun) => JSON.parse(run.outputs.errors ?? '[]') as { message: string }[]

/** The times a wait of `waitMs` asked for between `before` and now is written as. */
function retryTimes(before: number, waitMs: number): string {
  const at = (ms: number) => formatUtc(Math.ceil((ms + waitMs) / MINUTE) * MINUTE)
  return `(${[...new Set([at(before), at(Date.now())])].join('|')})`
}

/** sandy's removal was made once, and the run says so in its outputs and its summary. */
function expectScheduledAndReported(run: ActionRun): void {
  expect(patches()).toHaveLength(1)
  expect(scheduled().map((i) => [i.userKey, i.expirationDate])).toEqual([['sandy', JUNE_10]])
  expect(run.outputs).toMatchObject({
    'total-instructions': '1',
    'successful-instructions': '1',
    'failed-instructions': '0',
    errors: '[]',
    'comment-url': ''
  })
  expect(run.summary).toMatch(/\| `sandy` \| `Enabled` \| 2030-06-10 00:00 UTC \| 🟢 scheduled \|/)
}

describe('a GitHub request that never answers', () => {
  it(
    'a comment write: sent once, abandoned after request-timeout; outputs and summary written',
    async () => {
      sandboxes.github.faults.push({
        method: 'POST',
        path: '/comments',
        times: 100,
        status: 0,
        hang: true
      })
      const run = await labeled()
      expect(run.code).toBe(0)
      expectScheduledAndReported(run)
      expect(gitHubRequests('POST', '/comments')).toHaveLength(1)
      expect(run.stdout).toMatch(
        /^::warning::Could not write the PR comment \(no answer within 1 s \(request-timeout\); the write may have been made, so it was not sent again\)\. The report is in the job summary\.$/m
      )
    },
    TEST_TIMEOUT
  )

  it(
    'the comment lookup: tried max-attempts times, each for request-timeout; nothing written',
    async () => {
      sandboxes.github.faults.push({
        method: 'GET',
        path: '/comments',
        times: 100,
        status: 0,
        hang: true
      })
      const run = await labeled()
      expect(run.code).toBe(0)
      expectScheduledAndReported(run)
      expect(gitHubRequests('GET', '/comments')).toHaveLength(2)
      expect(sandboxes.github.countWrites()).toBe(0)
      expect(run.stdout).toMatch(
        /^::warning::Could not write the PR comment \(no answer within 1 s \(request-timeout\)\)\. The report is in the job summary\.$/m
      )
    },
    TEST_TIMEOUT
  )
})

describe('a wait of an hour, asked for', () => {
  it(
    'by GitHub (retry-after: 3600): not waited, the comment not sent again, one sentence with the time',
    async () => {
      sandboxes.github.faults.push({
        method: 'POST',
        path: '/comments',
        times: 100,
        status: 403,
        headers: { 'retry-after': '3600' },
        body: {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
        }
      })
      const before = Date.now()
      const run = await labeled()
      expect(run.code).toBe(0)
      expectScheduledAndReported(run)
      expect(gitHubRequests('POST', '/comments')).toHaveLength(1)
      expect(run.stdout).not.toMatch(/retrying in/)
      const warnings = run.stdout.split('\n').filter((line) => line.startsWith('::warning::'))
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toMatch(
        new RegExp(
          `^::warning::Could not write the PR comment: GitHub asked to wait until ${retryTimes(before, HOUR)} \\(secondary rate limit\\); run again after that; the report is in the job summary\\.$`
        )
      )
    },
    TEST_TIMEOUT
  )

  it(
    'by LaunchDarkly (Retry-After: 3600): not waited, the PATCH not sent again, the flag fails with the time',
    async () => {
      sandboxes.launchDarkly.faults.push({
        method: 'PATCH',
        times: 100,
        response: {
          kind: 'status',
          status: 429,
          headers: { 'Retry-After': '3600' },
          body: { code: 'rate_limited', message: "You've exceeded the API rate limit." }
        }
      })
      const before = Date.now()
      const run = await labeled({ inputs: { 'max-retry-wait': '60' } })
      expect(run.code).toBe(1)
      expect(patches().map((r) => [r.path, r.status])).toEqual([[EXPIRING_PATH, 429]])
      expect(scheduled()).toEqual([])
      expect(run.stdout).not.toMatch(/attempt \d+ of \d+/)
      const sentence = new RegExp(
        `^LaunchDarkly asked to wait until ${retryTimes(before, HOUR)} \\(rate limit\\) to update the expiring targets of flag "checkout", longer than max-retry-wait allows; run again after that\\.$`
      )
      expect(errorsOf(run).map((e) => e.message)).toEqual([expect.stringMatching(sentence)])
      expect(run.outputs).toMatchObject({
        'successful-instructions': '0',
        'failed-instructions': '1'
      })
      expect(run.summary).toContain('LaunchDarkly asked to wait until')
      // The comment still reports it.
      expect(sandboxes.github.commentsOn(REPOSITORY, PR)[0]?.body).toContain(
        'LaunchDarkly asked to wait until'
      )
    },
    TEST_TIMEOUT
  )
})

describe('a flag list that repeats its page', () => {
  it(
    'stops at the second page, naming the problem, and writes nothing',
    async () => {
      for (let i = 0; i < 150; i++)
        sandboxes.launchDarkly.addFlag(PROJECT, flagWithTargets(`flag-${i}`, ['sandy']))
      sandboxes.launchDarkly.faults.push({
        method: 'GET',
        path: `/api/v2/flags/${PROJECT}`,
        times: 100,
        response: { kind: 'first-page' }
      })
      const run = await sandboxes.run({
        eventName: 'schedule',
        payload: { schedule: '0 6 * * 1' },
        inputs: { mode: 'sweep', 'flag-key': '*', 'default-lifetime': '30d' }
      })
      expect(run.code).toBe(1)
      const lists = sandboxes.launchDarkly.requests.filter(
        (r) => r.path === `/api/v2/flags/${PROJECT}`
      )
      expect(lists.map((r) => r.query.offset)).toEqual(['0', '100'])
      expect(patches()).toHaveLength(0)
      expect(errorsOf(run).map((e) => e.message)).toEqual([
        `LaunchDarkly's list of the flags of project "${PROJECT}" answered offset 100 with only flags it had already listed, so it was read no further; check that nothing between the runner and ${sandboxes.launchDarkly.url} (a proxy or a cache) changes LaunchDarkly's answers.`
      ])
      expect(run.outputs.swept).toBe('0')
    },
    TEST_TIMEOUT
  )
})

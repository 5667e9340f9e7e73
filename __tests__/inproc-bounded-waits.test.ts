/**
 * Every wait bounded, in process: a GitHub request that never answers, a rate limit that asks for
 * an hour (GitHub's and LaunchDarkly's), and a flag list that repeats its page each end the run in
 * one sentence, with the outputs and the job summary written and the LaunchDarkly change reported
 * as it happened. What is checked is what was sent and which waits were started (on the test's
 * clock, helpers/clock.ts), never how long anything took.
 */
import { describe, expect, it, jest } from '@jest/globals'
import { ENVIRONMENT, PROJECT, REPOSITORY, flagWithTargets } from '../sandbox/fixtures.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import { formatUtc } from '../src/core/when.js'
import type { InProcessOptions } from './helpers/in-process.ts'
import { annotations, inProcessSuite, type InProcessRun } from './helpers/suite.ts'

// request-timeout is 1 s below: the clock's idle steps stay well under it. A request that never
// answers is given up after that second of real time (AbortSignal.timeout, Node's own timer).
const suite = inProcessSuite({ idleStepMs: 250 })
jest.setTimeout(30_000)

const HOUR = 3_600_000
const MINUTE = 60_000
const PR = 2
const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')
const EXPIRING_PATH = `/api/v2/flags/${PROJECT}/checkout/expiring-user-targets/${ENVIRONMENT}`

/** A label event that schedules sandy's removal, with short bounds. */
const labeled = (options: InProcessOptions = {}): Promise<InProcessRun> =>
  suite.run({
    eventName: 'pull_request',
    payload: pullRequestPayload('labeled', 'expire-user:sandy@2030-06-10'),
    ...options,
    inputs: { 'request-timeout': '1', 'max-attempts': '2', ...options.inputs }
  })
/** Waits of ten minutes or more that a run started: none, when a long wait is refused. */
async function longWaitsOf(run: Promise<InProcessRun>): Promise<[InProcessRun, number[]]> {
  const before = suite.clock.delays().length
  const result = await run
  return [
    result,
    suite.clock
      .delays()
      .slice(before)
      .filter((ms) => ms >= 10 * MINUTE)
  ]
}

const gitHubRequests = (method: string, pathEnd: string) =>
  suite.sandboxes.github.requests.filter((r) => r.method === method && r.path.endsWith(pathEnd))
const patches = () => suite.sandboxes.launchDarkly.requests.filter((r) => r.method === 'PATCH')
const scheduled = () => suite.sandboxes.launchDarkly.expiring(PROJECT, 'checkout', ENVIRONMENT)
const errorsOf = (run: InProcessRun) =>
  JSON.parse(run.outputs.errors ?? '[]') as { message: string }[]

/** The times a wait of `waitMs` asked for between `before` and now is written as. */
function retryTimes(before: number, waitMs: number): string {
  const at = (ms: number) => formatUtc(Math.ceil((ms + waitMs) / MINUTE) * MINUTE)
  return `(${[...new Set([at(before), at(Date.now())])].join('|')})`
}

/** sandy's removal was made once, and the run says so in its outputs and its summary. */
function expectScheduledAndReported(run: InProcessRun): void {
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
  it('a comment write: sent once, abandoned after request-timeout; outputs and summary written', async () => {
    suite.sandboxes.github.faults.push({
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
    expect(annotations(run, 'warning')).toEqual([
      expect.stringMatching(
        /^Could not write the PR comment \(no answer within 1 s \(request-timeout\); the write may have been made, so it was not sent again\)\. The report is in the job summary\.$/
      )
    ])
  })

  it('the comment lookup: tried max-attempts times, each for request-timeout; nothing written', async () => {
    suite.sandboxes.github.faults.push({
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
    expect(suite.sandboxes.github.countWrites()).toBe(0)
    expect(annotations(run, 'warning')).toEqual([
      expect.stringMatching(
        /^Could not write the PR comment \(no answer within 1 s \(request-timeout\)\)\. The report is in the job summary\.$/
      )
    ])
  })
})

describe('a wait of an hour, asked for', () => {
  it('by GitHub (retry-after: 3600): not waited, the comment not sent again, one sentence with the time', async () => {
    suite.sandboxes.github.faults.push({
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
    const [run, longWaits] = await longWaitsOf(labeled())
    expect(longWaits).toEqual([])
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
  })

  it('by LaunchDarkly (Retry-After: 3600): not waited, the PATCH not sent again, the flag fails with the time', async () => {
    suite.sandboxes.launchDarkly.faults.push({
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
    const [run, longWaits] = await longWaitsOf(labeled({ inputs: { 'max-retry-wait': '60' } }))
    expect(longWaits).toEqual([])
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
    expect(suite.sandboxes.github.commentsOn(REPOSITORY, PR)[0]?.body).toContain(
      'LaunchDarkly asked to wait until'
    )
  })
})

describe('a flag list that repeats its page', () => {
  it('stops at the second page, naming the problem, and writes nothing', async () => {
    for (let i = 0; i < 150; i++)
      suite.sandboxes.launchDarkly.addFlag(PROJECT, flagWithTargets(`flag-${i}`, ['sandy']))
    suite.sandboxes.launchDarkly.faults.push({
      method: 'GET',
      path: `/api/v2/flags/${PROJECT}`,
      times: 100,
      response: { kind: 'first-page' }
    })
    const run = await suite.run({
      eventName: 'schedule',
      payload: { schedule: '0 6 * * 1' },
      inputs: { mode: 'sweep', 'flag-key': '*', 'default-lifetime': '30d' }
    })
    expect(run.code).toBe(1)
    const lists = suite.sandboxes.launchDarkly.requests.filter(
      (r) => r.path === `/api/v2/flags/${PROJECT}`
    )
    expect(lists.map((r) => r.query.offset)).toEqual(['0', '100'])
    expect(patches()).toHaveLength(0)
    expect(errorsOf(run).map((e) => e.message)).toEqual([
      `LaunchDarkly's list of the flags of project "${PROJECT}" answered offset 100 with only flags it had already listed, so it was read no further; check that nothing between the runner and ${suite.sandboxes.launchDarkly.url} (a proxy or a cache) changes LaunchDarkly's answers.`
    ])
    expect(run.outputs.swept).toBe('0')
  })
})

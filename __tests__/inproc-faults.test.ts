/**
 * In process, under faults: rate limits, server errors, broken connections, slow and malformed
 * answers, refusals. Each run ends in success or one clear sentence, within a bounded number of
 * attempts, and no change is ever applied twice. The waits pass on the test's clock
 * (helpers/clock.ts): what a run waited for is read from the timers it set, never measured.
 */
import { describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type http from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { baseInputs, ENVIRONMENT, PROJECT, REPOSITORY } from '../sandbox/fixtures.ts'
import type { Fault, FaultResponse } from '../sandbox/launchdarkly.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import type { InProcessOptions, InProcessRun } from './helpers/in-process.ts'
import { leaksIn } from './helpers/secrets.ts'
import { annotations, inProcessSuite, serverOf } from './helpers/suite.ts'

// A request-timeout of 1 s below: the clock's idle steps stay well under it.
const suite = inProcessSuite({ idleStepMs: 250 })
// A slow answer waits for Node's own socket timeout (request-timeout, 1 s here), in real time.
jest.setTimeout(30_000)

const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')
const FLAG_PATH = `/api/v2/flags/${PROJECT}/checkout`
const EXPIRING_PATH = `${FLAG_PATH}/expiring-user-targets/${ENVIRONMENT}`

type ActionRun = InProcessRun
function run(options: InProcessOptions = {}): Promise<ActionRun> {
  const defaults = { 'request-timeout': '1', targets: 'sandy@2030-06-10\nbob@2030-06-10' }
  return suite.run({ ...options, inputs: { ...defaults, ...options.inputs } })
}
/** A run, and the delays of the timers it set (its waits, and request-timeout's limits). */
async function timed(options: InProcessOptions = {}): Promise<[ActionRun, number[]]> {
  const before = suite.clock.delays().length
  const result = await run(options)
  return [result, suite.clock.delays().slice(before)]
}
const inject = (fault: Omit<Fault, 'times'> & { times?: number }) =>
  suite.sandboxes.launchDarkly.faults.push({ times: 1, ...fault })
const requests = (method: string, path: string) =>
  suite.sandboxes.launchDarkly.requests.filter((r) => r.method === method && r.path === path)
const scheduled = () => suite.sandboxes.launchDarkly.expiring(PROJECT, 'checkout', ENVIRONMENT)
const errorsOf = (result: ActionRun) =>
  JSON.parse(result.outputs.errors ?? '[]') as { message: string }[]

/** The answers the LaunchDarkly sandbox was writing, in the order the requests arrived. */
function answers(): http.ServerResponse[] {
  const responses: http.ServerResponse[] = []
  serverOf(suite.sandboxes.launchDarkly).on('request', (_req, res: http.ServerResponse) =>
    responses.push(res)
  )
  return responses
}

/** The change landed once: each user scheduled once, at version 1, with no failed instruction. */
function expectAppliedOnce(result: ActionRun): void {
  expect(result.code).toBe(0)
  expect(
    scheduled()
      .map((i) => [i.userKey, i.expirationDate, i._version])
      .sort()
  ).toEqual([
    ['bob', JUNE_10, 1],
    ['sandy', JUNE_10, 1]
  ])
  expect(result.outputs).toMatchObject({
    'successful-instructions': '2',
    'failed-instructions': '0',
    errors: '[]'
  })
  for (const patch of requests('PATCH', EXPIRING_PATH).filter((r) => r.status === 200)) {
    const kinds = (patch.body as { instructions: { kind: string; userKey: string }[] }).instructions
    expect(kinds.length).toBeGreaterThan(0)
  }
}

describe('429 rate limits', () => {
  const limited = (headers: Record<string, string>): FaultResponse => ({
    kind: 'status',
    status: 429,
    headers,
    body: { code: 'rate_limited', message: "You've exceeded the API rate limit. Try again later." }
  })

  it('waits Retry-After seconds, then succeeds', async () => {
    inject({ method: 'GET', path: FLAG_PATH, response: limited({ 'Retry-After': '1' }) })
    // request-timeout at its default: its 30 s limits are not mistaken for the wait.
    const [result, delays] = await timed({ inputs: { 'request-timeout': '30' } })
    expectAppliedOnce(result)
    expect(requests('GET', FLAG_PATH).map((r) => r.status)).toEqual([429, 200])
    // One wait before attempt 2: Retry-After's second, plus at most a quarter of it as jitter.
    const waits = delays.filter((ms) => ms > 1 && ms !== 30_000)
    expect(waits).toHaveLength(1)
    expect(waits[0]).toBeGreaterThanOrEqual(1000)
    expect(waits[0]).toBeLessThan(1350)
  })

  it('waits until X-Ratelimit-Reset (epoch ms), and replays a rate-limited PATCH, which applied nothing', async () => {
    inject({
      method: 'PATCH',
      response: limited({
        'X-Ratelimit-Reset': String(Date.now() + 300),
        'X-Ratelimit-Route-Remaining': '0'
      })
    })
    const result = await run()
    expectAppliedOnce(result)
    expect(requests('PATCH', EXPIRING_PATH).map((r) => r.status)).toEqual([429, 200])
  })

  it('clamps a reset in the past and backs off when no header says how long', async () => {
    inject({ method: 'GET', path: FLAG_PATH, response: limited({ 'X-Ratelimit-Reset': '1000' }) })
    inject({ method: 'GET', path: EXPIRING_PATH, response: limited({}) })
    expectAppliedOnce(await run())
  })

  it('gives up after max-attempts with one sentence', async () => {
    inject({
      method: 'GET',
      path: FLAG_PATH,
      times: 100,
      response: limited({ 'Retry-After': '0' })
    })
    const result = await run({ inputs: { 'max-attempts': '3' } })
    expect(result.code).toBe(1)
    expect(requests('GET', FLAG_PATH)).toHaveLength(3)
    expect(requests('PATCH', EXPIRING_PATH)).toHaveLength(0)
    const [error] = JSON.parse(result.outputs.errors ?? '[]') as { message: string }[]
    expect(error?.message).toMatch(
      /^LaunchDarkly kept rate-limiting requests \(429\) to read flag "checkout" after 3 attempts and \d+\.\d s of waiting\. The limit is shared by every token on the account: run again later, or spread the flags over several runs\.$/
    )
  })

  it('gives up when the next wait would pass max-retry-wait', async () => {
    inject({
      method: 'GET',
      path: FLAG_PATH,
      times: 100,
      response: limited({ 'Retry-After': '30' })
    })
    const [result, delays] = await timed({ inputs: { 'max-retry-wait': '5' } })
    expect(result.code).toBe(1)
    // It gave up at once: no wait of 5 s or more was started.
    expect(delays.filter((ms) => ms >= 5000)).toEqual([])
    expect(requests('GET', FLAG_PATH)).toHaveLength(1)
    expect(errorsOf(result)[0]?.message).toMatch(
      /^LaunchDarkly asked to wait until .* \(rate limit\) to read flag "checkout", longer than max-retry-wait allows/
    )
  })

  it('slows down before the limit when X-Ratelimit-*-Remaining reaches 0, so no 429 happens', async () => {
    const limited = await suite.extraLaunchDarkly({ rateLimit: { limit: 5, windowMs: 700 } })
    const result = await run({
      inputs: {
        ...baseInputs(limited),
        targets: 'sandy@2030-06-10',
        'flag-key': 'checkout,new-search'
      }
    })
    expect(result.code).toBe(0)
    expect(limited.countRequests()).toBe(6)
    expect(limited.rateLimited).toBe(0)
  })
})

describe('server errors, broken connections, slow and malformed answers on reads', () => {
  it.each([500, 502, 503])('retries a %i and succeeds', async (status) => {
    inject({
      method: 'GET',
      path: EXPIRING_PATH,
      response: { kind: 'status', status, body: { message: 'oops' } }
    })
    const result = await run()
    expectAppliedOnce(result)
    expect(requests('GET', EXPIRING_PATH).map((r) => r.status)).toEqual([status, 200])
  })

  it('retries a reset connection', async () => {
    inject({ method: 'GET', path: FLAG_PATH, response: { kind: 'reset' } })
    expectAppliedOnce(await run())
    expect(requests('GET', FLAG_PATH)).toHaveLength(2)
  })

  it('gives up on an answer slower than request-timeout, and retries', async () => {
    inject({ method: 'GET', path: FLAG_PATH, response: { kind: 'delay', ms: 5000 } })
    const sent = answers()
    expectAppliedOnce(await run())
    expect(requests('GET', FLAG_PATH)).toHaveLength(2)
    // request-timeout is 1 s: the run did not wait for the slow answer, which never went out.
    const slow = sent.find((res) => res.req.url?.startsWith(FLAG_PATH))
    expect(slow?.headersSent).toBe(false)
    expect(slow?.destroyed).toBe(true)
  })

  it('retries invalid JSON in a 200', async () => {
    inject({
      method: 'GET',
      path: EXPIRING_PATH,
      response: { kind: 'raw', status: 200, body: '{"items": [' }
    })
    expectAppliedOnce(await run())
  })

  it('retries a 200 whose body does not match the spec, then says so in one sentence', async () => {
    inject({
      method: 'GET',
      path: EXPIRING_PATH,
      times: 100,
      response: { kind: 'raw', status: 200, body: '{"items": "none"}' }
    })
    const result = await run({ inputs: { 'max-attempts': '2' } })
    expect(result.code).toBe(1)
    expect(requests('GET', EXPIRING_PATH)).toHaveLength(2)
    const [error] = JSON.parse(result.outputs.errors ?? '[]') as { message: string }[]
    expect(error?.message).toMatch(
      /^LaunchDarkly's answer to read the expiring targets of flag "checkout" did not match its published API \(items: .*\) after 2 attempts/
    )
  })

  it('says the host is unreachable after its attempts', async () => {
    const result = await run({
      inputs: { 'base-uri': 'http://127.0.0.1:65500', 'max-attempts': '2' }
    })
    expect(result.code).toBe(1)
    expect(errorsOf(result)[0]?.message).toMatch(
      /^Could not reach LaunchDarkly at http:\/\/127\.0\.0\.1:65500 to read .*\(ECONNREFUSED\) after 2 attempts/
    )
  })
})

describe('refusals are not retried', () => {
  it.each([
    [
      401,
      'unauthorized',
      /Check that the api-key secret holds a current personal or service access token/
    ],
    [403, 'forbidden', /Check that the token's role can view project "default"/],
    [
      404,
      'not_found',
      /Check project-key "default", flag-key "checkout" and environment-key "production"/
    ]
  ])('turns a %i into one sentence after one attempt', async (status, code, hint) => {
    inject({
      method: 'GET',
      path: FLAG_PATH,
      times: 100,
      response: { kind: 'status', status, body: { code, message: 'refused' } }
    })
    const result = await run()
    expect(result.code).toBe(1)
    expect(requests('GET', FLAG_PATH)).toHaveLength(1)
    const errors = JSON.parse(result.outputs.errors ?? '[]') as { message: string }[]
    expect(errors).toHaveLength(2)
    expect(errors[0]?.message).toMatch(
      new RegExp(
        `^LaunchDarkly refused to read flag "checkout" \\(${status} ${code}: refused\\)\\. `
      )
    )
    expect(errors[0]?.message).toMatch(hint)
  })

  it('follows a redirect, as @actions/http-client does', async () => {
    const location = `${suite.sandboxes.launchDarkly.url}${FLAG_PATH}?env=${ENVIRONMENT}`
    inject({
      method: 'GET',
      path: FLAG_PATH,
      response: { kind: 'status', status: 307, headers: { Location: location } }
    })
    const result = await run()
    expect(result.code).toBe(0)
    expect(requests('GET', FLAG_PATH).map((r) => r.status)).toEqual([307, 200])
    expectAppliedOnce(result)
  })

  it('retries a read whose connection drops after the headers', async () => {
    inject({ method: 'GET', path: FLAG_PATH, response: { kind: 'headers-then-reset' } })
    const result = await run()
    expect(requests('GET', FLAG_PATH)).toHaveLength(2)
    expectAppliedOnce(result)
  })

  it('checks, not replays, a PATCH whose answer drops after the headers', async () => {
    inject({ method: 'PATCH', response: { kind: 'headers-then-reset' } })
    const result = await run()
    expectAppliedOnce(result)
    expect(requests('PATCH', EXPIRING_PATH)).toHaveLength(1)
    expect(requests('GET', EXPIRING_PATH)).toHaveLength(2)
  })

  it('says which event file it could not read, and sends nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bad-event-'))
    writeFileSync(join(dir, 'event.json'), '{"action": "labeled", ##[error]PWNED')
    const result = await run({ env: { GITHUB_EVENT_PATH: join(dir, 'event.json') } })
    rmSync(dir, { recursive: true, force: true })
    expect(result.code).toBe(1)
    expect(suite.sandboxes.launchDarkly.requests).toHaveLength(0)
    expect(annotations(result, 'error')).toEqual([
      expect.stringMatching(/^Could not read the event payload at GITHUB_EVENT_PATH/)
    ])
    // The file's text is quoted in the message: inert.
    expect(result.stdout).not.toContain('##[error]')
  })

  it('ends a sibling read still under way quietly, without a retry', async () => {
    inject({
      method: 'GET',
      path: FLAG_PATH,
      response: { kind: 'status', status: 401, body: { code: 'unauthorized', message: 'no' } }
    })
    inject({ method: 'GET', path: EXPIRING_PATH, response: { kind: 'delay', ms: 500 } })
    const result = await run()
    expect(result.code).toBe(1)
    // No retry, and no error of its own: only the 401, for each entry.
    expect(requests('GET', EXPIRING_PATH)).toHaveLength(1)
    expect(requests('GET', FLAG_PATH)).toHaveLength(1)
    expect(errorsOf(result).map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^LaunchDarkly refused to read flag "checkout" \(401 unauthorized: no\)/
      ),
      expect.stringMatching(
        /^LaunchDarkly refused to read flag "checkout" \(401 unauthorized: no\)/
      )
    ])
    expect(annotations(result, 'warning')).toEqual([])
  })
})

describe('exactly-once writes', () => {
  it.each<[string, FaultResponse]>([
    ['applied, then a 500', { kind: 'apply-then-status', status: 500 }],
    ['applied, then a 502', { kind: 'apply-then-status', status: 502 }],
    ['applied, then the connection reset', { kind: 'apply-then-reset' }],
    ['applied, then an answer slower than the timeout', { kind: 'delay', ms: 2500 }]
  ])('a PATCH %s is checked, not replayed', async (_name, response) => {
    inject({ method: 'PATCH', response })
    const result = await run()
    expectAppliedOnce(result)
    expect(requests('PATCH', EXPIRING_PATH)).toHaveLength(1)
    expect(requests('GET', EXPIRING_PATH)).toHaveLength(2)
    expect(annotations(result, 'warning')).toEqual([
      expect.stringMatching(
        /^LaunchDarkly's answer to the update of flag "checkout" was lost .*reading its expiring targets again/
      )
    ])
  })

  it('a PATCH that failed without applying is sent again, once', async () => {
    inject({
      method: 'PATCH',
      response: { kind: 'status', status: 503, body: { message: 'unavailable' } }
    })
    const result = await run()
    expectAppliedOnce(result)
    expect(requests('PATCH', EXPIRING_PATH).map((r) => r.status)).toEqual([503, 200])
  })

  it('sends only what is still needed when a lost PATCH was half done elsewhere', async () => {
    // The lost answer hides that sandy was applied; bob was moved meanwhile by someone else.
    inject({ method: 'PATCH', response: { kind: 'apply-then-status', status: 500 } })
    const result = await run({
      inputs: { targets: 'sandy@2030-06-10\nbob@2030-06-10\ncarol@2031-01-01' }
    })
    expect(result.code).toBe(0)
    expect(requests('PATCH', EXPIRING_PATH)).toHaveLength(1)
    expect(result.outputs['successful-instructions']).toBe('3')
  })

  it('gives up with one sentence after max-attempts lost answers, without double-applying', async () => {
    inject({
      method: 'PATCH',
      times: 100,
      response: { kind: 'status', status: 500, body: { message: 'down' } }
    })
    const result = await run({ inputs: { 'max-attempts': '2' } })
    expect(result.code).toBe(1)
    expect(requests('PATCH', EXPIRING_PATH)).toHaveLength(2)
    expect(scheduled()).toEqual([])
    const errors = JSON.parse(result.outputs.errors ?? '[]') as { message: string }[]
    expect(errors[0]?.message).toMatch(
      /^LaunchDarkly did not confirm the update of flag "checkout" after 2 attempts \(HTTP 500\); run again to check$/
    )
  })
})

describe('GitHub faults', () => {
  // The retry plugin waits 1, 4 and 9 s by default; in-process.ts shortens its base to 10 ms.
  const labeled = () =>
    run({
      eventName: 'pull_request',
      payload: pullRequestPayload('labeled', 'expire-user:sandy@2030-06-10')
    })

  it('retries a failed comment write (Octokit retry plugin)', async () => {
    suite.sandboxes.github.faults.push({ method: 'POST', path: '/comments', times: 1, status: 500 })
    const result = await labeled()
    expect(result.code).toBe(0)
    expect(suite.sandboxes.github.commentsOn(REPOSITORY, 2)).toHaveLength(1)
  })

  it('waits out a secondary rate limit (Octokit throttling plugin)', async () => {
    suite.sandboxes.github.faults.push({
      method: 'POST',
      path: '/comments',
      times: 1,
      status: 403,
      headers: { 'retry-after': '1' },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
      }
    })
    const result = await labeled()
    expect(result.code).toBe(0)
    expect(suite.sandboxes.github.commentsOn(REPOSITORY, 2)).toHaveLength(1)
  })

  it('never fails the LaunchDarkly work because the comment could not be written', async () => {
    suite.sandboxes.github.faults.push({ path: '/comments', times: 100, status: 502 })
    const result = await labeled()
    expect(result.code).toBe(0)
    // Looking for the comment fails: max-attempts (5) tries, as for LaunchDarkly.
    const tries = suite.sandboxes.github.requests.filter((r) => r.path.endsWith('/comments'))
    expect(tries.map((r) => `${r.method} ${r.status}`)).toEqual(Array(5).fill('GET 502'))
    expect(scheduled().map((i) => i.userKey)).toEqual(['sandy'])
    expect(annotations(result, 'warning')).toEqual([
      expect.stringMatching(/^Could not write the PR comment \(502/)
    ])
  })
})

describe('GitHub answers that do not match its API', () => {
  it('turn into a warning naming the field, not a crash', async () => {
    suite.sandboxes.github.faults.push({
      method: 'GET',
      path: '/comments',
      times: 1,
      status: 200,
      body: { comments: [] }
    })
    const result = await run({
      eventName: 'pull_request',
      payload: pullRequestPayload('labeled', 'expire-user:sandy@2030-06-10')
    })
    expect(result.code).toBe(0)
    expect(annotations(result, 'warning')).toEqual([
      expect.stringMatching(
        /^Could not write the PR comment \(an answer that does not match GitHub's API \(body: /
      )
    ])
    expect(result.stderr).toBe('')
  })
})

describe('the secret scan', () => {
  it('finds a token wherever a run could leave it', () => {
    const runs = [
      {
        code: 0,
        stdout: 'x',
        stderr: '',
        outputs: {},
        summary: `token ${suite.sandboxes.inputs()['api-key']}`
      }
    ]
    expect(leaksIn(runs.map((r) => r.summary))).toHaveLength(1)
  })
})

/**
 * Every wait bounded, in process: the GitHub client (Octokit with its plugins) and the
 * LaunchDarkly client against the sandboxes, with request-timeouts of a fraction of a second and
 * clocks and sleeps of their own, so that nothing waits real seconds. What is checked is what was
 * sent (how many requests, no early retry) and the sentence each failure ends in; never how long
 * anything took.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  API_KEY,
  ENVIRONMENT,
  GITHUB_TOKEN,
  PROJECT,
  REPOSITORY,
  flagWithTargets,
  registerRunnerToken,
  seedFlags
} from '../sandbox/fixtures.ts'
import { startGitHubSandbox, type GitHubFault, type GitHubSandbox } from '../sandbox/github.ts'
import {
  startLaunchDarklySandbox,
  type Fault,
  type LaunchDarklySandbox
} from '../sandbox/launchdarkly.ts'
import { formatUtc } from '../src/core/when.js'
import {
  createOctokit,
  describeGitHubError,
  listLabels,
  type GitHubOptions
} from '../src/github/octokit.js'
import { GitHubSession } from '../src/github/session.js'
import { LaunchDarklyClient, LaunchDarklyError } from '../src/launchdarkly/client.js'
import { flagRef } from '../src/launchdarkly/container.js'
import { DEFAULT_POLICY, type RetryPolicy } from '../src/launchdarkly/retry.js'

const [OWNER, REPO] = REPOSITORY.split('/') as [string, string]
const WHERE = { owner: OWNER, repo: REPO }
const PR = 2
const HOUR = 3_600_000
const MINUTE = 60_000

let github: GitHubSandbox
let launchDarkly: LaunchDarklySandbox
let warnings: string[]

beforeAll(async () => {
  github = await startGitHubSandbox()
  registerRunnerToken(github)
  launchDarkly = await startLaunchDarklySandbox({ apiKey: API_KEY })
})
afterAll(async () => {
  await Promise.all([github?.close(), launchDarkly?.close()])
})
beforeEach(() => {
  github.reset()
  github.setLabels(REPOSITORY, PR, ['bug'])
  launchDarkly.requests.length = 0
  launchDarkly.faults.length = 0
  seedFlags(launchDarkly)
  warnings = []
})
afterEach(() => {
  expect(launchDarkly.violations).toEqual([])
})

/** How the run's time to come back is written: the end of the wait, up to the minute, in UTC. */
const retryTime = (untilMs: number): string => formatUtc(Math.ceil(untilMs / MINUTE) * MINUTE)

/** The times a wait of `waitMs` asked for between `before` and now can be written as. */
function retryTimes(before: number, waitMs: number): string[] {
  return [...new Set([retryTime(before + waitMs), retryTime(Date.now() + waitMs)])]
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const oneOf = (texts: string[]): string => `(${texts.map(escape).join('|')})`

const gitHubRequests = (method: string, pathEnd: string) =>
  github.requests.filter((r) => r.method === method && r.path.endsWith(pathEnd))

const LIMITS = { requestTimeoutMs: 200, maxAttempts: 3, maxRetryWaitMs: 60_000 }

function octokit(options: Partial<GitHubOptions> = {}) {
  return createOctokit({
    token: GITHUB_TOKEN,
    baseUrl: github.url,
    warn: (message) => warnings.push(message),
    ...LIMITS,
    retryBaseMs: 1,
    rateLimitSecondMs: 1,
    ...options
  })
}

function session(limits = LIMITS): GitHubSession {
  return new GitHubSession({
    token: GITHUB_TOKEN,
    apiUrl: github.url,
    repository: WHERE,
    warn: (message) => warnings.push(message),
    limits,
    retryBaseMs: 1
  })
}

/** Looks for the PR's comment, then writes it, as a run does. */
function writeComment(github: GitHubSession) {
  const pending = github.findComment({ pullRequest: PR, key: 'test' })
  return github.writeComment(pending, { render: () => 'the report', footer: '' })
}

const fault = (f: Omit<GitHubFault, 'times' | 'status'> & Partial<GitHubFault>) =>
  github.faults.push({ times: 100, status: 200, ...f })

const secondaryLimit = (retryAfter: string): Partial<GitHubFault> => ({
  status: 403,
  headers: { 'retry-after': retryAfter },
  body: {
    message:
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    documentation_url: 'https://docs.github.com/rest'
  }
})

const primaryLimit = (status: number, resetS: number): Partial<GitHubFault> => ({
  status,
  headers: {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '0',
    'x-ratelimit-reset': String(resetS)
  },
  body: { message: 'API rate limit exceeded for installation ID 1.' }
})

describe('GitHub requests time out after request-timeout', () => {
  it('tries a read that never answers max-attempts times, each attempt with its own timeout', async () => {
    fault({ method: 'GET', path: '/labels', hang: true })
    const error = await listLabels(octokit(), WHERE, PR).catch((e: unknown) => e)
    expect(describeGitHubError(error)).toBe('no answer within 0.2 s (request-timeout)')
    // A timeout shared by the attempts would have cut the later ones off before they were sent.
    expect(gitHubRequests('GET', '/labels')).toHaveLength(3)
  })

  it('reads what a later attempt brings', async () => {
    fault({ method: 'GET', path: '/labels', hang: true, times: 2 })
    expect(await listLabels(octokit(), WHERE, PR)).toEqual(['bug'])
    expect(gitHubRequests('GET', '/labels')).toHaveLength(3)
  })

  it('sends a write that never answers once: it may have been made', async () => {
    fault({ method: 'POST', path: '/comments', hang: true })
    expect(await writeComment(session())).toBeUndefined()
    expect(gitHubRequests('POST', '/comments')).toHaveLength(1)
    expect(warnings).toEqual([
      'Could not write the PR comment (no answer within 0.2 s (request-timeout); the write may have been made, so it was not sent again). The report is in the job summary.'
    ])
  })

  it('keeps to max-attempts and max-retry-wait for the retry plugin too', async () => {
    fault({ method: 'GET', path: '/labels', status: 502 })
    await expect(listLabels(octokit({ maxAttempts: 2 }), WHERE, PR)).rejects.toThrow()
    expect(gitHubRequests('GET', '/labels')).toHaveLength(2)
    github.requests.length = 0
    // The plugin's first wait (1 ms here) does not fit in a max-retry-wait of 0.
    await expect(listLabels(octokit({ maxRetryWaitMs: 0 }), WHERE, PR)).rejects.toThrow()
    expect(gitHubRequests('GET', '/labels')).toHaveLength(1)
  })
})

describe('waits GitHub asks for', () => {
  // On the comment lookup, a read: the throttling plugin spaces a process's comment writes by
  // seconds (the bundle's tests check a write).
  it('does not wait out a secondary rate limit of an hour, nor ask early: one sentence says when', async () => {
    fault({ method: 'GET', path: '/comments', ...secondaryLimit('3600') })
    const before = Date.now()
    expect(await writeComment(session())).toBeUndefined()
    expect(gitHubRequests('GET', '/comments')).toHaveLength(1)
    expect(github.countWrites()).toBe(0)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      new RegExp(
        `^Could not write the PR comment: GitHub asked to wait until ${oneOf(retryTimes(before, HOUR))} \\(secondary rate limit\\); run again after that; the report is in the job summary\\.$`
      )
    )
  })

  it.each([403, 429])(
    'does not wait out a primary rate limit (%i) spent until an hour from now',
    async (status) => {
      const resetS = Math.floor((Date.now() + HOUR) / 1000)
      fault({ method: 'GET', path: '/comments', ...primaryLimit(status, resetS) })
      await writeComment(session())
      // Neither the throttling plugin nor the retry plugin sent it again.
      expect(gitHubRequests('GET', '/comments')).toHaveLength(1)
      expect(github.countWrites()).toBe(0)
      expect(warnings).toEqual([
        `Could not write the PR comment: GitHub asked to wait until ${retryTime((resetS + 1) * 1000)} (rate limit); run again after that; the report is in the job summary.`
      ])
    }
  )

  it('waits out a limit that fits in max-retry-wait, up to max-attempts', async () => {
    fault({ method: 'GET', path: '/labels', ...secondaryLimit('2') })
    const error = await listLabels(octokit(), WHERE, PR).catch((e: unknown) => e)
    expect(gitHubRequests('GET', '/labels')).toHaveLength(3)
    expect(warnings).toHaveLength(2)
    for (const warning of warnings)
      expect(warning).toMatch(
        new RegExp(
          `^GitHub secondary rate limit on GET \\S+/repos/${REPOSITORY}/issues/${PR}/labels\\S*; retrying in 2 s$`
        )
      )
    expect((error as { status?: number }).status).toBe(403)
    github.faults.length = 0
    fault({ method: 'GET', path: '/labels', ...secondaryLimit('2'), times: 1 })
    expect(await listLabels(octokit(), WHERE, PR)).toEqual(['bug'])
  })

  it('counts every wait of a request against max-retry-wait', async () => {
    fault({ method: 'GET', path: '/labels', ...secondaryLimit('3') })
    await expect(
      listLabels(octokit({ maxAttempts: 5, maxRetryWaitMs: 5000 }), WHERE, PR)
    ).rejects.toThrow()
    // 3 s fits in 5; 3 more would not.
    expect(gitHubRequests('GET', '/labels')).toHaveLength(2)
  })

  it('names the permission only when GitHub says that is why', async () => {
    fault({ method: 'GET', path: '/comments', ...secondaryLimit('3600'), times: 1 })
    fault({
      method: 'GET',
      path: '/comments',
      status: 403,
      body: { message: 'Resource not accessible by integration' }
    })
    await writeComment(session())
    await writeComment(session())
    expect(warnings[0]).not.toMatch(/pull-requests: write/)
    expect(warnings[1]).toMatch(
      /^Could not write the PR comment \(403 Resource not accessible by integration.*\)\. The token cannot write here: give the job pull-requests: write/
    )
  })
})

describe("GitHub's paginated reads", () => {
  const labelPage = { body: [{ id: 1, name: 'bug', color: 'ededed', default: false }] }
  const labelsUrl = (query: string) =>
    `${github.url}/repos/${REPOSITORY}/issues/${PR}/labels?${query}`

  it('stop when a page links back to itself', async () => {
    fault({
      method: 'GET',
      path: '/labels',
      ...labelPage,
      headers: { Link: `<${labelsUrl('per_page=100')}>; rel="next"` }
    })
    const error = await listLabels(octokit(), WHERE, PR).catch((e: unknown) => e)
    expect(describeGitHubError(error)).toBe(
      `GitHub's list at /repos/${REPOSITORY}/issues/${PR}/labels linked back to a page it had already given, so it was read no further`
    )
    expect(gitHubRequests('GET', '/labels')).toHaveLength(2)
  })

  it('stop when the next page brings only items already read, through the iterator too', async () => {
    fault({
      method: 'GET',
      path: '/labels',
      ...labelPage,
      headers: { Link: `<${labelsUrl('per_page=100&page=2')}>; rel="next"` }
    })
    const client = octokit()
    const read = async () => {
      const pages = client.paginate.iterator(client.rest.issues.listLabelsOnIssue, {
        ...WHERE,
        issue_number: PR,
        per_page: 100
      })
      for await (const page of pages) expect(page.data).toHaveLength(1)
    }
    await expect(read()).rejects.toThrow(
      /answered a page with only items it had already given, so it was read no further$/
    )
    expect(gitHubRequests('GET', '/labels')).toHaveLength(2)
  })

  it('read every page of a list that ends', async () => {
    const names = Array.from({ length: 250 }, (_, i) => `label-${i}`)
    github.setLabels(REPOSITORY, PR, names)
    expect(await listLabels(octokit(), WHERE, PR)).toEqual(names)
    expect(gitHubRequests('GET', '/labels')).toHaveLength(3)
  })
})

describe('LaunchDarkly', () => {
  const NOW = Date.parse('2026-12-06T10:00:00Z')
  const CHECKOUT = flagRef(PROJECT, 'checkout', ENVIRONMENT)
  const EXPIRING = `/api/v2/flags/${PROJECT}/checkout/expiring-user-targets/${ENVIRONMENT}`
  let sleeps: number[]

  function client(policy: Partial<RetryPolicy> = {}): LaunchDarklyClient {
    sleeps = []
    return new LaunchDarklyClient({
      baseUri: launchDarkly.url,
      apiKey: API_KEY,
      userAgent: 'test',
      policy: { ...DEFAULT_POLICY, maxTotalWaitMs: 60_000, timeoutMs: 2000, ...policy },
      now: () => NOW,
      random: () => 0,
      sleep: (ms) => {
        sleeps.push(ms)
        return Promise.resolve()
      }
    })
  }
  const inject = (f: Omit<Fault, 'times'> & { times?: number }) =>
    launchDarkly.faults.push({ times: 100, ...f })
  const limited = (headers: Record<string, string>): Fault['response'] => ({
    kind: 'status',
    status: 429,
    headers,
    body: { code: 'rate_limited', message: "You've exceeded the API rate limit. Try again later." }
  })
  const count = (method: string, path?: string) =>
    launchDarkly.requests.filter((r) => r.method === method && (!path || r.path === path)).length

  it('does not wait out a Retry-After of an hour, nor retry early: the write fails with the time', async () => {
    inject({ method: 'PATCH', response: limited({ 'Retry-After': '3600' }) })
    const ld = client()
    try {
      const error = await ld
        .patchExpiringTargets(CHECKOUT, 'users', { instructions: [] })
        .catch((e: unknown) => e)
      expect(error).toBeInstanceOf(LaunchDarklyError)
      expect((error as Error).message).toBe(
        'LaunchDarkly asked to wait until 2026-12-06 11:00 UTC (rate limit) to update the expiring targets of flag "checkout", longer than max-retry-wait allows; run again after that.'
      )
    } finally {
      ld.close()
    }
    expect(count('PATCH', EXPIRING)).toBe(1)
    expect(sleeps).toEqual([])
  })

  it('does not wait for an X-Ratelimit-Reset an hour away either, and rounds the time up', async () => {
    inject({ method: 'GET', response: limited({ 'X-Ratelimit-Reset': String(NOW + HOUR + 1) }) })
    const ld = client()
    try {
      await expect(ld.getFlag(CHECKOUT)).rejects.toThrow(
        'LaunchDarkly asked to wait until 2026-12-06 11:01 UTC (rate limit) to read flag "checkout", longer than max-retry-wait allows; run again after that.'
      )
    } finally {
      ld.close()
    }
    expect(count('GET')).toBe(1)
  })

  it('waits out in full a Retry-After that fits in max-retry-wait', async () => {
    inject({ method: 'GET', times: 1, response: limited({ 'Retry-After': '45' }) })
    const ld = client()
    try {
      expect((await ld.getFlag(CHECKOUT)).key).toBe('checkout')
    } finally {
      ld.close()
    }
    expect(sleeps).toEqual([45_000])
    expect(count('GET')).toBe(2)
  })

  describe('the flag list', () => {
    const LIST = `/api/v2/flags/${PROJECT}`
    function seedMany(n: number): void {
      for (let i = 0; i < n; i++)
        launchDarkly.addFlag(PROJECT, flagWithTargets(`flag-${String(i).padStart(3, '0')}`, []))
    }
    /** The list's page at `offset` as the sandbox answers it, to be served in another's place. */
    async function pageAt(offset: number): Promise<Fault['response']> {
      const query = `env=${ENVIRONMENT}&summary=0&limit=100&offset=${offset}`
      const answer = await fetch(`${launchDarkly.url}${LIST}?${query}`, {
        headers: { Authorization: API_KEY }
      })
      return { kind: 'status', status: 200, body: await answer.json() }
    }
    async function list(): Promise<unknown> {
      const ld = client()
      try {
        return await ld.listFlags(PROJECT, ENVIRONMENT)
      } catch (error) {
        return error
      } finally {
        ld.close()
      }
    }

    it('stops with one sentence when a page brings no flag not already listed', async () => {
      seedMany(150)
      inject({ method: 'GET', path: LIST, response: { kind: 'first-page' } })
      const error = await list()
      expect(error).toBeInstanceOf(LaunchDarklyError)
      expect((error as Error).message).toBe(
        `LaunchDarkly's list of the flags of project "default" answered offset 100 with only flags it had already listed, so it was read no further; check that nothing between the runner and ${launchDarkly.url} (a proxy or a cache) changes LaunchDarkly's answers.`
      )
      expect(count('GET', LIST)).toBe(2)
    })

    it('stops with one sentence after more full pages than totalCount allows', async () => {
      seedMany(200)
      // totalCount is 202 with checkout and new-search: three pages, the third short. Here the
      // second and third overlap what came before, so 202 flags are never reached.
      launchDarkly.faults.push(
        { times: 1, path: LIST, response: await pageAt(0) },
        { times: 1, path: LIST, response: await pageAt(50) },
        { times: 1, path: LIST, response: await pageAt(60) }
      )
      launchDarkly.requests.length = 0
      const error = await list()
      expect((error as Error).message).toBe(
        `LaunchDarkly's list of the flags of project "default" had 160 flags after 3 full pages and no end, though its totalCount says 202, so it was read no further; check that nothing between the runner and ${launchDarkly.url} (a proxy or a cache) changes LaunchDarkly's answers.`
      )
      expect(count('GET', LIST)).toBe(3)
    })

    it('keeps a flag listed twice once, when the list shifts while it is read', async () => {
      seedMany(200)
      const [first, shifted] = [await pageAt(0), await pageAt(90)]
      launchDarkly.faults.push(
        { times: 1, path: LIST, response: first },
        { times: 1, path: LIST, response: shifted }
      )
      launchDarkly.requests.length = 0
      const flags = (await list()) as { key: string }[]
      const keys = flags.map((f) => f.key)
      expect(new Set(keys).size).toBe(keys.length)
      // 0-99, then 90-189 (ten again), then 200-201: what shifted away is missed, nothing doubled.
      expect(keys).toHaveLength(192)
      expect(count('GET', LIST)).toBe(3)
    })

    it('reads a list that ends as before', async () => {
      seedMany(200)
      const flags = (await list()) as { key: string }[]
      expect(flags).toHaveLength(202)
      expect(count('GET', LIST)).toBe(3)
    })
  })
})

/**
 * The scheduled modes, in process. sweep: every untimed, individually targeted key gets a removal
 * at now + default-lifetime (scheduled and excluded keys left alone, one PATCH per pair, a dry run
 * sends nothing, every flag of a project through the paginated list). digest: read-only, the
 * removals due within the window soonest first, and the one dashboard issue, created, left alone
 * and edited in place, found again past the first page and never confused with a person's copy.
 */
import { describe, expect, it, jest } from '@jest/globals'
import {
  BOOLEAN_VARIATIONS,
  ENVIRONMENT,
  PROJECT,
  REPOSITORY,
  flagWithContexts,
  flagWithTargets
} from '../sandbox/fixtures.ts'
import { inProcessSuite, type InProcessRun } from './helpers/suite.ts'

jest.setTimeout(30_000)
const suite = inProcessSuite()

const HOUR = 3_600_000
const DAY = 24 * HOUR
const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')
const ENABLED = BOOLEAN_VARIATIONS[0]?._id ?? ''
const DISABLED = BOOLEAN_VARIATIONS[1]?._id ?? ''
const MARKER = `<!-- launchdarkly-expiring-targets dashboard project=${PROJECT} -->`
const ISSUES = `/repos/${REPOSITORY}/issues`
const SCHEDULE = { eventName: 'schedule', payload: { schedule: '0 6 * * 1' } }

const ld = () => suite.sandboxes.launchDarkly
const patches = () => ld().requests.filter((r) => r.method === 'PATCH')
const instructions = (i = 0) =>
  (patches()[i]?.body as { instructions: Record<string, unknown>[] }).instructions
const issueWrites = () => suite.sandboxes.github.requests.filter((r) => r.method !== 'GET')
const due = (run: InProcessRun) =>
  JSON.parse(run.outputs.due ?? '[]') as {
    flagKey: string
    environmentKey: string
    target: { kind: string; key: string }
    variation: string | null
    removalMs: number
    removalAt: string
    url: string | null
  }[]
const sweep = (inputs: Record<string, string> = {}) =>
  suite.run({ ...SCHEDULE, inputs: { mode: 'sweep', 'default-lifetime': '30d', ...inputs } })
const digest = (inputs: Record<string, string> = {}) =>
  suite.run({ ...SCHEDULE, inputs: { mode: 'digest', ...inputs } })

/** The log's groups, each with its lines. */
function groups(stdout: string): { name: string; lines: string[] }[] {
  const found: { name: string; lines: string[] }[] = []
  let open: { name: string; lines: string[] } | undefined
  for (const line of stdout.split('\n')) {
    if (line.startsWith('::group::')) found.push((open = { name: line.slice(9), lines: [] }))
    else if (line.startsWith('::endgroup::')) open = undefined
    else open?.lines.push(line)
  }
  return found
}

describe('sweep', () => {
  it('schedules the untimed keys at now + default-lifetime, leaving scheduled and excluded keys alone', async () => {
    ld().addFlag(PROJECT, flagWithTargets('checkout', ['sandy', 'bob', 'carol', 'dora']))
    const bob = ld().schedule(PROJECT, 'checkout', ENVIRONMENT, 'bob', ENABLED, JUNE_10)
    const started = Date.now()
    const run = await sweep({ exclude: 'carol' })
    const finished = Date.now()
    expect(run.code).toBe(0)
    expect(patches().map((p) => p.path)).toEqual([
      `/api/v2/flags/${PROJECT}/checkout/expiring-user-targets/${ENVIRONMENT}`
    ])
    const sent = instructions()
    expect(sent.map((i) => ({ ...i, value: undefined }))).toEqual([
      { kind: 'addExpireUserTargetDate', userKey: 'sandy', variationId: ENABLED },
      { kind: 'addExpireUserTargetDate', userKey: 'dora', variationId: ENABLED }
    ])
    for (const { value } of sent) {
      expect(value).toBeGreaterThanOrEqual(started + 30 * DAY - 60_000)
      expect(value).toBeLessThanOrEqual(finished + 30 * DAY + 60_000)
    }
    const after = ld().expiring(PROJECT, 'checkout', ENVIRONMENT)
    expect(after.find((i) => i.userKey === 'bob')).toMatchObject({
      _version: bob._version,
      expirationDate: JUNE_10
    })
    expect(after.map((i) => i.userKey).sort()).toEqual(['bob', 'dora', 'sandy'])
    expect(run.outputs.swept).toBe('2')

    const again = await sweep({ exclude: 'carol' })
    expect(again.code).toBe(0)
    expect(patches()).toHaveLength(1)
    expect(again.outputs.swept).toBe('0')
  })

  it('in a dry run sends nothing and lists what it would schedule', async () => {
    const run = await sweep({ 'dry-run': 'true' })
    expect(run.code).toBe(0)
    expect(patches()).toEqual([])
    // seedFlags: six keys on Enabled and dora on Disabled, none timed.
    expect(run.outputs.swept).toBe('7')
    expect(run.summary).toContain('Plan only: nothing was changed')
    const rows = run.summary.split('\n').filter((l) => /^\| `.*will schedule/.test(l))
    expect(rows).toHaveLength(7)
    expect(rows.some((r) => r.includes('`sandy`'))).toBe(true)
    expect(rows.some((r) => r.includes('`dora`'))).toBe(true)
    expect(ld().expiring(PROJECT, 'checkout', ENVIRONMENT)).toEqual([])
  })

  it('with context-kind sweeps only that kind, through the contexts endpoint', async () => {
    ld().addFlag(
      PROJECT,
      flagWithContexts(
        'checkout',
        ['sandy'],
        [{ kind: 'organization', variation: 0, values: ['acme', 'globex'] }]
      )
    )
    ld().scheduleContext(
      PROJECT,
      'checkout',
      ENVIRONMENT,
      'organization',
      'globex',
      ENABLED,
      JUNE_10
    )
    const run = await sweep({ 'context-kind': 'organization' })
    expect(run.code).toBe(0)
    expect(patches().map((p) => p.path)).toEqual([
      `/api/v2/flags/${PROJECT}/checkout/expiring-targets/${ENVIRONMENT}`
    ])
    expect(instructions().map((i) => ({ ...i, value: undefined }))).toEqual([
      {
        kind: 'addExpiringTarget',
        contextKind: 'organization',
        contextKey: 'acme',
        variationId: ENABLED
      }
    ])
    expect(ld().expiring(PROJECT, 'checkout', ENVIRONMENT)).toEqual([])
    expect(run.outputs.swept).toBe('1')
  })

  it('with flag-key * reads every page of the flag list once per environment', async () => {
    const project = 'fleet'
    const keys = Array.from({ length: 250 }, (_, i) => `flag-${String(i).padStart(3, '0')}`)
    for (const [i, key] of keys.entries())
      ld().addFlag(project, flagWithTargets(key, [`user-${i}`]))
    const run = await sweep({
      'project-key': project,
      'flag-key': '*',
      'environment-key': 'production,staging'
    })
    expect(run.code).toBe(0)
    const gets = ld().requests.filter((r) => r.method === 'GET')
    const lists = gets.filter((r) => r.path === `/api/v2/flags/${project}`)
    for (const env of ['production', 'staging']) {
      const pages = lists.filter((r) => r.query.env === env)
      expect(pages.map((r) => r.query.offset)).toEqual(['0', '100', '200'])
      for (const page of pages) expect(page.query).toMatchObject({ summary: '0', limit: '100' })
    }
    expect(lists).toHaveLength(6)
    const expiringReads = gets.filter((r) => r.path.includes('/expiring-user-targets/'))
    expect(expiringReads).toHaveLength(500)
    expect(new Set(expiringReads.map((r) => r.path)).size).toBe(500)
    expect(gets.filter((r) => /^\/api\/v2\/flags\/fleet\/[^/]+$/.test(r.path))).toEqual([])
    expect(patches()).toHaveLength(500)
    expect(run.outputs.swept).toBe('500')
    expect(
      ld()
        .expiring(project, 'flag-249', 'staging')
        .map((i) => i.userKey)
    ).toEqual(['user-249'])

    const logged = groups(run.stdout)
    expect(logged.map((g) => g.name)).toEqual(['Environment production', 'Environment staging'])
    for (const group of logged) {
      const progress = group.lines.flatMap((l) => /\b(\d+) of 250 flags/.exec(l)?.[1] ?? [])
      expect(progress).toEqual(['100', '200', '250'])
    }
  }, 60_000)

  it('with flag-tag sweeps only the flags carrying the tag', async () => {
    const project = 'tagged'
    ld().addFlag(project, { ...flagWithTargets('alpha', ['sandy']), tags: ['beta'] })
    ld().addFlag(project, { ...flagWithTargets('gamma', ['sandy']), tags: ['other'] })
    ld().addFlag(project, { ...flagWithTargets('omega', ['sandy']), tags: ['beta', 'x'] })
    const run = await sweep({ 'project-key': project, 'flag-key': '*', 'flag-tag': 'beta' })
    expect(run.code).toBe(0)
    const lists = ld().requests.filter((r) => r.path === `/api/v2/flags/${project}`)
    expect(lists.map((r) => r.query.filter)).toEqual(['tags:beta'])
    expect(patches().map((p) => p.path)).toEqual(
      ['alpha', 'omega'].map(
        (f) => `/api/v2/flags/${project}/${f}/expiring-user-targets/production`
      )
    )
    expect(run.outputs.swept).toBe('2')
  })
})

describe('digest', () => {
  it('is read-only and lists the removals due within the window, soonest first', async () => {
    const now = Date.now()
    const at = (flag: string, env: string, key: string, days: number, variation = ENABLED) =>
      ld().schedule(PROJECT, flag, env, key, variation, now + days * DAY)
    at('checkout', 'production', 'sandy', 3)
    at('new-search', 'staging', 'bob', 1)
    at('checkout', 'staging', 'carol', 6)
    at('new-search', 'production', 'dora', 2, DISABLED)
    at('checkout', 'production', 'bob', 10)
    at('new-search', 'production', 'sandy', 30)
    const run = await digest({
      'flag-key': 'checkout,new-search',
      'environment-key': 'production,staging'
    })
    expect(run.code).toBe(0)
    expect(patches()).toEqual([])
    const listed = due(run)
    expect(listed.map((d) => [d.flagKey, d.environmentKey, d.target.key, d.variation])).toEqual([
      ['new-search', 'staging', 'bob', 'Enabled'],
      ['new-search', 'production', 'dora', 'Disabled'],
      ['checkout', 'production', 'sandy', 'Enabled'],
      ['checkout', 'staging', 'carol', 'Enabled']
    ])
    expect(listed.map((d) => d.removalMs)).toEqual([1, 2, 3, 6].map((d) => now + d * DAY))
    for (const d of listed) {
      expect(d.target.kind).toBe('user')
      expect(d.removalAt).toBe(new Date(d.removalMs).toISOString())
      expect(d.url).toBe(
        `${ld().url}/projects/${PROJECT}/flags/${d.flagKey}/targeting?env=${d.environmentKey}`
      )
    }
    // The summary's table: a row per due removal, in the same order.
    const rows = run.summary.split('\n').filter((l) => /^\| .*`user`/.test(l))
    expect(rows.map((r) => /`user` \| `([^`]+)`/.exec(r)?.[1])).toEqual([
      'bob',
      'dora',
      'sandy',
      'carol'
    ])
    // 2 flags x 2 environments x 7 targeted keys, 6 of them timed.
    expect(run.summary).toMatch(/\b22 individually targeted keys have no removal/)
  })

  it('with flag-key * and flag-tag reads the tagged flags from the list', async () => {
    const project = 'catalog'
    const now = Date.now()
    for (const [key, tags] of [
      ['alpha', ['beta']],
      ['gamma', []],
      ['omega', ['beta']]
    ] as const) {
      ld().addFlag(project, { ...flagWithTargets(key, ['sandy']), tags: [...tags] })
      ld().schedule(project, key, ENVIRONMENT, 'sandy', ENABLED, now + DAY)
    }
    const run = await digest({ 'project-key': project, 'flag-key': '*', 'flag-tag': 'beta' })
    expect(run.code).toBe(0)
    expect(patches()).toEqual([])
    const lists = ld().requests.filter((r) => r.path === `/api/v2/flags/${project}`)
    expect(lists.map((r) => r.query)).toEqual([
      { env: ENVIRONMENT, summary: '0', limit: '100', filter: 'tags:beta', offset: '0' }
    ])
    expect(due(run).map((d) => d.flagKey)).toEqual(['alpha', 'omega'])
  })
})

describe('the dashboard issue', () => {
  it('is created once, left alone when unchanged, and edited in place past the first page', async () => {
    const now = Date.now()
    ld().schedule(PROJECT, 'checkout', ENVIRONMENT, 'sandy', ENABLED, now + 2 * DAY)
    const first = await digest({ dashboard: 'true' })
    expect(first.code).toBe(0)
    expect(issueWrites().map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${ISSUES}`])
    const [created] = suite.sandboxes.github.issues(REPOSITORY)
    expect(suite.sandboxes.github.issues(REPOSITORY)).toHaveLength(1)
    expect(created?.title).toBe('LaunchDarkly expiring targets dashboard')
    expect(created?.user.type).toBe('Bot')
    expect(created?.body?.startsWith(MARKER)).toBe(true)
    const dueSoon = created?.body?.split('### Due soon')[1] ?? ''
    expect(dueSoon).toContain('`sandy`')

    suite.sandboxes.github.requests.length = 0
    expect((await digest({ dashboard: 'true' })).code).toBe(0)
    expect(issueWrites()).toEqual([])

    // 150 newer issues and, newest of all, a person's copy of the marker: ours is on page 2.
    for (let i = 0; i < 150; i++)
      suite.sandboxes.github.createIssue(REPOSITORY, {
        title: `Issue ${i}`,
        body: 'Something else',
        author: { login: 'octocat', type: 'User' }
      })
    const copyBody = `${MARKER}\nA person's notes, not the dashboard.`
    const copy = suite.sandboxes.github.createIssue(REPOSITORY, {
      title: 'LaunchDarkly expiring targets dashboard',
      body: copyBody,
      author: { login: 'mallory', type: 'User' }
    })
    ld().schedule(PROJECT, 'checkout', ENVIRONMENT, 'bob', ENABLED, now + 3 * DAY)
    suite.sandboxes.github.requests.length = 0
    const third = await digest({ dashboard: 'true' })
    expect(third.code).toBe(0)
    expect(issueWrites().map((r) => `${r.method} ${r.path}`)).toEqual([
      `PATCH ${ISSUES}/${created?.number}`
    ])
    const listed = suite.sandboxes.github.requests.filter(
      (r) => r.method === 'GET' && r.path === ISSUES
    )
    expect(listed.map((r) => r.query.page ?? '1')).toEqual(['1', '2'])
    const issues = suite.sandboxes.github.issues(REPOSITORY)
    expect(issues).toHaveLength(152)
    const edited = issues.find((i) => i.number === created?.number)
    expect(edited?.body?.startsWith(MARKER)).toBe(true)
    expect(edited?.body?.split('### Due soon')[1]).toMatch(/`sandy`[\s\S]*`bob`/)
    expect(issues.find((i) => i.number === copy.number)?.body).toBe(copyBody)
  }, 60_000)
})

describe('bad inputs', () => {
  it('sweep without default-lifetime fails before asking LaunchDarkly anything', async () => {
    const run = await suite.run({ ...SCHEDULE, inputs: { mode: 'sweep' } })
    expect(run.code).toBe(1)
    expect(ld().requests).toEqual([])
    expect(run.summary).toMatch(/Input "default-lifetime" is required with mode sweep/)
  })

  it('flag-key * is refused with mode apply', async () => {
    const run = await suite.run({
      ...SCHEDULE,
      inputs: { 'flag-key': '*', targets: 'sandy@+1d' }
    })
    expect(run.code).toBe(1)
    expect(ld().requests).toEqual([])
    // The summary escapes "*" and "(" as entities.
    expect(run.summary).toMatch(/"flag-key" may be .* only with mode sweep or digest, not apply/)
  })
})

/**
 * The LaunchDarkly sandbox's contexts: other context kinds in the flag model, the contexts endpoint
 * (`expiring-targets`) sharing one store with the user endpoint, and the flag list route.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { Contract } from '../sandbox/contract.ts'
import {
  startLaunchDarklySandbox,
  type ExpiringContextItem,
  type LaunchDarklySandbox
} from '../sandbox/launchdarkly.ts'
import {
  API_KEY,
  BOOLEAN_VARIATIONS,
  ENVIRONMENT,
  PROJECT,
  flagWithContexts,
  flagWithTargets,
  seedFlags
} from '../sandbox/fixtures.ts'

const ENABLED = BOOLEAN_VARIATIONS[0]!._id
const DISABLED = BOOLEAN_VARIATIONS[1]!._id
const FUTURE = Date.parse('2030-06-10T00:00:00Z')
const LATER = Date.parse('2031-01-01T00:00:00Z')
const SP = 'application/json; domain-model=launchdarkly.semanticpatch'
const FLAG = 'orgs'

type Body = Record<string, unknown>
interface Page {
  items: {
    key: string
    tags: string[]
    environments?: Record<string, Record<string, unknown>>
  }[]
  totalCount: number
  _links: { self: { href: string; type: string }; next?: { href: string; type: string } }
}

let sandbox: LaunchDarklySandbox

beforeAll(async () => {
  sandbox = await startLaunchDarklySandbox({ apiKey: API_KEY })
})
afterAll(() => sandbox.close())
beforeEach(() => {
  seedFlags(sandbox)
  // Users sandy and bob on Enabled, dora on Disabled; organizations (one of them keyed sandy, as a
  // user is) and a device.
  sandbox.addFlag(
    PROJECT,
    flagWithContexts(
      FLAG,
      ['sandy', 'bob'],
      [
        { kind: 'organization', variation: 0, values: ['acme', 'globex', 'sandy'] },
        { kind: 'organization', variation: 1, values: ['initech'] },
        { kind: 'device', variation: 0, values: ['d-1'] }
      ],
      ['dora']
    )
  )
  sandbox.violations.length = 0
  sandbox.faults.length = 0
  sandbox.requests.length = 0
})

const userPath = (flag = FLAG, env = ENVIRONMENT) =>
  `/api/v2/flags/${PROJECT}/${flag}/expiring-user-targets/${env}`
const contextPath = (flag = FLAG, env = ENVIRONMENT) =>
  `/api/v2/flags/${PROJECT}/${flag}/expiring-targets/${env}`

async function call(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; on?: LaunchDarklySandbox } = {}
): Promise<{ status: number; body: Body; headers: Headers }> {
  const response = await fetch((options.on ?? sandbox).url + path, {
    method,
    headers: {
      Authorization: API_KEY,
      ...(method === 'PATCH' ? { 'Content-Type': SP } : {}),
      ...options.headers
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body)
  })
  const text = await response.text()
  return {
    status: response.status,
    body: (text === '' ? {} : JSON.parse(text)) as Body,
    headers: response.headers
  }
}
const patchContexts = (
  instructions: unknown[],
  headers: Record<string, string> = {},
  path = contextPath()
) => call('PATCH', path, { headers, body: { instructions } })
const patchUsers = (instructions: unknown[]) =>
  call('PATCH', userPath(), { body: { instructions } })

const addContext = (
  contextKind: string,
  contextKey: string,
  value = FUTURE,
  variationId = ENABLED
) => ({
  kind: 'addExpiringTarget',
  contextKind,
  contextKey,
  variationId,
  value
})
const updateContext = (
  contextKind: string,
  contextKey: string,
  value: number,
  version?: number,
  variationId = ENABLED
) => ({
  kind: 'updateExpiringTarget',
  contextKind,
  contextKey,
  variationId,
  value,
  ...(version === undefined ? {} : { version })
})
const removeContext = (contextKind: string, contextKey: string, variationId = ENABLED) => ({
  kind: 'removeExpiringTarget',
  contextKind,
  contextKey,
  variationId
})

const resourceId = (flag = FLAG, env = ENVIRONMENT) => ({
  kind: 'flag',
  projectKey: PROJECT,
  environmentKey: env,
  flagKey: flag,
  key: flag
})
const scheduled = () =>
  sandbox
    .expiringContexts(PROJECT, FLAG, ENVIRONMENT)
    .map((i) => [i.contextKind, i.contextKey, i.variationId, i.expirationDate, i._version])
    .sort()
const errorsOf = (body: Body) =>
  (body.errors as { instructionIndex: number; message: string }[]).map((e) => [
    e.instructionIndex,
    e.message
  ])

describe('the contract check for the new routes', () => {
  const contract = new Contract()

  it('holds context items to ExpiringTarget', () => {
    const item = {
      _id: 'x',
      _version: 1,
      expirationDate: FUTURE,
      contextKind: 'user',
      contextKey: 'sandy',
      variationId: ENABLED,
      _resourceId: resourceId()
    }
    expect(contract.checkResponse('getExpiringContextTargets', 200, { items: [item] })).toEqual([])
    const withoutKind: Partial<typeof item> = { ...item }
    delete withoutKind.contextKind
    expect(
      contract.checkResponse('getExpiringContextTargets', 200, { items: [withoutKind] })
    ).not.toEqual([])
    // A user-shaped item is not a context item.
    expect(
      contract.checkResponse('patchExpiringTargets', 200, {
        items: [{ ...withoutKind, contextKey: undefined, userKey: 'sandy' }]
      })
    ).not.toEqual([])
    expect(contract.checkRequest('patchExpiringTargets', { instructions: [] })).toEqual([])
  })

  it('checks values against a named schema, and knows which schemas it has', () => {
    expect(contract.checkSchema('Link', { href: '/x', type: 'application/json' })).toEqual([])
    expect(contract.checkSchema('Link', { href: 1 })).not.toEqual([])
    expect(contract.checkSchema('FeatureFlag', { key: 'x' })).not.toEqual([])
    expect(() => contract.checkSchema('FeatureFlags', {})).toThrow(/not in the spec/)
    expect(contract.hasOperation('patchExpiringTargets')).toBe(true)
    expect(contract.hasOperation('getFeatureFlags')).toBe(false)
  })
})

describe('contexts in the flag body', () => {
  it('lists other kinds in contextTargets, plus an empty user placeholder per targeted variation', async () => {
    const { status, body } = await call(
      'GET',
      `/api/v2/flags/${PROJECT}/${FLAG}?env=${ENVIRONMENT}`
    )
    expect(status).toBe(200)
    const production = (body.environments as Record<string, Body>)[ENVIRONMENT]!
    expect(production.targets).toEqual([
      { values: ['sandy', 'bob'], variation: 0, contextKind: 'user' },
      { values: ['dora'], variation: 1, contextKind: 'user' }
    ])
    expect(production.contextTargets).toEqual([
      { contextKind: 'organization', variation: 0, values: ['acme', 'globex', 'sandy'] },
      { contextKind: 'organization', variation: 1, values: ['initech'] },
      { contextKind: 'device', variation: 0, values: ['d-1'] },
      { contextKind: 'user', values: [], variation: 0 },
      { contextKind: 'user', values: [], variation: 1 }
    ])
    expect(sandbox.violations).toEqual([])
  })

  it('adds no placeholder for a variation without user targets', async () => {
    sandbox.addFlag(PROJECT, flagWithTargets('lonely', ['sandy']))
    const { body } = await call('GET', `/api/v2/flags/${PROJECT}/lonely?env=staging`)
    const staging = (body.environments as Record<string, Body>).staging!
    expect(staging.targets).toEqual([
      { values: ['sandy'], variation: 0, contextKind: 'user' },
      { values: [], variation: 1, contextKind: 'user' }
    ])
    expect(staging.contextTargets).toEqual([{ contextKind: 'user', values: [], variation: 0 }])
    expect(body.tags).toEqual([])
    expect(sandbox.violations).toEqual([])
  })
})

describe('the contexts endpoint', () => {
  it('adds, updates and removes a user-kind removal', async () => {
    const added = await patchContexts([addContext('user', 'sandy')])
    expect(added.status).toBe(200)
    const [item] = added.body.items as ExpiringContextItem[]
    expect(added.body).toEqual({
      items: [
        {
          _id: expect.stringMatching(/^[0-9a-f]{24}$/),
          _version: 1,
          expirationDate: FUTURE,
          contextKind: 'user',
          contextKey: 'sandy',
          variationId: ENABLED,
          _resourceId: resourceId()
        }
      ],
      totalInstructions: 1,
      successfulInstructions: 1,
      failedInstructions: 0,
      errors: []
    })
    expect(scheduled()).toEqual([['user', 'sandy', ENABLED, FUTURE, 1]])

    const updated = await patchContexts([updateContext('user', 'sandy', LATER, 1)])
    expect(updated.body.items).toEqual([
      { ...item, _version: 2, expirationDate: LATER, _resourceId: resourceId() }
    ])
    expect(scheduled()).toEqual([['user', 'sandy', ENABLED, LATER, 2]])
    expect((await call('GET', contextPath())).body).toEqual({ items: updated.body.items })

    const removed = await patchContexts([removeContext('user', 'sandy')])
    expect(removed.body).toMatchObject({ items: [], failedInstructions: 0 })
    expect(scheduled()).toEqual([])
    expect((await call('GET', contextPath())).body).toEqual({ items: [] })
    expect(sandbox.violations).toEqual([])
  })

  it('adds, updates and removes organization removals, on either variation', async () => {
    const added = await patchContexts([
      addContext('organization', 'acme'),
      addContext('organization', 'initech', FUTURE, DISABLED),
      addContext('device', 'd-1')
    ])
    expect(added.body).toMatchObject({ successfulInstructions: 3, failedInstructions: 0 })
    expect(scheduled()).toEqual([
      ['device', 'd-1', ENABLED, FUTURE, 1],
      ['organization', 'acme', ENABLED, FUTURE, 1],
      ['organization', 'initech', DISABLED, FUTURE, 1]
    ])

    const changed = await patchContexts([
      updateContext('organization', 'acme', LATER),
      removeContext('organization', 'initech', DISABLED)
    ])
    expect(changed.body).toMatchObject({ successfulInstructions: 2, errors: [] })
    expect(
      (changed.body.items as ExpiringContextItem[]).map((i) => [i.contextKind, i.contextKey])
    ).toEqual([
      ['organization', 'acme'],
      ['device', 'd-1']
    ])
    expect(scheduled()).toEqual([
      ['device', 'd-1', ENABLED, FUTURE, 1],
      ['organization', 'acme', ENABLED, LATER, 2]
    ])
    // No user is scheduled: the user endpoint shows nothing.
    expect((await call('GET', userPath())).body).toEqual({ items: [] })
    expect(sandbox.expiring(PROJECT, FLAG, ENVIRONMENT)).toEqual([])
    expect(sandbox.violations).toEqual([])
  })

  it('answers per-instruction errors in a 200 with counters, and applies the rest', async () => {
    const result = await patchContexts([
      addContext('organization', 'umbrella'),
      addContext('organization', 'initech'),
      addContext('user', 'acme'),
      addContext('organization', 'acme'),
      addContext('organization', 'acme', LATER),
      updateContext('organization', 'globex', LATER),
      removeContext('organization', 'globex'),
      updateContext('organization', 'acme', LATER, 9),
      addContext('organization', 'globex', Date.now() - 1000),
      addContext('organization', 'globex', FUTURE, 'no-such-variation'),
      removeContext('organization', 'acme', DISABLED),
      addContext('device', 'd-1')
    ])
    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({
      totalInstructions: 12,
      successfulInstructions: 2,
      failedInstructions: 10
    })
    expect(errorsOf(result.body)).toEqual([
      [0, 'context organization:umbrella is not individually targeted on variation ' + ENABLED],
      [1, expect.stringMatching(/organization:initech is not individually targeted/)],
      [2, expect.stringMatching(/user:acme is not individually targeted/)],
      [4, expect.stringMatching(/already has a scheduled removal; use updateExpiringTarget/)],
      [5, expect.stringMatching(/globex has no scheduled removal to update/)],
      [6, expect.stringMatching(/globex has no scheduled removal to remove/)],
      [7, 'version mismatch: the scheduled removal is at version 1, not 9'],
      [8, expect.stringMatching(/must be in the future/)],
      [9, expect.stringMatching(/variation no-such-variation does not exist/)],
      [10, expect.stringMatching(/acme's removal is scheduled on another variation/)]
    ])
    expect(scheduled()).toEqual([
      ['device', 'd-1', ENABLED, FUTURE, 1],
      ['organization', 'acme', ENABLED, FUTURE, 1]
    ])
    expect(sandbox.violations).toEqual([])
  })

  it('leaves the counters and errors out with omitCounters', async () => {
    const quiet = await startLaunchDarklySandbox({ apiKey: API_KEY, omitCounters: true })
    try {
      quiet.addFlag(PROJECT, flagWithContexts(FLAG, ['sandy'], []))
      const result = await call('PATCH', contextPath(), {
        on: quiet,
        body: { instructions: [addContext('user', 'sandy'), addContext('user', 'nobody')] }
      })
      expect(result.status).toBe(200)
      expect(Object.keys(result.body)).toEqual(['items'])
      expect(result.body.items).toMatchObject([{ contextKind: 'user', contextKey: 'sandy' }])
      expect(quiet.violations).toEqual([])
    } finally {
      await quiet.close()
    }
  })

  it('needs the semantic-patch content type', async () => {
    const result = await patchContexts([addContext('user', 'sandy')], {
      'Content-Type': 'application/json'
    })
    expect(result.status).toBe(400)
    expect(result.body).toMatchObject({ code: 'invalid_request' })
    expect(result.body.message).toMatch(/domain-model=launchdarkly\.semanticpatch/)
    expect(scheduled()).toEqual([])
    expect(sandbox.violations).toEqual([])
  })

  it.each([
    [
      'an unknown parameter',
      { ...addContext('user', 'sandy'), note: 'x' },
      /unknown parameters note/
    ],
    [
      'the user endpoint’s userKey',
      { ...addContext('user', 'sandy'), userKey: 'sandy' },
      /userKey/
    ],
    [
      'a missing contextKind',
      { kind: 'addExpiringTarget', contextKey: 'sandy', variationId: ENABLED, value: FUTURE },
      /contextKind must be a non-empty string/
    ],
    [
      'a missing contextKey',
      { kind: 'removeExpiringTarget', contextKind: 'user', variationId: ENABLED },
      /contextKey must be a non-empty string/
    ],
    [
      'a user-endpoint kind',
      { kind: 'addExpireUserTargetDate', userKey: 'sandy', variationId: ENABLED, value: FUTURE },
      /unknown kind addExpireUserTargetDate/
    ],
    ['a date string', { ...addContext('user', 'sandy'), value: '2030-06-10' }, /Unix milliseconds/]
  ])('answers 400 to %s, and applies nothing', async (_what, instruction, message) => {
    const result = await patchContexts([addContext('organization', 'acme'), instruction])
    expect(result.status).toBe(400)
    expect(result.body).toMatchObject({ code: 'invalid_request' })
    expect(result.body.message).toMatch(message)
    expect(scheduled()).toEqual([])
    expect(sandbox.violations).toEqual([])
  })

  it('answers 400 to a contexts instruction on the user endpoint', async () => {
    const result = await patchUsers([addContext('user', 'sandy')])
    expect(result.status).toBe(400)
    expect(result.body.message).toMatch(/unknown kind addExpiringTarget/)
    expect(scheduled()).toEqual([])
  })

  it('shares auth, versions, 404s, rate limits and faults with the other routes', async () => {
    expect(
      (await call('GET', contextPath(), { headers: { Authorization: 'api-nope' } })).status
    ).toBe(401)
    expect(
      (await patchContexts([addContext('user', 'sandy')], { Authorization: 'api-nope' })).status
    ).toBe(401)
    expect((await call('GET', contextPath('nope'))).body).toMatchObject({ code: 'not_found' })
    expect((await call('GET', contextPath(FLAG, 'nope'))).body).toEqual({
      code: 'not_found',
      message: 'Unknown environment'
    })
    const versioned = await patchContexts([addContext('user', 'sandy')], {
      'LD-API-Version': '1999'
    })
    expect(versioned.status).toBe(400)
    expect(versioned.body.message).toMatch(/Unknown API version/)
    expect(
      (await patchContexts([addContext('user', 'sandy')], { 'LD-API-Version': '20240415' })).status
    ).toBe(200)

    // A fault on the route: the write happens, the answer is lost.
    sandbox.faults.push({
      method: 'PATCH',
      path: '/expiring-targets/production',
      times: 1,
      response: { kind: 'apply-then-status', status: 502 }
    })
    expect((await patchContexts([addContext('organization', 'acme')])).status).toBe(502)
    expect(scheduled().map((i) => i[1])).toEqual(['acme', 'sandy'])
    expect(sandbox.faults[0]!.times).toBe(0)
    expect(sandbox.violations).toEqual([])

    const limited = await startLaunchDarklySandbox({
      apiKey: API_KEY,
      rateLimit: { limit: 1, windowMs: 60_000 }
    })
    try {
      limited.addFlag(PROJECT, flagWithContexts(FLAG, ['sandy'], []))
      expect((await call('GET', contextPath(), { on: limited })).status).toBe(200)
      const refused = await call('GET', contextPath(), { on: limited })
      expect(refused.status).toBe(429)
      expect(refused.body).toMatchObject({ code: 'rate_limited' })
      expect(refused.headers.get('x-ratelimit-global-remaining')).toBe('0')
      expect(limited.rateLimited).toBe(1)
      expect(limited.violations).toEqual([])
    } finally {
      await limited.close()
    }
  })
})

describe('one store behind both endpoints', () => {
  it('shows a user scheduled through the user endpoint in the contexts GET, as the same item', async () => {
    const made = await patchUsers([
      { kind: 'addExpireUserTargetDate', userKey: 'sandy', variationId: ENABLED, value: FUTURE }
    ])
    const [userItem] = made.body.items as { _id: string }[]
    const { body } = await call('GET', contextPath())
    expect(body).toEqual({
      items: [
        {
          _id: userItem!._id,
          _version: 1,
          expirationDate: FUTURE,
          contextKind: 'user',
          contextKey: 'sandy',
          variationId: ENABLED,
          _resourceId: resourceId()
        }
      ]
    })
    expect(sandbox.violations).toEqual([])
  })

  it('shows a user scheduled through the contexts endpoint in the user GET, and moves it there', async () => {
    await patchContexts([addContext('user', 'bob')])
    sandbox.scheduleContext(PROJECT, FLAG, ENVIRONMENT, 'organization', 'acme', ENABLED, FUTURE)
    const { body } = await call('GET', userPath())
    expect(body).toEqual({
      items: [
        {
          _id: expect.any(String),
          _version: 1,
          expirationDate: FUTURE,
          userKey: 'bob',
          variationId: ENABLED,
          _resourceId: resourceId()
        }
      ]
    })
    // Adding it again through the user endpoint fails: it is already scheduled.
    const again = await patchUsers([
      { kind: 'addExpireUserTargetDate', userKey: 'bob', variationId: ENABLED, value: LATER },
      {
        kind: 'updateExpireUserTargetDate',
        userKey: 'bob',
        variationId: ENABLED,
        value: LATER,
        version: 1
      }
    ])
    expect(errorsOf(again.body)).toEqual([
      [0, 'user bob already has a scheduled removal; use updateExpireUserTargetDate']
    ])
    expect(scheduled()).toEqual([
      ['organization', 'acme', ENABLED, FUTURE, 1],
      ['user', 'bob', ENABLED, LATER, 2]
    ])
    expect(sandbox.violations).toEqual([])
  })

  it('keys removals by kind and key: a user and an organization both keyed sandy', async () => {
    sandbox.schedule(PROJECT, FLAG, ENVIRONMENT, 'sandy', ENABLED, FUTURE)
    const org = await patchContexts([addContext('organization', 'sandy', LATER)])
    expect(org.body).toMatchObject({ failedInstructions: 0 })
    expect(scheduled()).toEqual([
      ['organization', 'sandy', ENABLED, LATER, 1],
      ['user', 'sandy', ENABLED, FUTURE, 1]
    ])
    expect(sandbox.expiring(PROJECT, FLAG, ENVIRONMENT)).toMatchObject([
      { userKey: 'sandy', expirationDate: FUTURE }
    ])
    await patchUsers([
      { kind: 'removeExpireUserTargetDate', userKey: 'sandy', variationId: ENABLED }
    ])
    expect(scheduled()).toEqual([['organization', 'sandy', ENABLED, LATER, 1]])
    expect(sandbox.violations).toEqual([])
  })

  it('keeps each environment apart, and the seeding methods return their own shapes', () => {
    const user = sandbox.schedule(PROJECT, FLAG, 'staging', 'dora', DISABLED, FUTURE)
    const org = sandbox.scheduleContext(PROJECT, FLAG, 'staging', 'device', 'd-1', ENABLED, LATER)
    expect(user).toEqual({
      _id: expect.any(String),
      _version: 1,
      expirationDate: FUTURE,
      userKey: 'dora',
      variationId: DISABLED,
      _resourceId: resourceId(FLAG, 'staging')
    })
    expect(org).toMatchObject({ contextKind: 'device', contextKey: 'd-1', expirationDate: LATER })
    expect(sandbox.expiringContexts(PROJECT, FLAG, 'staging').map((i) => i._id)).toEqual([
      user._id,
      org._id
    ])
    expect(sandbox.expiring(PROJECT, FLAG, 'staging')).toEqual([user])
    expect(scheduled()).toEqual([])
    expect(() => sandbox.scheduleContext(PROJECT, FLAG, 'nope', 'user', 'x', ENABLED, 1)).toThrow()
  })
})

describe('the flag list', () => {
  const BULK = 'bulk'
  const COUNT = 250
  const keyOf = (i: number) => `flag-${String(i).padStart(3, '0')}`
  const tagsOf = (i: number) => [
    ...(i % 10 === 0 ? ['team-a'] : []),
    ...(i % 4 === 0 ? ['team-b'] : [])
  ]
  let lists: LaunchDarklySandbox

  beforeAll(async () => {
    lists = await startLaunchDarklySandbox({ apiKey: API_KEY })
    // Added in reverse, so that the order of the list comes from sorting.
    for (let i = COUNT - 1; i >= 0; i--) {
      lists.addFlag(
        BULK,
        flagWithContexts(
          keyOf(i),
          [`user-${i}`],
          [{ kind: 'organization', variation: 1, values: [`org-${i}`, 'acme'] }],
          [],
          tagsOf(i)
        )
      )
    }
    lists.addFlag(PROJECT, flagWithTargets('elsewhere', ['sandy']))
  })
  afterAll(() => lists.close())
  beforeEach(() => {
    lists.violations.length = 0
    lists.requests.length = 0
  })
  const list = async (query: string) => {
    const result = await call('GET', `/api/v2/flags/${BULK}?${query}`, { on: lists })
    return { status: result.status, body: result.body as unknown as Page }
  }

  it('pages through every flag once, sorted by key, following _links.next', async () => {
    const seen: string[] = []
    const sizes: number[] = []
    let href: string | undefined = `/api/v2/flags/${BULK}?env=${ENVIRONMENT}&limit=100&summary=0`
    while (href !== undefined) {
      const response = await call('GET', href, { on: lists })
      expect(response.status).toBe(200)
      const page = response.body as unknown as Page
      expect(page.totalCount).toBe(COUNT)
      expect(page._links.self).toEqual({ href, type: 'application/json' })
      sizes.push(page.items.length)
      seen.push(...page.items.map((f) => f.key))
      href = page._links.next?.href
      if (href !== undefined) {
        expect(page._links.next!.type).toBe('application/json')
        const next = new URL(href, 'http://x')
        expect(next.pathname).toBe(`/api/v2/flags/${BULK}`)
        expect(Object.fromEntries(next.searchParams)).toEqual({
          env: ENVIRONMENT,
          limit: '100',
          summary: '0',
          offset: String(seen.length)
        })
      }
      expect(sizes.length).toBeLessThanOrEqual(3)
    }
    expect(sizes).toEqual([100, 100, 50])
    expect(seen).toEqual(Array.from({ length: COUNT }, (_, i) => keyOf(i)))
    expect(lists.requests.map((r) => r.query.offset)).toEqual([undefined, '100', '200'])
    expect(lists.violations).toEqual([])
  })

  it('defaults to 20 a page, and refuses a limit over 100', async () => {
    const first = await list('')
    expect(first.body.items.map((f) => f.key)).toEqual(
      Array.from({ length: 20 }, (_, i) => keyOf(i))
    )
    expect(first.body._links.next?.href).toBe(`/api/v2/flags/${BULK}?offset=20`)
    const last = await list('offset=240')
    expect(last.body.items.map((f) => f.key)).toEqual(
      Array.from({ length: 10 }, (_, i) => keyOf(240 + i))
    )
    expect(last.body._links.next).toBeUndefined()

    const tooMany = await list('limit=101')
    expect(tooMany.status).toBe(400)
    expect(tooMany.body).toMatchObject({
      code: 'invalid_request',
      message: expect.stringMatching(/100/)
    })
    expect((await list('limit=ten')).status).toBe(400)
    expect((await list('offset=-1')).status).toBe(400)
    expect((await list('limit=100')).body.items).toHaveLength(100)
    expect(lists.violations).toEqual([])
  })

  it('filters by tag, one or several', async () => {
    const teamA = await list('filter=tags:team-a&limit=100')
    const expected = Array.from({ length: COUNT }, (_, i) => i).filter((i) => i % 10 === 0)
    expect(teamA.body.items.map((f) => f.key)).toEqual(expected.map(keyOf))
    expect(teamA.body.totalCount).toBe(25)
    expect(teamA.body.items.every((f) => f.tags.includes('team-a'))).toBe(true)

    const both = await list('filter=tags:team-a,tags:team-b&limit=5')
    expect(both.body.items.map((f) => f.key)).toEqual([0, 20, 40, 60, 80].map(keyOf))
    expect(both.body.totalCount).toBe(13)
    expect(both.body._links.next?.href).toBe(
      `/api/v2/flags/${BULK}?filter=tags%3Ateam-a%2Ctags%3Ateam-b&limit=5&offset=5`
    )
    const nothing = await list('filter=tags:nobody')
    expect(nothing.body).toMatchObject({ items: [], totalCount: 0 })
    expect(nothing.body._links.next).toBeUndefined()

    expect((await list('filter=query:flag')).status).toBe(400)
    expect(lists.violations).toEqual([])
  })

  it('includes targets with summary=0, and only a summary without it', async () => {
    const full = await list(`env=${ENVIRONMENT}&summary=0&limit=1`)
    const [flag] = full.body.items
    expect(Object.keys(flag!.environments!)).toEqual([ENVIRONMENT])
    const production = flag!.environments![ENVIRONMENT]!
    expect(production.targets).toEqual([
      { values: ['user-0'], variation: 0, contextKind: 'user' },
      { values: [], variation: 1, contextKind: 'user' }
    ])
    expect(production.contextTargets).toEqual([
      { contextKind: 'organization', variation: 1, values: ['org-0', 'acme'] },
      { contextKind: 'user', values: [], variation: 0 }
    ])
    expect(production._summary).toBeUndefined()

    const summary = await list(`env=${ENVIRONMENT}&limit=1`)
    const brief = summary.body.items[0]!.environments![ENVIRONMENT]!
    expect(brief.targets).toBeUndefined()
    expect(brief.contextTargets).toBeUndefined()
    expect(brief.rules).toBeUndefined()
    expect(brief._summary).toEqual({
      prerequisites: 0,
      variations: {
        0: {
          rules: 0,
          nullRules: 0,
          targets: 1,
          contextTargets: 0,
          isFallthrough: true,
          isOff: true
        },
        1: { rules: 0, nullRules: 0, targets: 0, contextTargets: 2 }
      }
    })
    expect(lists.violations).toEqual([])
  })

  it('includes the environments asked for with env=, repeated or not, and none without', async () => {
    const both = await list(`env=${ENVIRONMENT}&env=staging&env=nowhere&limit=2`)
    expect(both.body.items.map((f) => Object.keys(f.environments ?? {}))).toEqual([
      [ENVIRONMENT, 'staging'],
      [ENVIRONMENT, 'staging']
    ])
    expect(lists.requests[0]!.queryAll).toEqual({
      env: [ENVIRONMENT, 'staging', 'nowhere'],
      limit: ['2']
    })
    expect(both.body._links.next?.href).toBe(
      `/api/v2/flags/${BULK}?env=${ENVIRONMENT}&env=staging&env=nowhere&limit=2&offset=2`
    )
    const none = await list('limit=2')
    expect(none.body.items.map((f) => f.environments)).toEqual([undefined, undefined])
    expect(lists.violations).toEqual([])
  })

  it('lists one project only, answers 404 to an unknown one, and checks auth', async () => {
    const other = await call('GET', `/api/v2/flags/${PROJECT}`, { on: lists })
    expect((other.body as unknown as Page).items.map((f) => f.key)).toEqual(['elsewhere'])
    const unknown = await call('GET', '/api/v2/flags/nope', { on: lists })
    expect(unknown.status).toBe(404)
    expect(unknown.body).toMatchObject({ code: 'not_found' })
    const refused = await call('GET', `/api/v2/flags/${BULK}`, {
      on: lists,
      headers: { Authorization: 'api-nope' }
    })
    expect(refused.status).toBe(401)
    // The single flag GET is still there.
    const one = await call('GET', `/api/v2/flags/${BULK}/${keyOf(7)}`, { on: lists })
    expect(one.body).toMatchObject({ key: keyOf(7), tags: [] })
    expect(Object.keys(one.body.environments as Body)).toEqual([ENVIRONMENT, 'staging'])
    expect(lists.violations).toEqual([])
  })

  it('records a violation when a listed flag is not a FeatureFlag', async () => {
    lists.addFlag('broken', {
      ...flagWithTargets('bad', ['sandy']),
      variations: [{ _id: 'x', value: true, name: 7 as unknown as string }]
    })
    expect((await call('GET', '/api/v2/flags/broken', { on: lists })).status).toBe(200)
    expect(lists.violations).toEqual([
      expect.stringMatching(/^schema FeatureFlag: \/variations\/0\/name/)
    ])
  })

  it('records a violation for a query parameter LaunchDarkly does not document', async () => {
    expect((await list('env=production&summary=0&limit=100&offset=0&filter=tags:x')).status).toBe(
      200
    )
    expect(lists.violations).toEqual([])
    await list('env=production&pageSize=100')
    expect(lists.violations).toEqual(['getFeatureFlags: undocumented query pageSize'])
  })
})

/**
 * The LaunchDarkly sandbox's segments (sandbox/segments.ts): membership and the segment list, the
 * two segment expiring endpoints (segment key BEFORE the environment, unlike the segment routes),
 * the user update's segment version, approvals (405 on a flag expiring PATCH, 403 on a segment's)
 * and getEnvironment. Every answer is checked against the contract: no test may leave a violation.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { Contract } from '../sandbox/contract.ts'
import { startLaunchDarklySandbox, type LaunchDarklySandbox } from '../sandbox/launchdarkly.ts'
import {
  SANDBOX_MOBILE_KEY,
  SANDBOX_SDK_KEY,
  type SegmentExpiringItem,
  type SegmentExpiringUserItem
} from '../sandbox/segments.ts'
import {
  API_KEY,
  BOOLEAN_VARIATIONS,
  ENVIRONMENT,
  PROJECT,
  bigSegment,
  requireApprovals,
  seedFlags,
  seedSegments,
  segment
} from '../sandbox/fixtures.ts'

const FUTURE = Date.parse('2030-06-10T00:00:00Z')
const LATER = Date.parse('2031-01-01T00:00:00Z')
const SP = 'application/json; domain-model=launchdarkly.semanticpatch'
const SEGMENT = 'beta-testers'
const ENABLED = BOOLEAN_VARIATIONS[0]!._id

type Body = Record<string, unknown>

let sandbox: LaunchDarklySandbox

beforeAll(async () => {
  sandbox = await startLaunchDarklySandbox({ apiKey: API_KEY })
})
afterAll(() => sandbox.close())
beforeEach(() => {
  sandbox.segments.reset()
  seedFlags(sandbox)
  seedSegments(sandbox)
  sandbox.violations.length = 0
  sandbox.faults.length = 0
  sandbox.requests.length = 0
})
// Every request and every answer fitted LaunchDarkly's published description.
afterEach(() => {
  expect(sandbox.violations).toEqual([])
})

/** The segment resource routes: environment BEFORE segment. */
const segmentPath = (key = SEGMENT, env = ENVIRONMENT) =>
  `/api/v2/segments/${PROJECT}/${env}/${key}`
/** The expiring routes: segment BEFORE environment. */
const userPath = (key = SEGMENT, env = ENVIRONMENT) =>
  `/api/v2/segments/${PROJECT}/${key}/expiring-user-targets/${env}`
const contextPath = (key = SEGMENT, env = ENVIRONMENT) =>
  `/api/v2/segments/${PROJECT}/${key}/expiring-targets/${env}`

async function call(
  method: string,
  path: string,
  options: { headers?: Record<string, string>; body?: unknown; on?: LaunchDarklySandbox } = {}
): Promise<{ status: number; body: Body }> {
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
  return { status: response.status, body: (text === '' ? {} : JSON.parse(text)) as Body }
}
const patchUsers = (instructions: unknown[], path = userPath()) =>
  call('PATCH', path, { body: { instructions } })
const patchContexts = (instructions: unknown[], path = contextPath()) =>
  call('PATCH', path, { body: { instructions } })

const addUser = (userKey: string, targetType = 'included', value = FUTURE) => ({
  kind: 'addExpireUserTargetDate',
  userKey,
  targetType,
  value
})
const updateUser = (userKey: string, value: number, version: number, targetType = 'included') => ({
  kind: 'updateExpireUserTargetDate',
  userKey,
  targetType,
  value,
  version
})
const removeUser = (userKey: string, targetType = 'included') => ({
  kind: 'removeExpireUserTargetDate',
  userKey,
  targetType
})
const addContext = (
  contextKind: string,
  contextKey: string,
  targetType = 'included',
  value = FUTURE
) => ({ kind: 'addExpiringTarget', contextKind, contextKey, targetType, value })
const updateContext = (
  contextKind: string,
  contextKey: string,
  value: number,
  version?: number,
  targetType = 'included'
) => ({
  kind: 'updateExpiringTarget',
  contextKind,
  contextKey,
  targetType,
  value,
  ...(version === undefined ? {} : { version })
})
const removeContext = (contextKind: string, contextKey: string, targetType = 'included') => ({
  kind: 'removeExpiringTarget',
  contextKind,
  contextKey,
  targetType
})

const resourceId = (key = SEGMENT, env = ENVIRONMENT) => ({
  kind: 'segment',
  key,
  environmentKey: env,
  projectKey: PROJECT
})
const segmentVersion = () =>
  (sandbox.segments.get(PROJECT, ENVIRONMENT, SEGMENT) as { version: number }).version

describe('membership: GET /api/v2/segments/{p}/{env}/{segment}', () => {
  it('answers a UserSegment with its membership arrays and version', async () => {
    const { status, body } = await call('GET', segmentPath())
    expect(status).toBe(200)
    expect(body).toMatchObject({
      key: SEGMENT,
      name: SEGMENT,
      tags: ['beta'],
      version: 1,
      deleted: false,
      rules: [],
      included: ['sandy', 'sandy@example.com', 'bob'],
      excluded: ['carol'],
      includedContexts: [{ contextKind: 'organization', values: ['acme'] }],
      excludedContexts: [{ contextKind: 'organization', values: ['globex'] }],
      _links: { self: { href: segmentPath(), type: 'application/json' } },
      _flags: []
    })
    expect(body).not.toHaveProperty('_version')
    expect(sandbox.segments.get(PROJECT, ENVIRONMENT, SEGMENT)).toEqual(body)
  })

  it('takes the environment before the segment: the other order is a 404', async () => {
    expect(
      (await call('GET', `/api/v2/segments/${PROJECT}/${SEGMENT}/${ENVIRONMENT}`)).status
    ).toBe(404)
    expect((await call('GET', segmentPath(SEGMENT, 'staging'))).status).toBe(200)
    expect((await call('GET', segmentPath('nobody'))).body).toMatchObject({ code: 'not_found' })
  })

  it('a big segment omits the membership arrays', async () => {
    const { status, body } = await call('GET', segmentPath('big-spenders'))
    expect(status).toBe(200)
    expect(body).toMatchObject({
      key: 'big-spenders',
      unbounded: true,
      unboundedContextKind: 'user'
    })
    for (const field of ['included', 'excluded', 'includedContexts', 'excludedContexts'])
      expect(body).not.toHaveProperty(field)
    sandbox.segments.add(PROJECT, ENVIRONMENT, bigSegment('big-orgs', 'organization'))
    expect((await call('GET', segmentPath('big-orgs'))).body).toMatchObject({
      unbounded: true,
      unboundedContextKind: 'organization'
    })
  })

  it('refuses a key both included and excluded', () => {
    expect(() =>
      sandbox.segments.add(PROJECT, ENVIRONMENT, segment('x', { included: ['a'], excluded: ['a'] }))
    ).toThrow(/both included and excluded/)
  })
})

describe('the list: GET /api/v2/segments/{p}/{env}', () => {
  beforeEach(() => {
    for (let i = 0; i < 25; i++)
      sandbox.segments.add(PROJECT, 'paging', segment(`s-${String(i).padStart(2, '0')}`))
  })

  it('pages 20 at a time by default, with totalCount and offset', async () => {
    const first = await call('GET', `/api/v2/segments/${PROJECT}/paging`)
    expect(first.status).toBe(200)
    const items = first.body.items as { key: string }[]
    expect(items).toHaveLength(20)
    expect(first.body.totalCount).toBe(25)
    expect(items[0]!.key).toBe('s-00')
    const rest = await call('GET', `/api/v2/segments/${PROJECT}/paging?limit=20&offset=20`)
    expect((rest.body.items as { key: string }[]).map((s) => s.key)).toEqual([
      's-20',
      's-21',
      's-22',
      's-23',
      's-24'
    ])
    const past = await call('GET', `/api/v2/segments/${PROJECT}/paging?offset=30`)
    expect(past.body).toMatchObject({ items: [], totalCount: 25 })
  })

  it('takes a limit of 50 and refuses 51 with 400 (the sandbox choice)', async () => {
    const fifty = await call('GET', `/api/v2/segments/${PROJECT}/paging?limit=50`)
    expect(fifty.body.items).toHaveLength(25)
    const over = await call('GET', `/api/v2/segments/${PROJECT}/paging?limit=51`)
    expect(over.status).toBe(400)
    expect(over.body).toMatchObject({ code: 'invalid_request' })
    expect((await call('GET', `/api/v2/segments/${PROJECT}/paging?limit=0`)).status).toBe(400)
  })

  it('filters on tags, unbounded and keys, and sorts', async () => {
    const list = async (query: string) =>
      (
        (await call('GET', `/api/v2/segments/${PROJECT}/${ENVIRONMENT}?${query}`)).body.items as {
          key: string
        }[]
      ).map((s) => s.key)
    expect(await list('')).toEqual(['beta-testers', 'big-spenders'])
    expect(await list(`filter=${encodeURIComponent('tags anyOf ["beta", "gamma"]')}`)).toEqual([
      'beta-testers'
    ])
    expect(await list(`filter=${encodeURIComponent('unbounded equals true')}`)).toEqual([
      'big-spenders'
    ])
    expect(
      await list(
        `filter=${encodeURIComponent('includedKeys anyOf ["acme"],unbounded equals false')}`
      )
    ).toEqual(['beta-testers'])
    expect(await list('sort=-name')).toEqual(['big-spenders', 'beta-testers'])
    const refused = await call('GET', `/api/v2/segments/${PROJECT}/${ENVIRONMENT}?filter=nope`)
    expect(refused.status).toBe(400)
  })

  it('list items carry the membership arrays, without _flags', async () => {
    const { body } = await call('GET', `/api/v2/segments/${PROJECT}/${ENVIRONMENT}`)
    const [beta] = body.items as Body[]
    expect(beta).toMatchObject({ key: SEGMENT, included: ['sandy', 'sandy@example.com', 'bob'] })
    expect(beta).not.toHaveProperty('_flags')
  })

  it('answers 404 for an environment nothing mentions', async () => {
    expect((await call('GET', `/api/v2/segments/${PROJECT}/nowhere`)).status).toBe(404)
  })
})

describe('user endpoint: /segments/{p}/{segment}/expiring-user-targets/{env}', () => {
  it('takes the segment before the environment: the other order is a 404', async () => {
    expect((await call('GET', userPath())).status).toBe(200)
    const swapped = `/api/v2/segments/${PROJECT}/${ENVIRONMENT}/expiring-user-targets/${SEGMENT}`
    expect((await call('GET', swapped)).status).toBe(404)
    expect((await patchUsers([addUser('sandy')], swapped)).status).toBe(404)
  })

  it('adds, updates with the SEGMENT version, and removes', async () => {
    const added = await patchUsers([addUser('sandy'), addUser('carol', 'excluded')])
    expect(added.status).toBe(200)
    expect(added.body).toMatchObject({
      totalInstructions: 2,
      successfulInstructions: 2,
      failedInstructions: 0,
      errors: []
    })
    const items = added.body.items as SegmentExpiringUserItem[]
    expect(items).toEqual([
      expect.objectContaining({
        userKey: 'sandy',
        targetType: 'included',
        expirationDate: FUTURE,
        _version: 1,
        _resourceId: resourceId()
      }),
      expect.objectContaining({ userKey: 'carol', targetType: 'excluded' })
    ])
    expect(items[0]).not.toHaveProperty('variationId')
    // One PATCH that changed something: one change to the segment.
    expect(segmentVersion()).toBe(2)

    const updated = await patchUsers([updateUser('sandy', LATER, 2)])
    expect(updated.status).toBe(200)
    expect(updated.body.errors).toEqual([])
    expect(sandbox.segments.expiring(PROJECT, ENVIRONMENT, SEGMENT)[0]).toMatchObject({
      userKey: 'sandy',
      expirationDate: LATER,
      _version: 2
    })
    expect(segmentVersion()).toBe(3)

    const removed = await patchUsers([removeUser('sandy'), removeUser('carol', 'excluded')])
    expect(removed.body).toMatchObject({ items: [], errors: [] })
    expect((await call('GET', userPath())).body).toEqual({ items: [] })
  })

  it('refuses an update whose version is not the segment version with 409, changing nothing', async () => {
    sandbox.segments.schedule(PROJECT, ENVIRONMENT, SEGMENT, 'sandy', 'included', FUTURE)
    // The item's _version is 1, as is the segment's; move the segment on.
    await patchUsers([addUser('bob')])
    expect(segmentVersion()).toBe(2)
    const stale = await patchUsers([addUser('sandy@example.com'), updateUser('sandy', LATER, 1)])
    expect(stale.status).toBe(409)
    expect(stale.body).toMatchObject({ code: 'optimistic_locking_error' })
    expect(segmentVersion()).toBe(2)
    expect(sandbox.segments.expiring(PROJECT, ENVIRONMENT, SEGMENT).map((i) => i.userKey)).toEqual([
      'sandy',
      'bob'
    ])
    expect(sandbox.segments.expiring(PROJECT, ENVIRONMENT, SEGMENT)[0]!.expirationDate).toBe(FUTURE)
  })

  it('refuses an update without a version with 400', async () => {
    sandbox.segments.schedule(PROJECT, ENVIRONMENT, SEGMENT, 'sandy', 'included', FUTURE)
    const { kind, userKey, targetType, value } = updateUser('sandy', LATER, 1)
    const { status, body } = await patchUsers([{ kind, userKey, targetType, value }])
    expect(status).toBe(400)
    expect(body.message).toMatch(/version/)
  })

  it("puts failed instructions in a 200's errors: non-members, duplicates, nothing to change", async () => {
    sandbox.segments.schedule(PROJECT, ENVIRONMENT, SEGMENT, 'bob', 'included', FUTURE)
    const { status, body } = await patchUsers([
      addUser('dora'), // in no list
      addUser('carol'), // excluded, not included
      addUser('bob'), // already scheduled
      updateUser('sandy', LATER, 1), // nothing scheduled
      removeUser('sandy@example.com'), // nothing scheduled
      removeUser('bob', 'excluded'), // scheduled from included
      addUser('sandy', 'included', Date.parse('2001-01-01T00:00:00Z')), // in the past
      addUser('sandy@example.com') // fine
    ])
    expect(status).toBe(200)
    expect(body).toMatchObject({
      totalInstructions: 8,
      successfulInstructions: 1,
      failedInstructions: 7
    })
    const errors = body.errors as { instructionIndex: number; message: string }[]
    expect(errors.map((e) => e.instructionIndex)).toEqual([0, 1, 2, 3, 4, 5, 6])
    expect(errors[0]!.message).toMatch(/user dora is not included/)
    expect(errors[1]!.message).toMatch(/user carol is not included/)
    expect(errors[2]!.message).toMatch(
      /already has a scheduled removal; use updateExpireUserTargetDate/
    )
    expect(errors[3]!.message).toMatch(/no scheduled removal to update/)
    expect(errors[4]!.message).toMatch(/no scheduled removal to remove/)
    expect(errors[5]!.message).toMatch(/scheduled from the included targets/)
    expect(errors[6]!.message).toMatch(/future/)
    expect((body.items as SegmentExpiringUserItem[]).map((i) => i.userKey)).toEqual([
      'bob',
      'sandy@example.com'
    ])
  })

  it('refuses variationId (segment instructions have none) and unknown kinds with 400', async () => {
    const withVariation = await patchUsers([{ ...addUser('sandy'), variationId: ENABLED }])
    expect(withVariation.status).toBe(400)
    expect(withVariation.body.message).toMatch(/variationId/)
    // The spec's schema allows only included and excluded.
    expect((await patchUsers([addUser('sandy', 'rules')])).status).toBe(400)
    // A flag's instruction kind is not a segment's.
    expect((await patchUsers([{ ...addUser('sandy'), kind: 'addExpiringTarget' }])).status).toBe(
      400
    )
    expect(sandbox.segments.expiring(PROJECT, ENVIRONMENT, SEGMENT)).toEqual([])
  })

  it('wants the semantic-patch content type', async () => {
    const { status } = await call('PATCH', userPath(), {
      headers: { 'Content-Type': 'application/json' },
      body: { instructions: [addUser('sandy')] }
    })
    expect(status).toBe(400)
  })

  it('a big segment refuses to schedule, in errors', async () => {
    const { status, body } = await patchUsers([addUser('sandy')], userPath('big-spenders'))
    expect(status).toBe(200)
    expect((body.errors as { message: string }[])[0]!.message).toMatch(/big segment/)
  })
})

describe('contexts endpoint: /segments/{p}/{segment}/expiring-targets/{env}', () => {
  it('adds, updates with the item _version, and removes other context kinds', async () => {
    const added = await patchContexts([
      addContext('organization', 'acme'),
      addContext('organization', 'globex', 'excluded')
    ])
    expect(added.status).toBe(200)
    expect(added.body.items).toEqual([
      expect.objectContaining({
        contextKind: 'organization',
        contextKey: 'acme',
        targetType: 'included',
        _version: 1,
        _resourceId: resourceId()
      }),
      expect.objectContaining({ contextKey: 'globex', targetType: 'excluded' })
    ])
    // The contexts update's version is the item's _version (1), not the segment's (now 2).
    const updated = await patchContexts([
      updateContext('organization', 'acme', LATER, 1),
      updateContext('organization', 'globex', LATER, undefined, 'excluded')
    ])
    expect(updated.body.errors).toEqual([])
    expect(sandbox.segments.expiringContexts(PROJECT, ENVIRONMENT, SEGMENT)).toEqual([
      expect.objectContaining({ contextKey: 'acme', expirationDate: LATER, _version: 2 }),
      expect.objectContaining({ contextKey: 'globex', expirationDate: LATER, _version: 2 })
    ])
    const stale = await patchContexts([updateContext('organization', 'acme', FUTURE, 1)])
    expect(stale.status).toBe(200)
    expect((stale.body.errors as { message: string }[])[0]!.message).toMatch(/version mismatch/)
    const removed = await patchContexts([removeContext('organization', 'acme')])
    expect((removed.body.items as SegmentExpiringItem[]).map((i) => i.contextKey)).toEqual([
      'globex'
    ])
  })

  it('refuses a context the segment does not list under that kind and target type', async () => {
    const { body } = await patchContexts([
      addContext('organization', 'initech'),
      addContext('organization', 'globex'), // excluded, not included
      addContext('device', 'acme') // acme is an organization
    ])
    expect(body.failedInstructions).toBe(3)
    expect((body.errors as { message: string }[])[0]!.message).toMatch(
      /context organization:initech is not included/
    )
  })

  it('shares one store with the user endpoint', async () => {
    await patchUsers([addUser('sandy')])
    await patchContexts([addContext('organization', 'acme')])
    expect(((await call('GET', contextPath())).body.items as SegmentExpiringItem[]).length).toBe(2)
    expect((await call('GET', userPath())).body.items).toEqual([
      expect.objectContaining({ userKey: 'sandy' })
    ])
    const again = await patchContexts([addContext('user', 'sandy')])
    expect((again.body.errors as { message: string }[])[0]!.message).toMatch(/already has/)
  })

  it('takes the segment before the environment: the other order is a 404', async () => {
    const swapped = `/api/v2/segments/${PROJECT}/${ENVIRONMENT}/expiring-targets/${SEGMENT}`
    expect((await call('GET', swapped)).status).toBe(404)
    expect((await call('GET', contextPath(SEGMENT, 'staging'))).status).toBe(200)
    expect((await call('GET', contextPath('nobody'))).status).toBe(404)
  })
})

describe('approvals', () => {
  const flagUserPath = `/api/v2/flags/${PROJECT}/checkout/expiring-user-targets/${ENVIRONMENT}`
  const flagContextPath = `/api/v2/flags/${PROJECT}/checkout/expiring-targets/${ENVIRONMENT}`
  const flagAdd = {
    kind: 'addExpireUserTargetDate',
    userKey: 'sandy',
    variationId: ENABLED,
    value: FUTURE
  }
  const flagContextAdd = {
    kind: 'addExpiringTarget',
    contextKind: 'user',
    contextKey: 'sandy',
    variationId: ENABLED,
    value: FUTURE
  }

  it('a flag expiring PATCH answers 405 through both endpoints, changing nothing', async () => {
    requireApprovals(sandbox, { flags: true })
    for (const [path, instruction] of [
      [flagUserPath, flagAdd],
      [flagContextPath, flagContextAdd]
    ] as const) {
      const { status, body } = await call('PATCH', path, { body: { instructions: [instruction] } })
      expect(status).toBe(405)
      expect(body).toEqual({
        code: 'method_not_allowed',
        message: 'Approval is required to make this request'
      })
    }
    expect(sandbox.expiring(PROJECT, 'checkout', ENVIRONMENT)).toEqual([])
    // Reads still work, and segments are not gated.
    expect((await call('GET', flagUserPath)).status).toBe(200)
    expect((await patchUsers([addUser('sandy')])).status).toBe(200)
    // Another environment is not gated.
    const staging = flagUserPath.replace(ENVIRONMENT, 'staging')
    expect((await call('PATCH', staging, { body: { instructions: [flagAdd] } })).status).toBe(200)
  })

  it('a segment expiring PATCH answers 403 through both endpoints, changing nothing', async () => {
    requireApprovals(sandbox, { segments: true })
    for (const [path, instruction] of [
      [userPath(), addUser('sandy')],
      [contextPath(), addContext('organization', 'acme')]
    ] as const) {
      const { status, body } = await call('PATCH', path, { body: { instructions: [instruction] } })
      expect(status).toBe(403)
      expect(body).toEqual({ code: 'forbidden', message: 'approval is required' })
    }
    expect(sandbox.segments.expiringContexts(PROJECT, ENVIRONMENT, SEGMENT)).toEqual([])
    expect(segmentVersion()).toBe(1)
    expect((await call('GET', userPath())).status).toBe(200)
    expect((await call('PATCH', flagUserPath, { body: { instructions: [flagAdd] } })).status).toBe(
      200
    )
  })

  it('required approval tags gate only the flags or segments that carry one', async () => {
    requireApprovals(sandbox, { segments: true, segmentTags: ['gated'] })
    expect((await patchUsers([addUser('sandy')])).status).toBe(200)
    requireApprovals(sandbox, { segments: true, segmentTags: ['beta'] })
    expect((await patchUsers([addUser('bob')])).status).toBe(403)
  })
})

describe('environment: GET /api/v2/projects/{p}/environments/{env}', () => {
  const environmentPath = (env = ENVIRONMENT) => `/api/v2/projects/${PROJECT}/environments/${env}`

  it('answers an Environment with the fake keys and no approval settings by default', async () => {
    const { status, body } = await call('GET', environmentPath())
    expect(status).toBe(200)
    expect(body).toMatchObject({
      key: ENVIRONMENT,
      apiKey: SANDBOX_SDK_KEY,
      mobileKey: SANDBOX_MOBILE_KEY,
      _links: { self: { href: environmentPath(), type: 'application/json' } }
    })
    expect(SANDBOX_SDK_KEY).toMatch(/^sdk-.*do-not-log$/)
    expect(SANDBOX_MOBILE_KEY).toMatch(/^mob-.*do-not-log$/)
    expect(body).not.toHaveProperty('approvalSettings')
    expect(body).not.toHaveProperty('resourceApprovalSettings')
  })

  it('shows approvalSettings and resourceApprovalSettings.segment when approvals are on', async () => {
    requireApprovals(sandbox, { segments: true, segmentTags: ['beta'] })
    const { body } = await call('GET', environmentPath())
    expect(body.approvalSettings).toMatchObject({ required: false, requiredApprovalTags: [] })
    expect(body.resourceApprovalSettings).toEqual({
      segment: expect.objectContaining({
        required: true,
        requiredApprovalTags: ['beta'],
        serviceKind: 'launchdarkly'
      })
    })
  })

  it('knows the environments of flags, segments and approvals; 404 otherwise', async () => {
    sandbox.segments.reset()
    expect((await call('GET', environmentPath('staging'))).status).toBe(200) // checkout's
    expect((await call('GET', environmentPath('nowhere'))).status).toBe(404)
    sandbox.segments.addEnvironment(PROJECT, 'nowhere')
    expect((await call('GET', environmentPath('nowhere'))).status).toBe(200)
  })
})

describe('the machinery the flag routes have', () => {
  it('records requests, refuses a bad token with 401', async () => {
    const { status } = await call('GET', segmentPath(), { headers: { Authorization: 'api-wrong' } })
    expect(status).toBe(401)
    await call('GET', userPath())
    expect(sandbox.requests.map((r) => [r.method, r.path, r.status])).toEqual([
      ['GET', segmentPath(), 401],
      ['GET', userPath(), 200]
    ])
  })

  it('rate-limits segment routes too, the list included', async () => {
    const limited = await startLaunchDarklySandbox({
      apiKey: API_KEY,
      rateLimit: { limit: 1, windowMs: 3_600_000 }
    })
    try {
      limited.segments.add(PROJECT, ENVIRONMENT, segment(SEGMENT, { included: ['sandy'] }))
      const list = `/api/v2/segments/${PROJECT}/${ENVIRONMENT}`
      expect((await call('GET', list, { on: limited })).status).toBe(200)
      const second = await call('GET', list, { on: limited })
      expect(second.status).toBe(429)
      expect(second.body).toMatchObject({ code: 'rate_limited' })
      expect(limited.violations).toEqual([])
    } finally {
      await limited.close()
    }
  })

  it('applies a segment PATCH and loses the answer (apply-then-status)', async () => {
    sandbox.faults.push({
      method: 'PATCH',
      times: 1,
      response: { kind: 'apply-then-status', status: 502 }
    })
    expect((await patchUsers([addUser('sandy')])).status).toBe(502)
    expect(sandbox.segments.expiring(PROJECT, ENVIRONMENT, SEGMENT)).toHaveLength(1)
  })

  it('an undocumented query parameter is a violation', async () => {
    await call('GET', `${segmentPath()}?expand=flags`)
    expect(sandbox.violations).toEqual(['getSegment: undocumented query expand'])
    sandbox.violations.length = 0
  })
})

describe('the contract', () => {
  const contract = new Contract()

  it('documents the answers given here, and the two unlisted statuses as exceptions', () => {
    expect(
      contract.checkResponse('patchExpiringUserTargets', 405, {
        code: 'method_not_allowed',
        message: 'x'
      })
    ).toEqual([])
    expect(contract.checkResponse('patchExpiringTargets', 405, { message: 'x' })).not.toEqual([])
    expect(
      contract.checkResponse('getSegments', 400, { code: 'invalid_request', message: 'x' })
    ).toEqual([])
    // Not widened elsewhere.
    expect(
      contract.checkResponse('getSegment', 400, { code: 'invalid_request', message: 'x' })
    ).not.toEqual([])
    expect(
      contract.checkResponse('patchFeatureFlag', 403, { code: 'forbidden', message: 'x' })
    ).not.toEqual([])
  })

  it('the instruction schemas do not forbid variationId: the sandbox refuses it itself', () => {
    expect(
      contract.checkRequest('patchExpiringTargetsForSegment', {
        instructions: [{ ...addContext('user', 'sandy'), variationId: ENABLED }]
      })
    ).toEqual([])
  })

  it('every seeded body fits its schema', () => {
    expect(
      contract.checkSchema('UserSegment', sandbox.segments.get(PROJECT, ENVIRONMENT, SEGMENT))
    ).toEqual([])
    expect(
      contract.checkSchema(
        'ExpiringUserTargetItem',
        sandbox.segments.schedule(PROJECT, ENVIRONMENT, SEGMENT, 'sandy', 'included', FUTURE)
      )
    ).toEqual([])
    expect(
      contract.checkSchema(
        'ExpiringTarget',
        sandbox.segments.expiringContexts(PROJECT, ENVIRONMENT, SEGMENT)[0]
      )
    ).toEqual([])
  })
})

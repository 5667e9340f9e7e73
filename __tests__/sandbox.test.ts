/**
 * The LaunchDarkly sandbox behaves as documented, and its contract check has teeth.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { Contract } from '../sandbox/contract.ts'
import { startLaunchDarklySandbox, type LaunchDarklySandbox } from '../sandbox/launchdarkly.ts'
import {
  API_KEY,
  BOOLEAN_VARIATIONS,
  ENVIRONMENT,
  PROJECT,
  seedFlags
} from '../sandbox/fixtures.ts'

const ENABLED = BOOLEAN_VARIATIONS[0]!._id
const FUTURE = Date.parse('2030-06-10T00:00:00Z')
const SP = 'application/json; domain-model=launchdarkly.semanticpatch'
let sandbox: LaunchDarklySandbox

beforeAll(async () => {
  sandbox = await startLaunchDarklySandbox({ apiKey: API_KEY })
})
afterAll(() => sandbox.close())
beforeEach(() => {
  seedFlags(sandbox)
  sandbox.violations.length = 0
})

const path = (flag = 'checkout', env = ENVIRONMENT) =>
  `/api/v2/flags/${PROJECT}/${flag}/expiring-user-targets/${env}`
async function patch(
  instructions: unknown[],
  headers: Record<string, string> = {},
  flag = 'checkout'
) {
  const response = await fetch(sandbox.url + path(flag), {
    method: 'PATCH',
    headers: { Authorization: API_KEY, 'Content-Type': SP, ...headers },
    body: JSON.stringify({ instructions })
  })
  return { status: response.status, body: (await response.json()) as Record<string, unknown> }
}
const add = (userKey: string, value = FUTURE, variationId = ENABLED) => ({
  kind: 'addExpireUserTargetDate',
  userKey,
  variationId,
  value
})

describe('the contract check', () => {
  const contract = new Contract()

  it('accepts what the spec documents', () => {
    expect(contract.checkResponse('getExpiringUserTargets', 200, { items: [] })).toEqual([])
    expect(
      contract.checkResponse('patchExpiringUserTargets', 400, {
        code: 'invalid_request',
        message: 'x'
      })
    ).toEqual([])
    expect(contract.checkRequest('patchExpiringUserTargets', { instructions: [] })).toEqual([])
  })

  it('catches bodies and statuses the spec does not allow', () => {
    expect(contract.checkResponse('patchExpiringUserTargets', 200, {})).not.toEqual([])
    expect(
      contract.checkResponse('patchExpiringUserTargets', 200, { items: [{ userKey: 'x' }] })
    ).not.toEqual([])
    expect(
      contract.checkResponse('patchExpiringUserTargets', 200, {
        items: [],
        errors: [{ message: 'no index' }]
      })
    ).not.toEqual([])
    expect(
      contract.checkResponse('getExpiringUserTargets', 400, { code: 'x', message: 'y' })
    ).toEqual(['getExpiringUserTargets does not document status 400'])
    expect(contract.checkResponse('getFeatureFlag', 200, { key: 'x' })).not.toEqual([])
    expect(
      contract.checkRequest('patchExpiringUserTargets', { comment: 'no instructions' })
    ).not.toEqual([])
  })

  it('knows the documented query parameters of the flag GET', () => {
    expect(contract.queryParameters('getFeatureFlag')).toEqual(['env', 'expand'])
  })
})

describe('the sandbox', () => {
  it('serves a flag that is a valid FeatureFlag, filtered by ?env=', async () => {
    const response = await fetch(
      `${sandbox.url}/api/v2/flags/${PROJECT}/checkout?env=${ENVIRONMENT}`,
      { headers: { Authorization: API_KEY } }
    )
    const flag = (await response.json()) as { environments: Record<string, unknown> }
    expect(response.status).toBe(200)
    expect(Object.keys(flag.environments)).toEqual([ENVIRONMENT])
    expect(sandbox.violations).toEqual([])
  })

  it('answers 401 to a wrong token and 404 to an unknown flag', async () => {
    expect((await patch([add('sandy')], { Authorization: 'api-nope' })).status).toBe(401)
    expect((await patch([add('sandy')], {}, 'nope')).status).toBe(404)
  })

  it('needs the semantic-patch content type', async () => {
    const result = await patch([add('sandy')], { 'Content-Type': 'application/json' })
    expect(result.status).toBe(400)
    expect(result.body.message).toMatch(/domain-model=launchdarkly\.semanticpatch/)
  })

  it('answers 400 to malformed instructions', async () => {
    expect((await patch([{ kind: 'addUserTargets', userKey: 'sandy' }])).status).toBe(400)
    expect(
      (await patch([{ kind: 'addExpireUserTargetDate', variationId: ENABLED, value: FUTURE }]))
        .status
    ).toBe(400)
    expect((await patch([{ ...add('sandy'), value: '2030-06-10' }])).status).toBe(400)
  })

  it('reports each failed instruction in a 200 with counters, and applies the rest', async () => {
    sandbox.schedule(PROJECT, 'checkout', ENVIRONMENT, 'bob', ENABLED, FUTURE)
    const result = await patch([
      add('sandy'),
      add('nobody'),
      add('bob'),
      { kind: 'updateExpireUserTargetDate', userKey: 'carol', variationId: ENABLED, value: FUTURE },
      { kind: 'removeExpireUserTargetDate', userKey: 'carol', variationId: ENABLED },
      {
        kind: 'updateExpireUserTargetDate',
        userKey: 'bob',
        variationId: ENABLED,
        value: FUTURE + 1,
        version: 9
      },
      add('carol', Date.now() - 1000)
    ])
    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({
      totalInstructions: 7,
      successfulInstructions: 1,
      failedInstructions: 6
    })
    expect(
      (result.body.errors as { instructionIndex: number; message: string }[]).map((e) => [
        e.instructionIndex,
        e.message
      ])
    ).toEqual([
      [1, expect.stringMatching(/not individually targeted/)],
      [2, expect.stringMatching(/already has a scheduled removal/)],
      [3, expect.stringMatching(/no scheduled removal to update/)],
      [4, expect.stringMatching(/no scheduled removal to remove/)],
      [5, expect.stringMatching(/version mismatch/)],
      [6, expect.stringMatching(/must be in the future/)]
    ])
    expect(
      sandbox
        .expiring(PROJECT, 'checkout', ENVIRONMENT)
        .map((i) => i.userKey)
        .sort()
    ).toEqual(['bob', 'sandy'])
    expect(sandbox.violations).toEqual([])
  })
})

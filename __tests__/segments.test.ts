/**
 * Segments beside flags, in process (main's `run()` against the sandboxes): both endpoints with
 * `targetType` inferred from membership, the segment's version on a user update, refusals that
 * send nothing for the pair, a label and a sweep on a segment, the digest's segment rows, and
 * environments that need approval.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  ENVIRONMENT,
  GITHUB_TOKEN,
  PROJECT,
  REPOSITORY,
  requireApprovals,
  seedSegments,
  startSandboxes,
  type Sandboxes
} from '../sandbox/fixtures.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import { startInProcess, type InProcess, type InProcessOptions } from './helpers/in-process.ts'

const T1 = Date.parse('2030-06-10T00:00:00Z')
const T2 = Date.parse('2030-07-01T00:00:00Z')
const SEGMENT = 'beta-testers'
const USERS_PATH = `/api/v2/segments/${PROJECT}/${SEGMENT}/expiring-user-targets/${ENVIRONMENT}`
const CONTEXTS_PATH = `/api/v2/segments/${PROJECT}/${SEGMENT}/expiring-targets/${ENVIRONMENT}`
const FLAG_PATH = `/api/v2/flags/${PROJECT}/checkout/expiring-user-targets/${ENVIRONMENT}`

let sandboxes: Sandboxes
let inProcess: InProcess

beforeAll(async () => {
  sandboxes = await startSandboxes()
  inProcess = await startInProcess({
    githubApiUrl: sandboxes.github.url,
    githubToken: GITHUB_TOKEN
  })
})
afterAll(async () => {
  inProcess?.restore()
  await sandboxes?.close()
})
beforeEach(() => {
  sandboxes.reset()
  seedSegments(sandboxes.launchDarkly)
  sandboxes.github.setPermission(REPOSITORY, 'Codertocat', 'admin')
})
afterEach(() => {
  expect(sandboxes.launchDarkly.violations).toEqual([])
})

/** A run on the segment alone unless the test names flags too; no comment. */
function run(options: InProcessOptions = {}) {
  return inProcess.run({
    ...options,
    inputs: {
      ...sandboxes.inputs(),
      'flag-key': '',
      'segment-key': SEGMENT,
      comment: 'false',
      ...options.inputs
    }
  })
}

function patches(path?: string) {
  return sandboxes.launchDarkly.requests.filter(
    (r) => r.method === 'PATCH' && (path === undefined || r.path === path)
  )
}

function instructionsOf(path: string): unknown[] {
  return patches(path).flatMap((r) => (r.body as { instructions: unknown[] }).instructions)
}

function segmentVersion(): number {
  return (sandboxes.launchDarkly.segments.get(PROJECT, ENVIRONMENT, SEGMENT) as { version: number })
    .version
}

describe('a segment on the user endpoint', () => {
  it('schedules an included and an excluded key in one PATCH, each on its list, with no variation', async () => {
    const result = await run({ inputs: { targets: 'sandy@2030-06-10\ncarol@2030-06-10' } })
    expect(result.exitCode).toBe(0)
    expect(patches()).toHaveLength(1)
    expect(instructionsOf(USERS_PATH)).toEqual([
      { kind: 'addExpireUserTargetDate', userKey: 'sandy', targetType: 'included', value: T1 },
      { kind: 'addExpireUserTargetDate', userKey: 'carol', targetType: 'excluded', value: T1 }
    ])
    const items = sandboxes.launchDarkly.segments.expiring(PROJECT, ENVIRONMENT, SEGMENT)
    expect(items.map((i) => [i.userKey, i.targetType, i.expirationDate]).sort()).toEqual([
      ['carol', 'excluded', T1],
      ['sandy', 'included', T1]
    ])
    expect(JSON.parse(result.outputs.instructions ?? '[]')).toEqual([
      expect.objectContaining({ segmentKey: SEGMENT, environmentKey: ENVIRONMENT }),
      expect.objectContaining({ segmentKey: SEGMENT, environmentKey: ENVIRONMENT })
    ])
  })

  it("moves a removal with the segment's version, and cancels one", async () => {
    const segments = sandboxes.launchDarkly.segments
    segments.schedule(PROJECT, ENVIRONMENT, SEGMENT, 'bob', 'included', T1)
    segments.schedule(PROJECT, ENVIRONMENT, SEGMENT, 'carol', 'excluded', T1)
    const version = segmentVersion()
    const result = await run({ inputs: { targets: 'bob@2030-07-01\ncarol@never' } })
    expect(result.exitCode).toBe(0)
    expect(instructionsOf(USERS_PATH)).toEqual([
      {
        kind: 'updateExpireUserTargetDate',
        userKey: 'bob',
        targetType: 'included',
        value: T2,
        version
      },
      { kind: 'removeExpireUserTargetDate', userKey: 'carol', targetType: 'excluded' }
    ])
    const items = segments.expiring(PROJECT, ENVIRONMENT, SEGMENT)
    expect(items.map((i) => [i.userKey, i.expirationDate])).toEqual([['bob', T2]])
  })

  it('refuses a key that is not a member, naming it, and sends nothing for it', async () => {
    const result = await run({ inputs: { targets: 'dora@2030-06-10\nsandy@2030-06-10' } })
    expect(result.exitCode).toBe(1)
    expect(instructionsOf(USERS_PATH)).toEqual([
      expect.objectContaining({ userKey: 'sandy', targetType: 'included' })
    ])
    const errors = JSON.parse(result.outputs.errors ?? '[]') as { message: string }[]
    expect(errors).toEqual([
      expect.objectContaining({
        segmentKey: SEGMENT,
        flagKey: null,
        userKey: 'dora',
        message: expect.stringContaining(
          `neither included in nor excluded from segment "${SEGMENT}"`
        )
      })
    ])
  })

  it('refuses a big segment in one sentence and sends nothing to it', async () => {
    const result = await run({ inputs: { 'segment-key': 'big-spenders', targets: 'sandy@+7d' } })
    expect(result.exitCode).toBe(1)
    expect(patches()).toEqual([])
    const [error] = JSON.parse(result.outputs.errors ?? '[]') as { message: string }[]
    expect(error?.message).toMatch(/segment "big-spenders" is a big segment/)
  })
})

describe('a segment on the contexts endpoint', () => {
  it('sends targetType and no variationId', async () => {
    const result = await run({
      inputs: { 'context-kind': 'organization', targets: 'acme@2030-06-10\nglobex@2030-06-10' }
    })
    expect(result.exitCode).toBe(0)
    expect(instructionsOf(CONTEXTS_PATH)).toEqual([
      {
        kind: 'addExpiringTarget',
        contextKey: 'acme',
        contextKind: 'organization',
        targetType: 'included',
        value: T1
      },
      {
        kind: 'addExpiringTarget',
        contextKey: 'globex',
        contextKind: 'organization',
        targetType: 'excluded',
        value: T1
      }
    ])
  })
})

describe('flags and segments together', () => {
  it('applies every entry to the flag and to the segment: one PATCH each', async () => {
    const result = await run({ inputs: { 'flag-key': 'checkout', targets: 'sandy@2030-06-10' } })
    expect(result.exitCode).toBe(0)
    expect(instructionsOf(FLAG_PATH)).toEqual([
      expect.objectContaining({
        kind: 'addExpireUserTargetDate',
        userKey: 'sandy',
        variationId: expect.any(String)
      })
    ])
    expect(instructionsOf(USERS_PATH)).toEqual([
      { kind: 'addExpireUserTargetDate', userKey: 'sandy', targetType: 'included', value: T1 }
    ])
    expect(result.summary).toMatch(/Flag or segment/)
  })

  it('a label on a pull request applies to the segment', async () => {
    const result = await run({
      eventName: 'pull_request',
      payload: pullRequestPayload('labeled', 'expire-user:bob@2030-06-10')
    })
    expect(result.exitCode).toBe(0)
    expect(instructionsOf(USERS_PATH)).toEqual([
      { kind: 'addExpireUserTargetDate', userKey: 'bob', targetType: 'included', value: T1 }
    ])
  })
})

describe('scheduled modes on segments', () => {
  it('sweep gives included members without a removal the default lifetime, and leaves excluded ones alone', async () => {
    sandboxes.launchDarkly.segments.schedule(PROJECT, ENVIRONMENT, SEGMENT, 'bob', 'included', T1)
    const before = Date.now()
    const result = await run({ inputs: { mode: 'sweep', 'default-lifetime': '30d' } })
    expect(result.exitCode).toBe(0)
    const sent = instructionsOf(USERS_PATH) as {
      userKey: string
      targetType: string
      value: number
    }[]
    expect(sent.map((i) => [i.userKey, i.targetType])).toEqual([
      ['sandy', 'included'],
      ['sandy@example.com', 'included']
    ])
    for (const i of sent) expect(i.value).toBeGreaterThanOrEqual(before + 30 * 86_400_000)
    expect(result.outputs.swept).toBe('2')
  })

  it('segment-key * reads the segment list, 50 a page, and sweeps every listed segment', async () => {
    const result = await run({
      inputs: { mode: 'sweep', 'segment-key': '*', 'default-lifetime': '30d', 'dry-run': 'true' }
    })
    expect(result.exitCode).toBe(0)
    const lists = sandboxes.launchDarkly.requests.filter(
      (r) => r.method === 'GET' && r.path === `/api/v2/segments/${PROJECT}/${ENVIRONMENT}`
    )
    expect(lists.map((r) => r.query.limit)).toEqual(['50'])
    // The list carries the targets: no segment is read on its own.
    const reads = sandboxes.launchDarkly.requests.filter((r) =>
      r.path.startsWith(`/api/v2/segments/${PROJECT}/${ENVIRONMENT}/`)
    )
    expect(reads).toEqual([])
    expect(result.outputs.swept).toBe('3')
    expect(patches()).toEqual([])
  })

  it('digest lists a segment removal due soon with its segmentKey', async () => {
    const soon = Date.now() + 2 * 86_400_000
    sandboxes.launchDarkly.segments.schedule(
      PROJECT,
      ENVIRONMENT,
      SEGMENT,
      'sandy',
      'included',
      soon
    )
    const result = await run({ inputs: { mode: 'digest', window: '7d' } })
    expect(result.exitCode).toBe(0)
    expect(patches()).toEqual([])
    expect(JSON.parse(result.outputs.due ?? '[]')).toEqual([
      expect.objectContaining({
        segmentKey: SEGMENT,
        environmentKey: ENVIRONMENT,
        target: { kind: 'user', key: 'sandy' },
        variation: 'included'
      })
    ])
    expect(result.summary).toMatch(/segment \[`beta-testers`\]/)
  })
})

describe('environments that need approval', () => {
  it('a 405 on the flag fails that pair after one PATCH; the segment still goes out', async () => {
    requireApprovals(sandboxes.launchDarkly, { flags: true, segments: false })
    const result = await run({ inputs: { 'flag-key': 'checkout', targets: 'sandy@2030-06-10' } })
    expect(result.exitCode).toBe(1)
    expect(patches(FLAG_PATH)).toHaveLength(1)
    expect(patches(USERS_PATH)).toHaveLength(1)
    const errors = JSON.parse(result.outputs.errors ?? '[]') as {
      message: string
      flagKey: string
    }[]
    expect(errors).toEqual([
      expect.objectContaining({
        flagKey: 'checkout',
        message: expect.stringMatching(/flag "checkout" in environment "production" needs approval/)
      })
    ])
    expect(sandboxes.launchDarkly.segments.expiring(PROJECT, ENVIRONMENT, SEGMENT)).toHaveLength(1)
  })

  it('a 403 "approval is required" on the segment fails that pair after one PATCH; the flag still goes out', async () => {
    requireApprovals(sandboxes.launchDarkly, { flags: false, segments: true })
    const result = await run({ inputs: { 'flag-key': 'checkout', targets: 'sandy@2030-06-10' } })
    expect(result.exitCode).toBe(1)
    expect(patches(USERS_PATH)).toHaveLength(1)
    expect(patches(FLAG_PATH)).toHaveLength(1)
    const errors = JSON.parse(result.outputs.errors ?? '[]') as { message: string }[]
    expect(errors).toEqual([
      expect.objectContaining({
        segmentKey: SEGMENT,
        message: expect.stringMatching(
          /segment "beta-testers" in environment "production" needs approval/
        )
      })
    ])
    // The flag's removal went out beside the refused segment.
    expect(sandboxes.launchDarkly.expiring(PROJECT, 'checkout', ENVIRONMENT)).toHaveLength(1)
  })
})

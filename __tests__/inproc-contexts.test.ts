/**
 * Contexts, several environments and aliases, in process: `context-kind` sends through the
 * contexts endpoint (`expiring-targets`) and reads who is targeted from `targets` and
 * `contextTargets`; empty, it is v1's user endpoint. `environment-key` and `flag-key` multiply into
 * one PATCH per (flag, environment); the targets file's aliases work in labels.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BOOLEAN_VARIATIONS,
  ENVIRONMENT,
  PROJECT,
  REPOSITORY,
  flagWithContexts
} from '../sandbox/fixtures.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import { inProcessSuite, type InProcessRun } from './helpers/suite.ts'

jest.setTimeout(30_000)
const suite = inProcessSuite()

const PR = 2
const ENABLED = BOOLEAN_VARIATIONS[0]!._id
const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')
const JAN_1 = Date.parse('2031-01-01T00:00:00Z')
const STAGING = 'staging'
const UUID = '2f6a3c1e-8b4d-4f7a-9c2e-5d1b0a7e6f93'
const PEOPLE = ['sandy', 'bob', UUID]
const CONTEXTS_PATH = (flag: string, env = ENVIRONMENT) =>
  `/api/v2/flags/${PROJECT}/${flag}/expiring-targets/${env}`
const USERS_PATH = (flag: string, env = ENVIRONMENT) =>
  `/api/v2/flags/${PROJECT}/${flag}/expiring-user-targets/${env}`

beforeEach(() => {
  // The suite seeds checkout and new-search (addFlag replaces, forgetting removals); these replace
  // them with flags that also target the organization acme, in both environments.
  for (const flag of ['checkout', 'new-search']) {
    const orgs = [{ kind: 'organization', variation: 0, values: ['acme'] }]
    suite.sandboxes.launchDarkly.addFlag(PROJECT, flagWithContexts(flag, PEOPLE, orgs))
  }
})

type Instructions = Record<string, unknown>[]
const patches = () => suite.sandboxes.launchDarkly.requests.filter((r) => r.method === 'PATCH')
const sent = () =>
  patches().map((r) => ({
    path: r.path,
    instructions: (r.body as { instructions: Instructions }).instructions
  }))
const requestedPaths = () => suite.sandboxes.launchDarkly.requests.map((r) => r.path)
const state = (flag = 'checkout', env = ENVIRONMENT) =>
  suite.sandboxes.launchDarkly
    .expiringContexts(PROJECT, flag, env)
    .map((i) => ({ kind: i.contextKind, key: i.contextKey, at: i.expirationDate }))
const errors = (run: InProcessRun) =>
  JSON.parse(run.outputs.errors ?? 'null') as { message: string; target: unknown }[]
const instructions = (run: InProcessRun) =>
  JSON.parse(run.outputs.instructions ?? 'null') as {
    flagKey: string
    environmentKey: string
    instruction: Record<string, unknown>
  }[]
/** A run on workflow_dispatch with these `targets` and other inputs. */
const dispatch = (targets: string, inputs: Record<string, string> = {}) =>
  suite.run({ inputs: { targets, ...inputs } })

describe.each(['user', 'organization'])('context-kind %s', (kind) => {
  const key = kind === 'user' ? 'sandy' : 'acme'
  const context = { kind: 'updateExpiringTarget', contextKey: key, contextKind: kind }

  it('schedules, moves and cancels through the contexts endpoint, never the user endpoint', async () => {
    const inputs = { 'context-kind': kind }
    const first = await dispatch(`${key}@2030-06-10`, inputs)
    expect(first.code).toBe(0)
    expect(sent()).toEqual([
      {
        path: CONTEXTS_PATH('checkout'),
        instructions: [
          { ...context, kind: 'addExpiringTarget', variationId: ENABLED, value: JUNE_10 }
        ]
      }
    ])
    expect(state()).toEqual([{ kind, key, at: JUNE_10 }])
    const [item] = suite.sandboxes.launchDarkly.expiringContexts(PROJECT, 'checkout', ENVIRONMENT)

    const paths = requestedPaths()
    suite.sandboxes.launchDarkly.requests.length = 0
    expect((await dispatch(`${key}@2031-01-01`, inputs)).code).toBe(0)
    expect(sent()).toEqual([
      {
        path: CONTEXTS_PATH('checkout'),
        instructions: [{ ...context, variationId: ENABLED, value: JAN_1, version: item?._version }]
      }
    ])
    expect(state()).toEqual([{ kind, key, at: JAN_1 }])
    expect(
      suite.sandboxes.launchDarkly.expiringContexts(PROJECT, 'checkout', ENVIRONMENT)[0]?._version
    ).toBe(2)

    paths.push(...requestedPaths())
    suite.sandboxes.launchDarkly.requests.length = 0
    const last = await dispatch(`${key}@never`, inputs)
    expect(last.code).toBe(0)
    expect(sent()).toEqual([
      {
        path: CONTEXTS_PATH('checkout'),
        instructions: [{ ...context, kind: 'removeExpiringTarget', variationId: ENABLED }]
      }
    ])
    expect(state()).toEqual([])
    expect(last.outputs).toMatchObject({ 'total-instructions': '1', errors: '[]' })
    // Over the three runs, the state was read through the contexts endpoint too.
    paths.push(...requestedPaths())
    expect(paths.filter((p) => p === CONTEXTS_PATH('checkout')).length).toBeGreaterThanOrEqual(6)
    expect(paths.filter((p) => p.includes('/expiring-user-targets/'))).toEqual([])
  })
})

describe('context-kind organization', () => {
  const inputs = { 'context-kind': 'organization' }

  it('fails a key that is only a user, sends nothing for it, and shows Kind and Context', async () => {
    const result = await dispatch('acme@2030-06-10\nsandy@2030-06-10', inputs)
    expect(result.code).not.toBe(0)
    expect(sent()).toEqual([
      {
        path: CONTEXTS_PATH('checkout'),
        instructions: [
          {
            kind: 'addExpiringTarget',
            contextKey: 'acme',
            contextKind: 'organization',
            variationId: ENABLED,
            value: JUNE_10
          }
        ]
      }
    ])
    expect(state()).toEqual([{ kind: 'organization', key: 'acme', at: JUNE_10 }])
    expect(errors(result)).toEqual([
      expect.objectContaining({
        target: { kind: 'organization', key: 'sandy' },
        message: expect.stringMatching(/organization "sandy" is not individually targeted/)
      })
    ])
    expect(result.outputs).toMatchObject({
      'total-instructions': '1',
      'successful-instructions': '1',
      'failed-instructions': '0'
    })
    expect(result.summary).toMatch(/\| Kind \| Context \| Variation \|/)
    expect(result.summary).toMatch(
      /\| `organization` \| `acme` \| `Enabled` \| 2030-06-10 00:00 UTC \|/
    )
    expect(result.summary).toMatch(/\| `organization` \| `sandy` \| .*not individually targeted/)
    expect(result.summary).not.toMatch(/\| User \|/)
  })

  it('takes a relative time: +2w is two weeks from now', async () => {
    const before = Date.now()
    const result = await dispatch('acme@+2w', inputs)
    expect(result.code).toBe(0)
    const TWO_WEEKS = 14 * 24 * 3_600_000
    const value = sent()[0]?.instructions[0]?.value as number
    expect(value).toBeGreaterThanOrEqual(before + TWO_WEEKS - 60_000)
    expect(value).toBeLessThanOrEqual(Date.now() + TWO_WEEKS + 60_000)
    expect(state()).toEqual([{ kind: 'organization', key: 'acme', at: value }])
  })
})

describe('two flags in two environments', () => {
  const pairs = ['checkout', 'new-search'].flatMap((flag) =>
    [ENVIRONMENT, STAGING].map((env) => ({ flag, env }))
  )
  const several = {
    'environment-key': `${ENVIRONMENT},${STAGING}`,
    'flag-key': 'checkout,new-search'
  }

  it.each([
    {
      endpoint: 'the user endpoint (context-kind empty)',
      kind: '',
      key: 'sandy',
      path: USERS_PATH,
      instruction: { kind: 'addExpireUserTargetDate', userKey: 'sandy' }
    },
    {
      endpoint: 'the contexts endpoint (context-kind organization)',
      kind: 'organization',
      key: 'acme',
      path: CONTEXTS_PATH,
      instruction: { kind: 'addExpiringTarget', contextKey: 'acme', contextKind: 'organization' }
    }
  ])(
    'one targets line sends one PATCH per pair through $endpoint',
    async ({ kind, key, path, instruction }) => {
      const result = await dispatch(`${key}@2030-06-10`, { ...several, 'context-kind': kind })
      expect(result.code).toBe(0)
      const expected = { ...instruction, variationId: ENABLED, value: JUNE_10 }
      expect(sent()).toHaveLength(4)
      expect(sent()).toEqual(
        expect.arrayContaining(
          pairs.map((p) => ({ path: path(p.flag, p.env), instructions: [expected] }))
        )
      )
      expect(result.outputs).toMatchObject({ 'total-instructions': '4', errors: '[]' })
      expect(instructions(result)).toHaveLength(4)
      expect(instructions(result)).toEqual(
        expect.arrayContaining(
          pairs.map((p) =>
            expect.objectContaining({
              flagKey: p.flag,
              environmentKey: p.env,
              instruction: expected
            })
          )
        )
      )
      for (const p of pairs)
        expect(state(p.flag, p.env)).toEqual([{ kind: kind || 'user', key, at: JUNE_10 }])
    }
  )
})

describe('context-kind empty (v1)', () => {
  it('uses only the user endpoint, for reads and writes', async () => {
    const result = await dispatch('sandy@2030-06-10')
    expect(result.code).toBe(0)
    expect(sent()).toEqual([
      {
        path: USERS_PATH('checkout'),
        instructions: [
          {
            kind: 'addExpireUserTargetDate',
            userKey: 'sandy',
            variationId: ENABLED,
            value: JUNE_10
          }
        ]
      }
    ])
    const expiringPaths = requestedPaths().filter((p) => p.includes('/expiring'))
    expect(expiringPaths.length).toBeGreaterThan(0)
    expect(expiringPaths.every((p) => p.includes('/expiring-user-targets/'))).toBe(true)
    expect(result.summary).toMatch(/\| User \| Variation \|/)
  })
})

describe('an alias in a label', () => {
  const LABEL = 'expire-user:sandy@2030-06-10'
  let workspace: string

  beforeEach(() => {
    workspace = mkdtempSync(join(tmpdir(), 'ld-contexts-'))
    mkdirSync(join(workspace, '.github'))
    writeFileSync(
      join(workspace, '.github', 'expiring-targets.yml'),
      `version: 1\naliases:\n  sandy: ${UUID}\ntargets: []\n`
    )
  })
  afterEach(() => rmSync(workspace, { recursive: true, force: true }))

  /** The label added on the PR, then the event GitHub sends for it. */
  const add = (inputs: Record<string, string> = {}) => {
    suite.sandboxes.github.addLabel(REPOSITORY, PR, LABEL)
    return suite.run({
      eventName: 'pull_request',
      payload: pullRequestPayload('labeled', LABEL),
      inputs,
      env: { GITHUB_WORKSPACE: workspace }
    })
  }
  const comment = () => suite.sandboxes.github.commentsOn(REPOSITORY, PR)[0]?.body ?? ''

  it('resolves to the key the targets file gives, and the comment shows both', async () => {
    const result = await add({ 'targets-file': '.github/expiring-targets.yml' })
    expect(result.code).toBe(0)
    expect(sent()).toEqual([
      {
        path: USERS_PATH('checkout'),
        instructions: [
          { kind: 'addExpireUserTargetDate', userKey: UUID, variationId: ENABLED, value: JUNE_10 }
        ]
      }
    ])
    expect(state()).toEqual([{ kind: 'user', key: UUID, at: JUNE_10 }])
    expect(errors(result)).toEqual([])
    expect(comment()).toContain(`| \`sandy\` (\`${UUID}\`) | \`Enabled\` | 2030-06-10 00:00 UTC |`)
  })

  it('without a targets file, targets the literal key', async () => {
    const result = await add()
    expect(result.code).toBe(0)
    expect(sent()[0]?.instructions).toEqual([
      { kind: 'addExpireUserTargetDate', userKey: 'sandy', variationId: ENABLED, value: JUNE_10 }
    ])
    expect(state()).toEqual([{ kind: 'user', key: 'sandy', at: JUNE_10 }])
    expect(comment()).not.toContain(UUID)
  })
})

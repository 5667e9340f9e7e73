/**
 * In process: `required-permission`. Anyone with triage can label a PR; a label changes
 * targeting only when the person who added or removed it has the required permission.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import {
  BOOLEAN_VARIATIONS,
  ENVIRONMENT,
  PROJECT,
  REPOSITORY,
  registerRunnerToken
} from '../sandbox/fixtures.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import type { InProcessOptions } from './helpers/in-process.ts'
import { inProcessSuite, type InProcessRun } from './helpers/suite.ts'

jest.setTimeout(30_000)
const suite = inProcessSuite()

beforeEach(() => {
  suite.sandboxes.github.setPermission(REPOSITORY, 'maintainer', 'maintain')
  suite.sandboxes.github.setPermission(REPOSITORY, 'writer', 'write')
  suite.sandboxes.github.setPermission(REPOSITORY, 'triager', 'triage')
  suite.sandboxes.github.setPermission(REPOSITORY, 'reader', 'read')
})

function labelEvent(
  action: 'labeled' | 'unlabeled',
  label: string,
  sender: string,
  inputs: Record<string, string> = {}
): Promise<InProcessRun> {
  const payload = pullRequestPayload(action, label)
  ;(payload.sender as { login: string }).login = sender
  return run({ eventName: 'pull_request_target', payload, inputs })
}
const run = (options: InProcessOptions): Promise<InProcessRun> => suite.run(options)
// The flags are read while GitHub is asked about the sender; a refused label writes nothing.
const writes = () => suite.sandboxes.launchDarkly.requests.filter((r) => r.method !== 'GET')
const permissionLookups = () =>
  suite.sandboxes.github.requests.filter((r) => r.path.includes('/collaborators/'))
const errorsOf = (result: InProcessRun) =>
  JSON.parse(result.outputs.errors ?? '[]') as { message: string }[]

describe('label events', () => {
  it.each(['writer', 'maintainer', 'Codertocat'])(
    'act for %s, who has at least write',
    async (sender) => {
      const result = await labelEvent('labeled', 'expire-user:sandy@2030-06-10', sender)
      expect(result.code).toBe(0)
      expect(suite.sandboxes.launchDarkly.expiring(PROJECT, 'checkout', ENVIRONMENT)).toHaveLength(
        1
      )
      expect(permissionLookups().map((r) => r.path)).toEqual([
        `/repos/${REPOSITORY}/collaborators/${sender}/permission`
      ])
    }
  )

  it.each([
    ['triager', 'triage'],
    ['reader', 'read'],
    ['stranger', 'none']
  ])('do nothing for %s (%s), and say why', async (sender, permission) => {
    const result = await labelEvent('labeled', 'expire-user:sandy@2030-06-10', sender)
    expect(result.code).toBe(1)
    expect(writes()).toHaveLength(0)
    expect(errorsOf(result)[0]?.message).toBe(
      `label "expire-user:sandy@2030-06-10": ${sender}, who added this label, has ${permission} permission on ${REPOSITORY}; changing targeting through labels needs write permission (input required-permission)`
    )
    expect(suite.sandboxes.github.commentsOn(REPOSITORY, 2)[0]?.body).toMatch(
      /⚠️ invalid \| .*who added this label, has/
    )
  })

  it('guard cancellations too: removing a label cannot extend access', async () => {
    suite.sandboxes.launchDarkly.schedule(
      PROJECT,
      'checkout',
      ENVIRONMENT,
      'sandy',
      BOOLEAN_VARIATIONS[0]!._id,
      Date.parse('2030-06-10T00:00:00Z')
    )
    const result = await labelEvent('unlabeled', 'expire-user:sandy@2030-06-10', 'triager')
    expect(result.code).toBe(1)
    expect(errorsOf(result)[0]?.message).toMatch(
      /triager, who removed this label, has triage permission/
    )
    expect(suite.sandboxes.launchDarkly.expiring(PROJECT, 'checkout', ENVIRONMENT)).toHaveLength(1)
  })

  it('follow the input: triage lets triagers act', async () => {
    const result = await labelEvent('labeled', 'expire-user:sandy@2030-06-10', 'triager', {
      'required-permission': 'triage'
    })
    expect(result.code).toBe(0)
  })

  it('ask GitHub nothing when the input is none', async () => {
    const result = await labelEvent('labeled', 'expire-user:sandy@2030-06-10', 'stranger', {
      'required-permission': 'none'
    })
    expect(result.code).toBe(0)
    expect(permissionLookups()).toHaveLength(0)
  })

  it('fail closed when GitHub cannot say', async () => {
    registerRunnerToken(suite.sandboxes.github, 'ghs_other', true)
    suite.sandboxes.github.tokens.delete('ghs_other')
    const result = await labelEvent('labeled', 'expire-user:sandy@2030-06-10', 'writer', {
      'github-token': 'ghs_other'
    })
    expect(result.code).toBe(1)
    expect(writes()).toHaveLength(0)
    expect(errorsOf(result)[0]?.message).toMatch(
      /could not check the permission of writer, who added this label \(GitHub answered 401 Bad credentials/
    )
  })
})

describe('labels applied again on synchronize', () => {
  it('check who added each label, not who pushed', async () => {
    suite.sandboxes.github.setLabels(REPOSITORY, 2, ['expire-user:sandy@2030-06-10'], 'maintainer')
    suite.sandboxes.github.setLabels(
      REPOSITORY,
      2,
      ['expire-user:sandy@2030-06-10', 'expire-user:bob@2030-06-10'],
      'triager'
    )
    // The events say: maintainer added sandy's label first, triager added both later; the latest counts.
    const result = await run({
      eventName: 'pull_request_target',
      payload: pullRequestPayload('synchronize')
    })
    expect(result.code).toBe(1)
    expect(writes()).toHaveLength(0)
    expect(errorsOf(result).map((e) => e.message)).toEqual([
      expect.stringMatching(/sandy.*triager, who added this label, has triage permission/),
      expect.stringMatching(/bob.*triager, who added this label, has triage permission/)
    ])
  })

  it('apply labels that people with write added', async () => {
    suite.sandboxes.github.setLabels(
      REPOSITORY,
      2,
      ['expire-user:sandy@2030-06-10', 'bug'],
      'writer'
    )
    const result = await run({
      eventName: 'pull_request_target',
      payload: pullRequestPayload('synchronize')
    })
    expect(result.code).toBe(0)
    expect(suite.sandboxes.launchDarkly.expiring(PROJECT, 'checkout', ENVIRONMENT)).toHaveLength(1)
  })
})

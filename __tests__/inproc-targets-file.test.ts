/**
 * The reviewed targets file, in process: planned on a pull request (the plan in the comment,
 * nothing sent), applied on push, left alone once its time has passed, and refused whole, with
 * its line, when a line is wrong.
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
import { pullRequestPayload, pushPayload } from '../sandbox/webhooks.ts'
import { inProcessSuite, type InProcessRun } from './helpers/suite.ts'

jest.setTimeout(30_000)
const suite = inProcessSuite()

const PR = 2
const FILE = '.github/expiring-targets.yml'
const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')
const ENABLED = BOOLEAN_VARIATIONS[0]?._id ?? ''
let workspace: string

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'workspace-'))
})
afterEach(() => {
  rmSync(workspace, { recursive: true, force: true })
})

function writeFile(text: string): void {
  mkdirSync(join(workspace, '.github'), { recursive: true })
  writeFileSync(join(workspace, FILE), text)
}

/** A run with the targets file and no flag-key: the file names its flags. */
function run(eventName: string, payload: unknown, inputs: Record<string, string> = {}) {
  return suite.run({
    eventName,
    payload,
    inputs: { 'flag-key': '', 'targets-file': FILE, ...inputs },
    env: { GITHUB_WORKSPACE: workspace }
  })
}
const onPullRequest = () => run('pull_request', pullRequestPayload('synchronize'))
const onPush = () => run('push', pushPayload())

const patches = () => suite.sandboxes.launchDarkly.requests.filter((r) => r.method === 'PATCH')
const scheduled = (flag: string, env = ENVIRONMENT) =>
  suite.sandboxes.launchDarkly
    .expiring(PROJECT, flag, env)
    .map((i) => [i.userKey, i.expirationDate])
const errors = (run: InProcessRun) =>
  JSON.parse(run.outputs.errors ?? '[]') as { origin: string | null; message: string }[]
const comment = () => suite.sandboxes.github.commentsOn(REPOSITORY, PR)[0]?.body ?? ''

const FILE_TEXT = `version: 1
targets:
  - flag: checkout
    user: sandy
    remove-at: 2030-06-10
  - flags: [checkout, new-search]
    environments: [production, staging]
    user: bob
    remove-at: 2031-01-01T09:00:00Z
`

describe('a targets file', () => {
  it('is planned on a pull request, with the plan in the comment, and applied on push', async () => {
    writeFile(FILE_TEXT)
    const planned = await onPullRequest()
    expect(planned.code).toBe(0)
    expect(patches()).toEqual([])
    expect(planned.outputs['total-instructions']).toBe('0')
    const body = comment()
    expect(body).toContain(`### Plan: \`${FILE}\` will be applied when merged`)
    // sandy on one pair, bob on four: five rows, each what merging will do.
    expect(body.match(/🟢 will schedule/g)).toHaveLength(5)
    expect(body).toContain(`${FILE} line 3`)
    expect(scheduled('checkout')).toEqual([])

    const applied = await onPush()
    expect(applied.code).toBe(0)
    expect(errors(applied)).toEqual([])
    // One PATCH per (flag, environment): checkout and new-search, in production and staging.
    expect(
      patches()
        .map((p) => p.path)
        .sort()
    ).toEqual(
      [
        `/api/v2/flags/${PROJECT}/checkout/expiring-user-targets/production`,
        `/api/v2/flags/${PROJECT}/checkout/expiring-user-targets/staging`,
        `/api/v2/flags/${PROJECT}/new-search/expiring-user-targets/production`,
        `/api/v2/flags/${PROJECT}/new-search/expiring-user-targets/staging`
      ].sort()
    )
    const bob = Date.parse('2031-01-01T09:00:00Z')
    expect(scheduled('checkout')).toEqual([
      ['sandy', JUNE_10],
      ['bob', bob]
    ])
    expect(scheduled('new-search', 'staging')).toEqual([['bob', bob]])
    expect(applied.outputs['total-instructions']).toBe('5')

    // Applied again, it has nothing left to send.
    suite.sandboxes.launchDarkly.requests.length = 0
    const again = await onPush()
    expect(again.code).toBe(0)
    expect(patches()).toEqual([])
  })

  it('leaves a removal whose time has passed alone: reported expired, never added again', async () => {
    writeFile(`version: 1
targets:
  - flag: checkout
    user: bob
    remove-at: 2026-11-01
  - flag: checkout
    user: carol
    remove-at: 2026-11-01T12:00:00+01:00
`)
    // Someone put carol back with a new removal by hand: the passed entry does not move it.
    const byHand = Date.parse('2031-03-01T00:00:00Z')
    suite.sandboxes.launchDarkly.schedule(
      PROJECT,
      'checkout',
      ENVIRONMENT,
      'carol',
      ENABLED,
      byHand
    )
    const result = await onPush()
    expect(result.code).toBe(0)
    expect(patches()).toEqual([])
    expect(errors(result)).toEqual([])
    expect(scheduled('checkout')).toEqual([['carol', byHand]])
    expect(result.summary.match(/⌛ expired/g)).toHaveLength(2)
  })

  it('leaves the targets the file does not list alone', async () => {
    const other = Date.parse('2030-01-01T00:00:00Z')
    suite.sandboxes.launchDarkly.schedule(PROJECT, 'checkout', ENVIRONMENT, 'dora', ENABLED, other)
    writeFile(FILE_TEXT)
    await onPush()
    expect(scheduled('checkout')).toContainEqual(['dora', other])
    const sent = patches().flatMap(
      (p) => (p.body as { instructions: { userKey: string }[] }).instructions
    )
    expect(sent.map((i) => i.userKey).sort()).toEqual(['bob', 'bob', 'bob', 'bob', 'sandy'])
  })

  it('refuses the whole file when one line is wrong, naming the line, and sends nothing', async () => {
    writeFile(`version: 1
targets:
  - flag: checkout
    user: sandy
    remove-at: 2030-06-10
  - flag: checkout
    usr: bob
    remove-at: 2030-06-10
`)
    const result = await onPush()
    expect(result.code).toBe(1)
    expect(suite.sandboxes.launchDarkly.requests).toEqual([])
    const [error] = errors(result)
    expect(error?.origin).toBe(`${FILE} line 7`)
    expect(error?.message).toMatch(/unknown field "usr".*user/)
    expect(errors(result)).toHaveLength(1)
  })

  it('refuses a relative time, which would move on every run', async () => {
    writeFile(`version: 1
targets:
  - flag: checkout
    user: sandy
    remove-at: +2w
`)
    const result = await onPush()
    expect(result.code).toBe(1)
    expect(suite.sandboxes.launchDarkly.requests).toEqual([])
    expect(errors(result)[0]?.origin).toBe(`${FILE} line 5`)
  })

  it('fails, naming the file, when the workspace has none, and sends nothing', async () => {
    const result = await onPush()
    expect(result.code).toBe(1)
    expect(suite.sandboxes.launchDarkly.requests).toEqual([])
    expect(errors(result)[0]?.message).toMatch(/actions\/checkout/)
    expect(errors(result)[0]?.origin).toContain(FILE)
  })

  it('plans each line on its own on a pull request: a bad line is shown and the rest planned', async () => {
    writeFile(`version: 1
targets:
  - flag: checkout
    user: sandy
    remove-at: 2030-06-10
  - flag: checkout
    user: bob
    remove-at: someday
`)
    const result = await onPullRequest()
    expect(result.code).toBe(1)
    expect(patches()).toEqual([])
    expect(errors(result).map((e) => e.origin)).toEqual([`${FILE} line 8`])
    expect(comment()).toContain('🟢 will schedule')
    expect(comment()).toContain('⚠️ invalid')
  })

  it('sends contexts of other kinds through the contexts endpoint', async () => {
    suite.sandboxes.launchDarkly.addFlag(
      PROJECT,
      flagWithContexts(
        'checkout',
        ['sandy'],
        [{ kind: 'organization', variation: 0, values: ['acme'] }]
      )
    )
    writeFile(`version: 1
aliases:
  acme-corp: acme
targets:
  - flag: checkout
    context: { kind: organization, key: acme-corp }
    remove-at: 2030-06-10
  - flag: checkout
    user: sandy
    remove-at: 2030-06-10
`)
    const result = await onPush()
    expect(errors(result)).toEqual([])
    expect(patches()).toHaveLength(1)
    expect(patches()[0]?.path).toBe(`/api/v2/flags/${PROJECT}/checkout/expiring-targets/production`)
    expect((patches()[0]?.body as { instructions: unknown[] }).instructions).toEqual([
      {
        kind: 'addExpiringTarget',
        contextKey: 'acme',
        contextKind: 'organization',
        variationId: ENABLED,
        value: JUNE_10
      },
      {
        kind: 'addExpiringTarget',
        contextKey: 'sandy',
        contextKind: 'user',
        variationId: ENABLED,
        value: JUNE_10
      }
    ])
    expect(
      suite.sandboxes.launchDarkly
        .expiringContexts(PROJECT, 'checkout', ENVIRONMENT)
        .map((i) => `${i.contextKind}:${i.contextKey}`)
        .sort()
    ).toEqual(['organization:acme', 'user:sandy'])
  })
})

describe('a targets file next to labels', () => {
  const LABEL = 'expire-user:bob@2030-06-10'

  it('leaves labels to the label step when flag-key is empty: no error, the plan shown', async () => {
    writeFile(FILE_TEXT)
    suite.sandboxes.github.addLabel(REPOSITORY, PR, LABEL)
    const result = await onPullRequest()
    expect(result.code).toBe(0)
    expect(errors(result)).toEqual([])
    expect(patches()).toEqual([])
    expect(comment()).toContain('🟢 will schedule')
    expect(comment()).not.toContain(LABEL)
  })

  it('still plans the file when an invalid label blocks the label event', async () => {
    writeFile(FILE_TEXT)
    const past = 'expire-user:bob@2020-01-01'
    suite.sandboxes.github.addLabel(REPOSITORY, PR, past)
    const result = await run('pull_request', pullRequestPayload('labeled', past), {
      'flag-key': 'checkout'
    })
    expect(result.code).toBe(1)
    expect(patches()).toEqual([])
    expect(errors(result).map((e) => e.origin)).toEqual([`label ${JSON.stringify(past)}`])
    expect(comment()).toContain(`### Plan: \`${FILE}\` will be applied when merged`)
    expect(comment().match(/🟢 will schedule/g)).toHaveLength(5)
  })
})

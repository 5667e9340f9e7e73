/**
 * mode: reconcile, in process: every open PR's live expiry labels applied again under the rules
 * of label events (required-permission for whoever added each label, the label added last per
 * key). What LaunchDarkly does not hold is drift: the `drift` output, healed unless a dry run, a
 * comment only on the PRs that drifted, and the dashboard's drift section.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BOOLEAN_VARIATIONS,
  ENVIRONMENT,
  PROJECT,
  REPOSITORY,
  flagWithTargets
} from '../sandbox/fixtures.ts'
import { inProcessSuite, type InProcessRun } from './helpers/suite.ts'

jest.setTimeout(30_000)
const suite = inProcessSuite()

const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')
const JULY_1 = Date.parse('2030-07-01T00:00:00Z')
const JAN_1_2031 = Date.parse('2031-01-01T00:00:00Z')
const SANDY = 'expire-user:sandy@2030-06-10'
const ENABLED = BOOLEAN_VARIATIONS[0]?._id ?? ''
const DASHBOARD_MARKER = '<!-- launchdarkly-expiring-targets dashboard project=default -->'

beforeEach(() => {
  suite.sandboxes.github.setPermission(REPOSITORY, 'writer', 'write')
  suite.sandboxes.github.setPermission(REPOSITORY, 'triager', 'triage')
})

interface Drift {
  pullRequest: number
  label: string
  flagKey: string
  environmentKey: string
  target: { kind: string; key: string }
  expected: number | null
  found: number | null
  outcome: string
}

const reconcile = (inputs: Record<string, string> = {}): Promise<InProcessRun> =>
  suite.run({
    inputs: { mode: 'reconcile', ...inputs },
    eventName: 'schedule',
    payload: { schedule: '0 * * * *' }
  })
const driftOf = (run: InProcessRun) => JSON.parse(run.outputs.drift ?? 'null') as Drift[]
const errorsOf = (run: InProcessRun) =>
  JSON.parse(run.outputs.errors ?? '[]') as { origin: string | null; message: string }[]
/** An open PR, and labels added on it by `actor`, each with its `labeled` event. */
function labelPr(number: number, labels: string[], actor = 'writer'): void {
  suite.sandboxes.github.openPullRequest(REPOSITORY, number)
  for (const label of labels) suite.sandboxes.github.addLabel(REPOSITORY, number, label, actor)
}
const scheduleSandy = (at: number) =>
  suite.sandboxes.launchDarkly.schedule(PROJECT, 'checkout', ENVIRONMENT, 'sandy', ENABLED, at)
const scheduled = () =>
  suite.sandboxes.launchDarkly
    .expiring(PROJECT, 'checkout', ENVIRONMENT)
    .map((i) => ({ key: i.userKey, at: i.expirationDate }))
const patches = () => suite.sandboxes.launchDarkly.requests.filter((r) => r.method === 'PATCH')
/** Every instruction LaunchDarkly was sent, across all PATCH requests. */
const sent = () =>
  patches().flatMap((r) => (r.body as { instructions: Record<string, unknown>[] }).instructions)
const gitHubWrites = () =>
  suite.sandboxes.github.requests
    .filter((r) => r.method !== 'GET')
    .map((r) => `${r.method} ${r.path.replace(`/repos/${REPOSITORY}`, '')}`)
const drifted = (pullRequest: number, label: string, found: number | null, outcome: string) => ({
  pullRequest,
  label,
  flagKey: 'checkout',
  environmentKey: ENVIRONMENT,
  target: { kind: 'user', key: /:(.*)@/.exec(label)?.[1] },
  expected: Date.parse(`${label.split('@')[1]}T00:00:00Z`),
  found,
  outcome
})
/** A label as the comment or the dashboard shows it: `@` may carry a word joiner. */
const shown = (label: string) => new RegExp(label.replace('@', '@\u2060?'))
const dashboard = () => suite.sandboxes.github.issues(REPOSITORY)
const driftSection = (body: string | null | undefined) =>
  /<!-- section:drift -->\n([\s\S]*?)\n<!-- \/section:drift -->/.exec(body ?? '')?.[1]

describe('reconcile heals drift', () => {
  it('schedules again a removal cancelled by hand', async () => {
    labelPr(5, [SANDY])
    const run = await reconcile()
    expect(run.code).toBe(0)
    expect(sent()).toEqual([
      expect.objectContaining({ kind: 'addExpireUserTargetDate', userKey: 'sandy', value: JUNE_10 })
    ])
    expect(patches()).toHaveLength(1)
    expect(driftOf(run)).toEqual([drifted(5, SANDY, null, 'scheduled')])
    expect(scheduled()).toEqual([{ key: 'sandy', at: JUNE_10 }])
  })

  it('moves back a removal moved by hand', async () => {
    labelPr(5, [SANDY])
    scheduleSandy(JAN_1_2031)
    const run = await reconcile()
    expect(run.code).toBe(0)
    expect(sent()).toEqual([
      expect.objectContaining({
        kind: 'updateExpireUserTargetDate',
        userKey: 'sandy',
        value: JUNE_10
      })
    ])
    expect(driftOf(run)).toEqual([drifted(5, SANDY, JAN_1_2031, 'moved')])
    expect(scheduled()).toEqual([{ key: 'sandy', at: JUNE_10 }])
  })

  it('applies a label whose event never ran, and writes no comment on a PR in place', async () => {
    labelPr(7, [SANDY])
    labelPr(8, ['expire-user:bob@2030-06-10'])
    suite.sandboxes.launchDarkly.schedule(PROJECT, 'checkout', ENVIRONMENT, 'bob', ENABLED, JUNE_10)
    const run = await reconcile()
    expect(run.code).toBe(0)
    expect(driftOf(run)).toEqual([drifted(7, SANDY, null, 'scheduled')])
    expect(sent().map((i) => i.userKey)).toEqual(['sandy'])
    expect(gitHubWrites()).toEqual(['POST /issues/7/comments'])
    expect(suite.sandboxes.github.commentsOn(REPOSITORY, 8)).toEqual([])
    const comments = suite.sandboxes.github.commentsOn(REPOSITORY, 7)
    expect(comments).toHaveLength(1)
    expect(comments[0]?.body).toMatch(/`sandy`/)
    expect(comments[0]?.body).toMatch(shown(SANDY))
  })

  it('a second reconcile right after a healing one finds no drift and writes nothing', async () => {
    labelPr(5, [SANDY])
    scheduleSandy(JAN_1_2031)
    expect(driftOf(await reconcile())).toHaveLength(1)
    const patchesBefore = patches().length
    const writesBefore = gitHubWrites().length
    const again = await reconcile()
    expect(again.code).toBe(0)
    expect(driftOf(again)).toEqual([])
    expect(patches()).toHaveLength(patchesBefore)
    expect(gitHubWrites()).toHaveLength(writesBefore)
    expect(suite.sandboxes.github.commentsOn(REPOSITORY, 5)).toHaveLength(1)
  })

  it('a dry run reports the drift and heals nothing', async () => {
    labelPr(5, [SANDY])
    scheduleSandy(JAN_1_2031)
    const run = await reconcile({ 'dry-run': 'true' })
    expect(run.code).toBe(0)
    expect(driftOf(run)).toEqual([drifted(5, SANDY, JAN_1_2031, 'moved')])
    expect(patches()).toEqual([])
    expect(scheduled()).toEqual([{ key: 'sandy', at: JAN_1_2031 }])
    // Nothing changed, so no PR comment says it did.
    expect(suite.sandboxes.github.requests.filter((r) => r.method !== 'GET')).toEqual([])
  })
})

describe('the rules of label events', () => {
  it('a label added by someone without required-permission does not act', async () => {
    labelPr(9, [SANDY], 'triager')
    const refused = await reconcile()
    expect(refused.code).toBe(1)
    expect(patches()).toEqual([])
    expect(driftOf(refused)).toEqual([])
    expect(errorsOf(refused)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/triager.*triage permission/) })
    ])
    expect(errorsOf(refused)[0]?.origin).toContain(SANDY)

    const allowed = await reconcile({ 'required-permission': 'none' })
    expect(allowed.code).toBe(0)
    expect(driftOf(allowed)).toEqual([drifted(9, SANDY, null, 'scheduled')])
    expect(scheduled()).toEqual([{ key: 'sandy', at: JUNE_10 }])
  })

  it('of two labels for one key, the one added last is applied, whatever the labels order', async () => {
    const later = 'expire-user:sandy@2030-07-01'
    labelPr(5, [SANDY, later])
    // GitHub lists labels by name, not by when they were added: only the events tell.
    suite.sandboxes.github.labels.set(`${REPOSITORY}#5`, [later, SANDY])
    scheduleSandy(JUNE_10)
    const run = await reconcile()
    expect(run.code).toBe(0)
    expect(driftOf(run)).toEqual([drifted(5, later, JUNE_10, 'moved')])
    expect(sent()).toEqual([
      expect.objectContaining({ kind: 'updateExpireUserTargetDate', value: JULY_1 })
    ])
    expect(scheduled()).toEqual([{ key: 'sandy', at: JULY_1 }])
    // As after a label event, the older label comes off the PR once the newer one acted.
    expect(suite.sandboxes.github.labelsOn(REPOSITORY, 5)).toEqual([later])
  })

  it('reads every page of open PRs, and the labels and events only of those with expiry labels', async () => {
    const labelled = new Map([
      [3, 'expire-user:sandy@2030-06-10'],
      [60, 'expire-user:bob@2030-07-01'],
      [110, 'expire-user:carol@2031-01-01']
    ])
    for (let n = 1; n <= 120; n++)
      suite.sandboxes.github.openPullRequest(REPOSITORY, n, {
        labels: labelled.has(n) ? ['bug', labelled.get(n) ?? ''] : n % 2 ? ['bug'] : []
      })
    suite.sandboxes.github.openPullRequest(REPOSITORY, 121, {
      labels: ['expire-user:dora@2030-06-10'],
      state: 'closed'
    })
    const run = await reconcile({ comment: 'false' })
    expect(run.code).toBe(0)
    const byKey = (i: Record<string, unknown>) => [i.kind, i.userKey, i.value]
    expect(sent().map(byKey).sort()).toEqual([
      ['addExpireUserTargetDate', 'bob', JULY_1],
      ['addExpireUserTargetDate', 'carol', JAN_1_2031],
      ['addExpireUserTargetDate', 'sandy', JUNE_10]
    ])
    const lists = suite.sandboxes.github.requests.filter(
      (r) => r.path === `/repos/${REPOSITORY}/pulls`
    )
    expect(lists.map((r) => [r.query.state, r.query.per_page, r.query.page ?? '1'])).toEqual([
      ['open', '100', '1'],
      ['open', '100', '2']
    ])
    const perPr = suite.sandboxes.github.requests
      .map((r) => /\/issues\/(\d+)\/(labels|events)$/.exec(r.path)?.[1])
      .filter((n) => n !== undefined)
    expect([...new Set(perPr)].map(Number).sort((a, b) => a - b)).toEqual([3, 60, 110])
    expect(
      driftOf(run)
        .map((d) => d.pullRequest)
        .sort((a, b) => a - b)
    ).toEqual([3, 60, 110])
    expect(gitHubWrites()).toEqual([])
  })
})

describe('the dashboard', () => {
  it('shows the drift, then that there is none, and is not written again when nothing changed', async () => {
    labelPr(5, [SANDY])
    const first = await reconcile({ dashboard: 'true' })
    expect(first.code).toBe(0)
    expect(dashboard()).toHaveLength(1)
    const [created] = dashboard()
    expect(created?.body?.startsWith(DASHBOARD_MARKER)).toBe(true)
    expect(driftSection(created?.body)).toMatch(/#5/)
    expect(driftSection(created?.body)).toMatch(shown(SANDY))
    const issue = created?.number ?? 0
    const edits = () => gitHubWrites().filter((w) => w === `PATCH /issues/${issue}`)
    expect(gitHubWrites().filter((w) => w === 'POST /issues')).toHaveLength(1)

    const second = await reconcile({ dashboard: 'true' })
    expect(driftOf(second)).toEqual([])
    expect(edits()).toHaveLength(1)
    expect(driftSection(dashboard()[0]?.body)).toMatch(/No drift/)
    expect(driftSection(dashboard()[0]?.body)).not.toMatch(shown(SANDY))

    const writes = gitHubWrites().length
    const third = await reconcile({ dashboard: 'true' })
    expect(third.code).toBe(0)
    expect(gitHubWrites()).toHaveLength(writes)
    expect(dashboard()).toHaveLength(1)
  })
})

describe('reconcile with the targets file', () => {
  it("reads the file's aliases, so a label naming an alias heals the aliased key", async () => {
    const uuid = '2f6a9c1e-5b7d-4e2a-9c3f-1a2b3c4d5e6f'
    const workspace = mkdtempSync(join(tmpdir(), 'workspace-'))
    writeFileSync(
      join(workspace, 'targets.yml'),
      `version: 1\naliases:\n  sandy: ${uuid}\ntargets: []\n`
    )
    suite.sandboxes.launchDarkly.addFlag(PROJECT, flagWithTargets('checkout', [uuid]))
    suite.sandboxes.github.openPullRequest(REPOSITORY, 5, { labels: [] })
    suite.sandboxes.github.addLabel(REPOSITORY, 5, 'expire-user:sandy@2030-06-10')
    const result = await suite.run({
      eventName: 'schedule',
      payload: { schedule: '0 * * * *' },
      inputs: { mode: 'reconcile', 'targets-file': 'targets.yml' },
      env: { GITHUB_WORKSPACE: workspace }
    })
    rmSync(workspace, { recursive: true, force: true })
    expect(JSON.parse(result.outputs.errors ?? '[]')).toEqual([])
    expect(
      suite.sandboxes.launchDarkly.expiring(PROJECT, 'checkout', ENVIRONMENT).map((i) => i.userKey)
    ).toEqual([uuid])
    expect(JSON.parse(result.outputs.drift ?? '[]')).toMatchObject([{ target: { key: uuid } }])
  })
})

/**
 * One label per key, labels independent of each other, and the comment as the PR's whole expiry
 * state: each sentence of the README's label section, in process.
 */
import { describe, expect, it, jest } from '@jest/globals'
import { BOOLEAN_VARIATIONS, ENVIRONMENT, PROJECT, REPOSITORY } from '../sandbox/fixtures.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import { inProcessSuite, type InProcessRun } from './helpers/suite.ts'

jest.setTimeout(30_000)
const suite = inProcessSuite()

const PR = 2
const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')
const JULY_1 = Date.parse('2030-07-01T00:00:00Z')
const ENABLED = BOOLEAN_VARIATIONS[0]?._id ?? ''

const scheduled = () =>
  suite.sandboxes.launchDarkly
    .expiring(PROJECT, 'checkout', ENVIRONMENT)
    .map((i) => ({ key: i.userKey, at: i.expirationDate }))
const patches = () => suite.sandboxes.launchDarkly.requests.filter((r) => r.method === 'PATCH')
const labelsNow = () => suite.sandboxes.github.labelsOn(REPOSITORY, PR)
/** The comment's rows as "label -> outcome", the label as written in its From cell. */
function commentRows(): Record<string, string> {
  const body = suite.sandboxes.github.commentsOn(REPOSITORY, PR)[0]?.body ?? ''
  const header =
    body
      .split('\n')
      .find((l) => l.startsWith('| User'))
      ?.split(' | ') ?? []
  const from = header.indexOf('From')
  const outcome = header.indexOf('Outcome')
  const rows: Record<string, string> = {}
  for (const line of body.split('\n').filter((l) => l.startsWith('| `'))) {
    const cells = line.split(' | ')
    const label = /^label `(.*)`$/.exec(cells[from] ?? '')?.[1]
    if (label) rows[label] = (cells[outcome] ?? '').replace(/^\S+ /, '')
  }
  return rows
}
const errors = (run: InProcessRun) =>
  JSON.parse(run.outputs.errors ?? '[]') as { origin: string | null; message: string }[]

/** A label added on the PR, then the event GitHub sends for it. */
function add(label: string): Promise<InProcessRun> {
  suite.sandboxes.github.addLabel(REPOSITORY, PR, label)
  return suite.run({ eventName: 'pull_request', payload: pullRequestPayload('labeled', label) })
}

/** A label taken off the PR, then the event GitHub sends for it. */
function remove(label: string): Promise<InProcessRun> {
  suite.sandboxes.github.removeLabel(REPOSITORY, PR, label)
  return suite.run({
    eventName: 'pull_request',
    payload: pullRequestPayload('unlabeled', label)
  })
}

const synchronize = (): Promise<InProcessRun> =>
  suite.run({ eventName: 'pull_request', payload: pullRequestPayload('synchronize') })

describe('one label per key', () => {
  it('a second label for the same key moves the removal and takes the older label off the PR', async () => {
    expect((await add('expire-user:sandy@2030-06-10')).code).toBe(0)
    const second = await add('expire-user:sandy@2030-07-01')
    expect(second.code).toBe(0)
    expect(scheduled()).toEqual([{ key: 'sandy', at: JULY_1 }])
    expect(labelsNow()).toEqual(['expire-user:sandy@2030-07-01'])
    expect(commentRows()).toEqual({
      'expire-user:sandy@2030-07-01': 'moved',
      'expire-user:sandy@2030-06-10': 'superseded'
    })
    expect(suite.sandboxes.github.commentsOn(REPOSITORY, PR)[0]?.body).toMatch(
      /superseded \| label `expire-user:sandy@2030-06-10` \| .*added later; removed from the pull request/
    )
    const deletes = suite.sandboxes.github.requests.filter((r) => r.method === 'DELETE')
    expect(deletes.map((r) => decodeURIComponent(r.path))).toEqual([
      `/repos/${REPOSITORY}/issues/${PR}/labels/expire-user:sandy@2030-06-10`
    ])
    // The next push finds one label for sandy and sends nothing.
    const before = patches().length
    expect((await synchronize()).code).toBe(0)
    expect(patches()).toHaveLength(before)
  })

  it('a dry run takes no label off', async () => {
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'expire-user:sandy@2030-06-10')
    const result = await suite.run({
      eventName: 'pull_request',
      payload: pullRequestPayload('labeled', 'expire-user:sandy@2030-07-01'),
      inputs: { 'dry-run': 'true' }
    })
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'expire-user:sandy@2030-07-01')
    expect(result.code).toBe(0)
    expect(suite.sandboxes.github.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0)
  })

  it('removing the newer label applies the older one that remains', async () => {
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'expire-user:sandy@2030-06-10')
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'expire-user:sandy@2030-07-01')
    suite.sandboxes.launchDarkly.schedule(
      PROJECT,
      'checkout',
      ENVIRONMENT,
      'sandy',
      ENABLED,
      JULY_1
    )
    const result = await remove('expire-user:sandy@2030-07-01')
    expect(result.code).toBe(0)
    expect(scheduled()).toEqual([{ key: 'sandy', at: JUNE_10 }])
    expect(commentRows()).toEqual({ 'expire-user:sandy@2030-06-10': 'moved' })
    // Removed again: its schedule is in place, so nothing is sent.
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'expire-user:sandy@2030-07-01')
    const before = patches().length
    await remove('expire-user:sandy@2030-07-01')
    expect(patches()).toHaveLength(before)
  })

  it('a run for an older label, queued or re-run after a newer one, undoes nothing', async () => {
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'expire-user:sandy@2030-06-10')
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'expire-user:sandy@2030-07-01')
    const older = await suite.run({
      eventName: 'pull_request',
      payload: pullRequestPayload('labeled', 'expire-user:sandy@2030-06-10')
    })
    expect(older.code).toBe(0)
    expect(patches()).toHaveLength(0)
    expect(labelsNow()).toHaveLength(2)
    const newer = await suite.run({
      eventName: 'pull_request',
      payload: pullRequestPayload('labeled', 'expire-user:sandy@2030-07-01')
    })
    expect(newer.code).toBe(0)
    expect(scheduled()).toEqual([{ key: 'sandy', at: JULY_1 }])
    expect(labelsNow()).toEqual(['expire-user:sandy@2030-07-01'])
  })

  it('a remover without the permission cannot move the date through the label that remains', async () => {
    suite.sandboxes.github.setPermission(REPOSITORY, 'triager', 'triage')
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'expire-user:sandy@2030-06-10')
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'expire-user:sandy@2030-07-01')
    suite.sandboxes.launchDarkly.schedule(
      PROJECT,
      'checkout',
      ENVIRONMENT,
      'sandy',
      ENABLED,
      JULY_1
    )
    suite.sandboxes.github.removeLabel(REPOSITORY, PR, 'expire-user:sandy@2030-07-01', 'triager')
    const payload = pullRequestPayload('unlabeled', 'expire-user:sandy@2030-07-01')
    ;(payload.sender as { login: string }).login = 'triager'
    const result = await suite.run({ eventName: 'pull_request', payload })
    expect(result.code).toBe(1)
    expect(patches()).toHaveLength(0)
    expect(scheduled()).toEqual([{ key: 'sandy', at: JULY_1 }])
  })

  it('when the events cannot be read, removing one of two labels changes nothing', async () => {
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'expire-user:sandy@2030-06-10')
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'expire-user:sandy@2030-07-01')
    suite.sandboxes.launchDarkly.schedule(
      PROJECT,
      'checkout',
      ENVIRONMENT,
      'sandy',
      ENABLED,
      JULY_1
    )
    suite.sandboxes.github.removeLabel(REPOSITORY, PR, 'expire-user:sandy@2030-07-01')
    suite.sandboxes.github.faults.push({ path: '/events', times: 100, status: 500 })
    const result = await suite.run({
      eventName: 'pull_request',
      payload: pullRequestPayload('unlabeled', 'expire-user:sandy@2030-07-01')
    })
    expect(patches()).toHaveLength(0)
    expect(scheduled()).toEqual([{ key: 'sandy', at: JULY_1 }])
    expect(result.summary).toMatch(/nothing was changed/)
  })

  it('a push on a PR without expiry labels asks GitHub for no events', async () => {
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'bug')
    expect((await synchronize()).code).toBe(0)
    expect(suite.sandboxes.github.requests.map((r) => r.path)).toEqual([
      `/repos/${REPOSITORY}/issues/${PR}/labels`
    ])
  })

  it('removing the last label for a key cancels its removal', async () => {
    await add('expire-user:sandy@2030-06-10')
    const result = await remove('expire-user:sandy@2030-06-10')
    expect(result.code).toBe(0)
    expect(scheduled()).toEqual([])
    expect(commentRows()).toEqual({ 'expire-user:sandy@2030-06-10': 'cancelled' })
  })

  it('on synchronize, of two labels for one key the one added last wins; the other is skipped', async () => {
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'expire-user:sandy@2030-07-01')
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'expire-user:sandy@2030-06-10')
    const result = await synchronize()
    expect(result.code).toBe(0)
    expect(scheduled()).toEqual([{ key: 'sandy', at: JUNE_10 }])
    expect(labelsNow()).toHaveLength(2)
  })

  it('skips a key whose labels GitHub cannot order, naming them, and applies the others', async () => {
    // Labels put on without events, as by an API that GitHub does not record.
    suite.sandboxes.github.labels.set(`${REPOSITORY}#${PR}`, [
      'expire-user:sandy@2030-06-10',
      'expire-user:sandy@2030-07-01',
      'expire-user:bob@2030-06-10'
    ])
    const result = await suite.run({
      eventName: 'pull_request',
      payload: pullRequestPayload('synchronize'),
      inputs: { 'required-permission': 'none' }
    })
    expect(result.code).toBe(0)
    expect(scheduled()).toEqual([{ key: 'bob', at: JUNE_10 }])
    // The summary escapes "@" with a word joiner, so that no one is mentioned.
    expect(result.summary).toMatch(
      /the labels "expire-user:sandy@\u2060?2030-06-10", "expire-user:sandy@\u2060?2030-07-01" name the same key/
    )
  })
})

describe("the comment is the PR's expiry state", () => {
  it("lists every expiry label the PR has, with what LaunchDarkly holds, not just this run's", async () => {
    await add('expire-user:bob@2031-01-01')
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'expire-user:carol@tomorrow')
    const result = await add('expire-user:sandy@2030-06-10')
    expect(result.code).toBe(0)
    expect(commentRows()).toEqual({
      'expire-user:sandy@2030-06-10': 'scheduled',
      'expire-user:bob@2031-01-01': 'unchanged',
      'expire-user:carol@tomorrow': 'invalid'
    })
    expect(suite.sandboxes.github.commentsOn(REPOSITORY, PR)[0]?.body).toMatch(
      /\| `bob` \| `Enabled` \| 2031-01-01 00:00 UTC \| ⚪ unchanged \| label `expire-user:bob@2031-01-01` \| not changed by this run \|/
    )
  })
})

describe('labels are independent', () => {
  it('on synchronize, a valid label applies and an invalid one fails the step, named', async () => {
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'expire-user:sandy@2030-06-10')
    suite.sandboxes.github.addLabel(REPOSITORY, PR, 'expire-user:carol@tomorrow')
    const result = await synchronize()
    expect(result.code).toBe(1)
    expect(scheduled()).toEqual([{ key: 'sandy', at: JUNE_10 }])
    const [error] = errors(result)
    expect(errors(result)).toHaveLength(1)
    expect(error?.origin).toBe('label "expire-user:carol@tomorrow"')
    expect(error?.message).toMatch(/fix or remove this label/)
    expect(commentRows()).toEqual({
      'expire-user:sandy@2030-06-10': 'scheduled',
      'expire-user:carol@tomorrow': 'invalid'
    })
  })

  it('the targets input stays all or nothing', async () => {
    const result = await suite.run({ inputs: { targets: 'sandy@2030-06-10\ncarol@tomorrow' } })
    expect(result.code).toBe(1)
    expect(patches()).toHaveLength(0)
  })
})

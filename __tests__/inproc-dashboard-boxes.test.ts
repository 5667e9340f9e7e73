/**
 * In process: the dashboard's boxes. The digest step, on an edit of its dashboard issue, acts on
 * each box ticked by that edit (and unticked before it) once the sender passes the gate, then
 * rewrites the dashboard with every box unticked and a line saying what was done.
 */
import { describe, expect, it, jest } from '@jest/globals'
import { BOOLEAN_VARIATIONS, ENVIRONMENT, PROJECT, REPOSITORY } from '../sandbox/fixtures.ts'
import { issuesEditedPayload } from '../sandbox/webhooks.ts'
import { inProcessSuite } from './helpers/suite.ts'

jest.setTimeout(30_000)
const suite = inProcessSuite()

const DAY = 86_400_000
const ENABLED = BOOLEAN_VARIATIONS[0]?._id ?? ''
const SCHEDULE = { eventName: 'schedule', payload: { schedule: '0 6 * * 1' } }
const INPUTS = { mode: 'digest', dashboard: 'true', 'extend-by': '3d' }

const ld = () => suite.sandboxes.launchDarkly
const gh = () => suite.sandboxes.github
const patches = () => ld().requests.filter((r) => r.method === 'PATCH')
const githubWrites = () => gh().requests.filter((r) => r.method !== 'GET')
const dashboard = () => gh().issues(REPOSITORY)[0]

/** The dashboard as the digest writes it, with sandy and bob due in 2 days. */
async function seed(): Promise<{ number: number; body: string; sandy: number; bob: number }> {
  const sandy = Date.now() + 2 * DAY
  const bob = Date.now() + 2 * DAY + 60_000
  ld().schedule(PROJECT, 'checkout', ENVIRONMENT, 'sandy', ENABLED, sandy)
  ld().schedule(PROJECT, 'checkout', ENVIRONMENT, 'bob', ENABLED, bob)
  expect((await suite.run({ ...SCHEDULE, inputs: INPUTS })).code).toBe(0)
  const issue = dashboard()
  if (!issue?.body) throw new Error('no dashboard')
  gh().requests.length = 0
  ld().requests.length = 0
  return { number: issue.number, body: issue.body, sandy, bob }
}

/** The body with the box of this action and key ticked. */
function tick(body: string, action: 'extend' | 'keep', key: string): string {
  return body
    .split('\n')
    .map((line) =>
      line.startsWith('- [ ] ') && line.includes(`**${action}**`) && line.includes(`\`${key}\``)
        ? line.replace('- [ ] ', '- [x] ')
        : line
    )
    .join('\n')
}

const edit = (number: number, body: string, from: string | undefined, sender = 'maintainer') =>
  suite.run({
    eventName: 'issues',
    payload: issuesEditedPayload(number, body, from, sender),
    inputs: INPUTS
  })

const removalOf = (key: string) =>
  ld()
    .expiring(PROJECT, 'checkout', ENVIRONMENT)
    .find((i) => i.userKey === key)?.expirationDate

describe('the dashboard boxes', () => {
  it('renders an extend and a keep box per due removal', async () => {
    const { body } = await seed()
    expect(body).toMatch(/^- \[ \] \*\*extend\*\* user `sandy` on flag `checkout`/m)
    expect(body).toMatch(/^- \[ \] \*\*keep\*\* user `bob` on flag `checkout`/m)
    expect(body).toContain('<!-- expiring-targets-box extend/flag/checkout/')
  })

  it('extend, ticked by a permitted sender: the removal moves by extend-by, the dashboard is rewritten unticked', async () => {
    gh().setPermission(REPOSITORY, 'maintainer', 'maintain')
    const { number, body, sandy, bob } = await seed()
    const run = await edit(number, tick(body, 'extend', 'sandy'), body)
    expect(run.code).toBe(0)
    expect(patches()).toHaveLength(1)
    expect(removalOf('sandy')).toBe(sandy + 3 * DAY)
    expect(removalOf('bob')).toBe(bob)
    const after = dashboard()?.body ?? ''
    expect(after).not.toContain('- [x]')
    expect(after).toContain('**Done from the boxes** by @')
    expect(after).toContain('maintainer')
    expect(after).toMatch(/user `sandy` on flag `checkout` in `production` extended to/)
  })

  it('keep: the removal is cancelled', async () => {
    gh().setPermission(REPOSITORY, 'maintainer', 'maintain')
    const { number, body } = await seed()
    const run = await edit(number, tick(body, 'keep', 'bob'), body)
    expect(run.code).toBe(0)
    expect(patches()).toHaveLength(1)
    expect(removalOf('bob')).toBeUndefined()
    expect(removalOf('sandy')).toBeDefined()
    expect(dashboard()?.body).toMatch(/user `bob` on flag `checkout` in `production` kept/)
  })

  it('two boxes ticked in one edit: one PATCH for the pair', async () => {
    gh().setPermission(REPOSITORY, 'maintainer', 'maintain')
    const { number, body, sandy } = await seed()
    const run = await edit(number, tick(tick(body, 'extend', 'sandy'), 'keep', 'bob'), body)
    expect(run.code).toBe(0)
    expect(patches()).toHaveLength(1)
    expect(removalOf('sandy')).toBe(sandy + 3 * DAY)
    expect(removalOf('bob')).toBeUndefined()
  })

  it('ignores a box that was not in the body before the edit', async () => {
    gh().setPermission(REPOSITORY, 'maintainer', 'maintain')
    const { number, body } = await seed()
    const before = body
      .split('\n')
      .filter((line) => !line.includes('`sandy`'))
      .join('\n')
    const run = await edit(number, tick(body, 'keep', 'sandy'), before)
    expect(run.code).toBe(0)
    expect(patches()).toEqual([])
    expect(githubWrites()).toEqual([])
    expect(removalOf('sandy')).toBeDefined()
  })

  it('refuses a sender without the permission: nothing is sent, the dashboard says so', async () => {
    gh().setPermission(REPOSITORY, 'reader', 'read')
    const { number, body } = await seed()
    const run = await edit(number, tick(body, 'keep', 'sandy'), body, 'reader')
    expect(run.code).toBe(0)
    expect(patches()).toEqual([])
    expect(removalOf('sandy')).toBeDefined()
    const after = dashboard()?.body ?? ''
    expect(after).toContain('**Not done:**')
    expect(after).toContain('reader has read permission')
    expect(after).not.toContain('- [x]')
  })

  it('an edit of another issue sends and writes nothing', async () => {
    const { body } = await seed()
    const other = await edit(4242, 'Just an issue\n- [x] done', 'Just an issue\n- [ ] done')
    expect(other.code).toBe(0)
    const mimic = await edit(4242, tick(body, 'keep', 'sandy'), body)
    expect(mimic.code).toBe(0)
    expect(ld().requests).toEqual([])
    expect(patches()).toEqual([])
    expect(githubWrites()).toEqual([])
  })
})

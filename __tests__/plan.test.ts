import { describe, expect, it } from '@jest/globals'
import type { Entry } from '../src/core/entry.js'
import type { ExpiringItem, Flag } from '../src/launchdarkly/resources.js'
import { planPair, type PlanContext } from '../src/engine/plan.js'
import { flagDialect, resolveVariation } from '../src/launchdarkly/flag.js'

/** Plans against a flag, as the engine does. */
function planFlag(entries: Entry[], flag: Flag, items: ExpiringItem[], context: PlanContext) {
  return planPair(entries, flagDialect(flag, context.environmentKey), items, context)
}

const T1 = Date.parse('2030-06-10T00:00:00Z')
const T2 = Date.parse('2031-01-01T00:00:00Z')

const flag: Flag = {
  key: 'checkout',
  name: 'Checkout',
  variations: [
    { _id: 'v-on', value: true, name: 'on' },
    { _id: 'v-off', value: false },
    { _id: 'v-blue', value: 'blue', name: 'Blue' },
    { _id: 'v-json', value: { size: 2 } }
  ],
  environments: {
    production: {
      targets: [
        { values: ['sandy', 'bob', 'twice'], variation: 0 },
        { values: ['dora', 'twice'], variation: 1 }
      ],
      contextTargets: [
        { values: ['erin'], variation: 2, contextKind: 'user' },
        { values: ['org-1'], variation: 3, contextKind: 'organization' }
      ]
    }
  }
}

const entry = (userKey: string, when: Entry['when']): Entry => ({
  target: { kind: 'user', key: userKey },
  when,
  source: `${userKey}@…`,
  origin: 'test'
})
const item = (userKey: string, at: number, variationId = 'v-on', version = 3): ExpiringItem => ({
  _id: `id-${userKey}`,
  _version: version,
  expirationDate: at,
  target: { kind: 'user', key: userKey },
  variationId
})
const NOW = Date.parse('2026-12-01T00:00:00Z')
const context = (variation?: string, environmentKey = 'production') => ({
  environmentKey,
  endpoint: 'users' as const,
  variation,
  now: NOW
})
const plan = (entries: Entry[], items: ExpiringItem[] = [], variation?: string) =>
  planFlag(entries, flag, items, context(variation))

describe('planning one flag', () => {
  it('adds a removal when none is scheduled, on the variation the user is targeted on', () => {
    const [p] = plan([entry('sandy', { kind: 'at', epochMs: T1 })])
    expect(p?.outcome).toBe('scheduled')
    expect(p?.instruction).toEqual({
      kind: 'addExpireUserTargetDate',
      userKey: 'sandy',
      variationId: 'v-on',
      value: T1
    })
    expect(p?.variation).toEqual({ id: 'v-on', label: 'on', where: { variationId: 'v-on' } })
  })

  it('finds users in user-kind context targets too, but not other kinds', () => {
    expect(plan([entry('erin', { kind: 'at', epochMs: T1 })])[0]?.instruction).toMatchObject({
      variationId: 'v-blue'
    })
    expect(plan([entry('org-1', { kind: 'at', epochMs: T1 })])[0]?.outcome).toBe('failed')
  })

  it('sends nothing for a removal already scheduled at that time on that variation', () => {
    const [p] = plan([entry('sandy', { kind: 'at', epochMs: T1 })], [item('sandy', T1)])
    expect(p?.outcome).toBe('unchanged')
    expect(p?.instruction).toBeUndefined()
  })

  it('leaves a removal that differs only within the minute (a relative time planned again)', () => {
    const scheduledAt = T1 + 12_345
    const [again] = plan(
      [entry('sandy', { kind: 'at', epochMs: T1 + 48_000 })],
      [item('sandy', scheduledAt)]
    )
    expect(again?.outcome).toBe('unchanged')
    const [nextMinute] = plan(
      [entry('sandy', { kind: 'at', epochMs: T1 + 60_000 })],
      [item('sandy', scheduledAt)]
    )
    expect(nextMinute?.outcome).toBe('moved')
  })

  it("moves a removal scheduled at another time, with the item's version", () => {
    const [p] = plan([entry('sandy', { kind: 'at', epochMs: T2 })], [item('sandy', T1, 'v-on', 7)])
    expect(p?.outcome).toBe('moved')
    expect(p?.currentMs).toBe(T1)
    expect(p?.instruction).toEqual({
      kind: 'updateExpireUserTargetDate',
      userKey: 'sandy',
      variationId: 'v-on',
      value: T2,
      version: 7
    })
  })

  it('cancels a scheduled removal on the variation it is scheduled on, and does nothing otherwise', () => {
    const [cancel] = plan([entry('dora', { kind: 'never' })], [item('dora', T1, 'v-off')])
    expect(cancel?.instruction).toEqual({
      kind: 'removeExpireUserTargetDate',
      userKey: 'dora',
      variationId: 'v-off'
    })
    const [nothing] = plan([entry('dora', { kind: 'never' })])
    expect(nothing?.outcome).toBe('unchanged')
    expect(nothing?.instruction).toBeUndefined()
  })

  it('fails an entry for a user who is not individually targeted, and lets the others proceed', () => {
    const [nobody, sandy] = plan([
      entry('nobody', { kind: 'at', epochMs: T1 }),
      entry('sandy', { kind: 'at', epochMs: T1 })
    ])
    expect(nobody?.outcome).toBe('failed')
    expect(nobody?.reason).toMatch(
      /"nobody" is not individually targeted on flag "checkout" in "production"/
    )
    expect(sandy?.outcome).toBe('scheduled')
  })

  it('asks for the variation input when a user is targeted on several variations', () => {
    const [p] = plan([entry('twice', { kind: 'at', epochMs: T1 })])
    expect(p?.reason).toMatch(/several variations.*on, false.*set the variation input/)
    expect(
      plan([entry('twice', { kind: 'at', epochMs: T1 })], [], 'false')[0]?.instruction
    ).toMatchObject({ variationId: 'v-off' })
  })

  it('uses the variation input over the targeted one', () => {
    const [p] = plan([entry('sandy', { kind: 'at', epochMs: T1 })], [], 'Blue')
    expect(p?.instruction).toMatchObject({ variationId: 'v-blue' })
  })

  it('keeps entry order', () => {
    const planned = plan(['bob', 'sandy', 'dora'].map((k) => entry(k, { kind: 'at', epochMs: T1 })))
    expect(planned.map((p) => p.entry.target.key)).toEqual(['bob', 'sandy', 'dora'])
  })

  it('fails every entry when the flag lacks the environment', () => {
    const planned = planFlag(
      [entry('sandy', { kind: 'at', epochMs: T1 })],
      flag,
      [],
      context(undefined, 'staging')
    )
    expect(planned[0]?.reason).toMatch(/no environment "staging"/)
  })
})

describe('resolving the variation input', () => {
  it('matches _id, then name, then the value as JSON', () => {
    expect(resolveVariation('v-off', flag)).toMatchObject({ ok: true, variation: { id: 'v-off' } })
    expect(resolveVariation('on', flag)).toMatchObject({ ok: true, variation: { id: 'v-on' } })
    expect(resolveVariation('true', flag)).toMatchObject({ ok: true, variation: { id: 'v-on' } })
    expect(resolveVariation('false', flag)).toMatchObject({
      ok: true,
      variation: { id: 'v-off', label: 'false' }
    })
    expect(resolveVariation('"blue"', flag)).toMatchObject({
      ok: true,
      variation: { id: 'v-blue' }
    })
    expect(resolveVariation('{"size":2}', flag)).toMatchObject({
      ok: true,
      variation: { id: 'v-json' }
    })
  })

  it('lists the variations when nothing matches', () => {
    const result = resolveVariation('green', flag)
    expect(result.ok).toBe(false)
    if (!result.ok)
      expect(result.reason).toMatch(
        /matches no variation of flag "checkout".*on \(true\), false, Blue \("blue"\)/
      )
  })
})

describe('planning contexts', () => {
  const contexts = (variation?: string) => ({
    ...context(variation),
    endpoint: 'contexts' as const
  })
  const org = (key: string, when: Entry['when']): Entry => ({
    target: { kind: 'organization', key },
    when,
    source: `organization:${key}@…`,
    origin: 'test'
  })
  const orgItem = (key: string, at: number): ExpiringItem => ({
    _id: `id-${key}`,
    _version: 7,
    expirationDate: at,
    target: { kind: 'organization', key },
    variationId: 'v-json'
  })

  it('finds an organization in contextTargets and adds it with the contexts instruction', () => {
    const [p] = planFlag([org('org-1', { kind: 'at', epochMs: T1 })], flag, [], contexts())
    expect(p?.instruction).toEqual({
      kind: 'addExpiringTarget',
      contextKey: 'org-1',
      contextKind: 'organization',
      variationId: 'v-json',
      value: T1
    })
  })

  it('updates with the item version and removes with its variation', () => {
    const items = [orgItem('org-1', T1)]
    const [moved] = planFlag([org('org-1', { kind: 'at', epochMs: T2 })], flag, items, contexts())
    expect(moved?.instruction).toEqual({
      kind: 'updateExpiringTarget',
      contextKey: 'org-1',
      contextKind: 'organization',
      variationId: 'v-json',
      value: T2,
      version: 7
    })
    const [cancelled] = planFlag([org('org-1', { kind: 'never' })], flag, items, contexts())
    expect(cancelled?.instruction).toEqual({
      kind: 'removeExpiringTarget',
      contextKey: 'org-1',
      contextKind: 'organization',
      variationId: 'v-json'
    })
  })

  it('sends users through the contexts endpoint with contextKind user', () => {
    const [p] = planFlag([entry('sandy', { kind: 'at', epochMs: T1 })], flag, [], contexts())
    expect(p?.instruction).toEqual({
      kind: 'addExpiringTarget',
      contextKey: 'sandy',
      contextKind: 'user',
      variationId: 'v-on',
      value: T1
    })
  })

  it('does not take a user key for an organization of the same key, nor the reverse', () => {
    const [asOrg] = planFlag([org('sandy', { kind: 'at', epochMs: T1 })], flag, [], contexts())
    expect(asOrg?.reason).toMatch(/organization "sandy" is not individually targeted/)
    const [asUser] = planFlag([entry('org-1', { kind: 'at', epochMs: T1 })], flag, [], contexts())
    expect(asUser?.reason).toMatch(/user "org-1" is not individually targeted/)
    // A scheduled removal of the organization is not the user's.
    const [user] = plan([entry('org-1', { kind: 'never' })], [orgItem('org-1', T1)])
    expect(user?.outcome).toBe('unchanged')
  })

  it('ignores the empty user placeholders LaunchDarkly keeps in contextTargets', () => {
    const withPlaceholders: Flag = {
      ...flag,
      environments: {
        production: {
          targets: [{ values: ['sandy'], variation: 0 }],
          contextTargets: [
            { values: [], variation: 0, contextKind: 'user' },
            { values: [], variation: 1, contextKind: 'user' }
          ]
        }
      }
    }
    const [p] = planFlag(
      [entry('sandy', { kind: 'at', epochMs: T1 })],
      withPlaceholders,
      [],
      context()
    )
    expect(p?.variation?.id).toBe('v-on')
  })
})

describe('file entries', () => {
  it('reports a removal time that has passed as expired and sends nothing', () => {
    const past = NOW - 86_400_000
    const [done] = plan([entry('sandy', { kind: 'at', epochMs: past })])
    expect(done).toMatchObject({ outcome: 'expired', removalMs: past })
    expect(done?.instruction).toBeUndefined()
    const [held] = plan([entry('sandy', { kind: 'at', epochMs: past })], [item('sandy', T1)])
    expect(held).toMatchObject({ outcome: 'expired', currentMs: T1 })
    expect(held?.instruction).toBeUndefined()
  })

  it("uses an entry's own variation before the variation input", () => {
    const own = { ...entry('twice', { kind: 'at', epochMs: T1 }), variation: 'false' }
    expect(plan([own], [], 'on')[0]?.instruction).toMatchObject({ variationId: 'v-off' })
    expect(
      plan([entry('twice', { kind: 'at', epochMs: T1 })], [], 'on')[0]?.instruction
    ).toMatchObject({ variationId: 'v-on' })
  })
})

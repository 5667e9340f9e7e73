/**
 * The digest and the dashboard, pure: what is due, soonest first; the untimed count; and the
 * same state rendering the same text whenever it runs, so the dashboard is not rewritten for
 * the clock alone.
 */
import { describe, expect, it } from '@jest/globals'
import type { PairResult } from '../src/engine/execute.js'
import { dashboardContent, dashboardMarker } from '../src/github/dashboard.js'
import { buildDigest, describeWindow, renderDigest } from '../src/report/due-soon.js'

const DAY = 86_400_000
const NOW = Date.parse('2026-12-01T10:00:00Z')

function pair(flagKey: string, environmentKey: string, items: [string, number][]): PairResult {
  return {
    ref: { kind: 'flag', projectKey: 'p', key: flagKey, environmentKey },
    state: {
      flag: {
        key: flagKey,
        name: flagKey,
        variations: [{ _id: 'on', value: true, name: 'Enabled' }],
        environments: {
          [environmentKey]: {
            targets: [{ values: ['sandy', 'bob', 'carol', 'dora'], variation: 0 }],
            contextTargets: [{ values: [], variation: 0, contextKind: 'user' }]
          }
        }
      },
      items: items.map(([key, at], i) => ({
        _id: `${flagKey}-${i}`,
        _version: 1,
        expirationDate: at,
        target: { kind: 'user', key },
        variationId: 'on'
      }))
    },
    entries: [],
    instructions: [],
    unmatchedErrors: []
  }
}

const flags = [
  pair('checkout', 'production', [
    ['bob', NOW + 5 * DAY],
    ['carol', NOW + 30 * DAY]
  ]),
  pair('search', 'staging', [['sandy', NOW + DAY]])
]
const digestAt = (now: number) =>
  buildDigest({
    flags,
    untilMs: now + 7 * DAY,
    windowMs: 7 * DAY,
    kind: 'user',
    baseUri: 'https://app.launchdarkly.com',
    projectKey: 'p'
  })

describe('the digest', () => {
  it('lists what is due within the window, soonest first, with a link to its targeting page', () => {
    const { due, untimed, pairs } = digestAt(NOW)
    expect(due.map((d) => ['flagKey' in d ? d.flagKey : d.segmentKey, d.target.key])).toEqual([
      ['search', 'sandy'],
      ['checkout', 'bob']
    ])
    expect(due[0]?.url).toBe(
      'https://app.launchdarkly.com/projects/p/flags/search/targeting?env=staging'
    )
    expect(due[0]?.variation).toBe('Enabled')
    // 4 targeted keys per pair, 2 and 1 of them timed; the empty placeholder counts nothing.
    expect(untimed).toBe(2 + 3)
    expect(pairs).toBe(2)
  })

  it('renders the same text for the same state at another minute', () => {
    const a = renderDigest(digestAt(NOW), 'Europe/Berlin')
    const b = renderDigest(digestAt(NOW + 7 * 60_000), 'Europe/Berlin')
    expect(b).toBe(a)
    expect(a).toContain('due in the next 7 days')
  })

  it('writes the window as it was given', () => {
    expect(describeWindow(7 * DAY)).toBe('7 days')
    expect(describeWindow(14 * DAY)).toBe('2 weeks')
    expect(describeWindow(3 * DAY)).toBe('3 days')
    expect(describeWindow(36 * 3_600_000)).toBe('36 hours')
  })
})

describe('the dashboard', () => {
  it("rewrites this run's section and keeps the other", () => {
    const first = dashboardContent({ drift: 'DRIFT ONE' }, undefined)
    expect(first).toContain('Not read yet')
    const body = `${dashboardMarker('project=p')}\n${first}`
    const next = dashboardContent({ due: 'DUE TWO' }, body)
    expect(next).toContain('DRIFT ONE')
    expect(next).toContain('DUE TWO')
    expect(next).not.toContain('Not read yet')
    // Its own section again: replaced, not appended.
    expect(dashboardContent({ due: 'DUE THREE' }, `x\n${next}`).match(/DUE/g)).toHaveLength(1)
  })
})

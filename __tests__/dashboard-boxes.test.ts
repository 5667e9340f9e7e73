/**
 * The dashboard's boxes, pure: two per due removal with a hidden marker, read back from an edit
 * only when ticked in the new body and unticked in the one before.
 */
import { describe, expect, it } from '@jest/globals'
import {
  boxMarker,
  boxesIn,
  parseBoxMarker,
  renderBoxes,
  tickedBoxes,
  type Box
} from '../src/report/boxes.js'
import type { DueItem } from '../src/report/due-soon.js'
import { DASHBOARD_MARKER_START } from '../src/core/markers.js'
import { classify } from '../src/run/trigger.js'
import { dashboardMarker } from '../src/github/dashboard.js'

const item = (key: string, extra: Partial<DueItem> = {}): DueItem => ({
  flagKey: 'checkout',
  environmentKey: 'production',
  target: { kind: 'user', key },
  variation: 'Enabled',
  removalMs: Date.parse('2026-12-03T10:00:00Z'),
  removalAt: '2026-12-03T10:00:00.000Z',
  url: null,
  ...extra
})

function segmentItem(key: string): DueItem {
  const { environmentKey, target, variation, removalMs, removalAt, url } = item(key)
  return { segmentKey: 'beta', environmentKey, target, variation, removalMs, removalAt, url }
}

describe('the boxes', () => {
  it('renders two unticked items per due removal, each naming the key and carrying a marker', () => {
    const text = renderBoxes([item('sandy'), segmentItem('acme')], '7 days')
    const boxes = boxesIn(text)
    expect(boxes).toHaveLength(4)
    expect(boxes.every((b) => !b.ticked)).toBe(true)
    expect(text).toMatch(
      /^- \[ \] \*\*extend\*\* user `sandy` on flag `checkout` in `production` by 7 days <!-- /m
    )
    expect(text).toMatch(/^- \[ \] \*\*keep\*\* user `sandy` on flag `checkout`/m)
    expect(boxes.map((b) => b.box.action)).toEqual(['extend', 'keep', 'extend', 'keep'])
  })

  it('renders nothing when nothing is due, and caps the rows', () => {
    expect(renderBoxes([], '7 days')).toBe('')
    const many = Array.from({ length: 60 }, (_, i) => item(`u${i}`))
    const text = renderBoxes(many, '7 days')
    expect(boxesIn(text)).toHaveLength(100)
    expect(text).toContain('10 more without boxes')
  })

  it('round-trips a marker whatever the keys hold, and never closes the comment early', () => {
    const box: Box = {
      action: 'keep',
      container: { kind: 'segment', key: 'beta.users' },
      environmentKey: 'prod-eu',
      target: { kind: 'organization', key: 'a-->b/<c> d%e' }
    }
    const marker = boxMarker(box)
    expect(marker.slice(4, -3)).not.toContain('--')
    expect(marker.slice(4, -3)).not.toMatch(/[<>]/)
    expect(parseBoxMarker(marker)).toEqual(box)
  })

  it('refuses malformed markers', () => {
    expect(parseBoxMarker('<!-- expiring-targets-box drop/flag/a/b/user/c -->')).toBeUndefined()
    expect(parseBoxMarker('<!-- expiring-targets-box keep/pipe/a/b/user/c -->')).toBeUndefined()
    expect(parseBoxMarker('<!-- expiring-targets-box keep/flag/a/b/user -->')).toBeUndefined()
    expect(
      parseBoxMarker('<!-- expiring-targets-box keep/flag/%E0%A4%A/b/user/c -->')
    ).toBeUndefined()
  })

  it('reads as ticked only the boxes ticked now and unticked before', () => {
    const from = renderBoxes([item('sandy'), item('bob')], '7 days')
    const lines = from.split('\n')
    const tick = (line: string): string => line.replace('- [ ]', '- [x]')
    const extendSandy = lines.findIndex((l) => l.includes('extend') && l.includes('sandy'))
    const keepBob = lines.findIndex((l) => l.includes('keep') && l.includes('bob'))
    lines[extendSandy] = tick(lines[extendSandy] as string)
    lines[keepBob] = tick(lines[keepBob] as string)
    const pasted = tick(
      renderBoxes([item('carol')], '7 days')
        .split('\n')
        .find((l) => l.includes('keep')) as string
    )
    const body = [...lines, pasted].join('\n')
    const ticked = tickedBoxes(body, from)
    expect(ticked.map((b) => `${b.action} ${b.target.key}`)).toEqual(['extend sandy', 'keep bob'])
    // Ticked before already: not again.
    expect(tickedBoxes(body, body)).toEqual([])
    expect(tickedBoxes(body, undefined)).toEqual([])
  })
})

describe('an issues event, as index.ts classifies it', () => {
  const marker = dashboardMarker('project=default')
  const edited = (body: unknown) => ({
    action: 'edited',
    issue: { number: 7, body },
    changes: { body: { from: '' } }
  })

  it('knows the dashboard by the start of its marker', () => {
    expect(marker.startsWith(DASHBOARD_MARKER_START)).toBe(true)
    expect(classify('issues', edited(`${marker}\n- [x] box`), 'expire-user:')).toEqual({
      kind: 'dashboard-edit'
    })
    // A title-only edit of the dashboard changes no box.
    const titleOnly = { ...edited(`${marker}\n- [x] box`), changes: { title: { from: 'x' } } }
    expect(classify('issues', titleOnly, 'expire-user:').kind).toBe('ignored-issue')
  })

  it('ends an edit of another issue at once, and reads the payload defensively', () => {
    for (const body of ['Just an issue', null, 42, undefined])
      expect(classify('issues', edited(body), 'expire-user:').kind).toBe('ignored-issue')
    expect(classify('issues', { action: 'edited' }, 'expire-user:').kind).toBe('ignored-issue')
    expect(classify('issues', { action: 'edited', issue: 'x' }, 'expire-user:').kind).toBe(
      'ignored-issue'
    )
  })

  it('leaves other issues events to run as any other event', () => {
    expect(
      classify('issues', { action: 'opened', issue: { body: marker } }, 'expire-user:')
    ).toEqual({ kind: 'other' })
    expect(classify('issues', null, 'expire-user:')).toEqual({ kind: 'other' })
  })
})

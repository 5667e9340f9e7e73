/**
 * The dashboard's boxes, pure: under the due table, two task-list items per due removal, `extend`
 * (move it by extend-by) and `keep` (cancel it), each naming its key in readable text and carrying
 * a hidden marker (an HTML comment) that says which removal it is. And the reverse: which boxes an
 * edit of the dashboard ticked, by comparing the body with the one before the edit.
 */
import type { ContainerKind } from '../launchdarkly/container.js'
import { containerOf } from './container-key.js'
import type { DueItem } from './due-soon.js'
import { code } from './escape.js'

/** At most this many due removals get boxes: 2 each. */
export const MAX_BOX_ROWS = 50

export type BoxAction = 'extend' | 'keep'

export interface Box {
  action: BoxAction
  container: { kind: ContainerKind; key: string }
  environmentKey: string
  target: { kind: string; key: string }
}

const MARKER_PREFIX = '<!-- expiring-targets-box '
const MARKER = /<!-- expiring-targets-box ([^<>\s]+) -->/

/** A value in a marker: percent-encoded, `-` too, so it can never close the comment. */
function encode(value: string): string {
  return encodeURIComponent(value).replace(
    /[-!'()*~.]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`
  )
}

/** The hidden marker of a box: action, container kind and key, environment, target kind and key. */
export function boxMarker(box: Box): string {
  const fields = [
    box.action,
    box.container.kind,
    box.container.key,
    box.environmentKey,
    box.target.kind,
    box.target.key
  ]
  return `${MARKER_PREFIX}${fields.map(encode).join('/')} -->`
}

/** The marker's box, or undefined when it is not one of ours (or is malformed). */
export function parseBoxMarker(marker: string): Box | undefined {
  const found = MARKER.exec(marker)
  if (!found?.[1]) return undefined
  const parts = found[1].split('/')
  if (parts.length !== 6) return undefined
  let fields: string[]
  try {
    fields = parts.map((part) => decodeURIComponent(part))
  } catch {
    return undefined
  }
  const [action, kind, key, environmentKey, targetKind, targetKey] = fields as [
    string,
    string,
    string,
    string,
    string,
    string
  ]
  if (action !== 'extend' && action !== 'keep') return undefined
  if (kind !== 'flag' && kind !== 'segment') return undefined
  if (!key || !environmentKey || !targetKind || !targetKey) return undefined
  return {
    action,
    container: { kind, key },
    environmentKey,
    target: { kind: targetKind, key: targetKey }
  }
}

/** The boxes of the due removals (the first MAX_BOX_ROWS), all unticked; '' when none is due. */
export function renderBoxes(due: DueItem[], extendBy: string, maxRows = MAX_BOX_ROWS): string {
  if (due.length === 0) return ''
  const lines: string[] = []
  for (const item of due.slice(0, maxRows)) {
    const container = containerOf(item)
    const where = `${container.kind} ${code(container.key, false)} in ${code(item.environmentKey, false)}`
    const who = `${item.target.kind} ${code(item.target.key, false)}`
    const box = { container, environmentKey: item.environmentKey, target: item.target }
    lines.push(
      `- [ ] **extend** ${who} on ${where} by ${extendBy} ${boxMarker({ ...box, action: 'extend' })}`,
      `- [ ] **keep** ${who} on ${where}: cancel its removal ${boxMarker({ ...box, action: 'keep' })}`
    )
  }
  const more = due.length - Math.min(due.length, maxRows)
  const intro =
    'Tick a box to act on that removal: **extend** moves it, **keep** cancels it (needs the permission in required-permission).'
  return [intro, lines.join('\n'), ...(more > 0 ? [`*${more} more without boxes.*`] : [])].join(
    '\n\n'
  )
}

/** Every box line of a body: ticked or not, and its box. */
export function boxesIn(
  body: string | null | undefined
): { ticked: boolean; box: Box; marker: string }[] {
  const found: { ticked: boolean; box: Box; marker: string }[] = []
  for (const line of (body ?? '').split(/\r\n|\n|\r/)) {
    const item = /^\s*[-*+] \[([ xX])\] .*?(<!-- expiring-targets-box [^<>\s]+ -->)\s*$/.exec(line)
    if (!item?.[1] || !item[2]) continue
    const box = parseBoxMarker(item[2])
    if (box) found.push({ ticked: item[1] !== ' ', box, marker: item[2] })
  }
  return found
}

/**
 * The boxes ticked by an edit: ticked in `body`, and present unticked in `from` (the text before
 * the edit, the action's own), so a box pasted in is ignored. Each marker once.
 */
export function tickedBoxes(
  body: string | null | undefined,
  from: string | null | undefined
): Box[] {
  const before = new Set(
    boxesIn(from)
      .filter((b) => !b.ticked)
      .map((b) => b.marker)
  )
  const seen = new Set<string>()
  const ticked: Box[] = []
  for (const { ticked: isTicked, box, marker } of boxesIn(body)) {
    if (!isTicked || !before.has(marker) || seen.has(marker)) continue
    seen.add(marker)
    ticked.push(box)
  }
  return ticked
}

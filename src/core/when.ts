/**
 * The `<when>` part of an entry: a date, a date-time, an offset from now, or `never`.
 * Pure: the current time and the time zone are passed in.
 */

export type When = { kind: 'at'; epochMs: number } | { kind: 'never' }

export type WhenResult = { ok: true; when: When } | { ok: false; reason: string }

export interface WhenContext {
  now: number
  timeZone: string
  /** Return a time in the past as it is, instead of refusing it. */
  allowPast?: boolean
}

const HOUR = 3_600_000
const UNIT_MS: Record<string, number> = { h: HOUR, d: 24 * HOUR, w: 7 * 24 * HOUR }
/** 9999-12-31T23:59:59.999Z: the last instant a four-digit year can write. */
export const LATEST_MS = 253_402_300_799_999

const VALID_WHEN =
  'a date YYYY-MM-DD, a date-time with Z or an offset (2030-06-10T09:00:00Z, 2030-06-10T09:00+02:00), +N followed by h, d or w (+36h, +7d, +2w), or never'

export const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
export const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/
const RELATIVE = /^\+(\d{1,12})([A-Za-z]*)$/

export function parseWhen(text: string, context: WhenContext): WhenResult {
  if (text === 'never') return { ok: true, when: { kind: 'never' } }
  if (text === '') return fail(`the time after @ is empty; use ${VALID_WHEN}`)
  if (text.startsWith('+') || text.startsWith('-')) return parseRelative(text, context)
  const date = DATE.exec(text)
  if (date) {
    const [year, month, day] = date.slice(1, 4).map(Number) as [number, number, number]
    if (!isCalendarDate(year, month, day)) return fail(`${text} is not a calendar date`)
    return future(zonedMidnight(year, month, day, context.timeZone), text, context)
  }
  const dateTime = DATE_TIME.exec(text)
  if (dateTime) return parseDateTime(dateTime, text, context)
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)) {
    return fail(`${text} has no time zone; add Z or an offset such as +02:00`)
  }
  return fail(`"${text}" is not a time; use ${VALID_WHEN}`)
}

function parseRelative(text: string, context: WhenContext): WhenResult {
  if (text.startsWith('-')) return fail(`${text} is in the past; offsets start with + (+7d)`)
  const match = RELATIVE.exec(text)
  if (!match) return fail(`"${text}" is not an offset; use +N followed by h, d or w (+7d)`)
  const [, digits, unit] = match as unknown as [string, string, string]
  const size = UNIT_MS[unit]
  if (size === undefined) {
    const shown = unit === '' ? 'no unit' : `unknown unit "${unit}"`
    return fail(`${text} has ${shown}; use h (hours), d (days) or w (weeks), as in +7d`)
  }
  const count = Number(digits)
  if (count === 0) return fail(`${text} is not in the future; use an offset of at least +1${unit}`)
  return future(context.now + count * size, text, context)
}

function parseDateTime(match: RegExpExecArray, text: string, context: WhenContext): WhenResult {
  const [year, month, day, hour, minute] = match.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number
  ]
  const second = Number(match[6] ?? '0')
  const millis = Number((match[7] ?? '0').padEnd(3, '0').slice(0, 3))
  const zone = match[8] as string
  if (!isCalendarDate(year, month, day)) return fail(`${text} is not a calendar date`)
  if (hour > 23 || minute > 59 || second > 59) return fail(`${text} is not a valid time of day`)
  let offsetMinutes = 0
  if (zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1
    const offsetHours = Number(zone.slice(1, 3))
    const offsetMins = Number(zone.slice(4, 6))
    if (offsetHours > 14 || offsetMins > 59) return fail(`${text} has an impossible UTC offset`)
    offsetMinutes = sign * (offsetHours * 60 + offsetMins)
  }
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis)
  return future(local - offsetMinutes * 60_000, text, context)
}

function future(epochMs: number, text: string, context: WhenContext): WhenResult {
  if (!(epochMs > context.now) && !context.allowPast) {
    return fail(`${text} (${new Date(epochMs).toISOString()}) is not in the future`)
  }
  if (epochMs > LATEST_MS) return fail(`${text} is after the year 9999`)
  return { ok: true, when: { kind: 'at', epochMs } }
}

function fail(reason: string): WhenResult {
  return { ok: false, reason }
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit'
    })
    formatters.set(timeZone, f)
  }
  return f
}

export function isValidTimeZone(timeZone: string): boolean {
  if (timeZone === 'UTC') return true
  if (timeZone === '' || timeZone.length > 64) return false
  try {
    formatter(timeZone)
    return true
  } catch {
    return false
  }
}

interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

function wallClock(epochMs: number, timeZone: string): WallClock {
  if (timeZone === 'UTC') {
    // Intl's first formatter costs ~10 ms (ICU data); UTC needs none of it.
    const d = new Date(epochMs)
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds()
    }
  }
  const parts: Record<string, number> = {}
  for (const part of formatter(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value)
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0
  }
}

/** The zone's offset from UTC, in milliseconds, at an instant. */
export function offsetAt(epochMs: number, timeZone: string): number {
  const w = wallClock(epochMs, timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return asUtc - Math.floor(epochMs / 1000) * 1000
}

/**
 * The first instant of a calendar day in a zone. When DST skips midnight (Santiago, Havana,
 * Beirut), the day starts when the clock jumps: 00:00 is pushed forward by the gap, as
 * Temporal's "compatible" disambiguation does. When midnight happens twice, the earlier one.
 */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): number {
  const wall = Date.UTC(year, month - 1, day)
  const before = offsetAt(wall - 86_400_000, timeZone)
  const after = offsetAt(wall + 86_400_000, timeZone)
  const candidates = [wall - before, wall - after].filter((t) => t + offsetAt(t, timeZone) === wall)
  if (candidates.length > 0) return Math.min(...candidates)
  // Midnight falls in a gap: the offset before the gap, applied after the jump.
  return wall - before
}

/** `2030-06-10 02:00` (wall clock in the zone) and the offset, `UTC+02:00`. */
export function formatInZone(epochMs: number, timeZone: string): string {
  const w = wallClock(epochMs, timeZone)
  const pad = (n: number): string => String(n).padStart(2, '0')
  const offset = offsetAt(epochMs, timeZone) / 60_000
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  const date = `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`
  return `${date} (UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`
}

export function formatUtc(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace('T', ' ')
    .replace(/:\d{2}\.\d{3}Z$/, ' UTC')
}

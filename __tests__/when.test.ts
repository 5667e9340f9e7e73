import { describe, expect, it } from '@jest/globals'
import {
  formatInZone,
  isCalendarDate,
  isValidTimeZone,
  parseWhen,
  zonedMidnight
} from '../src/core/when.js'

const NOW = Date.parse('2026-11-28T12:00:00Z')
const at = (text: string, timeZone = 'UTC', now = NOW): number => {
  const result = parseWhen(text, { now, timeZone })
  if (!result.ok) throw new Error(result.reason)
  if (result.when.kind !== 'at') throw new Error('not a time')
  return result.when.epochMs
}
const reason = (text: string, timeZone = 'UTC', now = NOW): string => {
  const result = parseWhen(text, { now, timeZone })
  if (result.ok) throw new Error(`${text} parsed`)
  return result.reason
}

describe('dates', () => {
  it('reads YYYY-MM-DD as 00:00 UTC by default', () => {
    expect(at('2030-06-10')).toBe(Date.parse('2030-06-10T00:00:00Z'))
    // The figure from LaunchDarkly's notes: 2024-06-10 UTC.
    expect(at('2024-06-10', 'UTC', 0)).toBe(1717977600000)
  })

  it('reads YYYY-MM-DD as 00:00 in the time zone, summer and winter', () => {
    expect(at('2030-06-10', 'Europe/Berlin')).toBe(Date.parse('2030-06-09T22:00:00Z'))
    expect(at('2030-01-15', 'Europe/Berlin')).toBe(Date.parse('2030-01-14T23:00:00Z'))
    expect(at('2030-01-15', 'America/New_York')).toBe(Date.parse('2030-01-15T05:00:00Z'))
    expect(at('2030-07-15', 'America/New_York')).toBe(Date.parse('2030-07-15T04:00:00Z'))
    expect(at('2030-01-15', 'Asia/Kolkata')).toBe(Date.parse('2030-01-14T18:30:00Z'))
    expect(at('2030-01-15', 'Pacific/Chatham')).toBe(Date.parse('2030-01-14T10:15:00Z'))
  })

  it('moves a midnight that DST skips to the moment the clock jumps', () => {
    // Santiago, 2024-09-08: 00:00 (-04) jumps to 01:00 (-03).
    expect(zonedMidnight(2024, 9, 8, 'America/Santiago')).toBe(Date.parse('2024-09-08T04:00:00Z'))
    // Beirut, 2024-03-31: 00:00 (+02) jumps to 01:00 (+03).
    expect(zonedMidnight(2024, 3, 31, 'Asia/Beirut')).toBe(Date.parse('2024-03-30T22:00:00Z'))
  })

  it('takes the earlier of a midnight that happens twice', () => {
    // Havana, 2024-11-03: 01:00 (-04) falls back to 00:00 (-05).
    expect(zonedMidnight(2024, 11, 3, 'America/Havana')).toBe(Date.parse('2024-11-03T04:00:00Z'))
  })

  it('knows leap days', () => {
    expect(isCalendarDate(2028, 2, 29)).toBe(true)
    expect(isCalendarDate(2400, 2, 29)).toBe(true)
    expect(isCalendarDate(2100, 2, 29)).toBe(false)
    expect(isCalendarDate(2030, 2, 29)).toBe(false)
    expect(at('2028-02-29')).toBe(Date.parse('2028-02-29T00:00:00Z'))
    expect(reason('2030-02-29')).toMatch(/not a calendar date/)
    expect(reason('2030-02-30')).toMatch(/not a calendar date/)
    expect(reason('2030-04-31')).toMatch(/not a calendar date/)
    expect(reason('2030-13-01')).toMatch(/not a calendar date/)
    expect(reason('2030-00-10')).toMatch(/not a calendar date/)
  })

  it('refuses times that are not in the future', () => {
    expect(reason('2020-01-01')).toMatch(/not in the future/)
    expect(reason('2026-11-28T12:00:00Z')).toMatch(/not in the future/)
    expect(at('2026-11-28T12:00:01Z')).toBe(NOW + 1000)
    // Today in UTC already began.
    expect(reason('2026-11-28')).toMatch(/not in the future/)
    // ...but tomorrow's midnight in Tokyo is still ahead.
    expect(at('2026-11-29', 'Asia/Tokyo')).toBe(Date.parse('2026-11-28T15:00:00Z'))
  })
})

describe('date-times', () => {
  it('reads Z, offsets, seconds and fractions', () => {
    expect(at('2030-06-10T09:00:00Z')).toBe(Date.parse('2030-06-10T09:00:00Z'))
    expect(at('2030-06-10T09:00Z')).toBe(Date.parse('2030-06-10T09:00:00Z'))
    expect(at('2030-06-10T09:00:00+02:00')).toBe(Date.parse('2030-06-10T07:00:00Z'))
    expect(at('2030-06-10T09:00:00-05:30')).toBe(Date.parse('2030-06-10T14:30:00Z'))
    expect(at('2030-06-10T09:00:00.250Z')).toBe(Date.parse('2030-06-10T09:00:00.250Z'))
  })

  it('ignores the time zone input when the value has its own offset', () => {
    expect(at('2030-06-10T09:00:00Z', 'Asia/Tokyo')).toBe(Date.parse('2030-06-10T09:00:00Z'))
  })

  it('refuses date-times without a zone, and impossible ones', () => {
    expect(reason('2030-06-10T09:00:00')).toMatch(/no time zone; add Z or an offset/)
    expect(reason('2030-06-10 09:00')).toMatch(/no time zone/)
    expect(reason('2030-06-10T24:00:00Z')).toMatch(/not a valid time of day/)
    expect(reason('2030-06-10T12:60:00Z')).toMatch(/not a valid time of day/)
    expect(reason('2030-06-10T12:00:00+15:00')).toMatch(/impossible UTC offset/)
    expect(reason('2030-02-30T12:00:00Z')).toMatch(/not a calendar date/)
  })
})

describe('offsets', () => {
  it('adds hours, days and weeks to now', () => {
    expect(at('+36h')).toBe(NOW + 36 * 3_600_000)
    expect(at('+7d')).toBe(NOW + 7 * 86_400_000)
    expect(at('+2w')).toBe(NOW + 14 * 86_400_000)
  })

  it('refuses zero, negative, unitless and unknown units', () => {
    expect(reason('+0d')).toMatch(/not in the future/)
    expect(reason('-3d')).toMatch(/in the past; offsets start with \+/)
    expect(reason('+3')).toMatch(/no unit; use h \(hours\), d \(days\) or w \(weeks\)/)
    expect(reason('+3y')).toMatch(/unknown unit "y"/)
    expect(reason('+3D')).toMatch(/unknown unit "D"/)
    expect(reason('+3days')).toMatch(/unknown unit "days"/)
    expect(reason('+1.5d')).toMatch(/not an offset/)
    expect(reason('+999999999999w')).toMatch(/after the year 9999/)
  })
})

describe('never and nonsense', () => {
  it('reads never as a cancellation', () => {
    expect(parseWhen('never', { now: NOW, timeZone: 'UTC' })).toEqual({
      ok: true,
      when: { kind: 'never' }
    })
  })

  it('names the valid forms for anything else', () => {
    for (const text of ['tomorrow', 'Never', '10/06/2030', '2030-6-10', '２０３０-06-10', '']) {
      expect(reason(text)).toMatch(/YYYY-MM-DD|empty/)
    }
  })
})

describe('time zones', () => {
  it('accepts IANA names and refuses others', () => {
    expect(isValidTimeZone('UTC')).toBe(true)
    expect(isValidTimeZone('Europe/Berlin')).toBe(true)
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })

  it("formats a time on the zone's wall clock with its offset", () => {
    expect(formatInZone(Date.parse('2030-06-09T22:00:00Z'), 'Europe/Berlin')).toBe(
      '2030-06-10 00:00 (UTC+02:00)'
    )
    expect(formatInZone(Date.parse('2030-01-15T05:00:00Z'), 'America/New_York')).toBe(
      '2030-01-15 00:00 (UTC-05:00)'
    )
    expect(formatInZone(Date.parse('2030-01-14T18:30:00Z'), 'Asia/Kolkata')).toBe(
      '2030-01-15 00:00 (UTC+05:30)'
    )
  })
})

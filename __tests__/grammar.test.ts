import { describe, expect, it } from '@jest/globals'
import {
  formatEntry,
  parseEntry,
  parseTargets,
  rejectRepeatedKeys,
  type GrammarContext
} from '../src/sources/grammar.js'
import type { ParseResult } from '../src/core/entry.js'

const NOW = Date.parse('2026-11-28T12:00:00Z')
const context: GrammarContext = {
  prefix: 'expire-user:',
  timeZone: 'UTC',
  now: NOW,
  intent: 'apply'
}
const ok = (text: string, ctx: Partial<GrammarContext> = {}) => {
  const result = parseEntry(text, 'test', { ...context, ...ctx })
  if (!result.ok) throw new Error(result.invalid.reason)
  return result.entry
}
const bad = (text: string, ctx: Partial<GrammarContext> = {}): string => {
  const result = parseEntry(text, 'test', { ...context, ...ctx })
  if (result.ok) throw new Error(`${text} parsed as ${JSON.stringify(result.entry)}`)
  return result.invalid.reason
}

describe('the label grammar', () => {
  it('splits prefix, key and time', () => {
    const entry = ok('expire-user:sandy@2030-06-10')
    expect(entry.target.key).toBe('sandy')
    expect(entry.when).toEqual({ kind: 'at', epochMs: Date.parse('2030-06-10T00:00:00Z') })
    expect(entry.source).toBe('expire-user:sandy@2030-06-10')
  })

  it('takes the key up to the LAST @, so email keys work', () => {
    expect(ok('expire-user:sandy@example.com@2030-06-10').target.key).toBe('sandy@example.com')
    expect(ok('a@b@c@+1d').target.key).toBe('a@b@c')
  })

  it('makes the prefix optional in targets but exact when present', () => {
    expect(ok('sandy@2030-06-10').target.key).toBe('sandy')
    expect(bad('Expire-User:sandy@2030-06-10')).toMatch(/exactly "expire-user:"/)
    expect(bad('expire\u2010user:sandy@2030-06-10')).toMatch(/look-alike of the prefix/)
    expect(bad('expire-user\uff1asandy@2030-06-10')).toMatch(/look-alike of the prefix/)
  })

  it('uses a custom prefix', () => {
    expect(ok('qa-expiry/bob@+2w', { prefix: 'qa-expiry/' }).target.key).toBe('bob')
  })

  it('reads never as a cancellation', () => {
    expect(ok('expire-user:sandy@never').when).toEqual({ kind: 'never' })
  })

  it('only needs the key to cancel: a removed label whose date passed still cancels', () => {
    const entry = ok('expire-user:sandy@2020-01-01', { intent: 'cancel' })
    expect(entry).toMatchObject({ target: { kind: 'user', key: 'sandy' }, when: { kind: 'never' } })
    expect(bad('expire-user:@2020-01-01', { intent: 'cancel' })).toMatch(
      /user key before @ is empty/
    )
  })

  it('tells an email key without a time that it needs a trailing @<when>', () => {
    expect(bad('sandy@example.com')).toBe(
      '"example.com" is not a time: keys with an @ need a trailing @<when>, as in sandy@example.com@2030-06-10'
    )
    expect(bad('expire-user:qa.tester@mail.example.co.uk')).toMatch(
      /^"mail\.example\.co\.uk" is not a time: keys with an @ need a trailing @<when>, as in expire-user:qa\.tester@mail\.example\.co\.uk@2030-06-10$/
    )
    expect(bad('sandy@example.com', { intent: 'reapply' })).toMatch(/need a trailing @<when>/)
    // Not a domain: the time's own explanation.
    for (const when of ['soon', '10.5d', '2030.06.10', 'example']) {
      expect(bad(`sandy@${when}`)).not.toMatch(/trailing @<when>/)
    }
  })

  it('does not cancel the key before the domain when a label without a time is taken off', () => {
    // expire-user:sandy@example.com never scheduled anything; removing it must leave sandy alone.
    expect(bad('expire-user:sandy@example.com', { intent: 'cancel' })).toMatch(
      /keys with an @ need a trailing @<when>/
    )
    expect(ok('expire-user:sandy@example.com@2020-01-01', { intent: 'cancel' }).target.key).toBe(
      'sandy@example.com'
    )
  })

  it('explains each kind of invalid entry and what would be valid', () => {
    expect(bad('expire-user:@2030-06-10')).toMatch(/user key before @ is empty.*sandy@2030-06-10/)
    expect(bad('expire-user:sandy')).toMatch(/no @<when>; write <user key>@<when>/)
    expect(bad('expire-user:sandy\uff202030-06-10')).toMatch(/look-alike of @/)
    expect(bad('expire-user:sandy@2030-02-30')).toMatch(/not a calendar date/)
    expect(bad('expire-user:sandy@2020-06-10')).toMatch(/not in the future/)
    expect(bad('expire-user:sandy@+3y')).toMatch(/unknown unit/)
    expect(bad('expire-user:sandy@+0d')).toMatch(/not in the future/)
    expect(bad('expire-user:sandy@-1d')).toMatch(/offsets start with \+/)
    expect(bad('expire-user:sandy@soon')).toMatch(/YYYY-MM-DD/)
    expect(bad('expire-user:san dy@2030-06-10')).toMatch(/white space/)
    expect(bad('sandy,bob@2030-06-10')).toMatch(/comma; put one entry per line/)
    expect(bad('expire-user:san\u200bdy@2030-06-10')).toMatch(
      /invisible or control character \(U\+200B\)/
    )
    expect(bad('expire-user:sandy\u0007@2030-06-10')).toMatch(/U\+0007/)
    expect(bad('expire-user:\u0455andy@2030-06-10')).toMatch(/look-alike U\+0455/)
    expect(bad(`expire-user:${'x'.repeat(10_000)}@2030-06-10`)).toMatch(/at most 512/)
  })

  it('accepts keys from other scripts that are not disguised Latin', () => {
    expect(ok('сергей@2030-06-10').target.key).toBe('сергей')
    expect(ok('用户42@2030-06-10').target.key).toBe('用户42')
  })

  it('shortens a long entry in messages', () => {
    const result = parseEntry(`${'y'.repeat(600)}@2030-06-10`, 'test', context)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.invalid.source).toMatch(/… \(611 chars\)$/)
  })

  it('prints an entry back into text that parses to the same entry', () => {
    for (const text of [
      'sandy@2030-06-10',
      'a@b.c@2031-01-01T10:11:12.345Z',
      'x|y@never',
      'q<b>@+5h'
    ]) {
      const entry = ok(text)
      const again = ok(formatEntry(entry, 'expire-user:'))
      expect(again.target.key).toBe(entry.target.key)
      expect(again.when).toEqual(entry.when)
    }
  })
})

describe('the targets input', () => {
  const keys = (results: ParseResult[]) =>
    results.map((r) => (r.ok ? r.entry.target.key : `!${r.invalid.origin}`))

  it('reads one entry per line, skipping blanks and comments, prefix optional', () => {
    const results = parseTargets(
      '# QA testers\nsandy@2030-06-10\n\n  expire-user:bob@+7d  \r\n#carol@2030-01-01\n',
      context
    )
    expect(keys(results)).toEqual(['sandy', 'bob'])
    expect(results.map((r) => (r.ok ? r.entry.origin : ''))).toEqual([
      'targets line 2',
      'targets line 4'
    ])
  })

  it('names the line of an invalid entry', () => {
    const results = parseTargets('sandy@2030-06-10\nbob@someday\n', context)
    expect(keys(results)).toEqual(['sandy', '!targets line 2'])
  })

  it('refuses the same user twice, naming both lines', () => {
    const results = rejectRepeatedKeys(
      parseTargets('sandy@2030-06-10\nbob@+1d\nsandy@2031-01-01', context)
    )
    expect(keys(results)).toEqual(['sandy', 'bob', '!targets line 3'])
    const third = results[2]
    expect(third && !third.ok && third.invalid.reason).toMatch(/already listed at targets line 1/)
  })
})

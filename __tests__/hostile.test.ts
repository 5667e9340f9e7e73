/**
 * Hostile and broken input: every case is refused with a message that names the entry (or input)
 * and says what would be valid, and nothing reaches LaunchDarkly. Plus property-based tests of the
 * grammar with fast-check.
 */
import { describe, expect, it, jest } from '@jest/globals'
import fc from 'fast-check'
import {
  formatEntry,
  parseEntry,
  parseTargets,
  type GrammarContext
} from '../src/sources/grammar.js'
import { LATEST_MS, parseWhen } from '../src/core/when.js'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import type { InProcessOptions } from './helpers/in-process.ts'
import { annotations, inProcessSuite, type InProcessRun } from './helpers/suite.ts'

// The property-based tests run thousands of cases; the end-to-end part runs in process.
jest.setTimeout(60_000)

const NOW = Date.parse('2026-11-28T12:00:00Z')
const context: GrammarContext = {
  prefix: 'expire-user:',
  timeZone: 'UTC',
  now: NOW,
  intent: 'apply'
}
/** Words that tell the reader what would be valid. */
const GUIDANCE =
  /\buse\b|\bwrite\b|retype|one entry per line|at most|list each|add Z|start with \+|exactly|YYYY-MM-DD|calendar date|in the future|valid time of day|UTC offset|year 9999/

/** `targets` lines (the prefix is optional there), each invalid for its own reason. */
export const BAD_LINES: [string, string][] = [
  ['impossible day', 'sandy@2030-02-30'],
  ['month 13', 'sandy@2030-13-01'],
  ['month 0', 'sandy@2030-00-10'],
  ['April 31', 'sandy@2030-04-31'],
  ['29 February of a common year', 'sandy@2029-02-29'],
  ['29 February 2100', 'sandy@2100-02-29'],
  ['two-digit year', 'sandy@30-06-10'],
  ['slashes', 'sandy@2030/06/10'],
  ['European order', 'sandy@10.06.2030'],
  ['unpadded month', 'sandy@2030-6-10'],
  ['no separators', 'sandy@20300610'],
  ['hour 25', 'sandy@2030-06-10T25:00Z'],
  ['minute 60', 'sandy@2030-06-10T10:60Z'],
  ['date-time without zone', 'sandy@2030-06-10T10:00'],
  ['date-time with a space', 'sandy@2030-06-10 10:00'],
  ['offset beyond 14 h', 'sandy@2030-06-10T10:00+15:00'],
  ['offset without colon', 'sandy@2030-06-10T10:00+0200'],
  ['in the past', 'sandy@2020-01-01'],
  ['the epoch', 'sandy@1970-01-01'],
  ['year 0', 'sandy@0000-01-01'],
  ['five-digit year', 'sandy@99999-01-01'],
  ['empty time', 'sandy@'],
  ['a word', 'sandy@tomorrow'],
  ['never in capitals', 'sandy@NEVER'],
  ['full-width digits', 'sandy@２０３０-06-10'],
  ['Arabic-Indic digits', 'sandy@٢٠٣٠-06-10'],
  ['zero offset', 'sandy@+0d'],
  ['negative offset', 'sandy@-1d'],
  ['year unit', 'sandy@+1y'],
  ['fractional offset', 'sandy@+1.5d'],
  ['unit without number', 'sandy@+d'],
  ['double plus', 'sandy@++1d'],
  ['space in offset', 'sandy@+1 d'],
  ['capital unit', 'sandy@+1D'],
  ['absurd offset', 'sandy@+99999999999w'],
  ['no unit', 'sandy@+12'],
  ['empty key', '@2030-06-10'],
  ['white-space key', '   @2030-06-10'],
  ['space in key', 'san dy@2030-06-10'],
  ['tab in key', 'san\tdy@2030-06-10'],
  ['no-break space in key', 'san\u00a0dy@2030-06-10'],
  ['comma list', 'sandy, bob@2030-06-10'],
  ['two entries on one line', 'sandy@2030-06-10,bob@2030-06-11'],
  ['zero-width space', 'san\u200bdy@2030-06-10'],
  ['right-to-left override', 'sandy\u202e01-60-0302@2030-06-10'],
  ['byte-order mark inside', 'san\ufeffdy@2030-06-10'],
  ['NUL', 'san\u0000dy@2030-06-10'],
  ['bell', 'sandy\u0007@2030-06-10'],
  ['terminal escape', '\u001b[31msandy@2030-06-10'],
  ['DEL', 'sandy\u007f@2030-06-10'],
  ['C1 control', 'sandy\u0085x@2030-06-10'],
  ['Cyrillic look-alike in a Latin key', '\u0455andy@2030-06-10'],
  ['Greek omicron in a Latin key', 'b\u03bfb@2030-06-10'],
  ['Unicode hyphen in a Latin key', 'sandy\u2010smith@2030-06-10'],
  ['full-width @', 'sandy\uff202030-06-10'],
  ['small @', 'sandy\ufe6b2030-06-10'],
  ['no @ at all', 'sandy'],
  ['space instead of @', 'sandy 2030-06-10'],
  ['prefix in capitals', 'EXPIRE-USER:sandy@2030-06-10'],
  ['prefix in title case', 'Expire-User:sandy@2030-06-10'],
  ['prefix with a Unicode hyphen', 'expire\u2010user:sandy@2030-06-10'],
  ['prefix with a full-width colon', 'expire-user\uff1asandy@2030-06-10'],
  ['prefix with a Cyrillic e', '\u0435xpire-user:sandy@2030-06-10'],
  ['prefix only', 'expire-user:'],
  ['prefix and @ only', 'expire-user:@'],
  ['10,000 characters', `${'a'.repeat(10_000)}@2030-06-10`],
  ['513 characters', `${'a'.repeat(502)}@2030-06-10`],
  ['HTML injection', '<img src=x onerror=alert(1)>@2030-06-10'],
  ['Markdown link injection', '[click me](https://evil.example)@2030-02-30'],
  ['Markdown table injection', '| a | b |@2030-06-10'],
  ['JSON injection', 'x","kind":"removeExpireUserTargetDate@2030-06-10'],
  ['JSON object as key', '{"userKey":"bob","value":1}@2030-06-10'],
  ['workflow command injection', '::error:: pwned@2030-06-10'],
  ['mention and script', '@octocat <script>@2030-06-10'],
  ['repeated user', 'sandy@2031-01-01']
]

/** Labels: the prefix is required, and case and look-alikes matter. */
export const BAD_LABELS: string[] = [
  'expire-user:sandy@2030-02-30',
  'expire-user:@2030-06-10',
  'expire-user:sandy',
  'expire-user:sandy@+0d',
  'expire-user:sandy@+3y',
  'expire-user:san dy@2030-06-10',
  'expire-user:sandy,bob@2030-06-10',
  'Expire-User:sandy@2030-06-10',
  'expire\u2010user:sandy@2030-06-10',
  'expire-user:\u0455andy@2030-06-10',
  'expire-user:sandy\uff202030-06-10',
  'expire-user:sandy@2020-06-10'
]

/** Inputs, each with the value that must be refused. */
export const BAD_INPUTS: [string, string][] = [
  ['flag-key', '../admin'],
  ['flag-key', 'new checkout'],
  ['flag-key', 'flag/../../x'],
  ['project-key', 'a/b'],
  ['project-key', ''],
  ['environment-key', ''],
  ['environment-key', 'prod%2F..'],
  ['base-uri', 'http://app.launchdarkly.com'],
  ['base-uri', 'ftp://app.launchdarkly.com'],
  ['base-uri', 'https://user:pass@app.launchdarkly.com'],
  ['base-uri', 'https://app.launchdarkly.com/?x=1'],
  ['base-uri', 'app.launchdarkly.com'],
  ['timezone', 'Mars/Olympus_Mons'],
  ['timezone', '../../etc/passwd'],
  ['label-prefix', 'expire user:'],
  ['label-prefix', 'expire@'],
  ['dry-run', 'maybe'],
  ['fail-on-error', 'yes'],
  ['max-attempts', '0'],
  ['max-attempts', '11'],
  ['max-attempts', 'three'],
  ['request-timeout', '0'],
  ['max-retry-wait', '601'],
  ['required-permission', 'owner'],
  ['pr-number', '12abc'],
  ['api-key', 'sdk-0000-1111'],
  ['api-key', 'mob-0000-1111'],
  ['api-key', 'api-key with spaces']
]

describe('the hostile corpus', () => {
  it('has at least 60 cases, and more in each part than a token gesture', () => {
    expect(BAD_LINES.length + BAD_LABELS.length + BAD_INPUTS.length).toBeGreaterThanOrEqual(100)
  })

  it.each(BAD_LINES.slice(0, -1))(
    'refuses a line with %s, saying what would be valid',
    (_name, line) => {
      const [result] = parseTargets(line, context)
      expect(result?.ok).toBe(false)
      if (result && !result.ok) {
        expect(result.invalid.origin).toBe('targets line 1')
        expect(result.invalid.reason).toMatch(GUIDANCE)
      }
    }
  )

  it.each(BAD_LABELS)('refuses the label %j, saying what would be valid', (label) => {
    const result = parseEntry(label, `label ${JSON.stringify(label)}`, context)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.invalid.reason).toMatch(GUIDANCE)
  })
})

describe('the grammar, property-based', () => {
  const anyText = fc.string({ unit: 'binary', maxLength: 700 })

  it('never throws, whatever the text, prefix or intent', () => {
    fc.assert(
      fc.property(
        anyText,
        fc.string({ maxLength: 20 }),
        fc.constantFrom('apply', 'cancel', 'reapply' as const),
        (text, prefix, intent) => {
          const result = parseEntry(text, 'fuzz', { ...context, prefix, intent })
          expect(typeof result.ok).toBe('boolean')
          parseTargets(text, context)
          parseWhen(text, context)
        }
      ),
      { numRuns: 2000 }
    )
  })

  it('parses every valid entry it prints back into the same entry', () => {
    const keyChar = fc.constantFrom(...'abcXYZ0189._-+@:/|<>`#*!~=$%^&()[]{}'.split(''))
    const key = fc.array(keyChar, { minLength: 1, maxLength: 40 }).map((chars) => chars.join(''))
    const when = fc.oneof(
      fc.constant({ kind: 'never' as const }),
      fc
        .integer({ min: NOW + 1, max: LATEST_MS })
        .map((epochMs) => ({ kind: 'at' as const, epochMs }))
    )
    fc.assert(
      fc.property(key, when, fc.boolean(), (userKey, w, withPrefix) => {
        const text = formatEntry(
          { target: { kind: 'user', key: userKey }, when: w },
          withPrefix ? 'expire-user:' : ''
        )
        const result = parseEntry(text, 'roundtrip', context)
        expect(
          result.ok
            ? { userKey: result.entry.target.key, when: result.entry.when }
            : result.invalid.reason
        ).toEqual({
          userKey,
          when: w
        })
      }),
      { numRuns: 2000 }
    )
  })

  it('never accepts a time that is not in the future', () => {
    fc.assert(
      fc.property(fc.integer({ min: -8_640_000_000_000_000, max: NOW }), (ms) => {
        const iso = new Date(ms).toISOString()
        expect(parseWhen(iso, context).ok).toBe(false)
      })
    )
  })
})

describe('hostile input, end to end (in process)', () => {
  const suite = inProcessSuite()
  const run = (options: InProcessOptions): Promise<InProcessRun> => suite.run(options)
  const ld = () => suite.sandboxes.launchDarkly

  it('refuses every bad targets line at once, naming each line, and sends nothing', async () => {
    // The first line is valid, so the repeated user on the last line is a repeat.
    // An environment variable cannot hold NUL, so the runner could not pass one: use SOH instead.
    const lines = [
      'sandy@2030-06-10',
      ...BAD_LINES.map(([, line]) => line.split('\u0000').join('\u0001'))
    ]
    const result = await run({ inputs: { targets: lines.join('\n') } })
    expect(result.code).toBe(1)
    expect(ld().requests).toHaveLength(0)
    const errors = JSON.parse(result.outputs.errors ?? '[]') as {
      origin: string
      message: string
    }[]
    expect(errors.map((e) => e.origin)).toEqual(BAD_LINES.map((_, i) => `targets line ${i + 2}`))
    for (const error of errors) expect(error.message).toMatch(GUIDANCE)
    expect(result.stdout).not.toMatch(/^::(?!add-mask|error title=|error::\d+ problems|notice)/m)
  })

  it.each(BAD_LABELS)(
    'refuses the label %j on a labeled event, and sends nothing',
    async (label) => {
      const result = await run({
        eventName: 'pull_request',
        payload: pullRequestPayload('labeled', label)
      })
      expect(result.code).toBe(1)
      expect(ld().requests).toHaveLength(0)
      const [error] = JSON.parse(result.outputs.errors ?? '[]') as {
        origin: string
        message: string
      }[]
      expect(error?.origin).toBe(`label ${JSON.stringify(label)}`)
      expect(error?.message).toMatch(GUIDANCE)
    }
  )

  it.each(BAD_INPUTS)('refuses %s=%j, naming the input, and sends nothing', async (name, value) => {
    const result = await run({ inputs: { targets: 'sandy@2030-06-10', [name]: value } })
    expect(result.code).toBe(1)
    expect(ld().requests).toHaveLength(0)
    expect(annotations(result, 'error')).toEqual([
      expect.stringMatching(new RegExp(`\\nInput "${name}" (is|must|may|contains)`))
    ])
  })
})

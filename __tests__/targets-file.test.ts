import { describe, expect, it } from '@jest/globals'
import type { Entry, InvalidEntry, ParseResult } from '../src/core/entry.js'
import { parseTargetsFile, type TargetsFileContext } from '../src/sources/targets-file-parser.js'

const NOW = Date.parse('2026-11-28T12:00:00Z')
const PATH = '.github/expiring-targets.yml'
const context: TargetsFileContext = {
  path: PATH,
  timeZone: 'UTC',
  now: NOW,
  defaultEnvironments: ['production'],
  defaultFlags: []
}
const SANDY = '2f6a9c1e-5b7d-4e2a-9c3f-1a2b3c4d5e6f'

/** The file's lines, so that line numbers in the tests are easy to count. */
const file = (...lines: string[]): string => `${lines.join('\n')}\n`
/** A file with version 1 and these lines under `targets:` (the first item is on line 3). */
const items = (...lines: string[]): string => file('version: 1', 'targets:', ...lines)

const parse = (text: string, ctx: Partial<TargetsFileContext> = {}): ParseResult[] =>
  parseTargetsFile(text, { ...context, ...ctx }).results
const entry = (result: ParseResult | undefined): Entry => {
  if (!result?.ok) throw new Error(`not an entry: ${JSON.stringify(result)}`)
  return result.entry
}
/**
 * An invalid result, without its file and line: every one has them, for its annotation, and
 * they are the ones its origin names.
 */
const invalid = (result: ParseResult | undefined): InvalidEntry => {
  if (result === undefined || result.ok) throw new Error(`not invalid: ${JSON.stringify(result)}`)
  const { file, line: at, ...rest } = result.invalid
  expect(`${file} line ${at}`).toBe(rest.origin)
  return rest
}
/** The only result of a file, which must be invalid. */
const problem = (text: string, ctx: Partial<TargetsFileContext> = {}): InvalidEntry => {
  const results = parse(text, ctx)
  expect(results).toHaveLength(1)
  return invalid(results[0])
}
const line = (n: number): string => `${PATH} line ${n}`

describe('the targets file', () => {
  it('reads the documented example', () => {
    const text = file(
      'version: 1',
      'aliases:                      # optional; alias -> key',
      `  sandy: ${SANDY}`,
      'targets:',
      '  - flag: new-checkout',
      '    environment: production',
      '    user: sandy',
      '    remove-at: 2030-06-10',
      '    variation: Enabled'
    )
    const parsed = parseTargetsFile(text, { ...context, timeZone: 'Europe/Berlin' })
    expect(parsed.aliases).toEqual(new Map([['sandy', SANDY]]))
    expect(parsed.results).toEqual([
      {
        ok: true,
        entry: {
          target: { kind: 'user', key: SANDY },
          when: { kind: 'at', epochMs: Date.parse('2030-06-09T22:00:00Z') },
          source: 'sandy@2030-06-10',
          origin: line(5),
          alias: 'sandy',
          scope: { flagKeys: ['new-checkout'], environmentKeys: ['production'] },
          variation: 'Enabled'
        }
      }
    ])
  })

  it('applies an item to every listed flag in every listed environment', () => {
    const result = entry(
      parse(
        items(
          '  - flags: [a, b]',
          '    environments:',
          '      - staging',
          '      - production',
          '    context: { kind: organization, key: acme }',
          '    remove-at: 2030-06-10T09:00:00+02:00'
        )
      )[0]
    )
    expect(result).toEqual({
      target: { kind: 'organization', key: 'acme' },
      when: { kind: 'at', epochMs: Date.parse('2030-06-10T07:00:00Z') },
      source: 'organization:acme@2030-06-10T09:00:00+02:00',
      origin: line(3),
      scope: { flagKeys: ['a', 'b'], environmentKeys: ['staging', 'production'] }
    })
  })

  it('uses the flag-key and environment-key inputs when an item gives none', () => {
    const text = items('  - user: bob', '    remove-at: never')
    const result = entry(
      parse(text, { defaultFlags: ['f1', 'f2'], defaultEnvironments: ['qa'] })[0]
    )
    expect(result.scope).toEqual({ flagKeys: ['f1', 'f2'], environmentKeys: ['qa'] })
    expect(result.when).toEqual({ kind: 'never' })
    expect(result.source).toBe('bob@never')

    const missing = problem(text)
    expect(missing.origin).toBe(line(3))
    expect(missing.source).toBe('bob@never')
    expect(missing.reason).toBe(
      'give flag: <key> or flags: [<key>, …], or segment: <key> or segments: [<key>, …]; the flag-key and segment-key inputs are empty, so there is no default'
    )
    expect(problem(text, { defaultFlags: ['f'], defaultEnvironments: [] }).reason).toMatch(
      /^give environment: <key> or environments: .*environment-key input is empty/
    )
  })

  it('resolves aliases for users and contexts, and takes other names as keys', () => {
    const parsed = parseTargetsFile(
      file(
        'version: 1',
        'aliases:',
        `  sandy: ${SANDY}`,
        '  acme: org-1234',
        'targets:',
        '  - { flag: f, user: sandy, remove-at: never }',
        '  - { flag: f, context: { kind: organization, key: acme }, remove-at: never }',
        '  - { flag: f, user: bob, remove-at: never }'
      ),
      context
    )
    const [user, org, plain] = parsed.results.map(entry)
    expect(user).toMatchObject({ target: { kind: 'user', key: SANDY }, alias: 'sandy' })
    expect(user?.source).toBe('sandy@never')
    expect(org).toMatchObject({ target: { kind: 'organization', key: 'org-1234' }, alias: 'acme' })
    expect(org?.source).toBe('organization:acme@never')
    expect(plain?.target).toEqual({ kind: 'user', key: 'bob' })
    expect(plain).not.toHaveProperty('alias')
    expect(parsed.aliases.get('acme')).toBe('org-1234')
  })

  it('returns a past date as it is, for the caller to report as expired', () => {
    const result = entry(parse(items('  - { flag: f, user: bob, remove-at: 2020-01-01 }'))[0])
    expect(result.when).toEqual({ kind: 'at', epochMs: Date.parse('2020-01-01T00:00:00Z') })
    expect(result.when.kind === 'at' && result.when.epochMs < NOW).toBe(true)
  })

  it('refuses relative times and times it cannot read, at the remove-at line', () => {
    const relative = problem(items('  - flag: f', '    user: bob', '    remove-at: +2w'))
    expect(relative).toEqual({
      source: 'bob@+2w',
      origin: line(5),
      reason:
        'relative times move on every run; write a date (2030-06-10), an ISO date-time with Z or an offset (2030-06-10T09:00:00Z), or never'
    })
    expect(problem(items('  - { flag: f, user: bob, remove-at: -1d }')).reason).toMatch(
      /^relative times move on every run/
    )
    const noZone = problem(items('  - flag: f', '    user: bob', '    remove-at: 2030-06-10T09:00'))
    expect(noZone.origin).toBe(line(5))
    expect(noZone.reason).toBe(
      'remove-at: 2030-06-10T09:00 has no time zone; add Z or an offset such as +02:00'
    )
    const word = problem(items('  - { flag: f, user: bob, remove-at: soon }'))
    expect(word.reason).toMatch(/^remove-at "soon" is not a time; write a date \(2030-06-10\)/)
    expect(word.reason).not.toMatch(/\+N/)
    expect(problem(items('  - { flag: f, user: bob, remove-at: 2030-02-30 }')).reason).toMatch(
      /not a calendar date/
    )
  })

  it('names an unknown field, its line and the allowed fields', () => {
    const unknown = problem(
      items('  - flag: f', '    user: bob', '    remove-at: never', '    colour: red')
    )
    expect(unknown).toEqual({
      source: 'bob@never',
      origin: line(6),
      reason:
        'unknown field "colour"; an item of targets has the fields flag, flags, segment, segments, environment, environments, user, context, remove-at and variation'
    })
    const top = problem(file('version: 1', 'target: []', 'targets: []'))
    expect(top).toEqual({
      source: PATH,
      origin: line(2),
      reason: 'unknown field "target"; the file has the fields version, aliases and targets'
    })
    const nested = problem(
      items(
        '  - flag: f',
        '    context:',
        '      kind: org',
        '      id: acme',
        '    remove-at: never'
      )
    )
    expect(nested).toEqual({
      source: 'kind: org',
      origin: line(5),
      reason:
        'context.key is missing; write key: <key>; line 6: unknown field "id"; context has the fields kind and key'
    })
  })

  it('names the line of a value of the wrong type', () => {
    const wrong = problem(
      items('  - flag: f', '    environments: production', '    user: bob', '    remove-at: never')
    )
    expect(wrong).toEqual({
      source: 'bob@never',
      origin: line(4),
      reason: 'environments must be a list of environment keys ([a, b]), not "production"'
    })
    const badKey = problem(
      items('  - flags: [ok, "no spaces"]', '    user: bob', '    remove-at: never')
    )
    expect(badKey.origin).toBe(line(3))
    expect(badKey.reason).toMatch(
      /^"no spaces" is not a flag key; flag keys may only contain letters/
    )
    const notMapping = problem(items('  - bob@2030-06-10'))
    expect(notMapping).toEqual({
      source: '- bob@2030-06-10',
      origin: line(3),
      reason:
        'an item of targets must be a mapping (flag: …, user: …, remove-at: …), not "bob@2030-06-10"'
    })
    expect(problem(file('version: 1', 'targets: bob')).reason).toBe(
      'targets must be a list of items (- flag: …), not "bob"'
    )
    expect(
      problem(items('  - { flag: f, user: bob, remove-at: never, variation: null }')).reason
    ).toMatch(/^variation must be a variation's _id, name or JSON value/)
  })

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    expect(problem(items('  - flag: f', '    user: "bob', '    remove-at: never'))).toEqual({
      source: PATH,
      origin: line(5),
      reason: 'it is not valid YAML: Missing closing "quote; fix the YAML so it parses'
    })
    expect(problem(items('  - flag: [f', '    user: bob'))).toEqual({
      source: PATH,
      origin: line(4),
      reason:
        'it is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the YAML so it parses'
    })
    const indent = problem(
      items('  - flag: f', '    user: bob', '    remove-at: never', '  oops: 1')
    )
    expect(indent.origin).toBe(line(6))
    expect(indent.reason).toMatch(
      /^it is not valid YAML: All mapping items must start at the same column/
    )
    const tabs = parse(file('version: 1', 'targets:', '\t- flag: f'))
    expect(invalid(tabs[0]).origin).toBe(line(3))

    const twice = problem(
      items('  - flag: f', '    user: bob', '    user: sandy', '    remove-at: never')
    )
    expect(twice).toEqual({
      source: PATH,
      origin: line(5),
      reason: 'it is not valid YAML: a mapping has the same key twice; write each key once'
    })
  })

  it('reads YAML 1.2 core only: dates, yes and a %YAML 1.1 directive stay strings', () => {
    const result = entry(
      parse(
        file(
          '%YAML 1.1',
          '---',
          'version: 1',
          'targets:',
          '  - { flag: f, user: yes, remove-at: 2030-06-10 }'
        )
      )[0]
    )
    expect(result.target.key).toBe('yes')
    expect(result.origin).toBe(line(5))
    expect(
      problem(items('  - { flag: f, user: bob, remove-at: !!timestamp 2030-06-10 }')).reason
    ).toBe(
      'remove-at is a timestamp; write a date (2030-06-10), an ISO date-time with Z or an offset (2030-06-10T09:00:00Z), or never'
    )
  })

  it('refuses the same target twice where the scopes overlap, and allows it where not', () => {
    const results = parse(
      items(
        '  - { flags: [a, b], user: bob, remove-at: 2030-06-10 }',
        '  - { flag: b, environments: [staging, production], user: bob, remove-at: never }',
        '  - { flag: b, environment: staging, user: bob, remove-at: never }',
        '  - { flag: c, user: bob, remove-at: never }',
        '  - { flag: a, context: { kind: organization, key: bob }, remove-at: never }'
      )
    )
    expect(results).toHaveLength(5)
    expect(invalid(results[1])).toEqual({
      source: 'bob@never',
      origin: line(4),
      reason: `user "bob" is already listed at ${line(3)} for flag "b" in environment "production"; list each user once per flag and environment`
    })
    expect(entry(results[0]).scope).toEqual({
      flagKeys: ['a', 'b'],
      environmentKeys: ['production']
    })
    expect(entry(results[2]).scope).toEqual({ flagKeys: ['b'], environmentKeys: ['staging'] })
    expect(entry(results[3]).target).toEqual({ kind: 'user', key: 'bob' })
    expect(entry(results[4]).target).toEqual({ kind: 'organization', key: 'bob' })
  })

  it('compares targets after resolving aliases', () => {
    const results = parse(
      file(
        'version: 1',
        'aliases:',
        `  sandy: ${SANDY}`,
        'targets:',
        `  - { flag: f, user: ${SANDY}, remove-at: never }`,
        '  - { flag: f, user: sandy, remove-at: never }'
      )
    )
    expect(invalid(results[1]).reason).toBe(
      `user "${SANDY}" (alias sandy) is already listed at ${line(5)} for flag "f" in environment "production"; list each user once per flag and environment`
    )
  })

  it('wants exactly one of user and context, flag and flags', () => {
    const both = problem(
      items(
        '  - flag: f',
        '    user: bob',
        '    context: { kind: org, key: acme }',
        '    remove-at: never'
      )
    )
    expect(both).toEqual({
      source: 'bob@never',
      origin: line(5),
      reason: 'give user: <key> or context: { kind, key }, not both'
    })
    const neither = problem(items('  - flag: f', '    remove-at: never'))
    expect(neither).toEqual({
      source: '- flag: f',
      origin: line(3),
      reason: 'give user: <key> or context: { kind: organization, key: acme }'
    })
    const flags = problem(
      items('  - flag: f', '    flags: [f, g]', '    user: bob', '    remove-at: never')
    )
    expect(flags.origin).toBe(line(4))
    expect(flags.reason).toBe('give flag or flags, not both')
    expect(problem(items('  - { flags: [f, f], user: bob, remove-at: never }')).reason).toBe(
      'flags lists "f" twice; list it once'
    )
    expect(problem(items('  - { flags: [], user: bob, remove-at: never }')).reason).toBe(
      'flags is empty; list at least one flag key, or leave it out (an item that names no flag and no segment is for the flag-key and segment-key inputs)'
    )
    expect(
      problem(items('  - { flag: f, environments: [], user: bob, remove-at: never }')).reason
    ).toBe(
      'environments is empty; list at least one environment key, or leave it out to use the environment-key input'
    )
  })

  it('checks context kinds', () => {
    const multi = problem(
      items('  - flag: f', '    context: { kind: multi, key: acme }', '    remove-at: never')
    )
    expect(multi.origin).toBe(line(4))
    expect(multi.source).toBe('multi:acme@never')
    expect(multi.reason).toBe(
      'context.kind cannot be "multi"; write a kind such as organization, or use user: <key>'
    )
    expect(
      problem(items('  - { flag: f, context: { kind: "a b", key: x }, remove-at: never }')).reason
    ).toBe('context.kind "a b" may only contain letters, digits, ".", "_" and "-"')
  })

  it('requires remove-at', () => {
    expect(problem(items('  - flag: f', '    user: bob'))).toEqual({
      source: 'bob',
      origin: line(3),
      reason:
        'remove-at is missing; write remove-at: a date (2030-06-10), an ISO date-time with Z or an offset (2030-06-10T09:00:00Z), or never'
    })
  })

  it('reads version 1 only', () => {
    expect(problem(file('version: 2', 'targets: []'))).toEqual({
      source: PATH,
      origin: line(1),
      reason: 'version is the number 2; this action reads version 1 only: write version: 1'
    })
    expect(problem(file('version: "1"', 'targets: []')).reason).toMatch(
      /^version is "1"; .*write version: 1$/
    )
    const results = parse(file('targets: []'))
    expect(invalid(results[0]).reason).toBe(
      'version is missing; write version: 1 at the top of the file'
    )
  })

  it('refuses a key YAML reads as a number: quote it', () => {
    const number = problem(items('  - flag: f', '    user: 42', '    remove-at: never'))
    expect(number).toEqual({
      source: 'user: 42',
      origin: line(4),
      reason:
        'user is the number 42, not a string; quote it (user: "42") so that the key sent is the text reviewed'
    })
    expect(entry(parse(items('  - { flag: f, user: "42", remove-at: never }'))[0]).target.key).toBe(
      '42'
    )
    expect(
      problem(items('  - { flag: f, context: { kind: org, key: 0x2A }, remove-at: never }')).reason
    ).toBe(
      'context.key is the number 42, not a string; quote it (key: "42") so that the key sent is the text reviewed'
    )
  })

  it('checks keys like the label grammar does', () => {
    expect(problem(items('  - { flag: f, user: "a b", remove-at: never }')).reason).toMatch(
      /white space/
    )
    expect(problem(items('  - { flag: f, user: "a,b", remove-at: never }')).reason).toMatch(/comma/)
    expect(problem(items('  - { flag: f, user: "s\\u0430ndy", remove-at: never }')).reason).toMatch(
      /look-alike U\+0430/
    )
    expect(
      problem(items('  - { flag: f, user: "san\\u200bdy", remove-at: never }')).reason
    ).toMatch(/invisible or control character \(U\+200B\)/)
    expect(problem(items('  - { flag: f, user: "", remove-at: never }')).reason).toBe(
      'user is empty; write user: <key>'
    )
  })

  it('keeps a variation as a string, JSON values included', () => {
    const [yes, three, named] = parse(
      items(
        '  - { flag: f, user: a, remove-at: never, variation: true }',
        '  - { flag: f, user: b, remove-at: never, variation: 3 }',
        '  - { flag: f, user: c, remove-at: never, variation: "true" }'
      )
    ).map(entry)
    expect(yes?.variation).toBe('true')
    expect(three?.variation).toBe('3')
    expect(named?.variation).toBe('true')
  })

  it('checks aliases as file-level problems, and reads no item while there are any', () => {
    const results = parse(
      file(
        'version: 1',
        'aliases:',
        '  ok: 42',
        '  blank: "a b"',
        'targets:',
        '  - { flag: f, user: ok, remove-at: never }'
      )
    )
    expect(results.map(invalid)).toEqual([
      {
        source: PATH,
        origin: line(3),
        reason:
          'the alias ok is the number 42, not a string; quote it (ok: "42") so that the key sent is the text reviewed'
      },
      { source: PATH, origin: line(4), reason: expect.stringMatching(/white space/) }
    ])
    expect(problem(file('version: 1', 'aliases:', '  "bad name": x', 'targets: []'))).toEqual({
      source: PATH,
      origin: line(3),
      reason:
        'the alias name "bad name" may only contain letters, digits, ".", "_" and "-", starting with a letter or digit'
    })
  })

  it('accepts an empty list and refuses an empty file', () => {
    expect(parse(file('version: 1', 'targets: []'))).toEqual([])
    const empty = 'the file is empty; write version: 1 and a targets list'
    expect(problem('')).toEqual({ source: PATH, origin: line(1), reason: empty })
    expect(problem(file('# nothing yet', '# still nothing')).reason).toBe(empty)
    expect(problem(file('- flag: f'))).toEqual({
      source: PATH,
      origin: line(1),
      reason: 'the file must be a mapping (version: 1, targets: […]), not a list'
    })
    expect(problem(file('version: 1')).reason).toBe(
      'targets is missing; write targets: followed by a list of items (- flag: …)'
    )
  })

  it('keeps one result per item, in file order', () => {
    const results = parse(
      items(
        '  - { flag: f, user: a, remove-at: never }',
        '  - { flag: f, user: b, remove-at: +1d }',
        '  - { flag: f, user: c, remove-at: 2031-01-01 }'
      )
    )
    expect(results.map((r) => (r.ok ? r.entry.origin : r.invalid.origin))).toEqual([
      line(3),
      line(4),
      line(5)
    ])
    expect(results.map((r) => r.ok)).toEqual([true, false, true])
  })

  it('gives every problem its file and line, for an annotation on the pull request', () => {
    const path = `./${PATH}`
    const text = items(
      '  - { flag: f, user: sandy, remove-at: 2030-06-10 }',
      '  - flag: f',
      '    user: bob',
      '    remove-at: +2w',
      '  - { flag: f, user: sandy, remove-at: never }'
    )
    const located = (source: string) =>
      parseTargetsFile(source, { ...context, path }).results.flatMap((r) =>
        r.ok ? [] : [{ file: r.invalid.file, line: r.invalid.line, origin: r.invalid.origin }]
      )
    // The file as an annotation names it: relative to the repository, without ./
    expect(located(text)).toEqual([
      { file: PATH, line: 6, origin: `${path} line 6` },
      { file: PATH, line: 7, origin: `${path} line 7` }
    ])
    expect(located(file('version: 1', 'targets:', '  - { flag: f'))).toEqual([
      { file: PATH, line: 3, origin: `${path} line 3` }
    ])
    expect(located('')).toEqual([{ file: PATH, line: 1, origin: `${path} line 1` }])
  })
})

describe('segments in the targets file', () => {
  const refused = (text: string, ctx: Partial<TargetsFileContext> = {}): string =>
    problem(text, ctx).reason

  it('reads an item that names only segments: no flags, its segments, its environments', () => {
    const [one, many] = parse(
      items(
        '  - segment: beta-testers',
        '    user: bob',
        '    remove-at: 2030-06-10',
        '  - segments: [beta-testers, vip]',
        '    environments: [staging, production]',
        '    context: { kind: organization, key: acme }',
        '    remove-at: never'
      )
    ).map(entry)
    expect(one).toEqual({
      target: { kind: 'user', key: 'bob' },
      when: { kind: 'at', epochMs: Date.parse('2030-06-10T00:00:00Z') },
      source: 'bob@2030-06-10',
      origin: line(3),
      scope: { flagKeys: [], segmentKeys: ['beta-testers'], environmentKeys: ['production'] }
    })
    expect(many?.origin).toBe(line(6))
    expect(many?.scope).toEqual({
      flagKeys: [],
      segmentKeys: ['beta-testers', 'vip'],
      environmentKeys: ['staging', 'production']
    })
  })

  it('reads flags and segments on one item; its variation is for its flags', () => {
    const result = entry(
      parse(
        items(
          '  - flags: [new-checkout, new-search]',
          '    segment: beta-testers',
          '    user: bob',
          '    remove-at: never',
          '    variation: Enabled'
        )
      )[0]
    )
    expect(result.scope).toEqual({
      flagKeys: ['new-checkout', 'new-search'],
      segmentKeys: ['beta-testers'],
      environmentKeys: ['production']
    })
    expect(result.variation).toBe('Enabled')
  })

  it('resolves aliases on a segment as on a flag', () => {
    const parsed = parseTargetsFile(
      file(
        'version: 1',
        'aliases:',
        `  sandy: ${SANDY}`,
        'targets:',
        '  - { segment: beta-testers, user: sandy, remove-at: never }'
      ),
      context
    )
    expect(entry(parsed.results[0])).toMatchObject({
      target: { kind: 'user', key: SANDY },
      alias: 'sandy',
      source: 'sandy@never'
    })
  })

  it('is for exactly what an item names: no default segments beside its flags, nor flags beside its segments', () => {
    const ctx = { defaultFlags: ['f1'], defaultSegments: ['s1'] }
    const [flagsOnly, segmentsOnly] = parse(
      items(
        '  - { flag: f2, user: bob, remove-at: never }',
        '  - { segment: s2, user: bob, remove-at: never }'
      ),
      ctx
    ).map(entry)
    expect(flagsOnly?.scope).toEqual({ flagKeys: ['f2'], environmentKeys: ['production'] })
    expect(flagsOnly?.scope).not.toHaveProperty('segmentKeys')
    expect(segmentsOnly?.scope).toEqual({
      flagKeys: [],
      segmentKeys: ['s2'],
      environmentKeys: ['production']
    })
  })

  it('uses the flag-key and segment-key inputs together when an item names neither', () => {
    const text = items('  - user: bob', '    remove-at: never')
    const scope = (ctx: Partial<TargetsFileContext>) => entry(parse(text, ctx)[0]).scope
    expect(scope({ defaultFlags: ['f1'], defaultSegments: ['s1', 's2'] })).toEqual({
      flagKeys: ['f1'],
      segmentKeys: ['s1', 's2'],
      environmentKeys: ['production']
    })
    expect(scope({ defaultFlags: [], defaultSegments: ['s1'] })).toEqual({
      flagKeys: [],
      segmentKeys: ['s1'],
      environmentKeys: ['production']
    })
    // Without segment-key (empty or not given), an item is for the flag-key input's flags only.
    for (const defaultSegments of [[], undefined]) {
      const flagsOnly = scope({ defaultFlags: ['f1'], defaultSegments })
      expect(flagsOnly).toEqual({ flagKeys: ['f1'], environmentKeys: ['production'] })
      expect(flagsOnly).not.toHaveProperty('segmentKeys')
    }
    const none = problem(text, { defaultFlags: [], defaultSegments: [] })
    expect(none.origin).toBe(line(3))
    expect(none.reason).toBe(
      'give flag: <key> or flags: [<key>, …], or segment: <key> or segments: [<key>, …]; the flag-key and segment-key inputs are empty, so there is no default'
    )
  })

  it('wants segment or segments, not both, each segment once, and segment keys', () => {
    const both = problem(
      items(
        '  - segment: beta-testers',
        '    segments: [vip]',
        '    user: bob',
        '    remove-at: never'
      )
    )
    expect(both).toEqual({
      source: 'bob@never',
      origin: line(4),
      reason: 'give segment or segments, not both'
    })
    expect(refused(items('  - { segments: [s, t, s], user: bob, remove-at: never }'))).toBe(
      'segments lists "s" twice; list it once'
    )
    expect(refused(items('  - { segments: [], user: bob, remove-at: never }'))).toBe(
      'segments is empty; list at least one segment key, or leave it out (an item that names no flag and no segment is for the flag-key and segment-key inputs)'
    )
    expect(refused(items('  - { segments: beta, user: bob, remove-at: never }'))).toBe(
      'segments must be a list of segment keys ([a, b]), not "beta"'
    )
    expect(refused(items('  - { segment: "beta testers", user: bob, remove-at: never }'))).toMatch(
      /^"beta testers" is not a segment key; segment keys may only contain letters/
    )
    expect(refused(items('  - { segment: 42, user: bob, remove-at: never }'))).toBe(
      'a segment key must be a string, not the number 42'
    )
  })

  it('refuses a variation on an item that is for segments only, at the variation line', () => {
    const named = problem(
      items(
        '  - segments: [beta-testers, vip]',
        '    user: bob',
        '    remove-at: never',
        '    variation: Enabled'
      )
    )
    expect(named).toEqual({
      source: 'bob@never',
      origin: line(6),
      reason:
        "variation is for flags, and this item names only segments (beta-testers, vip), which have no variations: the target is removed from the segment's included or excluded list; take variation out, or name the flags it is for with flag or flags"
    })
    const byDefault = problem(items('  - { user: bob, remove-at: never, variation: true }'), {
      defaultFlags: [],
      defaultSegments: ['beta-testers']
    })
    expect(byDefault.origin).toBe(line(3))
    expect(byDefault.reason).toBe(
      "variation is for flags, and this item is for the segment-key input's segments only (beta-testers), which have no variations: the target is removed from the segment's included or excluded list; take variation out, or name the flags it is for with flag or flags"
    )
    // With a flag, from the item or the flag-key input, the variation is for it.
    expect(
      entry(
        parse(items('  - { user: bob, remove-at: never, variation: true }'), {
          defaultFlags: ['f'],
          defaultSegments: ['beta-testers']
        })[0]
      ).variation
    ).toBe('true')
    expect(
      entry(
        parse(items('  - { flag: f, segment: s, user: bob, remove-at: never, variation: 1 }'))[0]
      ).variation
    ).toBe('1')
  })

  it('refuses the same target twice on one segment and environment, and allows it elsewhere', () => {
    const results = parse(
      items(
        '  - { segment: beta, user: bob, remove-at: 2030-06-10 }',
        '  - { segments: [vip, beta], environments: [staging, production], user: bob, remove-at: never }',
        '  - { segment: beta, environment: staging, user: bob, remove-at: never }',
        '  - { flag: beta, user: bob, remove-at: never }',
        '  - { segment: beta, context: { kind: organization, key: bob }, remove-at: never }',
        '  - { segment: vip, user: carol, remove-at: never }'
      )
    )
    expect(results).toHaveLength(6)
    expect(invalid(results[1])).toEqual({
      source: 'bob@never',
      origin: line(4),
      reason: `user "bob" is already listed at ${line(3)} for segment "beta" in environment "production"; list each user once per segment and environment`
    })
    // Another environment, a flag of the same key, another kind, another user: all allowed.
    expect(results.map((r) => r.ok)).toEqual([true, false, true, true, true, true])
    expect(entry(results[3]).scope).toEqual({ flagKeys: ['beta'], environmentKeys: ['production'] })
  })

  it('compares the segment-key input with the segments an item names, after aliases', () => {
    const results = parse(
      file(
        'version: 1',
        'aliases:',
        `  sandy: ${SANDY}`,
        'targets:',
        `  - { user: ${SANDY}, remove-at: never }`,
        '  - { segment: beta, user: sandy, remove-at: 2030-06-10 }'
      ),
      { defaultFlags: ['f'], defaultSegments: ['beta'] }
    )
    expect(invalid(results[1]).reason).toBe(
      `user "${SANDY}" (alias sandy) is already listed at ${line(5)} for segment "beta" in environment "production"; list each user once per segment and environment`
    )
    // Both a flag and a segment shared: the message names the flag.
    expect(
      invalid(
        parse(
          items(
            '  - { flag: f, segment: s, user: bob, remove-at: never }',
            '  - { flag: f, segment: s, user: bob, remove-at: never }'
          )
        )[1]
      ).reason
    ).toMatch(/for flag "f" in environment "production"; list each user once per flag and/)
  })

  it('reports every problem of a segment item at once, each at its line', () => {
    // segments wins over segment when both are given, as flags does over flag.
    const { origin, reason } = problem(
      items(
        '  - segment: beta',
        '    segments: [vip]',
        '    user: bob',
        '    remove-at: +2w',
        '    variation: Enabled'
      )
    )
    expect(origin).toBe(line(4))
    expect(reason).toMatch(
      /^give segment or segments, not both; line 6: relative times move on every run; .*; line 7: variation is for flags, and this item names only segments \(vip\)/
    )
  })
})

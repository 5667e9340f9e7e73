/**
 * The targets file's JSON Schema for editors: schema/targets-file.schema.json is what the parser's
 * zod schemas generate, and it agrees with the parser on the examples and on bad files.
 * `UPDATE_SCHEMA=1 npm test -- __tests__/schema.test.ts` writes it afresh.
 */
import { describe, expect, it } from '@jest/globals'
import { Ajv } from 'ajv'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { format, resolveConfig } from 'prettier'
import { parse } from 'yaml'
import {
  parseTargetsFile,
  targetsFileJsonSchema,
  type TargetsFileContext
} from '../src/sources/targets-file-parser.js'

const SCHEMA_FILE = new URL('../schema/targets-file.schema.json', import.meta.url)
const EXAMPLES = new URL('../examples/files/', import.meta.url)
const REGENERATE = 'UPDATE_SCHEMA=1 npm test -- __tests__/schema.test.ts'

const fresh = targetsFileJsonSchema()
const validate = new Ajv({
  allErrors: true,
  strict: true,
  // A union type (variation) and `required` inside not/oneOf are valid draft-07.
  allowUnionTypes: true,
  strictRequired: false
}).compile(fresh)
const context: TargetsFileContext = {
  path: '.github/expiring-targets.yml',
  timeZone: 'UTC',
  now: Date.parse('2026-11-28T12:00:00Z'),
  defaultEnvironments: ['production'],
  defaultFlags: []
}

/** The schema's verdict on a YAML text, read as the action reads it (YAML 1.2 core). */
function accepts(text: string): boolean {
  return validate(parse(text, { version: '1.2', schema: 'core' }))
}
/** The parser's verdict: every item an entry. */
/** The parser accepts the file: at least one entry, and every entry valid. */
const parses = (text: string): boolean => {
  const { results } = parseTargetsFile(text, context)
  return results.length > 0 && results.every((result) => result.ok)
}

describe('schema/targets-file.schema.json', () => {
  it('is what the targets file parser generates', async () => {
    if (process.env.UPDATE_SCHEMA === '1') {
      const options = (await resolveConfig(SCHEMA_FILE.pathname)) ?? {}
      const text = await format(JSON.stringify(fresh), { ...options, parser: 'json' })
      writeFileSync(SCHEMA_FILE, text)
    }
    let committed: unknown
    try {
      committed = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8'))
    } catch (error) {
      throw new Error(`${(error as Error).message}\nWrite it with: ${REGENERATE}`, {
        cause: error
      })
    }
    try {
      expect(committed).toEqual(fresh)
    } catch (error) {
      throw new Error(
        `schema/targets-file.schema.json is not what src/sources/targets-file-parser.ts generates; regenerate it with: ${REGENERATE}\n\n${(error as Error).message}`,
        { cause: error }
      )
    }
  })

  it('is a draft-07 schema that allows nothing unknown', () => {
    expect(fresh.$schema).toBe('http://json-schema.org/draft-07/schema#')
    expect(fresh.additionalProperties).toBe(false)
  })
})

describe('the schema and the parser', () => {
  const examples = readdirSync(EXAMPLES).filter((name) => /\.ya?ml$/.test(name))

  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThan(0)
  })

  it.each(examples)('both accept examples/files/%s', (name) => {
    const text = readFileSync(new URL(name, EXAMPLES), 'utf8')
    expect(accepts(text)).toBe(true)
    expect(validate.errors ?? null).toBeNull()
    expect(parses(text)).toBe(true)
  })

  const file = (...targets: string[]): string =>
    ['version: 1', 'targets:', ...targets].join('\n') + '\n'

  it('both accept a minimal file and every remove-at shape', () => {
    for (const when of ['2030-06-10', '2030-06-10T09:00:00Z', '2030-06-10T09:00+02:00', 'never']) {
      const text = file('  - flag: a', '    user: sandy', `    remove-at: ${when}`)
      expect([when, accepts(text), parses(text)]).toEqual([when, true, true])
    }
    expect(accepts('version: 1\ntargets: []\n')).toBe(true)
  })

  it.each([
    ['a segment', ['segment: beta-testers']],
    ['segments and environments', ['segments: [beta-testers, vip]', 'environments: [staging]']],
    ['a flag, a segment and a variation', ['flag: a', 'segment: beta-testers', 'variation: true']],
    ['flags, segments and a variation', ['flags: [a]', 'segments: [b]', 'variation: Enabled']]
  ])('both accept an item with %s', (_, fields) => {
    const lines = [...fields, 'user: sandy', 'remove-at: never']
    const text = file(...lines.map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)))
    expect([accepts(text), validate.errors ?? null, parses(text)]).toEqual([true, null, true])
  })

  const item = (...lines: string[]): string => file('  - flag: a', ...lines.map((l) => `    ${l}`))
  const sandy = ['user: sandy', 'remove-at: never']
  /** An item for the segment s alone. */
  const segment = (...lines: string[]): string => item(...lines).replace('flag: a', 'segment: s')

  it.each([
    ['an unknown field in an item', item(...sandy, 'note: hi'), 'additionalProperties'],
    ['an unknown field in the file', `owner: me\n${item(...sandy)}`, 'additionalProperties'],
    ['a missing remove-at', item('user: sandy'), 'required'],
    ['a number as a key', item('user: 12345', 'remove-at: never'), 'type'],
    ['an alias to a number', `aliases:\n  sandy: 12345\n${item(...sandy)}`, 'type'],
    ['version 2', item(...sandy).replace('version: 1', 'version: 2'), 'const'],
    ['no version', 'targets: []\n', 'required'],
    ['no user or context', item('remove-at: never'), 'oneOf'],
    ['user and context', item(...sandy, 'context: { kind: org, key: acme }'), 'oneOf'],
    ['flag and flags', item(...sandy, 'flags: [b]'), 'not'],
    ['segment and segments', segment(...sandy, 'segments: [b]'), 'not'],
    ['a variation on segments only', segment(...sandy, 'variation: Enabled'), 'if'],
    ['an empty segments list', item(...sandy).replace('flag: a', 'segments: []'), 'minItems'],
    [
      'a segment key with a space',
      item(...sandy).replace('flag: a', 'segment: beta testers'),
      'pattern'
    ],
    ['a relative remove-at', item('user: sandy', 'remove-at: +7d'), 'pattern'],
    ['a remove-at without a zone', item('user: sandy', 'remove-at: 2030-06-10T09:00'), 'pattern'],
    [
      'a flag key with a space',
      file('  - flag: new checkout', ...sandy.map((l) => `    ${l}`)),
      'pattern'
    ],
    ['a key with white space', item('user: "sandy smith"', 'remove-at: never'), 'pattern'],
    [
      'a reserved context kind',
      item('context: { kind: multi, key: acme }', 'remove-at: never'),
      'not'
    ]
  ])('both refuse %s', (_, text, keyword) => {
    expect(accepts(text)).toBe(false)
    expect(validate.errors?.map((e) => e.keyword)).toContain(keyword)
    expect(parses(text)).toBe(false)
  })
})

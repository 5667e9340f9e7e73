import { describe, expect, it } from '@jest/globals'
import { code, table, text } from '../src/report/escape.js'

describe('escaping user text for Markdown', () => {
  it('turns markup into character references that render as themselves', () => {
    expect(text('x<script>y')).toBe('x&#60;script&#62;y')
    expect(text('a|b')).toBe('a&#124;b')
    expect(text('**bold** [link](http://x) `code`')).not.toMatch(/[*[\]()`]/)
  })

  it('keeps @someone from mentioning anyone', () => {
    expect(text('@octocat')).toBe('@\u2060octocat')
  })

  it('shows control and invisible characters instead of passing them through', () => {
    expect(text('a\nb\u202ec')).toBe('aU+000AbU+202Ec')
  })

  it('makes code spans that survive backticks and table pipes', () => {
    expect(code('sandy')).toBe('`sandy`')
    expect(code('a|b')).toBe('`a\\|b`')
    expect(code('a|b', false)).toBe('`a|b`')
    expect(code('x`y')).toBe('``x`y``')
    expect(code('`x')).toBe('`` `x ``')
  })

  it('builds a table with a header row', () => {
    expect(table(['A', 'B'], [['1', '2']])).toBe('| A | B |\n| --- | --- |\n| 1 | 2 |')
  })
})

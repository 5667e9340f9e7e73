/**
 * The model of the runner's workflow-command parsing that the forged-log tests rely on: it must
 * find what the runner acts on, and only that.
 */
import { describe, expect, it } from '@jest/globals'
import {
  parseCommands,
  parseOutputFileAsRunner,
  splitLines,
  type ParsedCommand
} from './helpers/runner-commands.ts'

const only = (output: string, options?: Parameters<typeof parseCommands>[1]): ParsedCommand => {
  const commands = parseCommands(output, options)
  expect(commands).toHaveLength(1)
  return commands[0] as ParsedCommand
}
const names = (output: string, options?: Parameters<typeof parseCommands>[1]): string[] =>
  parseCommands(output, options).map((c) => `${c.form}${c.name}`)

describe('the :: form', () => {
  it('finds a command at the start of a line', () => {
    expect(only('::error::x\n')).toEqual({
      form: '::',
      name: 'error',
      properties: {},
      message: 'x',
      line: 1
    })
  })

  it('finds an indented one, with .NET white space (U+0085 too), not U+FEFF or U+2060', () => {
    expect(only('text\n   \t::warning::x').line).toBe(2)
    expect(only('\u00a0\u3000::warning::x').name).toBe('warning')
    expect(only('\u0085::notice::x').name).toBe('notice')
    expect(parseCommands('\ufeff::error::x')).toEqual([])
    expect(parseCommands('\u2060::error::x')).toEqual([])
    expect(parseCommands(':\u2060:error::x')).toEqual([])
  })

  it('ignores :: in the middle of a line', () => {
    const output = 'label "::error::x"\nsee ::warning::y\n'
    expect(parseCommands(output)).toEqual([])
    expect(parseCommands(output, { commands: 'any' })).toEqual([])
  })

  it('needs the second ::, and a name the runner knows unless told to take any', () => {
    expect(parseCommands('::error x\n::error:x')).toEqual([])
    expect(parseCommands('::pwned::x')).toEqual([])
    expect(only('::pwned::x', { commands: 'any' }).name).toBe('pwned')
    expect(only('::pwned::x', { commands: ['pwned'] }).name).toBe('pwned')
    expect(parseCommands('::::x', { commands: 'any' })).toEqual([])
  })

  it('compares names without regard to case', () => {
    expect(only('::ERROR::x').name).toBe('ERROR')
  })

  it('reads properties and unescapes them and the data as the runner does', () => {
    const command = only(
      '::error title=A%3A b%2C c%0D%0A, file=x.ts ,,line=3,junk,=v,k=,v=a=b,Title=B::50%25%0Aoff%2C%3A'
    )
    // Only the whole list is trimmed, not each property: the key is " file".
    expect(command.properties).toEqual({ title: 'B', ' file': 'x.ts ', line: '3', v: 'a=b' })
    expect(command.message).toBe('50%\noff%2C%3A')
    expect(only('::error title=A%3A b%2C c%0D%0A::x').properties).toEqual({ title: 'A: b, c\r\n' })
    expect(only('::error::%250A').message).toBe('%0A')
  })

  it('takes the data up to the end of the line, another :: included', () => {
    expect(only('::warning::a::b ##[error]c').message).toBe('a::b ##[error]c')
  })
})

describe('the ##[ form', () => {
  it('finds a command anywhere in a line', () => {
    expect(only('Label "bug ##[warning title=Deploy]approved" ignored')).toEqual({
      form: '##[',
      name: 'warning',
      properties: { title: 'Deploy' },
      message: 'approved" ignored',
      line: 1
    })
  })

  it('separates properties with ; and unescapes %3B and %5D too', () => {
    const command = only('##[error title=a%3Bb%5D;file=f,g]x%5D%3B%0A')
    expect(command.properties).toEqual({ title: 'a;b]', file: 'f,g' })
    expect(command.message).toBe('x];\n')
  })

  it('looks only at the first ##[ of a line, and only when it is not a :: command', () => {
    expect(parseCommands('##[nope]##[error]x')).toEqual([])
    expect(names('::pwned::##[error]x')).toEqual(['##[error'])
    expect(names('::notice::##[error]x')).toEqual(['::notice'])
    expect(parseCommands('##[error')).toEqual([])
    expect(parseCommands('#\u2060#[error]x')).toEqual([])
  })
})

describe('lines', () => {
  it('are split on CRLF, LF and CR', () => {
    expect(splitLines('a\r\nb\nc\rd\n')).toEqual(['a', 'b', 'c', 'd'])
    expect(
      parseCommands('x\r::error::a\r\n::warning::b\n::notice::c').map((c) => [c.name, c.line])
    ).toEqual([
      ['error', 2],
      ['warning', 3],
      ['notice', 4]
    ])
  })

  it('are not split on U+2028, U+0085 or an escaped newline', () => {
    expect(parseCommands('x\u2028::error::a')).toEqual([])
    expect(parseCommands('x\u0085::error::a')).toEqual([])
    expect(only('::notice::a%0A::error::b').message).toBe('a\n::error::b')
  })
})

describe('stop-commands', () => {
  it('stops every command until the token, then resumes', () => {
    const output = [
      '::stop-commands::tok3n',
      '::error::hidden',
      '##[warning]hidden',
      '::TOK3N::',
      '::error::seen'
    ].join('\n')
    expect(parseCommands(output).map((c) => [c.form, c.name, c.message, c.line])).toEqual([
      ['::', 'stop-commands', 'tok3n', 1],
      ['::', 'TOK3N', '', 4],
      ['::', 'error', 'seen', 5]
    ])
  })

  it('resumes on the token in the ##[ form too', () => {
    expect(names('::stop-commands::abc\n::error::no\nx ##[abc]\n::error::yes')).toEqual([
      '::stop-commands',
      '##[abc',
      '::error'
    ])
  })

  it('never resumes without the token', () => {
    expect(names('##[stop-commands]x@2030\n::error::a\n::x::\n::error::b', {})).toEqual([
      '##[stop-commands'
    ])
  })

  it('does not stop on a token the runner refuses', () => {
    for (const token of ['', 'error', 'Pause-Logging'])
      expect(names(`::stop-commands::${token}\n::error::a`)).toEqual(['::stop-commands', '::error'])
  })

  it('works the same when any name is taken', () => {
    expect(
      names('::stop-commands::t0k\n::pwned::a\n::t0k::\n::pwned::b', { commands: 'any' })
    ).toEqual(['::stop-commands', '::t0k', '::pwned'])
  })
})

describe('the GITHUB_OUTPUT file, as the runner reads it', () => {
  it('reads name=value and name<<delimiter values', () => {
    const text = 'a=1\n\nb<<EOF\nx\n\ny=2\nEOF\nc<<D\nD\na=3\n'
    expect(parseOutputFileAsRunner(text)).toEqual([
      ['a', '1'],
      ['b', 'x\n\ny=2'],
      ['c', ''],
      ['a', '3']
    ])
  })

  it('fails where the runner fails the step', () => {
    expect(() => parseOutputFileAsRunner('b<<EOF\nx\n')).toThrow(/delimiter/)
    expect(() => parseOutputFileAsRunner('b<<EOF\nx\nEOF\r\n')).toThrow(/delimiter/)
    expect(() => parseOutputFileAsRunner('just text\n')).toThrow(/format/)
    expect(() => parseOutputFileAsRunner('<<EOF\nEOF\n')).toThrow(/format/)
  })
})

/**
 * The pieces that must agree with each other: action.yml, package.json, the code.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { actionDefaults } from '../sandbox/runner.ts'
import { OUTPUT_NAMES } from '../src/report/outputs.js'
import { INPUT_DEFAULTS, INPUT_NAMES } from '../src/run/settings.js'
import { VERSION } from '../src/core/version.js'

const actionYml = readFileSync(new URL('../action.yml', import.meta.url), 'utf8')
const declared = (section: 'inputs' | 'outputs'): string[] => {
  const start = actionYml.indexOf(`\n${section}:`)
  const end = actionYml.indexOf('\n\n', start + 2)
  return [
    ...actionYml.slice(start, end === -1 ? undefined : end).matchAll(/^ {2}([a-z-]+):/gm)
  ].map((m) => m[1] as string)
}

describe('action.yml', () => {
  it('runs the bundle on node24', () => {
    expect(actionYml).toMatch(/runs:\n {2}using: node24\n {2}main: dist\/index\.js/)
  })

  it('declares every input the settings read, and nothing else', () => {
    expect(declared('inputs').sort()).toEqual([...INPUT_NAMES].sort())
  })

  it('has the defaults the code falls back to when the runner gives none', () => {
    const declaredDefaults = actionDefaults('runner-token')
    expect(declaredDefaults['github-token']).toBe('runner-token')
    delete declaredDefaults['github-token']
    const empty = Object.fromEntries(Object.keys(declaredDefaults).map((name) => [name, '']))
    expect({ ...empty, ...INPUT_DEFAULTS }).toEqual(declaredDefaults)
  })

  it('declares every output the action sets', () => {
    expect(declared('outputs').sort()).toEqual([...OUTPUT_NAMES].sort())
  })
})

describe('package.json', () => {
  it('has the version the User-Agent sends', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
    expect(pkg.version).toBe(VERSION)
  })
})

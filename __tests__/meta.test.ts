/**
 * The pieces that must agree with each other: action.yml, package.json, the code.
 */
import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { parse } from 'yaml'
import { actionDefaults } from '../sandbox/runner.ts'
import { OUTPUT_NAMES } from '../src/report/outputs.js'
import { INPUT_DEFAULTS, INPUT_NAMES } from '../src/run/settings.js'
import { VERSION } from '../src/core/version.js'

interface Metadata {
  name?: unknown
  description?: unknown
  author?: unknown
  branding?: { icon?: unknown; color?: unknown }
  inputs?: Record<string, { description?: unknown }>
  outputs?: Record<string, { description?: unknown }>
  runs?: unknown
}

const action = parse(readFileSync(new URL('../action.yml', import.meta.url), 'utf8')) as Metadata
const declared = (section: 'inputs' | 'outputs'): string[] => Object.keys(action[section] ?? {})

/** The colours the Marketplace's branding takes (GitHub's metadata syntax). */
const BRANDING_COLORS = [
  'white',
  'black',
  'yellow',
  'blue',
  'green',
  'orange',
  'red',
  'purple',
  'gray-dark'
]

describe('action.yml', () => {
  it('runs the bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
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

  it('has what the Marketplace lists: a name, an author, branding, a description under 125 characters', () => {
    expect(typeof action.name === 'string' && action.name.trim()).toBeTruthy()
    expect(typeof action.author === 'string' && action.author.trim()).toBeTruthy()
    expect(typeof action.description).toBe('string')
    const description = action.description as string
    expect(description.trim()).not.toBe('')
    expect(description.length).toBeLessThan(125)
    expect(description).not.toContain('\n')
    expect(action.branding?.icon).toMatch(/^[a-z][a-z0-9-]*$/)
    expect(BRANDING_COLORS).toContain(action.branding?.color)
  })

  it('describes every input and output', () => {
    for (const section of ['inputs', 'outputs'] as const) {
      for (const [name, spec] of Object.entries(action[section] ?? {})) {
        expect([section, name, typeof spec.description]).toEqual([section, name, 'string'])
      }
    }
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

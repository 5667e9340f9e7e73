/**
 * action.yml and every example workflow validate against the GitHub Actions schemas
 * (@action-validator/cli), and the examples use the action as the README says.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { INPUT_NAMES } from '../src/run/settings.js'

const ROOT = new URL('..', import.meta.url).pathname
const VALIDATOR = join(ROOT, 'node_modules', '.bin', 'action-validator')
const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yml'))

function validate(file: string): { ok: boolean; output: string } {
  const result = spawnSync(VALIDATOR, [file], { encoding: 'utf8' })
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` }
}

describe('GitHub Actions schemas', () => {
  it('accept action.yml', () => {
    // @action-validator 0.6.0's schema predates node24: check the rest with node20 in its
    // place, and node24 itself below.
    const source = readFileSync(join(ROOT, 'action.yml'), 'utf8')
    expect(source).toMatch(/^ {2}using: node24$/m)
    const copy = join(mkdtempSync(join(tmpdir(), 'action-')), 'action.yml')
    writeFileSync(copy, source.replace(/^ {2}using: node24$/m, '  using: node20'))
    const result = validate(copy)
    expect(result.output).toBe('')
    expect(result.ok).toBe(true)
  })

  it('refuse a broken workflow, so the check can fail', () => {
    const broken = join(mkdtempSync(join(tmpdir(), 'wf-')), 'broken.yml')
    writeFileSync(broken, 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n')
    expect(validate(broken).ok).toBe(false)
  })

  it.each(examples)('accept examples/%s', (file) => {
    const result = validate(join(ROOT, 'examples', file))
    // The validator cannot check `paths:` globs yet, and says so; anything else is a finding.
    const findings = result.output.replace(
      /^WARNING: Glob validation is not yet supported\..*\n/gm,
      ''
    )
    expect(findings).toBe('')
    expect(result.ok).toBe(true)
  })
})

describe("the project's own CI workflow", () => {
  it('validates, and runs .ci/run', () => {
    const file = join(ROOT, '.github', 'workflows', 'ci.yml')
    const result = validate(file)
    expect(result.output).toBe('')
    expect(result.ok).toBe(true)
    expect(readFileSync(file, 'utf8')).toMatch(/run: bash \.ci\/run/)
  })
})

describe('the examples', () => {
  it('cover a workflow step, PR labels, a schedule, a targets file and each scheduled mode', () => {
    expect(examples.sort()).toEqual([
      'digest.yml',
      'pull-request-labels.yml',
      'reconcile.yml',
      'scheduled-cleanup.yml',
      'sweep.yml',
      'targets-file.yml',
      'workflow-step.yml'
    ])
  })

  it('pin the action to a full commit SHA and take the token from a secret', () => {
    for (const file of examples) {
      const text = readFileSync(join(ROOT, 'examples', file), 'utf8')
      expect(text).toMatch(/uses: [\w-]+\/launchdarkly-expiring-targets@[0-9a-f]{40}/)
      expect(text).toMatch(/api-key: \$\{\{ secrets\.[A-Z_]+ \}\}/)
    }
  })

  it('run PR labels on pull_request_target without checking out the PR, one job per PR at a time', () => {
    const text = readFileSync(join(ROOT, 'examples', 'pull-request-labels.yml'), 'utf8')
    expect(text).toMatch(/pull_request_target:\n {4}types: \[labeled, unlabeled/)
    expect(text).not.toMatch(/actions\/checkout/)
    // On the job, not the workflow: a job skipped by its if: never joins the group.
    expect(text).not.toMatch(/^concurrency:/m)
    expect(text).toMatch(
      /^ {4}concurrency:\n {6}group: [^\n]*\$\{\{ github\.event\.pull_request\.number \}\}/m
    )
    expect(text).toMatch(/pull-requests: write/)
  })

  it('skip label events for labels without the prefix at job level, with the default prefix', () => {
    const text = readFileSync(join(ROOT, 'examples', 'pull-request-labels.yml'), 'utf8')
    const condition = /^ {4}if: >-\n((?: {6}\S[^\n]*\n)+)/m.exec(text)?.[1]?.replace(/\s+/g, ' ')
    expect(condition?.trim()).toBe(
      "(github.event.action != 'labeled' && github.event.action != 'unlabeled') || " +
        "startsWith(github.event.label.name, 'expire-user:')"
    )
    const action = readFileSync(join(ROOT, 'action.yml'), 'utf8')
    expect(action).toMatch(/label-prefix:\n(?: {4}[^\n]*\n)*? {4}default: 'expire-user:'\n/)
  })

  it('schedule with the default base-uri and a lease longer than the weekly cron', () => {
    const text = readFileSync(join(ROOT, 'examples', 'scheduled-cleanup.yml'), 'utf8')
    expect(text).toMatch(/cron: '0 6 \* \* 1'/)
    expect(text).not.toMatch(/^\s*base-uri:/m)
    const leases = [...text.matchAll(/^ {12}[\w.-]+@\+(\d+)([hdw])$/gm)].map(
      ([, n, unit]) => Number(n) * { h: 1, d: 24, w: 168 }[unit as 'h' | 'd' | 'w']
    )
    expect(leases.length).toBeGreaterThan(0)
    for (const hours of leases) expect(hours).toBeGreaterThan(7 * 24)
  })
})

describe('the examples of the scheduled modes', () => {
  const declared = new Set(INPUT_NAMES as string[])
  /** The `with:` inputs of the action's step in an example. */
  function inputsOf(text: string): string[] {
    const step = text.slice(text.indexOf('launchdarkly-expiring-targets@'))
    const block = /\n {8}with:\n((?: {10}[^\n]*\n?)+)/.exec(step)?.[1] ?? ''
    return [...block.matchAll(/^ {10}([a-z-]+):/gm)].map((m) => m[1] as string)
  }

  it.each([
    ['sweep.yml', 'sweep', ['default-lifetime', 'exclude']],
    ['reconcile.yml', 'reconcile', ['dashboard']],
    ['digest.yml', 'digest', ['window', 'dashboard']]
  ])('%s runs mode %s with its inputs, all declared', (file, mode, needed) => {
    const text = readFileSync(join(ROOT, 'examples', file), 'utf8')
    const inputs = inputsOf(text)
    expect(text).toMatch(new RegExp(`^ {10}mode: ${mode}$`, 'm'))
    for (const name of needed) expect(inputs).toContain(name)
    expect(inputs.filter((name) => !declared.has(name))).toEqual([])
    expect(text).toMatch(/^ {2}schedule:\n {4}- cron: /m)
  })

  it('give each mode the GitHub permissions it needs, and no more', () => {
    const permissions = (file: string) =>
      readFileSync(join(ROOT, 'examples', file), 'utf8').match(/^permissions:.*(?:\n {2}.*)*/m)?.[0]
    expect(permissions('sweep.yml')).toBe(
      'permissions: {} # LaunchDarkly only: no GitHub API calls'
    )
    expect(permissions('digest.yml')).toMatch(/issues: write/)
    expect(permissions('digest.yml')).not.toMatch(/pull-requests/)
    expect(permissions('reconcile.yml')).toMatch(/pull-requests: write[\s\S]*issues: write/)
  })
})

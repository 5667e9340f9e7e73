/**
 * A targets file's problems as error annotations on their file and line (shown on the pull
 * request's changed files), within the 10 error annotations GitHub shows a step; every problem
 * stays in the log and the outputs. Read back from stdout, as the runner reads it.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import * as log from '../src/core/logger.js'
import { TITLE } from '../src/core/version.js'
import { deliver } from '../src/report/deliver.js'
import { buildReport } from '../src/report/model.js'
import { outputsOf } from '../src/report/outputs.js'
import { parseTargetsFile } from '../src/sources/targets-file-parser.js'

const PATH = '.github/expiring-targets.yml'

let stdout = ''
let savedOutput: string | undefined
beforeEach(() => {
  stdout = ''
  savedOutput = process.env.GITHUB_OUTPUT
  delete process.env.GITHUB_OUTPUT
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    return true
  })
})
afterEach(() => {
  jest.restoreAllMocks()
  if (savedOutput !== undefined) process.env.GITHUB_OUTPUT = savedOutput
})

/** The report of a run whose targets file has these lines under `targets:`. */
function reportOf(...targets: string[]) {
  const text = ['version: 1', 'targets:', ...targets].join('\n') + '\n'
  const { results } = parseTargetsFile(text, {
    path: PATH,
    timeZone: 'UTC',
    now: Date.parse('2026-11-28T12:00:00Z'),
    defaultEnvironments: ['production'],
    defaultFlags: ['checkout']
  })
  return buildReport({
    dryRun: false,
    timeZone: 'UTC',
    baseUri: 'https://app.launchdarkly.com',
    projectKey: 'default',
    environmentKeys: ['production'],
    flagKeys: ['checkout'],
    invalid: results.flatMap((r) => (r.ok ? [] : [r.invalid])),
    flags: []
  })
}

const errorLines = (): string[] => stdout.split('\n').filter((l) => l.startsWith('::error'))

describe('a targets file problem', () => {
  it('is an error annotation on its file and line', async () => {
    const report = reportOf(
      '  - user: sandy', //                  line 3
      '    remove-at: 2030-06-10',
      '  - user: bob', //                    line 5
      '    remove-at: +2w' //                line 6
    )
    await deliver(report, { comment: undefined, summary: false, failOnError: true })
    const [annotation, failure] = errorLines()
    expect(annotation).toBe(
      `::error title=${TITLE},file=${PATH},line=6::${PATH} line 6 "bob@+2w": relative times move on every run; write a date (2030-06-10), an ISO date-time with Z or an offset (2030-06-10T09:00:00Z), or never`
    )
    expect(failure).toBe('::error::1 problem; see the log and the job summary.')
    // The outputs carry the same place.
    const [error] = JSON.parse(outputsOf(report).errors) as { file?: string; line?: number }[]
    expect(error).toMatchObject({ file: PATH, line: 6 })
  })

  it('fills the annotations GitHub shows, keeping one for the step failure', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => `  - { user: u${i}, remove-at: soon }`)
    await deliver(reportOf(...lines), { comment: undefined, summary: false, failOnError: true })
    const annotations = errorLines()
    expect(annotations).toHaveLength(10)
    expect(annotations.slice(0, 9).map((l) => /,line=(\d+)::/.exec(l)?.[1])).toEqual([
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
      '11'
    ])
    expect(annotations[9]).toBe('::error::12 problems; see the log and the job summary.')
    // Every problem is still in the log.
    for (let i = 0; i < 12; i++) expect(stdout).toContain(`"u${i}@soon" (${PATH} line ${i + 3})`)
  })

  it('fills all ten when the step does not fail', async () => {
    const lines = Array.from({ length: 12 }, (_, i) => `  - { user: u${i}, remove-at: soon }`)
    await deliver(reportOf(...lines), { comment: undefined, summary: false, failOnError: false })
    expect(errorLines()).toHaveLength(10)
    expect(stdout).toContain('::warning::12 problems')
  })
})

describe('log.error with a place', () => {
  it('passes file and line through @actions/core, escaped and neutralised', () => {
    log.error('bad\n::set-output name=x::y', {
      title: 'T',
      file: 'a,b:c/##[group]x.yml',
      startLine: 7
    })
    expect(stdout).toBe(
      '::error title=T,file=a%2Cb%3Ac/#\u2060#[group]x.yml,line=7::bad%0A:\u2060:set-output name=x::y\n'
    )
  })

  it('leaves out a line that is not a positive whole number, and a line without a file', () => {
    log.error('m', { file: 'f.yml', startLine: 0 })
    log.error('m', { file: 'f.yml', startLine: 1.5 })
    log.error('m', { startLine: 3 })
    expect(stdout).toBe('::error file=f.yml::m\n::error file=f.yml::m\n::error::m\n')
  })
})

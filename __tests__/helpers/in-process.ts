/**
 * The in-process tier: `run()` from src/main.ts inside the Jest process, no child process and no
 * bundle, with the environment set up the way the runner sets it for `dist/index.js` (see
 * sandbox/runner.ts). Each run gets its own `INPUT_*` variables (action.yml's defaults, then the
 * test's), its event file, and empty GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files to read back.
 *
 * Two things are read once per process and so shape the set-up:
 * - @actions/github builds its `context` (API URL, server URL, run id) when it is first imported:
 *   `startInProcess` sets those variables, and only then imports src/main.ts.
 * - core.summary remembers the summary file's path on first use: the whole suite uses one file,
 *   emptied before each run.
 */
import { jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { actionDefaults, parseOutputFile } from '../../sandbox/runner.ts'

export interface InProcessRun {
  /** GITHUB_OUTPUT, parsed. */
  outputs: Record<string, string>
  /** Everything written to process.stdout during the run (@actions/core's log). */
  stdout: string
  /** The job summary file. */
  summary: string
  /** process.exitCode after the run, 0 when unset. */
  exitCode: number
}

export interface InProcessOptions {
  /** Inputs by their action.yml names; they win over action.yml's defaults. */
  inputs?: Record<string, string>
  /** GITHUB_EVENT_NAME; workflow_dispatch unless given. */
  eventName?: string
  payload?: unknown
  /** More variables for this run only. */
  env?: Record<string, string>
}

export interface InProcess {
  run: (options?: InProcessOptions) => Promise<InProcessRun>
  /** Puts process.env back as it was before `startInProcess`, and removes the files. */
  restore: () => void
}

export interface InProcessSetup {
  /** The GitHub sandbox's URL: GITHUB_API_URL, fixed for the whole process. */
  githubApiUrl: string
  /** The value the runner gives `${{ github.token }}`: the default of the github-token input. */
  githubToken: string
}

/** Variables that would send the sandboxes' requests elsewhere. */
const PROXY_VARIABLES = [
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'ALL_PROXY',
  'all_proxy',
  'NO_PROXY',
  'no_proxy',
  'NODE_USE_ENV_PROXY'
]

/**
 * Sets the process up as a runner would and imports src/main.ts. Call it once per suite, in
 * `beforeAll` after the sandboxes have started, and `restore()` in `afterAll`.
 */
export async function startInProcess(setup: InProcessSetup): Promise<InProcess> {
  const saved = { ...process.env }
  const dir = mkdtempSync(join(tmpdir(), 'ld-in-process-'))
  const files = {
    event: join(dir, 'event.json'),
    output: join(dir, 'output'),
    summary: join(dir, 'summary.md')
  }
  writeFileSync(files.event, '{}')
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')

  for (const name of PROXY_VARIABLES) delete process.env[name]
  const base: Record<string, string> = {
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: 'workflow_dispatch',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_API_URL: setup.githubApiUrl,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: dir
  }
  Object.assign(process.env, base)

  const restore = (): void => {
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
    Object.assign(process.env, saved)
    rmSync(dir, { recursive: true, force: true })
  }
  let loaded
  try {
    loaded = await load(setup.githubApiUrl)
  } catch (error) {
    restore()
    throw error
  }
  const { run, core, retryBaseVariable } = loaded
  // Read on every run, so it can be set after the import.
  base[retryBaseVariable] = '10'
  process.env[retryBaseVariable] = '10'
  const defaults = actionDefaults(setup.githubToken)
  let extra: string[] = []

  const prepare = (options: InProcessOptions): void => {
    for (const name of Object.keys(process.env))
      if (name.startsWith('INPUT_')) delete process.env[name]
    // The previous run's own variables go back to the suite's values.
    for (const name of extra) {
      if (name in base) process.env[name] = base[name]
      else delete process.env[name]
    }
    const inputs = { ...defaults, ...options.inputs }
    for (const [name, value] of Object.entries(inputs))
      process.env[`INPUT_${name.toUpperCase()}`] = value
    process.env.GITHUB_EVENT_NAME = options.eventName ?? 'workflow_dispatch'
    extra = Object.keys(options.env ?? {})
    Object.assign(process.env, options.env)
    writeFileSync(files.event, JSON.stringify(options.payload ?? {}))
    writeFileSync(files.output, '')
    writeFileSync(files.summary, '')
    core.summary.emptyBuffer()
    process.exitCode = undefined
  }

  return {
    run: async (options = {}) => {
      prepare(options)
      let stdout = ''
      const write = jest
        .spyOn(process.stdout, 'write')
        .mockImplementation((chunk: string | Uint8Array) => {
          stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
          return true
        })
      try {
        await run()
      } finally {
        write.mockRestore()
      }
      const code = process.exitCode
      return {
        outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
        stdout,
        summary: readFileSync(files.summary, 'utf8'),
        exitCode: code === undefined || code === null ? 0 : Number(code)
      }
    },
    restore
  }
}

/**
 * src/main.ts and what the helper needs beside it, imported only now: @actions/github reads
 * GITHUB_API_URL and the rest when it is first imported, so a static import of src/context.ts
 * (or of anything that loads @actions/github) would be too early.
 */
async function load(githubApiUrl: string) {
  const { run } = await import('../../src/main.js')
  const { GITHUB_RETRY_BASE_VARIABLE } = await import('../../src/run/context.js')
  const { context } = await import('@actions/github')
  const core = await import('@actions/core')
  if (context.apiUrl !== githubApiUrl) {
    throw new Error(
      `@actions/github was loaded before startInProcess set GITHUB_API_URL: its API URL is ${context.apiUrl}`
    )
  }
  return { run, core, retryBaseVariable: GITHUB_RETRY_BASE_VARIABLE }
}

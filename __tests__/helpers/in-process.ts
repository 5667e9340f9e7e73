/**
 * The in-process tier: the action inside the Jest process, no child process and no bundle, with
 * the environment set up the way the runner sets it for `dist/index.js` (see sandbox/runner.ts).
 * Each run gets its own `INPUT_*` variables (action.yml's defaults, then the test's), its event
 * file, and empty GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files to read back.
 *
 * A run goes through src/index.ts, as the bundle's does: a fresh instance of it per run (an
 * import with a query of its own), so its top-level code (the event read, the fast exit for an
 * unrelated label) runs each time, while main.ts and the rest are loaded once.
 *
 * Two things are read once per process and so shape the set-up:
 * - @actions/github builds its `context` (API URL, server URL, run id) and its proxy settings
 *   when it is first imported: `startInProcess` sets those variables, and only then imports
 *   src/main.ts. Every run of a file therefore talks to one GitHub API URL, without a proxy.
 * - core.summary remembers the summary file's path on first use: the whole suite uses one file,
 *   emptied before each run.
 */
import { jest } from '@jest/globals'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { clearTimeout as realClearTimeout, setTimeout as realSetTimeout } from 'node:timers'
import { actionDefaults, parseOutputFile } from '../../sandbox/runner.ts'

export interface InProcessRun {
  /** GITHUB_OUTPUT, parsed. */
  outputs: Record<string, string>
  /** GITHUB_OUTPUT as the run left it, unparsed. */
  outputFile: string
  /** Everything written to process.stdout during the run (@actions/core's log). */
  stdout: string
  /** Everything written to process.stderr during the run. */
  stderr: string
  /** The job summary file. */
  summary: string
  /** process.exitCode after the run, 0 when unset: the exit code the process would end with. */
  exitCode: number
  /** The same, under the name sandbox/runner.ts gives it. */
  code: number
}

export interface InProcessOptions {
  /** Inputs by their action.yml names; they win over action.yml's defaults. */
  inputs?: Record<string, string>
  /** GITHUB_EVENT_NAME; workflow_dispatch unless given. */
  eventName?: string
  payload?: unknown
  /** More variables for this run only (GITHUB_WORKSPACE, GITHUB_EVENT_PATH, ...). */
  env?: Record<string, string>
  /** `index` (default) runs src/index.ts as the bundle does; `main` calls main's run() alone. */
  entry?: 'index' | 'main'
}

export interface InProcess {
  run: (options?: InProcessOptions) => Promise<InProcessRun>
  /**
   * Waits up to `limitMs` for a run still under way (one a failed or timed-out test left behind)
   * to end; true when none is left.
   */
  settle: (limitMs?: number) => Promise<boolean>
  /** A run is under way. */
  busy: () => boolean
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
/** What a runner (or a developer's shell) may have set that a fresh step would not inherit. */
const RUNNER_VARIABLE = /^(GITHUB_|RUNNER_|INPUT_|ACTIONS_|STATE_)/

const INDEX = '../../src/index.ts'
let instances = 0

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

  for (const name of Object.keys(process.env))
    if (RUNNER_VARIABLE.test(name) || PROXY_VARIABLES.includes(name)) delete process.env[name]
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

  const execute = async (options: InProcessOptions): Promise<InProcessRun> => {
    prepare(options)
    let stdout = ''
    let stderr = ''
    const capture = (into: (text: string) => void) => (chunk: string | Uint8Array) => {
      into(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'))
      return true
    }
    const out = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation(capture((text) => (stdout += text)))
    const err = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation(capture((text) => (stderr += text)))
    try {
      if (options.entry === 'main') await run()
      else await import(`${INDEX}?run=${++instances}`)
    } finally {
      out.mockRestore()
      err.mockRestore()
    }
    const code = process.exitCode
    const exitCode = code === undefined || code === null ? 0 : Number(code)
    process.exitCode = undefined
    const outputFile = readFileSync(files.output, 'utf8')
    return {
      outputs: parseOutputFile(outputFile),
      outputFile,
      stdout,
      stderr,
      summary: readFileSync(files.summary, 'utf8'),
      exitCode,
      code: exitCode
    }
  }

  let pending: Promise<unknown> = Promise.resolve()
  let underWay = 0
  return {
    run: async (options = {}) => {
      // One run at a time: they share process.env and the files.
      await pending
      underWay++
      const running = execute(options).finally(() => underWay--)
      pending = running.catch(() => undefined)
      return running
    },
    settle: async (limitMs = 20_000) => {
      let timer: NodeJS.Timeout | undefined
      const limit = new Promise<void>((resolve) => (timer = realSetTimeout(resolve, limitMs)))
      await Promise.race([pending, limit])
      realClearTimeout(timer)
      return underWay === 0
    },
    busy: () => underWay > 0,
    restore
  }
}

/**
 * src/main.ts and what the helper needs beside it, imported only now: @actions/github reads
 * GITHUB_API_URL and the rest when it is first imported, so a static import of src/run/context.ts
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

/**
 * A suite of in-process runs against the sandboxes, set up the same way in every file:
 *
 * - beforeAll: the GitHub sandbox (its URL is the process's GITHUB_API_URL, see in-process.ts),
 *   the in-process action, and the clock (clock.ts) that lets waits pass at once;
 * - beforeEach: the LaunchDarkly sandbox emptied (no flag, request, fault or violation left) and
 *   seeded again, and the GitHub sandbox emptied, its tokens and permissions back to the runner's
 *   token and the payloads' sender as admin; a test does not start while a run of an earlier one
 *   is still under way;
 * - afterEach: any run still under way awaited (a timed-out test's), LaunchDarkly's contract
 *   checked, the secret scan; the test's own extra sandboxes closed.
 *
 * One LaunchDarkly sandbox serves the whole file, emptied between tests, rather than one per test:
 * each sandbox compiles the OpenAPI schemas it checks answers against, 0.1 s of CPU apiece.
 *
 * `suite.sandboxes` is the file's pair; `suite.run` is sandbox/fixtures.ts's `Sandboxes.run`, in
 * process.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect } from '@jest/globals'
import type http from 'node:http'
import { API_KEY, baseInputs, GITHUB_TOKEN, seedFlags } from '../../sandbox/fixtures.ts'
import {
  startGitHubSandbox,
  type GitHubSandbox,
  type GitHubSandboxOptions
} from '../../sandbox/github.ts'
import {
  startLaunchDarklySandbox,
  type LaunchDarklySandbox,
  type SandboxOptions
} from '../../sandbox/launchdarkly.ts'
import { startClock, type Clock } from './clock.ts'
import { emptyGitHub, emptyLaunchDarkly } from './empty.ts'
import {
  startInProcess,
  type InProcess,
  type InProcessOptions,
  type InProcessRun
} from './in-process.ts'
import { parseCommands } from './runner-commands.ts'
import { runsToScan, scanAfterEach } from './secrets.ts'

export type { InProcessRun } from './in-process.ts'

/** The file's pair of sandboxes, as sandbox/fixtures.ts's Sandboxes has them. */
export interface SuiteSandboxes {
  launchDarkly: LaunchDarklySandbox
  github: GitHubSandbox
  /** Inputs for a run against these sandboxes. */
  inputs: () => Record<string, string>
}

export interface Suite {
  /** The sandboxes, emptied before each test. */
  readonly sandboxes: SuiteSandboxes
  readonly clock: Clock
  /** One run in process: the sandboxes' inputs and token, then the options' inputs. */
  run: (options?: InProcessOptions) => Promise<InProcessRun>
  /**
   * Another LaunchDarkly sandbox for this test only (a rate limit, answers without counters),
   * seeded, watched by the clock, closed after the test. Point `base-uri` at it.
   */
  extraLaunchDarkly: (options?: Partial<SandboxOptions>) => Promise<LaunchDarklySandbox>
}

export interface SuiteOptions {
  /** Options of the file's LaunchDarkly sandbox. */
  launchDarkly?: Partial<SandboxOptions>
  github?: GitHubSandboxOptions
  /** No secret scan (a file that makes its own checks). */
  scan?: boolean
  /** The clock's step while no request is open (clock.ts). */
  idleStepMs?: number
}

/** The server a sandbox listens with (private there: only the clock needs it). */
export const serverOf = (sandbox: LaunchDarklySandbox | GitHubSandbox): http.Server =>
  (sandbox as unknown as { server: http.Server }).server

export function inProcessSuite(options: SuiteOptions = {}): Suite {
  let github: GitHubSandbox | undefined
  let launchDarkly: LaunchDarklySandbox | undefined
  let inProcess: InProcess | undefined
  let clock: Clock | undefined
  let extras: LaunchDarklySandbox[] = []
  const unwatchExtras: (() => void)[] = []

  const startLaunchDarkly = async (more: Partial<SandboxOptions> = {}) => {
    const sandbox = await startLaunchDarklySandbox({
      apiKey: API_KEY,
      ...options.launchDarkly,
      ...more
    })
    seedFlags(sandbox)
    return sandbox
  }
  const current = (): SuiteSandboxes => {
    if (!github || !launchDarkly) throw new Error('the suite has not started')
    const ld = launchDarkly
    return {
      launchDarkly: ld,
      github,
      inputs: () => ({ ...baseInputs(ld), 'github-token': GITHUB_TOKEN })
    }
  }

  beforeAll(async () => {
    github = await startGitHubSandbox(options.github)
    launchDarkly = await startLaunchDarkly()
    inProcess = await startInProcess({ githubApiUrl: github.url, githubToken: GITHUB_TOKEN })
    clock = startClock([serverOf(github), serverOf(launchDarkly)], options.idleStepMs)
  })
  afterAll(async () => {
    clock?.stop()
    inProcess?.restore()
    await Promise.all([github?.close(), launchDarkly?.close()])
  })
  beforeEach(() => {
    // A run an earlier test left behind could still write to the GitHub sandbox: refuse to start.
    if (inProcess?.busy())
      throw new Error('A run of an earlier test is still under way: this test cannot start clean.')
    emptyGitHub(github as GitHubSandbox)
    emptyLaunchDarkly(launchDarkly as LaunchDarklySandbox)
  })
  afterEach(async () => {
    if (inProcess && !(await inProcess.settle()))
      throw new Error('A run of this test did not end within 20 s of the test.')
  })
  if (options.scan !== false) scanAfterEach(() => (launchDarkly && github ? current() : undefined))
  afterEach(async () => {
    const closing = extras
    extras = []
    for (const stop of unwatchExtras.splice(0)) stop()
    try {
      for (const sandbox of [launchDarkly, ...closing])
        expect(sandbox?.violations ?? []).toEqual([])
    } finally {
      await Promise.all(closing.map((sandbox) => sandbox.close()))
    }
  })

  return {
    get sandboxes() {
      return current()
    },
    get clock() {
      if (!clock) throw new Error('the suite has not started')
      return clock
    },
    run: async (runOptions = {}) => {
      const result = await (inProcess as InProcess).run({
        ...runOptions,
        inputs: { ...current().inputs(), ...runOptions.inputs }
      })
      runsToScan.push(result)
      return result
    },
    extraLaunchDarkly: async (more = {}) => {
      const sandbox = await startLaunchDarkly(more)
      extras.push(sandbox)
      unwatchExtras.push((clock as Clock).watch(serverOf(sandbox)))
      return sandbox
    }
  }
}

/**
 * The messages of the workflow commands named `name` (error, warning, notice) in a run's log, as
 * the runner reads them: the annotations the run leaves on the workflow run.
 */
export function annotations(run: { stdout: string }, name: string): string[] {
  return parseCommands(run.stdout)
    .filter((command) => command.name === name)
    .map((command) => command.message)
}

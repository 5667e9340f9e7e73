/**
 * The end-to-end tier: `node dist/index.js` as the runner starts it (sandbox/runner.ts's
 * runAction, with its INPUT_* variables, event file, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY),
 * with what a suite needs around it:
 *
 * - a time limit per run, below the test's: a run that hangs is killed and fails its test with
 *   what it printed, instead of running on into the next test;
 * - `bundleSuite()` registers an afterEach that kills and awaits any child still running (a test
 *   that failed or timed out before its run ended), so no run outlives its test, and fails the
 *   suite when dist/ could not be built from the sources (jest.global-setup.ts);
 * - each run gets its own GITHUB_OUTPUT file, read back raw as well as parsed.
 *
 * A run of the bundle costs a Node start-up and the bundle's load (about half a second, more on a
 * loaded machine): keep to what only the bundle shows (helpers/in-process.ts runs the rest).
 */
import { afterEach, beforeAll } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import {
  ACTION_ENTRY,
  parseOutputFile,
  runnerSetup,
  type RunOptions
} from '../../sandbox/runner.ts'
import { BUNDLE_ERROR_VARIABLE } from '../../jest.global-setup.ts'
import { runsToScan } from './secrets.ts'

/** A test that runs the bundle once or twice: generous for a loaded 2-core machine. */
export const BUNDLE_TEST_TIMEOUT_MS = 60_000
/** One run of the bundle, killed past this. */
export const BUNDLE_RUN_TIMEOUT_MS = 25_000

export interface BundleRun {
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  /** GITHUB_OUTPUT as the run left it, unparsed. */
  outputFile: string
  summary: string
}

const running = new Set<{ child: ChildProcess; exited: Promise<unknown> }>()

/** Kills every run still going and waits for it to exit. */
export async function killRunning(): Promise<void> {
  const left = [...running]
  for (const run of left) run.child.kill('SIGKILL')
  await Promise.all(left.map((run) => run.exited))
}

/**
 * The hooks of a suite that runs the bundle: it fails at once when jest.global-setup.ts could not
 * bundle these sources (rather than test the bundle of other ones), and no run outlives its test.
 */
export function bundleSuite(): void {
  beforeAll(() => {
    const error = process.env[BUNDLE_ERROR_VARIABLE]
    if (error) throw new Error(`dist/ could not be built from these sources:\n${error}`)
  })
  afterEach(killRunning)
}

/** Runs dist/index.js (or `options.entry`) as the runner does, with sandbox/runner.ts's set-up. */
export async function runBundle(options: RunOptions): Promise<BundleRun> {
  const { dir, files, env } = runnerSetup(options, 'ld-bundle-')

  const child = spawn(options.node ?? process.execPath, [options.entry ?? ACTION_ENTRY], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (code, signal) => resolve([code, signal]))
  )
  const entry = { child, exited }
  running.add(entry)
  const limit = setTimeout(() => child.kill('SIGKILL'), BUNDLE_RUN_TIMEOUT_MS)
  try {
    const [code, signal] = await exited
    const outputFile = readFileSync(files.output, 'utf8')
    const run: BundleRun = {
      code,
      signal,
      stdout,
      stderr,
      outputs: parseOutputFile(outputFile),
      outputFile,
      summary: readFileSync(files.summary, 'utf8')
    }
    runsToScan.push(run)
    if (signal) {
      throw new Error(
        `dist/index.js was killed (${signal}) after ${BUNDLE_RUN_TIMEOUT_MS} ms; it printed:\n${stdout}\n${stderr}`
      )
    }
    return run
  } finally {
    clearTimeout(limit)
    running.delete(entry)
    rmSync(dir, { recursive: true, force: true })
  }
}

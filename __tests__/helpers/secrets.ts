/**
 * The secret scan: no token may appear in anything a run leaves behind. Each suite that runs the
 * action (in process or as the bundle) calls `scanAfterEach` once at its top.
 */
import { afterAll, afterEach, expect } from '@jest/globals'
import { capturedRuns } from '../../sandbox/runner.ts'
import { API_KEY, GITHUB_TOKEN } from '../../sandbox/fixtures.ts'
import type { GitHubSandbox } from '../../sandbox/github.ts'
import type { LaunchDarklySandbox } from '../../sandbox/launchdarkly.ts'

export const SECRETS = [API_KEY, GITHUB_TOKEN]

/** What a run leaves behind, in process or as a child process. */
export interface RunTexts {
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
}

/** The sandboxes a run talked to. */
export interface SandboxPair {
  launchDarkly: LaunchDarklySandbox
  github: GitHubSandbox
}

/** The runs of the current test (helpers/in-process.ts and helpers/bundle.ts add theirs). */
export const runsToScan: RunTexts[] = []

/** `::add-mask::` lines are how a secret gets masked: the runner consumes them. */
const withoutMaskCommands = (text: string): string => text.replace(/^::add-mask::.*$/gm, '')

/** Every place a secret could leak to: stdout, stderr, outputs, summary, comments, audit comments. */
export function textsLeftBy(runs: RunTexts[], sandboxes?: SandboxPair): string[] {
  const texts = runs.flatMap((run) => [
    withoutMaskCommands(run.stdout),
    run.stderr,
    JSON.stringify(run.outputs),
    run.summary
  ])
  if (sandboxes) {
    texts.push(
      ...sandboxes.github.requests
        .filter((r) => r.method !== 'GET')
        .map((r) => JSON.stringify(r.body ?? ''))
    )
    texts.push(...sandboxes.launchDarkly.requests.map((r) => JSON.stringify(r.body ?? '')))
  }
  return texts
}

export function leaksIn(texts: string[], secrets = SECRETS): string[] {
  return texts.filter((text) => secrets.some((secret) => text.includes(secret)))
}

/** After each test, scan the runs it made and what reached the sandboxes; after all, that some were. */
export function scanAfterEach(sandboxes: () => SandboxPair | undefined): void {
  let scanned = 0
  afterEach(() => {
    const runs = [...capturedRuns.splice(0), ...runsToScan.splice(0)]
    scanned += runs.length
    expect(leaksIn(textsLeftBy(runs, sandboxes()))).toEqual([])
  })
  afterAll(() => {
    expect(scanned).toBeGreaterThan(0)
  })
}

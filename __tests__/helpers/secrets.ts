/**
 * The secret scan: no token may appear in anything a run leaves behind. Each end-to-end suite
 * calls `scanAfterEach` once at its top.
 */
import { afterAll, afterEach, expect } from '@jest/globals'
import { capturedRuns, type ActionRun } from '../../sandbox/runner.ts'
import { API_KEY, GITHUB_TOKEN, type Sandboxes } from '../../sandbox/fixtures.ts'

export const SECRETS = [API_KEY, GITHUB_TOKEN]

/** `::add-mask::` lines are how a secret gets masked: the runner consumes them. */
const withoutMaskCommands = (text: string): string => text.replace(/^::add-mask::.*$/gm, '')

/** Every place a secret could leak to: stdout, stderr, outputs, summary, comments, audit comments. */
export function textsLeftBy(runs: ActionRun[], sandboxes?: Sandboxes): string[] {
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
export function scanAfterEach(sandboxes: () => Sandboxes | undefined): void {
  let scanned = 0
  afterEach(() => {
    const runs = capturedRuns.splice(0)
    scanned += runs.length
    expect(leaksIn(textsLeftBy(runs, sandboxes()))).toEqual([])
  })
  afterAll(() => {
    expect(scanned).toBeGreaterThan(0)
  })
}

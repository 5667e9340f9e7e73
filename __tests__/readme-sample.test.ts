/**
 * The README's comment sample is what the bundled action writes for scripts/pr-state.ts, the PR
 * of `npm run demo`'s third scenario.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import { REPOSITORY, seedFlags, startSandboxes, type Sandboxes } from '../sandbox/fixtures.ts'
import { DEMO_PORT, prStateScenario } from '../scripts/pr-state.ts'

let sandboxes: Sandboxes
beforeAll(async () => {
  sandboxes = await startSandboxes({ port: DEMO_PORT })
  seedFlags(sandboxes.launchDarkly)
})
afterAll(() => sandboxes.close())

function readmeSample(): string {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  const start = readme.indexOf('```text\n', readme.indexOf('<!-- readme-sample:start -->'))
  const end = readme.indexOf('\n```', start + 8)
  return readme.slice(start + 8, end)
}

it("is the comment the action writes for the demo's pull request", async () => {
  const result = await sandboxes.run(prStateScenario(sandboxes))
  expect(result.code).toBe(0)
  const body = sandboxes.github.commentsOn(REPOSITORY, 2)[0]?.body ?? ''
  // On a taken port the sandbox falls back to another, and only the links would differ.
  const port = new URL(sandboxes.launchDarkly.url).port
  expect(readmeSample().replaceAll(`:${DEMO_PORT}/`, `:${port}/`)).toBe(body)
})

/**
 * The comment sample in docs/report-comment.md, which the README links, is what the bundled action
 * writes for scripts/pr-state.ts, the PR of `npm run demo`'s third scenario; the picture beside it
 * is there.
 */
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { existsSync, readFileSync } from 'node:fs'
import { REPOSITORY, seedFlags, startSandboxes, type Sandboxes } from '../sandbox/fixtures.ts'
import { DEMO_PORT, prStateScenario } from '../scripts/pr-state.ts'

const DOC = new URL('../docs/report-comment.md', import.meta.url)

let sandboxes: Sandboxes
beforeAll(async () => {
  sandboxes = await startSandboxes({ port: DEMO_PORT })
  seedFlags(sandboxes.launchDarkly)
})
afterAll(() => sandboxes.close())

function commentSample(): string {
  const doc = readFileSync(DOC, 'utf8')
  const marker = doc.indexOf('<!-- comment-sample:start -->')
  expect(marker).toBeGreaterThan(-1)
  const start = doc.indexOf('```text\n', marker)
  const end = doc.indexOf('\n```', start + 8)
  expect(doc.indexOf('<!-- comment-sample:end -->')).toBeGreaterThan(end)
  return doc.slice(start + 8, end)
}

it('is linked from the README, with the picture of that comment', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')
  expect(readme).toContain('](docs/report-comment.md)')
  expect(readFileSync(DOC, 'utf8')).toContain('](comment.png)')
  expect(existsSync(new URL('../docs/comment.png', import.meta.url))).toBe(true)
})

it("is the comment the action writes for the demo's pull request", async () => {
  const result = await sandboxes.run(prStateScenario(sandboxes))
  expect(result.code).toBe(0)
  const body = sandboxes.github.commentsOn(REPOSITORY, 2)[0]?.body ?? ''
  // On a taken port the sandbox falls back to another, and only the links would differ.
  const port = new URL(sandboxes.launchDarkly.url).port
  expect(commentSample().replaceAll(`:${DEMO_PORT}/`, `:${port}/`)).toBe(body)
})

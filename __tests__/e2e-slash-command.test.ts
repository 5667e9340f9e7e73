/**
 * Slash commands end to end on the bundle (`node dist/index.js`): a comment that is not a command
 * leaves in index.ts (no GitHub or LaunchDarkly request, the empty outputs), and a command applied
 * with its reactions and the report comment.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from '@jest/globals'
import {
  ENVIRONMENT,
  PROJECT,
  REPOSITORY,
  startSandboxes,
  type Sandboxes
} from '../sandbox/fixtures.ts'
import { issueCommentPayload } from '../sandbox/webhooks.ts'
import { EMPTY_OUTPUTS } from '../src/report/outputs.js'
import { scanAfterEach } from './helpers/secrets.ts'

const PR = 2
const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')
const EXPIRING_PATH = `/api/v2/flags/${PROJECT}/checkout/expiring-user-targets/${ENVIRONMENT}`
const TIMEOUT = 60_000

let sandboxes: Sandboxes
scanAfterEach(() => sandboxes)

beforeAll(async () => {
  sandboxes = await startSandboxes()
})
afterAll(() => sandboxes.close())
beforeEach(() => sandboxes.reset())
afterEach(() => {
  expect(sandboxes.launchDarkly.violations).toEqual([])
})

/** The comment on pull request 2 as GitHub has it, and one run of the bundle on its event. */
async function comment(
  body: string,
  action: 'created' | 'edited' = 'created',
  inputs: Record<string, string> = {}
) {
  const author = { login: 'Codertocat', type: 'User' as const }
  const written = sandboxes.github.addComment(REPOSITORY, PR, body, author)
  const result = await sandboxes.run({
    eventName: 'issue_comment',
    payload: issueCommentPayload(action, body, { commentId: written.id, user: author }),
    inputs
  })
  return { result, commentId: written.id }
}

it(
  'leaves at once on a comment that is not a command: no request, the empty outputs',
  async () => {
    // An empty api-key would fail the run once the settings are read: index.ts never reads them.
    const { result, commentId } = await comment(
      'LGTM, thanks!\n/expire sandy@2030-06-10',
      'created',
      {
        'api-key': ''
      }
    )
    expect(result.code).toBe(0)
    expect(result.stdout).not.toContain('api-key')
    expect(result.stdout).toContain('does not start with "/expire": nothing to do')
    expect(sandboxes.github.requests).toEqual([])
    expect(sandboxes.launchDarkly.requests).toEqual([])
    expect(sandboxes.github.reactionsOn(commentId)).toEqual([])
    expect(result.outputs).toEqual(EMPTY_OUTPUTS)
  },
  TIMEOUT
)

it(
  'leaves at once on an edited command',
  async () => {
    const { result } = await comment('/expire sandy@2030-06-10', 'edited')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('nothing to do')
    expect(sandboxes.github.requests).toEqual([])
    expect(sandboxes.launchDarkly.requests).toEqual([])
  },
  TIMEOUT
)

it(
  'applies a command: one PATCH, eyes then rocket, and the report comment naming its origin',
  async () => {
    const { result, commentId } = await comment('/expire sandy@2030-06-10 bob@+7d')
    expect(result.code).toBe(0)
    const patches = sandboxes.launchDarkly.requests.filter((r) => r.method === 'PATCH')
    expect(patches.map((r) => r.path)).toEqual([EXPIRING_PATH])
    const instructions = (
      patches[0]?.body as { instructions: { userKey: string; value: number }[] }
    ).instructions
    expect(instructions.map((i) => i.userKey)).toEqual(['sandy', 'bob'])
    expect(instructions[0]?.value).toBe(JUNE_10)
    expect(sandboxes.github.reactionsOn(commentId)).toEqual(['eyes', 'rocket'])
    const report = sandboxes.github
      .commentsOn(REPOSITORY, PR)
      .filter((c) => c.user.login === 'github-actions[bot]')
    expect(report).toHaveLength(1)
    expect(report[0]?.body).toContain('/expire by @\u2060Codertocat')
    expect(result.outputs['comment-url']).toBe(report[0]?.html_url)
  },
  TIMEOUT
)

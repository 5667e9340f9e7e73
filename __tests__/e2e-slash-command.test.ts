/**
 * Slash commands end to end on the bundle (`node dist/index.js`): a comment that is not a command
 * leaves in index.ts (no GitHub or LaunchDarkly request, the empty outputs). A command applied
 * with its reactions and the report comment runs in process (inproc-slash-command.test.ts), where
 * Octokit's throttle between its three writes does not cost seconds.
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from '@jest/globals'
import { REPOSITORY, startSandboxes, type Sandboxes } from '../sandbox/fixtures.ts'
import { issueCommentPayload } from '../sandbox/webhooks.ts'
import { EMPTY_OUTPUTS } from '../src/report/outputs.js'
import { BUNDLE_TEST_TIMEOUT_MS, bundleSuite, runBundle } from './helpers/bundle.ts'
import { emptyGitHub, emptyLaunchDarkly } from './helpers/empty.ts'
import { scanAfterEach } from './helpers/secrets.ts'

const PR = 2
const TIMEOUT = BUNDLE_TEST_TIMEOUT_MS

let sandboxes: Sandboxes
bundleSuite()
scanAfterEach(() => sandboxes)

// One pair of sandboxes for the file, emptied before each test: no run outlives its test
// (bundleSuite), and nothing a test left on them reaches the next.
beforeAll(async () => {
  sandboxes = await startSandboxes()
}, TIMEOUT)
afterAll(() => sandboxes?.close())
beforeEach(() => {
  emptyLaunchDarkly(sandboxes.launchDarkly)
  emptyGitHub(sandboxes.github)
})
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
  const result = await runBundle({
    eventName: 'issue_comment',
    payload: issueCommentPayload(action, body, { commentId: written.id, user: author }),
    inputs: { ...sandboxes.inputs(), ...inputs },
    env: sandboxes.env()
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

/**
 * Slash commands in process: a command applied in one PATCH, with its reactions (eyes, then
 * rocket) and the report comment naming its origin. e2e-slash-command.test.ts runs the bundle on
 * the comments that leave at once in src/index.ts.
 */
import { expect, it, jest } from '@jest/globals'
import { ENVIRONMENT, PROJECT, REPOSITORY } from '../sandbox/fixtures.ts'
import { issueCommentPayload } from '../sandbox/webhooks.ts'
import { inProcessSuite } from './helpers/suite.ts'

jest.setTimeout(30_000)
const suite = inProcessSuite()

const PR = 2
const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')
const EXPIRING_PATH = `/api/v2/flags/${PROJECT}/checkout/expiring-user-targets/${ENVIRONMENT}`

/** The comment on pull request 2 as GitHub has it, and one run on its event. */
async function comment(body: string, action: 'created' | 'edited' = 'created') {
  const author = { login: 'Codertocat', type: 'User' as const }
  const written = suite.sandboxes.github.addComment(REPOSITORY, PR, body, author)
  const result = await suite.run({
    eventName: 'issue_comment',
    payload: issueCommentPayload(action, body, { commentId: written.id, user: author })
  })
  return { result, commentId: written.id }
}

it('applies a command: one PATCH, eyes then rocket, and the report comment naming its origin', async () => {
  const { result, commentId } = await comment('/expire sandy@2030-06-10 bob@+7d')
  expect(result.code).toBe(0)
  const patches = suite.sandboxes.launchDarkly.requests.filter((r) => r.method === 'PATCH')
  expect(patches.map((r) => r.path)).toEqual([EXPIRING_PATH])
  const instructions = (patches[0]?.body as { instructions: { userKey: string; value: number }[] })
    .instructions
  expect(instructions.map((i) => i.userKey)).toEqual(['sandy', 'bob'])
  expect(instructions[0]?.value).toBe(JUNE_10)
  expect(suite.sandboxes.github.reactionsOn(commentId)).toEqual(['eyes', 'rocket'])
  const report = suite.sandboxes.github
    .commentsOn(REPOSITORY, PR)
    .filter((c) => c.user.login === 'github-actions[bot]')
  expect(report).toHaveLength(1)
  expect(report[0]?.body).toContain('/expire by @\u2060Codertocat')
  expect(result.outputs['comment-url']).toBe(report[0]?.html_url)
})

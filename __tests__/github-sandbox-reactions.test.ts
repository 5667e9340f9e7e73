/**
 * The GitHub sandbox's comment reactions and comment reads, as GitHub answers them: a reaction
 * created (201), the same one again (200), an unknown content (422), an unknown comment (404), a
 * read-only token (403); the reactions listed; one comment read by id.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { GITHUB_TOKEN, REPOSITORY, registerRunnerToken } from '../sandbox/fixtures.ts'
import { startGitHubSandbox, type GitHubSandbox } from '../sandbox/github.ts'

const READ_ONLY = 'ghs_readOnlySandboxToken'
let github: GitHubSandbox
let commentId: number

beforeAll(async () => {
  github = await startGitHubSandbox()
  registerRunnerToken(github)
  registerRunnerToken(github, READ_ONLY, false)
})
afterAll(() => github.close())
beforeEach(() => {
  github.reset()
  commentId = github.addComment(REPOSITORY, 2, '/expire sandy@2030-06-10', {
    login: 'Codertocat',
    type: 'User'
  }).id
})

async function call(method: string, path: string, body?: unknown, token = GITHUB_TOKEN) {
  const response = await fetch(`${github.url}/repos/${REPOSITORY}${path}`, {
    method,
    headers: { Authorization: `token ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) })
  })
  return { status: response.status, body: await response.json() }
}

const react = (content: unknown, id = commentId, token?: string) =>
  call('POST', `/issues/comments/${id}/reactions`, { content }, token)

describe('reactions on a comment', () => {
  it('creates one (201), answers 200 with the same one when it exists, and lists them', async () => {
    const created = await react('eyes')
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      id: expect.any(Number),
      content: 'eyes',
      created_at: expect.any(String),
      user: { login: 'github-actions[bot]', type: 'Bot' }
    })
    const again = await react('eyes')
    expect(again.status).toBe(200)
    expect(again.body).toEqual(created.body)
    expect((await react('rocket')).status).toBe(201)
    expect(github.reactionsOn(commentId)).toEqual(['eyes', 'rocket'])
    const listed = await call('GET', `/issues/comments/${commentId}/reactions`)
    expect(listed.status).toBe(200)
    expect((listed.body as { content: string }[]).map((r) => r.content)).toEqual(['eyes', 'rocket'])
  })

  it('refuses an unknown content (422), an unknown comment (404), a read-only token (403)', async () => {
    expect((await react('party')).status).toBe(422)
    expect((await react(undefined)).status).toBe(422)
    expect((await react('eyes', 123_456_789)).status).toBe(404)
    expect((await react('eyes', commentId, READ_ONLY)).status).toBe(403)
    expect(github.reactionsOn(commentId)).toEqual([])
  })

  it('are forgotten on reset', async () => {
    await react('eyes')
    github.reset()
    expect(github.reactionsOn(commentId)).toEqual([])
  })
})

describe('a comment read by id', () => {
  it('answers the comment, and 404 for one that does not exist', async () => {
    const read = await call('GET', `/issues/comments/${commentId}`)
    expect(read.status).toBe(200)
    expect(read.body).toEqual({
      id: commentId,
      body: '/expire sandy@2030-06-10',
      html_url: expect.stringContaining(`#issuecomment-${commentId}`),
      created_at: expect.any(String),
      updated_at: expect.any(String),
      author_association: 'NONE',
      user: { login: 'Codertocat', type: 'User' }
    })
    expect((await call('GET', '/issues/comments/123456789')).status).toBe(404)
  })
})

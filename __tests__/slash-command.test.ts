/**
 * Slash commands in process (main's `run()` against the sandboxes): an issue_comment whose first
 * line is `/expire ENTRY…` applies its entries on the step's flags like `targets`, gated on the
 * commenter, all or nothing, with eyes then rocket (or confused) on the comment and the report in
 * the sticky comment of its pull request or issue. Comments that are not commands, edited ones and
 * bots' are left alone: nothing sent, nothing written.
 */
import { beforeEach, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ENVIRONMENT, PROJECT, REPOSITORY } from '../sandbox/fixtures.ts'
import { issueCommentPayload, type IssueCommentOptions } from '../sandbox/webhooks.ts'
import { EMPTY_OUTPUTS } from '../src/report/outputs.js'
import { inProcessSuite, type InProcessRun, type SuiteSandboxes } from './helpers/suite.ts'

const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')
const JULY_1 = Date.parse('2030-07-01T00:00:00Z')
const EXPIRING_PATH = `/api/v2/flags/${PROJECT}/checkout/expiring-user-targets/${ENVIRONMENT}`
/** The pull request of the example payloads. */
const PR = 2
/** A test's own bound; the suite's clock lets Octokit's waits between writes pass at once. */
const SLOW = 30_000

const suite = inProcessSuite()
let sandboxes: SuiteSandboxes

beforeEach(() => {
  sandboxes = suite.sandboxes
  sandboxes.github.setPermission(REPOSITORY, 'reader', 'read')
  sandboxes.github.setPermission(REPOSITORY, 'writer', 'write')
})

interface Command {
  body: string
  action?: 'created' | 'edited' | 'deleted'
  author?: { login: string; type: 'Bot' | 'User' }
  inputs?: Record<string, string>
  env?: Record<string, string>
  /** The comment as GitHub has it now, when not as the event says; null: deleted. */
  stored?: string | null
  /** Where the comment is: pull request 2 unless given. */
  on?: Pick<IssueCommentOptions, 'issueNumber' | 'onPullRequest' | 'labels'>
}

/**
 * The comment is put on the sandbox's pull request (or issue) first, as GitHub has it when the
 * event is sent, so that reactions have a comment to go on; then one run on its event.
 */
async function comment(command: Command): Promise<{ result: InProcessRun; commentId: number }> {
  const author = command.author ?? { login: 'Codertocat', type: 'User' as const }
  const issueNumber = command.on?.issueNumber ?? PR
  const stored = command.stored === undefined ? command.body : command.stored
  const written =
    stored === null
      ? { id: 999_999 }
      : sandboxes.github.addComment(REPOSITORY, issueNumber, stored, author)
  const result = await suite.run({
    eventName: 'issue_comment',
    payload: issueCommentPayload(command.action ?? 'created', command.body, {
      commentId: written.id,
      user: author,
      ...command.on
    }),
    inputs: { 'flag-key': 'checkout,new-search', ...command.inputs },
    ...(command.env ? { env: command.env } : {})
  })
  return { result, commentId: written.id }
}

function patches() {
  return sandboxes.launchDarkly.requests.filter((r) => r.method === 'PATCH')
}

function githubWrites() {
  return sandboxes.github.requests.filter((r) => r.method !== 'GET')
}

/** The sticky report comment: the comments on the thread by the runner's token. */
function reportComments(issueNumber = PR) {
  return sandboxes.github
    .commentsOn(REPOSITORY, issueNumber)
    .filter((c) => c.user.login === 'github-actions[bot]')
}

describe('a command on a pull request', () => {
  it(
    'applies two entries in one PATCH per flag, reacts eyes then rocket, and names both with their origin in the sticky comment',
    async () => {
      const { result, commentId } = await comment({
        body: '/expire sandy@2030-06-10 bob@2030-07-01\nThanks!'
      })
      expect(result.exitCode).toBe(0)
      const checkout = patches().filter((r) => r.path === EXPIRING_PATH)
      expect(checkout).toHaveLength(1)
      expect((checkout[0]?.body as { instructions: unknown[] }).instructions).toEqual([
        expect.objectContaining({
          kind: 'addExpireUserTargetDate',
          userKey: 'sandy',
          value: JUNE_10
        }),
        expect.objectContaining({ kind: 'addExpireUserTargetDate', userKey: 'bob', value: JULY_1 })
      ])
      expect(patches()).toHaveLength(2) // checkout and new-search
      expect(sandboxes.github.reactionsOn(commentId)).toEqual(['eyes', 'rocket'])
      const reactionPosts = githubWrites().filter((r) => r.path.endsWith('/reactions'))
      expect(reactionPosts.map((r) => r.body)).toEqual([{ content: 'eyes' }, { content: 'rocket' }])
      const sticky = reportComments()
      expect(sticky).toHaveLength(1)
      const body = sticky[0]?.body ?? ''
      expect(body).toContain('sandy')
      expect(body).toContain('bob')
      // The origin, with the mention made inert.
      expect(body).toContain('/expire by @\u2060Codertocat')
      expect(result.outputs['successful-instructions']).toBe('4')
    },
    SLOW
  )

  it(
    "shows the PR's expiry labels beside the command's rows, and does not apply them",
    async () => {
      sandboxes.github.openPullRequest(REPOSITORY, PR, {
        labels: ['expire-user:carol@2030-06-10', 'bug']
      })
      const { result } = await comment({
        body: '/expire sandy@2030-06-10',
        inputs: { 'flag-key': 'checkout' }
      })
      expect(result.exitCode).toBe(0)
      const instructions = patches().flatMap(
        (r) => (r.body as { instructions: { userKey: string }[] }).instructions
      )
      expect(instructions.map((i) => i.userKey)).toEqual(['sandy'])
      const body = reportComments()[0]?.body ?? ''
      expect(body).toContain('expire-user:carol@2030-06-10')
      expect(body).toContain('/expire by @\u2060Codertocat')
    },
    SLOW
  )

  it(
    'cancels a removal with never',
    async () => {
      sandboxes.launchDarkly.requests.length = 0
      await comment({ body: '/expire sandy@2030-06-10', inputs: { 'flag-key': 'checkout' } })
      const { result, commentId } = await comment({
        body: '/expire sandy@never',
        inputs: { 'flag-key': 'checkout' }
      })
      expect(result.exitCode).toBe(0)
      const last = patches().at(-1)?.body as { instructions: unknown[] }
      expect(last.instructions).toEqual([
        expect.objectContaining({ kind: 'removeExpireUserTargetDate', userKey: 'sandy' })
      ])
      expect(sandboxes.github.reactionsOn(commentId)).toEqual(['eyes', 'rocket'])
    },
    SLOW
  )
})

describe('a targets file', () => {
  it(
    'lends its aliases; its own targets are neither applied nor planned',
    async () => {
      const workspace = mkdtempSync(join(tmpdir(), 'ld-command-'))
      try {
        mkdirSync(join(workspace, '.github'))
        writeFileSync(
          join(workspace, '.github', 'expiring-targets.yml'),
          [
            'version: 1',
            'aliases:',
            '  qa: sandy',
            'targets:',
            '  - flag: new-search',
            '    user: bob',
            '    remove-at: 2030-07-01',
            ''
          ].join('\n')
        )
        const { result, commentId } = await comment({
          body: '/expire qa@2030-06-10',
          inputs: { 'flag-key': 'checkout', 'targets-file': '.github/expiring-targets.yml' },
          env: { GITHUB_WORKSPACE: workspace }
        })
        expect(result.exitCode).toBe(0)
        expect(patches().map((r) => r.path)).toEqual([EXPIRING_PATH])
        expect((patches()[0]?.body as { instructions: unknown[] }).instructions).toEqual([
          expect.objectContaining({ userKey: 'sandy', value: JUNE_10 })
        ])
        expect(sandboxes.github.reactionsOn(commentId)).toEqual(['eyes', 'rocket'])
        expect(reportComments()).toHaveLength(1)
        const body = reportComments()[0]?.body ?? ''
        expect(body).not.toContain('bob')
        expect(body).not.toContain('will be applied when merged')
      } finally {
        rmSync(workspace, { recursive: true, force: true })
      }
    },
    SLOW
  )
})

describe('help', () => {
  it.each(['/expire help', '/expire'])(
    '%s writes the grammar and an example for the step, and sends nothing to LaunchDarkly',
    async (body) => {
      const { result, commentId } = await comment({
        body,
        inputs: { 'flag-key': 'checkout', 'segment-key': 'beta-testers' }
      })
      expect(result.exitCode).toBe(0)
      expect(sandboxes.launchDarkly.requests).toEqual([])
      const sticky = reportComments()[0]?.body ?? ''
      expect(sticky).toContain('/expire sandy@2030-06-10 bob@+7d')
      expect(sticky).toContain('`checkout`')
      expect(sticky).toContain('`beta-testers`')
      expect(sticky).toContain('`never`')
      expect(sandboxes.github.reactionsOn(commentId)).toEqual(['eyes', 'rocket'])
    },
    SLOW
  )
})

describe('comments left alone', () => {
  it.each([
    ['a comment that is not a command', { body: 'Looks good to me' }],
    ['a longer word', { body: '/expired sandy@2030-06-10' }],
    ['a quoted command', { body: '> /expire sandy@2030-06-10' }],
    ['another case', { body: '/Expire sandy@2030-06-10' }],
    ['a command on the second line', { body: 'Please\n/expire sandy@2030-06-10' }],
    ['an edited command', { body: '/expire sandy@2030-06-10', action: 'edited' as const }],
    ['a deleted command', { body: '/expire sandy@2030-06-10', action: 'deleted' as const }],
    [
      "a bot's command",
      {
        body: '/expire sandy@2030-06-10',
        author: { login: 'github-actions[bot]', type: 'Bot' as const }
      }
    ]
  ])('%s: nothing sent, nothing written', async (_, command) => {
    const { result, commentId } = await comment(command)
    expect(result.exitCode).toBe(0)
    expect(sandboxes.launchDarkly.requests).toEqual([])
    expect(githubWrites()).toEqual([])
    expect(sandboxes.github.requests).toEqual([])
    expect(sandboxes.github.reactionsOn(commentId)).toEqual([])
    expect(result.outputs).toEqual(EMPTY_OUTPUTS)
    expect(result.stdout).toContain('nothing to do')
  })

  it('a command to a step in another mode than apply', async () => {
    const { result, commentId } = await comment({
      body: '/expire sandy@2030-06-10',
      inputs: { mode: 'digest' }
    })
    expect(result.exitCode).toBe(0)
    expect(result.stdout).toContain('Slash commands act in mode apply only')
    expect(sandboxes.launchDarkly.requests).toEqual([])
    expect(githubWrites()).toEqual([])
    expect(sandboxes.github.reactionsOn(commentId)).toEqual([])
  })

  it(
    'a command with leading white space is one',
    async () => {
      const { commentId } = await comment({
        body: '  /expire sandy@2030-06-10',
        inputs: { comment: 'false' }
      })
      expect(patches()).toHaveLength(2)
      expect(sandboxes.github.reactionsOn(commentId)).toEqual(['eyes', 'rocket'])
    },
    SLOW
  )

  it(
    'another slash-command word is read from the input',
    async () => {
      const { commentId } = await comment({
        body: '/ld-expire sandy@2030-06-10',
        inputs: { comment: 'false', 'slash-command': '/ld-expire' }
      })
      expect(patches()).toHaveLength(2)
      expect(sandboxes.github.reactionsOn(commentId)).toEqual(['eyes', 'rocket'])
      const ignored = await comment({
        body: '/expire sandy@2030-06-10',
        inputs: { comment: 'false', 'slash-command': '/ld-expire' }
      })
      expect(sandboxes.github.reactionsOn(ignored.commentId)).toEqual([])
    },
    SLOW
  )
})

describe('refusals', () => {
  it(
    'a commenter with read permission: nothing sent, confused, and the comment says why',
    async () => {
      const { result, commentId } = await comment({
        body: '/expire sandy@2030-06-10',
        author: { login: 'reader', type: 'User' }
      })
      expect(result.exitCode).toBe(1)
      expect(sandboxes.launchDarkly.requests).toEqual([])
      expect(sandboxes.github.reactionsOn(commentId)).toEqual(['eyes', 'confused'])
      const body = reportComments()[0]?.body ?? ''
      expect(body).toContain('read permission')
      expect(body).toContain('required-permission')
      expect(sandboxes.github.requests.map((r) => r.path)).toContain(
        `/repos/${REPOSITORY}/collaborators/reader/permission`
      )
    },
    SLOW
  )

  it(
    'one invalid entry refuses the whole command: nothing sent, confused',
    async () => {
      const { result, commentId } = await comment({
        body: '/expire sandy@2030-06-10 bob@2030-02-30',
        author: { login: 'writer', type: 'User' }
      })
      expect(result.exitCode).toBe(1)
      expect(patches()).toEqual([])
      expect(sandboxes.github.reactionsOn(commentId)).toEqual(['eyes', 'confused'])
      const body = reportComments()[0]?.body ?? ''
      expect(body).toContain('2030-02-30')
      expect(result.stdout).toContain('every entry must be valid first')
    },
    SLOW
  )

  it(
    'bad inputs: nothing sent, confused, and the comment says which',
    async () => {
      const { result, commentId } = await comment({
        body: '/expire sandy@2030-06-10',
        inputs: { 'batch-size': 'lots' }
      })
      expect(result.exitCode).toBe(1)
      expect(sandboxes.launchDarkly.requests).toEqual([])
      expect(sandboxes.github.reactionsOn(commentId)).toEqual(['confused'])
      expect(reportComments()[0]?.body).toContain('batch-size')
    },
    SLOW
  )

  it(
    'the same key twice is refused',
    async () => {
      const { result, commentId } = await comment({
        body: '/expire sandy@2030-06-10 sandy@2030-07-01',
        inputs: { comment: 'false' }
      })
      expect(result.exitCode).toBe(1)
      expect(patches()).toEqual([])
      expect(sandboxes.github.reactionsOn(commentId)).toEqual(['eyes', 'confused'])
    },
    SLOW
  )
})

describe('hostile commands', () => {
  it(
    'workflow commands, markup and mentions in entries stay inert, and nothing is sent',
    async () => {
      const words = [
        '::error::pwned@2030-06-10',
        '<img/src=x/onerror=alert(1)>@2030-06-10',
        '[click](https://evil.example)@2030-06-10',
        '@octocat@2030-06-10',
        '|a|b|@2030-02-30'
      ]
      const { result, commentId } = await comment({ body: `/expire ${words.join(' ')}` })
      expect(result.exitCode).toBe(1)
      expect(sandboxes.launchDarkly.requests).toEqual([])
      expect(result.stdout).not.toMatch(
        /^::(?!add-mask|error title=|error::\d+ problems?;|notice|warning)/m
      )
      expect(result.stdout).not.toContain('::error::pwned')
      expect(reportComments()).toHaveLength(1)
      const body = reportComments()[0]?.body ?? ''
      expect(body).not.toContain('<img')
      expect(body).not.toContain('](https://evil.example)')
      expect(body).not.toMatch(/(^|[^\u2060])@octocat/)
      expect(sandboxes.github.reactionsOn(commentId)).toEqual(['eyes', 'confused'])
    },
    SLOW
  )

  it(
    'more than 50 entries, or one over 512 characters, refuse the command in a sentence',
    async () => {
      const many = Array.from({ length: 51 }, (_, i) => `user${i}@2030-06-10`)
      const first = await comment({
        body: `/expire ${many.join(' ')}`,
        inputs: { comment: 'false' }
      })
      expect(first.result.exitCode).toBe(1)
      expect(first.result.stdout).toContain('at most 50 entries')
      const long = await comment({
        body: `/expire ${'a'.repeat(600)}@2030-06-10`,
        inputs: { comment: 'false' }
      })
      expect(long.result.exitCode).toBe(1)
      expect(long.result.stdout).toContain('an entry has at most 512')
      expect(sandboxes.launchDarkly.requests).toEqual([])
    },
    SLOW
  )
})

describe('the comment read again (a re-run replays the event as it was)', () => {
  it.each([
    ['deleted', null, 'the comment was deleted'],
    ['edited on its first line', '/expire sandy@2030-07-01', 'was edited since']
  ])(
    '%s: nothing sent, and the comment says why',
    async (_, stored, why) => {
      const { result } = await comment({ body: '/expire sandy@2030-06-10', stored })
      expect(result.exitCode).toBe(1)
      expect(sandboxes.launchDarkly.requests).toEqual([])
      expect(reportComments()[0]?.body).toContain(why)
    },
    SLOW
  )

  it(
    'edited below its first line: applied',
    async () => {
      const { result, commentId } = await comment({
        body: '/expire sandy@2030-06-10\nthanks',
        stored: '/expire sandy@2030-06-10\nthanks, and see the ticket',
        inputs: { comment: 'false' }
      })
      expect(result.exitCode).toBe(0)
      expect(patches()).toHaveLength(2)
      expect(sandboxes.github.reactionsOn(commentId)).toEqual(['eyes', 'rocket'])
    },
    SLOW
  )
})

describe('a command on a plain issue', () => {
  it(
    'applies, and reports in the sticky comment of that issue',
    async () => {
      const issue = sandboxes.github.createIssue(REPOSITORY, {
        title: 'Beta access',
        body: null,
        author: { login: 'Codertocat', type: 'User' }
      })
      const { result, commentId } = await comment({
        body: '/expire sandy@2030-06-10',
        inputs: { 'flag-key': 'checkout' },
        on: { issueNumber: issue.number, onPullRequest: false }
      })
      expect(result.exitCode).toBe(0)
      expect(patches()).toHaveLength(1)
      expect(sandboxes.github.reactionsOn(commentId)).toEqual(['eyes', 'rocket'])
      const sticky = reportComments(issue.number)
      expect(sticky).toHaveLength(1)
      expect(sticky[0]?.body).toContain('/expire by @\u2060Codertocat')
      // No labels are read on an issue.
      expect(sandboxes.github.requests.some((r) => r.path.endsWith('/labels'))).toBe(false)
    },
    SLOW
  )
})

/**
 * Slash commands end to end on the bundle (`node dist/index.js`): a comment that is not a command,
 * an edited one and a bot's leave in index.ts, before anything else of the bundle loads (no GitHub
 * or LaunchDarkly request, the empty outputs); a command is applied with its reactions and the
 * report comment. The behaviour behind them runs in process (slash-command.test.ts).
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from '@jest/globals'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  ENVIRONMENT,
  PROJECT,
  REPOSITORY,
  startSandboxes,
  type Sandboxes
} from '../sandbox/fixtures.ts'
import { ACTION_ENTRY, type RunOptions } from '../sandbox/runner.ts'
import { issueCommentPayload } from '../sandbox/webhooks.ts'
import { EMPTY_OUTPUTS } from '../src/report/outputs.js'
import { bundleSuite, runBundle, type BundleRun } from './helpers/bundle.ts'
import { emptyGitHub, emptyLaunchDarkly } from './helpers/empty.ts'
import { scanAfterEach } from './helpers/secrets.ts'

const PR = 2
const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')
const EXPIRING_PATH = `/api/v2/flags/${PROJECT}/checkout/expiring-user-targets/${ENVIRONMENT}`
const TIMEOUT = 60_000
const AUTHOR = { login: 'Codertocat', type: 'User' as const }

let sandboxes: Sandboxes
bundleSuite()
scanAfterEach(() => sandboxes)
beforeAll(async () => {
  sandboxes = await startSandboxes()
})
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
  options: {
    action?: 'created' | 'edited'
    author?: { login: string; type: 'Bot' | 'User' }
  } & Partial<RunOptions> = {}
): Promise<{ result: BundleRun; commentId: number }> {
  const { action = 'created', author = AUTHOR, ...run } = options
  const written = sandboxes.github.addComment(REPOSITORY, PR, body, author)
  const result = await runBundle({
    ...run,
    eventName: 'issue_comment',
    payload: issueCommentPayload(action, body, { commentId: written.id, user: author }),
    inputs: { ...sandboxes.inputs(), ...run.inputs },
    env: { ...sandboxes.env(), ...run.env }
  })
  return { result, commentId: written.id }
}

it(
  'leaves at once on a comment that is not a command: no request, the empty outputs',
  async () => {
    // An empty api-key would fail the run once the settings are read: index.ts never reads them.
    const { result, commentId } = await comment('LGTM, thanks!\n/expire sandy@2030-06-10', {
      inputs: { 'api-key': '' }
    })
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain('does not start with "/expire": nothing to do')
    expect(result.stdout).not.toContain('api-key')
    expect(sandboxes.github.requests).toEqual([])
    expect(sandboxes.launchDarkly.requests).toEqual([])
    expect(sandboxes.github.reactionsOn(commentId)).toEqual([])
    expect(result.outputs).toEqual(EMPTY_OUTPUTS)
  },
  TIMEOUT
)

it(
  'decides comments without loading the rest of the bundle: only a command needs it',
  async () => {
    // Only the entry chunk is copied: loading Octokit, zod or main.ts would crash the run.
    const dir = mkdtempSync(join(tmpdir(), 'entry-only-'))
    copyFileSync(ACTION_ENTRY, join(dir, 'index.js'))
    copyFileSync(join(dirname(ACTION_ENTRY), 'package.json'), join(dir, 'package.json'))
    const entry = join(dir, 'index.js')
    try {
      for (const [body, options] of [
        ['Looks good', {}],
        ['/expired sandy@2030-06-10', {}],
        ['/expire sandy@2030-06-10', { action: 'edited' as const }],
        ['/expire sandy@2030-06-10', { author: { login: 'renovate[bot]', type: 'Bot' as const } }]
      ] as const) {
        const { result } = await comment(body, { ...options, entry })
        expect(`${body}: ${result.code} ${result.stderr}`).toBe(`${body}: 0 `)
        expect(result.stdout).toContain('nothing to do')
      }
      expect(sandboxes.github.requests).toEqual([])
      expect(sandboxes.launchDarkly.requests).toEqual([])
      const { result } = await comment('/expire sandy@2030-06-10', { entry })
      expect(result.code).not.toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
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
    const { instructions } = patches[0]?.body as {
      instructions: { userKey: string; value: number }[]
    }
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

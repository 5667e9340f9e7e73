/**
 * In process: the PR comment, the label lifecycle, forks, against both sandboxes.
 */
import { describe, expect, it, jest } from '@jest/globals'
import { marked } from 'marked'
import {
  ENVIRONMENT,
  flagWithTargets,
  GITHUB_TOKEN,
  PROJECT,
  registerRunnerToken
} from '../sandbox/fixtures.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import { annotations, inProcessSuite } from './helpers/suite.ts'
import type { InProcessOptions, InProcessRun } from './helpers/in-process.ts'

jest.setTimeout(30_000)
const suite = inProcessSuite()

const REPO = 'Codertocat/Hello-World'
const prNumber = (pullRequestPayload('labeled').pull_request as { number: number }).number

const run = (options: InProcessOptions): Promise<InProcessRun> => suite.run(options)
const labeled = (label: string, extra: InProcessOptions = {}) =>
  run({ eventName: 'pull_request', payload: pullRequestPayload('labeled', label), ...extra })
const comments = () => suite.sandboxes.github.commentsOn(REPO, prNumber)
const writes = () =>
  suite.sandboxes.github.requests.filter((r) => r.method === 'POST' || r.method === 'PATCH')
const html = (markdown: string) => marked.parse(markdown, { gfm: true, async: false })

describe('the sticky comment', () => {
  it('is written once, updated when the content changes, and left alone otherwise: one comment after ten reruns', async () => {
    const first = await labeled('expire-user:sandy@2030-06-10')
    expect(first.code).toBe(0)
    expect(comments()).toHaveLength(1)
    expect(first.outputs['comment-url']).toBe(comments()[0]?.html_url)
    for (let i = 0; i < 9; i++) expect((await labeled('expire-user:sandy@2030-06-10')).code).toBe(0)
    expect(comments()).toHaveLength(1)
    // Run 1 creates; run 2's content differs (the entry is now unchanged) and updates; 3-10 skip.
    expect(writes().map((r) => r.method)).toEqual(['POST', 'PATCH'])
    expect(comments()[0]?.body).toMatch(
      /⚪ unchanged \| label `[^`]+` \| already scheduled at that time/
    )
  })

  it('is updated in place for the next label, not posted again', async () => {
    await labeled('expire-user:sandy@2030-06-10')
    const id = comments()[0]?.id
    await labeled('expire-user:bob@2031-01-01')
    expect(comments()).toHaveLength(1)
    expect(comments()[0]?.id).toBe(id)
    expect(comments()[0]?.body).toMatch(/`bob`/)
    expect(writes().map((r) => r.method)).toEqual(['POST', 'PATCH'])
  })

  it('is found again beyond the first page of comments', async () => {
    const { github } = suite.sandboxes
    for (let i = 0; i < 210; i++)
      github.addComment(REPO, prNumber, `LGTM ${i}`, { login: 'reviewer', type: 'User' }, 'MEMBER')
    await labeled('expire-user:sandy@2030-06-10')
    for (let i = 0; i < 50; i++)
      github.addComment(REPO, prNumber, `nit ${i}`, { login: 'reviewer', type: 'User' }, 'MEMBER')
    await labeled('expire-user:bob@2031-01-01')
    const ours = comments().filter((c) => c.body.startsWith('<!-- launchdarkly-expiring-targets'))
    expect(ours).toHaveLength(1)
    expect(ours[0]?.body).toMatch(/`bob`/)
    const pages = github.requests
      .filter((r) => r.method === 'GET' && r.path.endsWith('/comments'))
      .map((r) => r.query.page ?? '1')
    expect(pages).toEqual(['1', '2', '3', '1', '2', '3'])
  })

  it('ignores a comment that copies the marker but was written by a person', async () => {
    const marker =
      '<!-- launchdarkly-expiring-targets project=default environment=production flags=checkout -->'
    const fake = suite.sandboxes.github.addComment(
      REPO,
      prNumber,
      `${marker}\nall good, nothing to see`,
      { login: 'mallory', type: 'User' }
    )
    await labeled('expire-user:sandy@2030-06-10')
    expect(comments()).toHaveLength(2)
    expect(comments().find((c) => c.id === fake.id)?.body).toMatch(/nothing to see/)
  })

  it('matches its author by login when the token is a personal one', async () => {
    suite.sandboxes.github.tokens.set('ghp_personal', {
      login: 'release-bot-user',
      type: 'User',
      canWrite: true
    })
    const personal = { inputs: { 'github-token': 'ghp_personal' } }
    await labeled('expire-user:sandy@2030-06-10', personal)
    await labeled('expire-user:bob@2031-01-01', personal)
    expect(comments()).toHaveLength(1)
    expect(comments()[0]?.user.login).toBe('release-bot-user')
  })

  it("shows the verdict, one row per entry with local times, and LaunchDarkly's errors with their index", async () => {
    const result = await run({
      eventName: 'workflow_dispatch',
      inputs: {
        'pr-number': String(prNumber),
        timezone: 'Europe/Berlin',
        variation: 'Disabled',
        targets: 'dora@2030-06-10\ncarol@2030-06-10'
      }
    })
    expect(result.code).toBe(1)
    const body = comments()[0]?.body ?? ''
    // The headline counts every row by outcome: it never says "0 failed" above a failed row.
    expect(body).toMatch(
      /\*\*1 scheduled, 1 failed\*\* · flag \[`checkout`\]\(http:\/\/127\.0\.0\.1:\d+\/projects\/default\/flags\/checkout\/targeting\?env=production\) · environment `production`/
    )
    // One flag and one environment: in the headline, not in columns; the local time first.
    expect(body).toMatch(
      /\| User \| Variation \| Removal \(`Europe\/Berlin`\) \| Removal \(UTC\) \| Outcome \| From \| Details \|/
    )
    expect(body).toMatch(
      /\| `dora` \| `Disabled` \| 2030-06-10 00:00 \(UTC\+02:00\) \| 2030-06-09 22:00 UTC \| 🟢 scheduled \| targets line 1 \|/
    )
    expect(body).toMatch(
      /- flag `checkout`, instruction 1 → targets line 2 `carol@2030-06-10`: user carol is not individually targeted/
    )
    expect(body).toMatch(
      /\[Workflow run\]\(https:\/\/github\.com\/Codertocat\/Hello-World\/actions\/runs\/4242\)/
    )
  })

  it('escapes keys so they render as text and keep the table whole', async () => {
    await labeled('expire-user:x<script>y@2030-06-10')
    const first = html(comments()[0]?.body ?? '')
    expect(first).not.toMatch(/<script/)
    expect(first).toContain('<code>x&lt;script&gt;y</code>')
    await run({
      eventName: 'workflow_dispatch',
      inputs: {
        'pr-number': String(prNumber),
        targets: 'a|b@2030-06-10\n`tick`@2030-06-10'
      }
    })
    const second = html(comments()[0]?.body ?? '')
    const cellsPerRow = [...second.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(
      (m) => (m[1]?.match(/<t[dh]/g) ?? []).length
    )
    expect(cellsPerRow).toHaveLength(3)
    expect(new Set(cellsPerRow)).toEqual(new Set([6]))
    expect(second).toContain('<code>a|b</code>')
    expect(second).toContain('<code>`tick`</code>')
    // An invalid entry's message quotes "@octocat" without mentioning anyone.
    await run({
      eventName: 'workflow_dispatch',
      inputs: { 'pr-number': String(prNumber), targets: '@octocat team@2030-06-10' }
    })
    expect(comments()[0]?.body).toMatch(/@\u2060octocat/)
  })

  it("keeps under GitHub's 65,536 characters by leaving rows out, pointing to the job summary", async () => {
    const users = Array.from(
      { length: 1500 },
      (_, i) => `bulk-user-with-a-long-key-${String(i).padStart(5, '0')}@example.com`
    )
    suite.sandboxes.launchDarkly.addFlag(PROJECT, flagWithTargets('bulk', users))
    const result = await run({
      eventName: 'workflow_dispatch',
      inputs: {
        'pr-number': String(prNumber),
        'flag-key': 'bulk',
        targets: users.map((u) => `${u}@2030-06-10`).join('\n')
      }
    })
    expect(result.code).toBe(0)
    const body = comments()[0]?.body ?? ''
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(body).toMatch(
      /\*\d+ more rows left out to fit; the job summary of the workflow run has every row\.\*/
    )
    expect(
      result.summary.split('\n').filter((l) => l.startsWith('| `bulk-user-with-a-long-key-'))
    ).toHaveLength(1500)
  })

  it('says clearly that a dry run is a plan', async () => {
    await labeled('expire-user:sandy@2030-06-10', { inputs: { 'dry-run': 'true' } })
    expect(comments()[0]?.body).toMatch(/### Plan only: nothing was changed/)
    expect(comments()[0]?.body).toMatch(/will schedule/)
  })

  it('is not written for an unrelated label', async () => {
    await labeled('bug')
    expect(suite.sandboxes.github.requests).toHaveLength(0)
  })

  it('is not written with comment: false; the summary still has the report', async () => {
    const result = await labeled('expire-user:sandy@2030-06-10', { inputs: { comment: 'false' } })
    expect(result.code).toBe(0)
    const commentCalls = suite.sandboxes.github.requests.filter((r) => r.path.includes('/comments'))
    expect(commentCalls).toHaveLength(0)
    expect(result.summary).toMatch(/🟢 scheduled/)
    expect(result.outputs['comment-url']).toBe('')
  })

  it('is a warning, not a failure, when the token cannot write', async () => {
    registerRunnerToken(suite.sandboxes.github, 'ghs_readonly', false)
    const result = await labeled('expire-user:sandy@2030-06-10', {
      inputs: { 'github-token': 'ghs_readonly' }
    })
    expect(result.code).toBe(0)
    expect(suite.sandboxes.launchDarkly.expiring(PROJECT, 'checkout', ENVIRONMENT)).toHaveLength(1)
    expect(annotations(result, 'warning')).toEqual([
      expect.stringMatching(
        /^Could not write the PR comment \(403 Resource not accessible by integration.*pull-requests: write/
      )
    ])
    expect(result.summary).toMatch(/🟢 scheduled/)
  })
})

describe('the label lifecycle', () => {
  it('applies every expiry label the PR has now on synchronize, read live, not from the payload', async () => {
    suite.sandboxes.github.setLabels(REPO, prNumber, [
      'bug',
      'expire-user:sandy@2030-06-10',
      'expire-user:bob@+2w'
    ])
    const payload = pullRequestPayload('synchronize', undefined, ['expire-user:carol@2030-06-10'])
    const result = await run({ eventName: 'pull_request', payload })
    expect(result.code).toBe(0)
    const patch = suite.sandboxes.launchDarkly.requests.find((r) => r.method === 'PATCH')?.body as {
      instructions: { userKey: string }[]
    }
    expect(patch.instructions.map((i) => i.userKey)).toEqual(['sandy', 'bob'])
    expect(suite.sandboxes.github.requests[0]?.path).toBe(
      `/repos/${REPO}/issues/${prNumber}/labels`
    )
  })

  it.each(['opened', 'reopened'] as const)(
    'applies the labels on %s too, and a rerun sends nothing',
    async (action) => {
      suite.sandboxes.github.setLabels(REPO, prNumber, ['expire-user:sandy@2030-06-10'])
      await run({ eventName: 'pull_request', payload: pullRequestPayload(action) })
      await run({ eventName: 'pull_request', payload: pullRequestPayload(action) })
      expect(
        suite.sandboxes.launchDarkly.requests.filter((r) => r.method === 'PATCH')
      ).toHaveLength(1)
    }
  )

  it('leaves a label whose time has passed alone on synchronize, instead of failing every push', async () => {
    suite.sandboxes.github.setLabels(REPO, prNumber, [
      'expire-user:sandy@2021-01-01',
      'expire-user:bob@2030-06-10'
    ])
    const result = await run({
      eventName: 'pull_request',
      payload: pullRequestPayload('synchronize')
    })
    expect(result.code).toBe(0)
    expect(result.summary).toMatch(
      /\| ⚪ unchanged \| label `expire-user:sandy@2021-01-01` \| its time has passed/
    )
    expect(
      suite.sandboxes.launchDarkly.expiring(PROJECT, 'checkout', ENVIRONMENT).map((i) => i.userKey)
    ).toEqual(['bob'])
  })

  it('applies the valid live labels when one is invalid, and shows the invalid one', async () => {
    suite.sandboxes.github.setLabels(REPO, prNumber, [
      'expire-user:sandy@2030-06-10',
      'expire-user:bob@2030-13-01'
    ])
    const result = await run({
      eventName: 'pull_request',
      payload: pullRequestPayload('synchronize')
    })
    expect(result.code).toBe(1)
    expect(
      suite.sandboxes.launchDarkly.expiring(PROJECT, 'checkout', ENVIRONMENT).map((i) => i.userKey)
    ).toEqual(['sandy'])
    expect(comments()[0]?.body).toMatch(/`expire-user:bob@2030-13-01`.*⚠️ invalid/)
  })

  it('does not comment on a synchronize of a PR without expiry labels', async () => {
    suite.sandboxes.github.setLabels(REPO, prNumber, ['bug'])
    const result = await run({
      eventName: 'pull_request',
      payload: pullRequestPayload('synchronize')
    })
    expect(result.code).toBe(0)
    expect(writes()).toHaveLength(0)
    expect(suite.sandboxes.launchDarkly.requests).toHaveLength(0)
  })
})

describe('forks', () => {
  const fromFork = (payload: Record<string, unknown>) => {
    const pr = payload.pull_request as { head: { repo: { full_name: string } } }
    pr.head.repo.full_name = 'someone/Hello-World'
    return payload
  }

  it('explains in one sentence why a fork PR has no api-key, and does not crash on the comment', async () => {
    registerRunnerToken(suite.sandboxes.github, 'ghs_forktoken', false)
    const result = await run({
      eventName: 'pull_request',
      payload: fromFork(pullRequestPayload('labeled', 'expire-user:sandy@2030-06-10')),
      inputs: { 'api-key': '', 'github-token': 'ghs_forktoken' }
    })
    expect(result.code).toBe(1)
    expect(annotations(result, 'error')).toContainEqual(
      expect.stringMatching(
        /^This pull request comes from a fork, and GitHub gives pull_request workflows from forks no secrets, so api-key is empty\. Run this workflow on pull_request_target instead/
      )
    )
    expect(annotations(result, 'warning')).toContainEqual(
      expect.stringMatching(/^Could not write the PR comment/)
    )
    expect(result.summary).toMatch(/comes from a fork/)
    expect(result.stderr).toBe('')
    expect(suite.sandboxes.launchDarkly.requests).toHaveLength(0)
  })

  it('works on pull_request_target from a fork, where the secret and a write token are given', async () => {
    const result = await run({
      eventName: 'pull_request_target',
      payload: fromFork(pullRequestPayload('labeled', 'expire-user:sandy@2030-06-10')),
      inputs: { 'github-token': GITHUB_TOKEN }
    })
    expect(result.code).toBe(0)
    expect(comments()).toHaveLength(1)
  })
})

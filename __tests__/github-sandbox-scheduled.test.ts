/**
 * The GitHub sandbox's routes for scheduled jobs, through fetch as any client would call them: the
 * open pull requests (paginated, with live labels, filtered by state), the issues list (which
 * holds pull requests too, with `pull_request`), creating, reading and editing an issue, and the
 * refusals: a read-only token, an oversize body, an unknown issue.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import { GITHUB_TOKEN, REPOSITORY, registerRunnerToken } from '../sandbox/fixtures.ts'
import {
  startGitHubSandbox,
  type GitHubSandbox,
  type SandboxIssue,
  type SandboxPullRequest
} from '../sandbox/github.ts'

const READ_ONLY_TOKEN = 'ghs_sandboxReadOnlyTokenDoNotLog'
const BOT = 'github-actions[bot]'

let github: GitHubSandbox

interface Answer<T> {
  status: number
  body: T
  link: string | null
}

async function call<T = unknown>(
  pathOrUrl: string,
  options: { method?: string; body?: unknown; token?: string } = {}
): Promise<Answer<T>> {
  const url = pathOrUrl.startsWith('http') ? pathOrUrl : `${github.url}${pathOrUrl}`
  const response = await fetch(url, {
    method: options.method ?? 'GET',
    headers: {
      Authorization: `token ${options.token ?? GITHUB_TOKEN}`,
      Accept: 'application/vnd.github+json',
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' })
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) })
  })
  const text = await response.text()
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as T,
    link: response.headers.get('link')
  }
}

/** The URL of rel="next" in a Link header, if any. */
function next(link: string | null): string | undefined {
  return /<([^>]+)>;\s*rel="next"/.exec(link ?? '')?.[1]
}

/** Every page, following Link rel="next" from the first; the answers in order. */
async function allPages<T>(path: string): Promise<Answer<T[]>[]> {
  const pages: Answer<T[]>[] = []
  let url: string | undefined = path
  while (url) {
    const page: Answer<T[]> = await call<T[]>(url)
    expect(page.status).toBe(200)
    pages.push(page)
    url = next(page.link)
    if (pages.length > 10) throw new Error('the Link headers do not end')
  }
  return pages
}

const gets = (path: string): number =>
  github.requests.filter((r) => r.method === 'GET' && r.path === path).length

beforeAll(async () => {
  github = await startGitHubSandbox()
  registerRunnerToken(github)
  registerRunnerToken(github, READ_ONLY_TOKEN, false)
})

afterAll(async () => {
  await github.close()
})

beforeEach(() => {
  github.reset()
})

describe('GET /repos/{owner}/{repo}/pulls', () => {
  it('lists the open pull requests newest first over 3 pages of 2, with their live labels', async () => {
    for (const number of [1, 2, 3, 4, 5, 6])
      github.openPullRequest(REPOSITORY, number, {
        title: `Change ${number}`,
        ...(number === 3 ? { labels: ['remove-targets'] } : {})
      })
    github.openPullRequest(REPOSITORY, 7, { state: 'closed' })
    github.addLabel(REPOSITORY, 3, 'expire-targets 2026-01-01', 'sandy')
    github.removeLabel(REPOSITORY, 3, 'remove-targets', 'sandy')
    github.addLabel(REPOSITORY, 5, 'remove-targets')

    const pages = await allPages<SandboxPullRequest>(`/repos/${REPOSITORY}/pulls?per_page=2`)
    expect(pages.map((p) => p.body.map((pr) => pr.number))).toEqual([
      [6, 5],
      [4, 3],
      [2, 1]
    ])
    expect(gets(`/repos/${REPOSITORY}/pulls`)).toBe(3)
    expect(pages[0]?.link).toContain('rel="last"')
    expect(pages[2]?.link).not.toContain('rel="next"')
    expect(new URL(next(pages[0]?.link ?? null) ?? '').searchParams.get('page')).toBe('2')

    const pulls = pages.flatMap((p) => p.body)
    const three = pulls.find((pr) => pr.number === 3)
    expect(three?.labels).toEqual([
      { id: 1, name: 'expire-targets 2026-01-01', color: 'ededed', default: false }
    ])
    expect(pulls.find((pr) => pr.number === 5)?.labels.map((l) => l.name)).toEqual([
      'remove-targets'
    ])
    expect(pulls.find((pr) => pr.number === 6)?.labels).toEqual([])
    expect(three).toMatchObject({
      number: 3,
      state: 'open',
      title: 'Change 3',
      html_url: `https://github.com/${REPOSITORY}/pull/3`,
      user: { login: 'Codertocat', type: 'User' },
      draft: false,
      head: { ref: 'branch-3', repo: { full_name: REPOSITORY } },
      base: { ref: 'main' }
    })
    expect(three?.head.sha).toMatch(/^[0-9a-f]{40}$/)

    // The same store as the labels route, labelsOn and the label events.
    const labels = await call<{ name: string }[]>(`/repos/${REPOSITORY}/issues/3/labels`)
    expect(labels.body.map((l) => l.name)).toEqual(['expire-targets 2026-01-01'])
    expect(github.labelsOn(REPOSITORY, 3)).toEqual(['expire-targets 2026-01-01'])
    const events = await call<{ event: string; label: { name: string } }[]>(
      `/repos/${REPOSITORY}/issues/3/events`
    )
    expect(events.body.map((e) => `${e.event} ${e.label.name}`)).toEqual([
      'labeled remove-targets',
      'labeled expire-targets 2026-01-01',
      'unlabeled remove-targets'
    ])
  })

  it('filters by state: open by default, closed, all; anything else is a 422', async () => {
    github.openPullRequest(REPOSITORY, 1)
    github.openPullRequest(REPOSITORY, 2, { state: 'closed', author: 'dependabot[bot]' })
    github.openPullRequest(REPOSITORY, 3)
    github.openPullRequest(REPOSITORY, 1, { state: 'closed' })
    const numbers = async (query: string): Promise<number[]> =>
      (await call<SandboxPullRequest[]>(`/repos/${REPOSITORY}/pulls${query}`)).body.map(
        (pr) => pr.number
      )
    expect(await numbers('')).toEqual([3])
    expect(await numbers('?state=open')).toEqual([3])
    expect(await numbers('?state=closed')).toEqual([2, 1])
    expect(await numbers('?state=all')).toEqual([3, 2, 1])
    expect((await call(`/repos/${REPOSITORY}/pulls?state=merged`)).status).toBe(422)
    expect((await call<unknown[]>('/repos/Codertocat/Other/pulls?state=all')).body).toEqual([])

    const closed = github.pullRequests(REPOSITORY).find((pr) => pr.number === 2)
    expect(closed?.user).toEqual({ login: 'dependabot[bot]', type: 'Bot' })
    expect(closed?.closed_at).toEqual(expect.any(String))
    expect(github.pullRequests(REPOSITORY).find((pr) => pr.number === 3)?.closed_at).toBeNull()
  })

  it('serves the pulls under a GHES path prefix, the prefix in its Link headers', async () => {
    const ghes = await startGitHubSandbox({ pathPrefix: '/api/v3' })
    try {
      registerRunnerToken(ghes)
      for (const number of [1, 2, 3]) ghes.openPullRequest(REPOSITORY, number)
      const first = await fetch(`${ghes.url}/repos/${REPOSITORY}/pulls?per_page=2`, {
        headers: { Authorization: `token ${GITHUB_TOKEN}` }
      })
      expect(first.status).toBe(200)
      const url = next(first.headers.get('link'))
      expect(new URL(url ?? '').pathname).toBe(`/api/v3/repos/${REPOSITORY}/pulls`)
      const second = await fetch(url ?? '', { headers: { Authorization: `token ${GITHUB_TOKEN}` } })
      expect(((await second.json()) as SandboxPullRequest[]).map((pr) => pr.number)).toEqual([1])
      const bare = await fetch(`${ghes.origin}/repos/${REPOSITORY}/pulls`, {
        headers: { Authorization: `token ${GITHUB_TOKEN}` }
      })
      expect(bare.status).toBe(404)
    } finally {
      await ghes.close()
    }
  })
})

describe('issues', () => {
  it('creates an issue, lists it by creator and state, edits it, and answers 404 for an unknown one', async () => {
    github.openPullRequest(REPOSITORY, 4)
    const person = github.createIssue(REPOSITORY, {
      title: 'Copied the report',
      body: '<!-- launchdarkly-expiring-targets -->\nas the bot wrote it',
      author: { login: 'sandy', type: 'User' }
    })
    expect(person.number).toBe(5)

    const created = await call<SandboxIssue>(`/repos/${REPOSITORY}/issues`, {
      method: 'POST',
      body: { title: 'Expiring targets', body: 'the report', labels: ['expiring-targets'] }
    })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      number: 6,
      title: 'Expiring targets',
      body: 'the report',
      state: 'open',
      html_url: `https://github.com/${REPOSITORY}/issues/6`,
      user: { login: BOT, type: 'Bot' },
      labels: [{ id: 1, name: 'expiring-targets', color: 'ededed', default: false }],
      closed_at: null
    })
    expect(created.body.id).toEqual(expect.any(Number))
    expect(created.body.created_at).toBe(created.body.updated_at)
    expect(created.body).not.toHaveProperty('pull_request')
    expect(github.labelsOn(REPOSITORY, 6)).toEqual(['expiring-targets'])

    const list = async (query: string): Promise<number[]> =>
      (await call<SandboxIssue[]>(`/repos/${REPOSITORY}/issues${query}`)).body.map((i) => i.number)
    expect(await list(`?creator=${encodeURIComponent(BOT)}`)).toEqual([6])
    expect(await list('?creator=Sandy')).toEqual([5])
    expect(await list('?creator=nobody')).toEqual([])

    const fetched = await call<SandboxIssue>(`/repos/${REPOSITORY}/issues/6`)
    expect(fetched.status).toBe(200)
    expect(fetched.body).toEqual(created.body)

    const edited = await call<SandboxIssue>(`/repos/${REPOSITORY}/issues/6`, {
      method: 'PATCH',
      body: { title: 'Expiring targets (done)', body: 'nothing left', state: 'closed' }
    })
    expect(edited.status).toBe(200)
    expect(edited.body).toMatchObject({
      number: 6,
      title: 'Expiring targets (done)',
      body: 'nothing left',
      state: 'closed',
      closed_at: expect.any(String)
    })
    expect(await list(`?creator=${encodeURIComponent(BOT)}`)).toEqual([])
    expect(await list(`?creator=${encodeURIComponent(BOT)}&state=closed`)).toEqual([6])
    expect(await list(`?creator=${encodeURIComponent(BOT)}&state=all`)).toEqual([6])
    expect(await list('?state=all')).toEqual([6, 5, 4])
    expect((await call(`/repos/${REPOSITORY}/issues?state=done`)).status).toBe(422)

    const reopened = await call<SandboxIssue>(`/repos/${REPOSITORY}/issues/6`, {
      method: 'PATCH',
      body: { state: 'open' }
    })
    expect(reopened.body).toMatchObject({
      title: 'Expiring targets (done)',
      state: 'open',
      closed_at: null
    })

    expect(github.issues(REPOSITORY).map((i) => [i.number, i.user.login, i.state])).toEqual([
      [5, 'sandy', 'open'],
      [6, BOT, 'open']
    ])

    expect((await call(`/repos/${REPOSITORY}/issues/99`)).status).toBe(404)
    const unknown = await call(`/repos/${REPOSITORY}/issues/99`, {
      method: 'PATCH',
      body: { state: 'closed' }
    })
    expect(unknown.status).toBe(404)
    expect(github.issues(REPOSITORY)).toHaveLength(2)

    const writes = github.requests.filter((r) => r.path === `/repos/${REPOSITORY}/issues/6`)
    expect(writes.map((r) => r.method)).toEqual(['GET', 'PATCH', 'PATCH'])
    expect(
      github.requests.filter((r) => r.method === 'POST' && r.path === `/repos/${REPOSITORY}/issues`)
    ).toHaveLength(1)
  })

  it('lists pull requests among the issues, with pull_request, as GitHub does', async () => {
    github.openPullRequest(REPOSITORY, 1, { labels: ['remove-targets'] })
    github.openPullRequest(REPOSITORY, 2, { state: 'closed' })
    const issue = github.createIssue(REPOSITORY, {
      title: 'A bug',
      body: null,
      author: { login: 'bob', type: 'User' }
    })
    expect(issue.number).toBe(3)

    const items = (await call<SandboxIssue[]>(`/repos/${REPOSITORY}/issues?state=all`)).body
    expect(items.map((i) => [i.number, 'pull_request' in i])).toEqual([
      [3, false],
      [2, true],
      [1, true]
    ])
    expect(items[2]).toMatchObject({
      number: 1,
      html_url: `https://github.com/${REPOSITORY}/pull/1`,
      labels: [{ name: 'remove-targets' }],
      pull_request: {
        html_url: `https://github.com/${REPOSITORY}/pull/1`,
        url: `${github.url}/repos/${REPOSITORY}/pulls/1`
      }
    })
    const one = await call<SandboxIssue>(`/repos/${REPOSITORY}/issues/1`)
    expect(one.body.pull_request).toBeDefined()
    expect(github.issues(REPOSITORY).map((i) => i.number)).toEqual([3])
    expect(() => github.openPullRequest(REPOSITORY, 3)).toThrow(/is an issue/)

    // Closing the pull request through the issues route shows in the pulls list.
    await call(`/repos/${REPOSITORY}/issues/1`, { method: 'PATCH', body: { state: 'closed' } })
    expect((await call<unknown[]>(`/repos/${REPOSITORY}/pulls`)).body).toEqual([])
  })

  it('refuses writes with a read-only token: 403, nothing created or changed', async () => {
    github.createIssue(REPOSITORY, {
      title: 'Seeded',
      body: 'x',
      author: { login: BOT, type: 'Bot' }
    })
    const post = await call<{ message: string }>(`/repos/${REPOSITORY}/issues`, {
      method: 'POST',
      body: { title: 'Expiring targets', body: 'the report' },
      token: READ_ONLY_TOKEN
    })
    expect(post.status).toBe(403)
    expect(post.body.message).toBe('Resource not accessible by integration')
    const patch = await call(`/repos/${REPOSITORY}/issues/1`, {
      method: 'PATCH',
      body: { state: 'closed' },
      token: READ_ONLY_TOKEN
    })
    expect(patch.status).toBe(403)
    expect(github.issues(REPOSITORY).map((i) => [i.title, i.state])).toEqual([['Seeded', 'open']])
    const read = await call<SandboxIssue[]>(`/repos/${REPOSITORY}/issues`, {
      token: READ_ONLY_TOKEN
    })
    expect(read.status).toBe(200)
    expect(read.body).toHaveLength(1)
    expect((await call(`/repos/${REPOSITORY}/issues`, { token: 'ghs_unknown' })).status).toBe(401)
  })

  it('answers 422 for a body over 65536 characters or a missing title, and writes nothing', async () => {
    const tooLong = await call<{ message: string; errors: { field: string; message: string }[] }>(
      `/repos/${REPOSITORY}/issues`,
      { method: 'POST', body: { title: 'Expiring targets', body: 'x'.repeat(65537) } }
    )
    expect(tooLong.status).toBe(422)
    expect(tooLong.body.message).toBe('Validation Failed')
    expect(tooLong.body.errors[0]).toMatchObject({
      field: 'body',
      message: 'body is too long (maximum is 65536 characters)'
    })
    expect((await call(`/repos/${REPOSITORY}/issues`, { method: 'POST', body: {} })).status).toBe(
      422
    )
    expect(github.issues(REPOSITORY)).toEqual([])

    const longest = await call<SandboxIssue>(`/repos/${REPOSITORY}/issues`, {
      method: 'POST',
      body: { title: 'Expiring targets', body: 'x'.repeat(65536) }
    })
    expect(longest.status).toBe(201)
    const edit = await call(`/repos/${REPOSITORY}/issues/${longest.body.number}`, {
      method: 'PATCH',
      body: { body: 'y'.repeat(65537) }
    })
    expect(edit.status).toBe(422)
    expect(github.issues(REPOSITORY)[0]?.body).toBe('x'.repeat(65536))
  })

  it('paginates the issues, newest first, keeping the filters in the Link headers', async () => {
    for (let i = 1; i <= 5; i++)
      github.createIssue(REPOSITORY, {
        title: `Report ${i}`,
        body: 'x',
        author: { login: i === 3 ? 'sandy' : BOT, type: i === 3 ? 'User' : 'Bot' }
      })
    github.createIssue(REPOSITORY, {
      title: 'Old report',
      body: 'x',
      author: { login: BOT, type: 'Bot' },
      state: 'closed'
    })
    const pages = await allPages<SandboxIssue>(
      `/repos/${REPOSITORY}/issues?creator=${encodeURIComponent(BOT)}&per_page=2`
    )
    expect(pages.map((p) => p.body.map((i) => i.number))).toEqual([
      [5, 4],
      [2, 1]
    ])
    const link = new URL(next(pages[0]?.link ?? null) ?? '')
    expect(link.searchParams.get('creator')).toBe(BOT)
    expect(gets(`/repos/${REPOSITORY}/issues`)).toBe(2)

    const all = await allPages<SandboxIssue>(`/repos/${REPOSITORY}/issues?state=all&per_page=4`)
    expect(all.map((p) => p.body.map((i) => i.number))).toEqual([
      [6, 5, 4, 3],
      [2, 1]
    ])
  })

  it('forgets pull requests and issues on reset, and numbers from 1 again', async () => {
    github.openPullRequest(REPOSITORY, 8, { labels: ['remove-targets'] })
    github.createIssue(REPOSITORY, { title: 'x', body: 'y', author: { login: BOT, type: 'Bot' } })
    expect(github.issues(REPOSITORY).map((i) => i.number)).toEqual([9])
    github.reset()
    expect(github.pullRequests(REPOSITORY)).toEqual([])
    expect(github.issues(REPOSITORY)).toEqual([])
    expect(github.labelsOn(REPOSITORY, 8)).toEqual([])
    expect((await call<unknown[]>(`/repos/${REPOSITORY}/issues?state=all`)).body).toEqual([])
    const created = await call<SandboxIssue>(`/repos/${REPOSITORY}/issues`, {
      method: 'POST',
      body: { title: 'Expiring targets' }
    })
    expect(created.body).toMatchObject({ number: 1, body: null })
  })
})

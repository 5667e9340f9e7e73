/**
 * An in-memory GitHub REST API for the endpoints the action uses: issue comments (paginated, with
 * Link headers; one read by id) and their reactions, labels on an issue, a collaborator's permission and the authenticated user; and,
 * for scheduled jobs, the open pull requests and the issues of a repository (listed, created,
 * edited). It records every request, knows which tokens may write, and can inject faults. It can serve HTTPS
 * (`tls`) and, as GitHub Enterprise Server does, serve the API under a path prefix such as
 * `/api/v3` (`pathPrefix`), answering 404 to any request without it.
 *
 * Plain erasable TypeScript: Node 24 runs it directly.
 */
import type { components, operations } from '@octokit/openapi-types'
import { createHash } from 'node:crypto'
import type http from 'node:http'
import { createServer, listen, shutDown, type TlsOption } from './server.ts'

export interface GitHubSandboxOptions {
  /** Serve HTTPS: true with the test-only certificate in sandbox/tls (see server.ts). */
  tls?: TlsOption
  /**
   * Serve the API under this path, as GitHub Enterprise Server serves it under `/api/v3`: `url`
   * ends with it, and a request whose path does not start with it gets a 404.
   */
  pathPrefix?: string
}

export interface Identity {
  login: string
  type: 'Bot' | 'User'
  /** false: a read-only token, as on fork pull requests. */
  canWrite: boolean
}

export interface Comment {
  id: number
  body: string
  user: { login: string; type: string }
  author_association: string
  html_url: string
  created_at: string
  updated_at: string
}

export interface RecordedGitHubRequest {
  method: string
  /** As received, the path prefix (if any) included. */
  path: string
  /** The Host header the client sent. */
  host: string | undefined
  query: Record<string, string>
  token: string | undefined
  body: unknown
  status: number
}

export interface GitHubFault {
  method?: string
  path?: string
  times: number
  status: number
  headers?: Record<string, string>
  body?: unknown
  /** Never answer (status, headers and body unused); the request changes nothing. */
  hang?: boolean
}

const REPO_PATH = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/

/*
 * The shapes the pulls and issues routes answer with, cut from GitHub's own OpenAPI description
 * (@octokit/openapi-types) with Pick<>, so the compiler checks every field's name and type: a
 * field these types do not pick, GitHub sends and the sandbox leaves out (node_id, the *_url
 * templates, assignees, milestone, reactions, head.repo's other fields, ...).
 */
type Schemas = components['schemas']
type PullSchema = Schemas['pull-request-simple']
/** Compiles only when T is assignable to U. */
type Fits<T extends U, U> = T

/** Filled: login, type ('Bot' or 'User'). */
export type SandboxUser = Pick<Schemas['simple-user'], 'login' | 'type'>

/**
 * Filled: id, name, color, default: the fields GET /issues/{n}/labels answers with. It fits both
 * the label items of an issue and those of a pull request.
 */
export type SandboxLabel = Fits<
  Fits<
    Pick<Schemas['label'], 'id' | 'name' | 'color' | 'default'>,
    Schemas['issue']['labels'][number]
  >,
  Pick<PullSchema['labels'][number], 'id' | 'name' | 'color' | 'default'>
>

/**
 * An item of GET /repos/{owner}/{repo}/pulls. Filled: id, number, state, locked (false), title,
 * body, html_url, url, issue_url, draft (false), created_at, updated_at, closed_at, merged_at
 * (null), user {login, type}, labels (live: the same store as GET /issues/{n}/labels), head
 * {label, ref, sha, repo {full_name}}, base {label, ref, sha, repo {full_name}}.
 */
export type SandboxPullRequest = Pick<
  PullSchema,
  | 'id'
  | 'number'
  | 'state'
  | 'locked'
  | 'title'
  | 'body'
  | 'html_url'
  | 'url'
  | 'issue_url'
  | 'draft'
  | 'created_at'
  | 'updated_at'
  | 'closed_at'
  | 'merged_at'
> & {
  user: SandboxUser
  labels: SandboxLabel[]
  head: Pick<PullSchema['head'], 'label' | 'ref' | 'sha'> & {
    repo: Pick<Schemas['repository'], 'full_name'>
  }
  base: Pick<PullSchema['base'], 'label' | 'ref' | 'sha'> & {
    repo: Pick<Schemas['repository'], 'full_name'>
  }
}

/**
 * An issue as GET/POST/PATCH /repos/{owner}/{repo}/issues[/{number}] answer with it. Filled: id,
 * number, title, body, state, locked (false), comments (how many the sandbox holds), html_url,
 * url, created_at, updated_at, closed_at, user {login, type}, labels (live); pull_request {url,
 * html_url, diff_url, patch_url, merged_at (null)} only on the items that are pull requests.
 */
export type SandboxIssue = Pick<
  Schemas['issue'],
  | 'id'
  | 'number'
  | 'title'
  | 'body'
  | 'state'
  | 'locked'
  | 'comments'
  | 'html_url'
  | 'url'
  | 'created_at'
  | 'updated_at'
  | 'closed_at'
  | 'pull_request'
> & {
  user: SandboxUser
  labels: SandboxLabel[]
}

/**
 * A reaction on a comment as POST and GET /issues/comments/{id}/reactions answer with it. Filled:
 * id, content, created_at, user {login, type}.
 */
export type SandboxReaction = Pick<Schemas['reaction'], 'id' | 'content' | 'created_at'> & {
  user: SandboxUser
}

/** What POST /issues/comments/{id}/reactions takes. */
type ReactionRequest =
  operations['reactions/create-for-issue-comment']['requestBody']['content']['application/json']

/** GitHub's reaction contents: anything else is a 422. */
const REACTIONS: ReactionRequest['content'][] = [
  '+1',
  '-1',
  'laugh',
  'confused',
  'heart',
  'hooray',
  'rocket',
  'eyes'
]

/**
 * A comment as GET /issues/comments/{id} answers with it. Filled: id, body, html_url,
 * created_at, updated_at, author_association, user {login, type}.
 */
export type SandboxComment = Pick<
  Schemas['issue-comment'],
  'id' | 'html_url' | 'created_at' | 'updated_at' | 'author_association'
> & { body: string; user: SandboxUser }

/** An issue or a pull request: they share one numbering space per repository. */
interface StoredIssue {
  repo: string
  number: number
  id: number
  title: string
  body: string | null
  state: 'open' | 'closed'
  user: SandboxUser
  created_at: string
  updated_at: string
  closed_at: string | null
  /** Present on a pull request. */
  pull?: { head: string; sha: string; base: string; baseSha: string }
}

/** What the list routes take for state; anything else is a 422 as on GitHub. */
const LIST_STATES = ['open', 'closed', 'all']

const validationFailed = (errors: Record<string, string>[]): unknown => ({
  message: 'Validation Failed',
  errors,
  documentation_url: 'https://docs.github.com/rest'
})

/** A stable, made-up commit SHA. */
const fakeSha = (seed: string): string => createHash('sha1').update(seed).digest('hex')

export class GitHubSandbox {
  readonly requests: RecordedGitHubRequest[] = []
  readonly faults: GitHubFault[] = []
  readonly tokens = new Map<string, Identity>()
  /** "owner/repo#number" -> comments */
  readonly comments = new Map<string, Comment[]>()
  /** "owner/repo#number" -> label names */
  readonly labels = new Map<string, string[]>()
  /** "owner/repo#number" -> issue events */
  readonly events = new Map<
    string,
    {
      id: number
      event: string
      actor: { login: string }
      label?: { name: string; color: string }
    }[]
  >()
  /** comment id -> its reactions, oldest first */
  readonly reactions = new Map<number, SandboxReaction[]>()
  /** "owner/repo" -> login -> permission (admin, maintain, write, triage, read, none) */
  readonly permissions = new Map<string, Map<string, string>>()
  /** "owner/repo#number" -> an issue or a pull request (see issues(), pullRequests()) */
  private readonly threads = new Map<string, StoredIssue>()
  /** The API's base URL, path prefix included: what GITHUB_API_URL is set to. */
  url = ''
  /** Scheme, host and port, without the path prefix. */
  origin = ''
  readonly pathPrefix: string
  private nextId = 1000
  private readonly server: http.Server

  constructor(options: GitHubSandboxOptions = {}) {
    const prefix = options.pathPrefix ?? ''
    if (prefix !== '' && !/^(\/[^/?#]+)+$/.test(prefix))
      throw new Error(`pathPrefix must look like /api/v3, not ${JSON.stringify(prefix)}`)
    this.pathPrefix = prefix
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent) res.writeHead(500).end()
      })
    }, options.tls)
  }

  async start(): Promise<this> {
    this.origin = await listen(this.server)
    this.url = this.origin + this.pathPrefix
    return this
  }

  close(): Promise<void> {
    return shutDown(this.server)
  }

  /**
   * Forgets requests, faults, comments, labels and their events, pull requests and issues; keeps
   * tokens and permissions.
   */
  reset(): void {
    this.requests.length = 0
    this.faults.length = 0
    this.comments.clear()
    this.labels.clear()
    this.events.clear()
    this.threads.clear()
    this.reactions.clear()
  }

  /**
   * Registers pull request `number` (or changes the one registered: its title, author, state, and
   * labels when given). Its labels are the issue's labels: `labels` go through setLabels, with
   * their `labeled` events, and labelsOn/addLabel/removeLabel see the same ones. The author
   * (default Codertocat) is a Bot when the login ends in [bot].
   */
  openPullRequest(
    repo: string,
    number: number,
    options: {
      title?: string
      labels?: string[]
      author?: string
      state?: 'open' | 'closed'
    } = {}
  ): SandboxPullRequest {
    const key = `${repo}#${number}`
    const existing = this.threads.get(key)
    if (existing && !existing.pull) throw new Error(`${key} is an issue, not a pull request`)
    const now = new Date().toISOString()
    const login = options.author ?? existing?.user.login ?? 'Codertocat'
    const state = options.state ?? existing?.state ?? 'open'
    const thread: StoredIssue = existing ?? {
      repo,
      number,
      id: this.nextId++,
      title: `Pull request ${number}`,
      body: null,
      state,
      user: { login, type: 'User' },
      created_at: now,
      updated_at: now,
      closed_at: null,
      pull: {
        head: `branch-${number}`,
        sha: fakeSha(`${key}:head`),
        base: 'main',
        baseSha: fakeSha(`${repo}:main`)
      }
    }
    thread.title = options.title ?? thread.title
    thread.user = { login, type: login.endsWith('[bot]') ? 'Bot' : 'User' }
    this.setState(thread, state, now)
    if (existing) thread.updated_at = now
    this.threads.set(key, thread)
    if (options.labels) this.setLabels(repo, number, options.labels, login)
    return this.pullItem(thread)
  }

  /** The pull requests registered on a repository, open and closed, by number. */
  pullRequests(repo: string): SandboxPullRequest[] {
    return this.threadsOf(repo)
      .filter((t) => t.pull)
      .map((t) => this.pullItem(t))
  }

  /** The issues of a repository, open and closed, by number; not its pull requests. */
  issues(repo: string): SandboxIssue[] {
    return this.threadsOf(repo)
      .filter((t) => !t.pull)
      .map((t) => this.issueItem(t))
  }

  /**
   * Seeds an issue as `author` opened it (e.g. a person's issue that copies the action's marker),
   * numbered after every pull request and issue of the repository. Labels, when given, go through
   * setLabels as `author`.
   */
  createIssue(
    repo: string,
    issue: {
      title: string
      body: string | null
      author: { login: string; type: 'Bot' | 'User' }
      state?: 'open' | 'closed'
      labels?: string[]
    }
  ): SandboxIssue {
    const now = new Date().toISOString()
    const number = Math.max(0, ...this.threadsOf(repo).map((t) => t.number)) + 1
    const thread: StoredIssue = {
      repo,
      number,
      id: this.nextId++,
      title: issue.title,
      body: issue.body,
      state: 'open',
      user: { login: issue.author.login, type: issue.author.type },
      created_at: now,
      updated_at: now,
      closed_at: null
    }
    this.setState(thread, issue.state ?? 'open', now)
    this.threads.set(`${repo}#${number}`, thread)
    if (issue.labels) this.setLabels(repo, number, issue.labels, issue.author.login)
    return this.issueItem(thread)
  }

  private setState(thread: StoredIssue, state: 'open' | 'closed', now: string): void {
    if (state === thread.state && (state === 'open' || thread.closed_at)) return
    thread.state = state
    thread.closed_at = state === 'closed' ? now : null
  }

  private threadsOf(repo: string): StoredIssue[] {
    return [...this.threads.values()]
      .filter((t) => t.repo === repo)
      .sort((a, b) => a.number - b.number)
  }

  /** The labels on an issue as the routes answer with them, as GET /issues/{n}/labels does. */
  private labelItems(repo: string, number: number): SandboxLabel[] {
    return this.labelsOn(repo, number).map((label, i) => ({
      id: i + 1,
      name: label,
      color: 'ededed',
      default: false
    }))
  }

  private pullItem(t: StoredIssue): SandboxPullRequest {
    const pull = t.pull ?? { head: '', sha: '', base: '', baseSha: '' }
    const owner = t.repo.split('/')[0] ?? ''
    return {
      id: t.id,
      number: t.number,
      state: t.state,
      locked: false,
      title: t.title,
      body: t.body,
      html_url: `https://github.com/${t.repo}/pull/${t.number}`,
      url: `${this.url}/repos/${t.repo}/pulls/${t.number}`,
      issue_url: `${this.url}/repos/${t.repo}/issues/${t.number}`,
      draft: false,
      created_at: t.created_at,
      updated_at: t.updated_at,
      closed_at: t.closed_at,
      merged_at: null,
      user: { ...t.user },
      labels: this.labelItems(t.repo, t.number),
      head: {
        label: `${owner}:${pull.head}`,
        ref: pull.head,
        sha: pull.sha,
        repo: { full_name: t.repo }
      },
      base: {
        label: `${owner}:${pull.base}`,
        ref: pull.base,
        sha: pull.baseSha,
        repo: { full_name: t.repo }
      }
    }
  }

  private issueItem(t: StoredIssue): SandboxIssue {
    const kind = t.pull ? 'pull' : 'issues'
    const item: SandboxIssue = {
      id: t.id,
      number: t.number,
      title: t.title,
      body: t.body,
      state: t.state,
      locked: false,
      comments: this.commentsOn(t.repo, t.number).length,
      html_url: `https://github.com/${t.repo}/${kind}/${t.number}`,
      url: `${this.url}/repos/${t.repo}/issues/${t.number}`,
      created_at: t.created_at,
      updated_at: t.updated_at,
      closed_at: t.closed_at,
      user: { ...t.user },
      labels: this.labelItems(t.repo, t.number)
    }
    if (t.pull) {
      const html = `https://github.com/${t.repo}/pull/${t.number}`
      item.pull_request = {
        url: `${this.url}/repos/${t.repo}/pulls/${t.number}`,
        html_url: html,
        diff_url: `${html}.diff`,
        patch_url: `${html}.patch`,
        merged_at: null
      }
    }
    return item
  }

  /** The labels an issue has now. */
  labelsOn(repo: string, issue: number): string[] {
    return this.labels.get(`${repo}#${issue}`) ?? []
  }

  /** Adds one label as `actor` did, after the others, with its `labeled` event. */
  addLabel(repo: string, issue: number, name: string, actor = 'Codertocat'): void {
    this.labels.set(`${repo}#${issue}`, [...this.labelsOn(repo, issue), name])
    this.record(repo, issue, 'labeled', name, actor)
  }

  /** Takes a label off as `actor` did, with its `unlabeled` event. */
  removeLabel(repo: string, issue: number, name: string, actor = 'Codertocat'): void {
    const key = `${repo}#${issue}`
    this.labels.set(
      key,
      this.labelsOn(repo, issue).filter((n) => n !== name)
    )
    this.record(repo, issue, 'unlabeled', name, actor)
  }

  private record(repo: string, issue: number, event: string, name: string, actor: string): void {
    const key = `${repo}#${issue}`
    const events = this.events.get(key) ?? []
    events.push({
      id: this.nextId++,
      event,
      actor: { login: actor },
      label: { name, color: 'ededed' }
    })
    this.events.set(key, events)
  }

  /** Puts labels on an issue as `actor` did, with the `labeled` events GitHub records. */
  setLabels(repo: string, issue: number, names: string[], actor = 'Codertocat'): void {
    this.labels.set(`${repo}#${issue}`, names)
    const events = this.events.get(`${repo}#${issue}`) ?? []
    for (const name of names)
      events.push({
        id: this.nextId++,
        event: 'labeled',
        actor: { login: actor },
        label: { name, color: 'ededed' }
      })
    this.events.set(`${repo}#${issue}`, events)
  }

  /** Requests that write: comments, issues and labels created, updated or removed. */
  countWrites(): number {
    return this.requests.filter((r) => r.method !== 'GET').length
  }

  commentsOn(repo: string, issue: number): Comment[] {
    return this.comments.get(`${repo}#${issue}`) ?? []
  }

  /** Adds a comment as someone else, such as a reviewer or an unrelated bot. */
  addComment(
    repo: string,
    issue: number,
    body: string,
    user: { login: string; type: 'Bot' | 'User' },
    association = 'NONE'
  ): Comment {
    return this.create(repo, issue, body, user, association)
  }

  /** The contents of the reactions on a comment, oldest first. */
  reactionsOn(commentId: number): string[] {
    return (this.reactions.get(commentId) ?? []).map((r) => r.content)
  }

  private findComment(id: number): Comment | undefined {
    return [...this.comments.values()].flat().find((c) => c.id === id)
  }

  setPermission(repo: string, login: string, permission: string): void {
    const map = this.permissions.get(repo) ?? new Map<string, string>()
    map.set(login, permission)
    this.permissions.set(repo, map)
  }

  private create(
    repo: string,
    issue: number,
    body: string,
    user: { login: string; type: string },
    association: string
  ): Comment {
    const id = this.nextId++
    const now = new Date().toISOString()
    const comment: Comment = {
      id,
      body,
      user,
      author_association: association,
      html_url: `https://github.com/${repo}/pull/${issue}#issuecomment-${id}`,
      created_at: now,
      updated_at: now
    }
    const list = this.comments.get(`${repo}#${issue}`) ?? []
    list.push(comment)
    this.comments.set(`${repo}#${issue}`, list)
    return comment
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const raw = Buffer.concat(chunks).toString('utf8')
    const url = new URL(req.url ?? '/', 'http://sandbox')
    const auth = req.headers.authorization
    const token = auth?.replace(/^(token|Bearer) /i, '')
    const record: RecordedGitHubRequest = {
      method: req.method ?? '',
      path: url.pathname,
      host: req.headers.host,
      query: Object.fromEntries(url.searchParams),
      token,
      body: raw ? (JSON.parse(raw) as unknown) : undefined,
      status: 0
    }
    this.requests.push(record)
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      record.status = status
      res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers })
      res.end(body === undefined ? '' : JSON.stringify(body))
    }
    const prefix = this.pathPrefix
    if (prefix && record.path !== prefix && !record.path.startsWith(`${prefix}/`))
      return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' })
    /** The route, without the prefix. */
    const path = record.path.slice(prefix.length) || '/'

    const fault = this.faults.find(
      (f) =>
        f.times > 0 &&
        (!f.method || f.method === record.method) &&
        (!f.path || record.path.includes(f.path))
    )
    if (fault) {
      fault.times--
      if (fault.hang) return
      return send(fault.status, fault.body ?? { message: 'Server Error' }, fault.headers)
    }

    const identity = token ? this.tokens.get(token) : undefined
    if (!identity)
      return send(401, {
        message: 'Bad credentials',
        documentation_url: 'https://docs.github.com/rest'
      })
    if (record.method === 'GET' && path === '/user') {
      if (identity.type === 'Bot')
        return send(403, { message: 'Resource not accessible by integration' })
      return send(200, { login: identity.login, type: identity.type })
    }

    const match = REPO_PATH.exec(path)
    if (!match) return send(404, { message: 'Not Found' })
    const [, owner, name, rest] = match as unknown as [string, string, string, string]
    const repo = `${owner}/${name}`
    const writes = record.method !== 'GET'
    if (writes && !identity.canWrite) {
      return send(403, {
        message: 'Resource not accessible by integration',
        documentation_url: 'https://docs.github.com/rest'
      })
    }

    let m: RegExpExecArray | null
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = Number(m[1])
      if (record.method === 'GET') return this.page(record, send, this.commentsOn(repo, issue))
      if (record.method === 'POST') {
        const body = (record.body as { body?: unknown })?.body
        if (typeof body !== 'string' || body.length > 65536) {
          return send(422, {
            message: 'Validation Failed',
            errors: [
              {
                resource: 'IssueComment',
                code: 'custom',
                field: 'body',
                message: 'body is too long (maximum is 65536 characters)'
              }
            ]
          })
        }
        return send(
          201,
          this.create(
            repo,
            issue,
            body,
            { login: identity.login, type: identity.type },
            identity.type === 'Bot' ? 'NONE' : 'MEMBER'
          )
        )
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && record.method === 'GET') {
      const comment = this.findComment(Number(m[1]))
      if (!comment) return send(404, { message: 'Not Found' })
      const item: SandboxComment = {
        id: comment.id,
        body: comment.body,
        html_url: comment.html_url,
        created_at: comment.created_at,
        updated_at: comment.updated_at,
        author_association: comment.author_association as SandboxComment['author_association'],
        user: { login: comment.user.login, type: comment.user.type }
      }
      return send(200, item)
    }
    if ((m = /^\/issues\/comments\/(\d+)\/reactions$/.exec(rest))) {
      const id = Number(m[1])
      if (!this.findComment(id)) return send(404, { message: 'Not Found' })
      const list = this.reactions.get(id) ?? []
      if (record.method === 'GET') return this.page(record, send, list)
      if (record.method === 'POST') {
        const content = (record.body as Partial<ReactionRequest> | undefined)?.content
        if (!content || !REACTIONS.includes(content))
          return send(
            422,
            validationFailed([{ resource: 'Reaction', code: 'invalid', field: 'content' }])
          )
        const had = list.find((r) => r.content === content && r.user.login === identity.login)
        if (had) return send(200, had)
        const reaction: SandboxReaction = {
          id: this.nextId++,
          content,
          created_at: new Date().toISOString(),
          user: { login: identity.login, type: identity.type }
        }
        this.reactions.set(id, [...list, reaction])
        return send(201, reaction)
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(rest)) && record.method === 'PATCH') {
      const id = Number(m[1])
      const comment = [...this.comments.values()].flat().find((c) => c.id === id)
      if (!comment) return send(404, { message: 'Not Found' })
      const body = (record.body as { body?: unknown })?.body
      if (typeof body !== 'string' || body.length > 65536)
        return send(422, { message: 'Validation Failed' })
      comment.body = body
      comment.updated_at = new Date().toISOString()
      return send(200, comment)
    }
    if ((m = /^\/issues\/(\d+)\/labels$/.exec(rest)) && record.method === 'GET') {
      const names = this.labels.get(`${repo}#${Number(m[1])}`) ?? []
      return this.page(
        record,
        send,
        names.map((label, i) => ({ id: i + 1, name: label, color: 'ededed', default: false }))
      )
    }
    if ((m = /^\/issues\/(\d+)\/labels\/(.+)$/.exec(rest)) && record.method === 'DELETE') {
      const issue = Number(m[1])
      const label = decodeURIComponent(m[2] as string)
      if (!this.labelsOn(repo, issue).includes(label))
        return send(404, { message: 'Label does not exist' })
      this.removeLabel(repo, issue, label, identity.login)
      return send(
        200,
        this.labelsOn(repo, issue).map((n, i) => ({ id: i + 1, name: n, color: 'ededed' }))
      )
    }
    if (rest === '/pulls' && record.method === 'GET') {
      const state = record.query.state ?? 'open'
      if (!LIST_STATES.includes(state))
        return send(
          422,
          validationFailed([{ resource: 'PullRequest', code: 'invalid', field: 'state' }])
        )
      const items = this.threadsOf(repo)
        .filter((t) => t.pull && (state === 'all' || t.state === state))
        .reverse()
        .map((t) => this.pullItem(t))
      return this.page(record, send, items)
    }
    if (rest === '/issues' && record.method === 'GET') {
      const state = record.query.state ?? 'open'
      if (!LIST_STATES.includes(state))
        return send(422, validationFailed([{ resource: 'Issue', code: 'invalid', field: 'state' }]))
      const creator = record.query.creator?.toLowerCase()
      const items = this.threadsOf(repo)
        .filter(
          (t) =>
            (state === 'all' || t.state === state) &&
            (creator === undefined || t.user.login.toLowerCase() === creator)
        )
        .reverse()
        .map((t) => this.issueItem(t))
      return this.page(record, send, items)
    }
    if (rest === '/issues' && record.method === 'POST') {
      const input = (record.body ?? {}) as { title?: unknown; body?: unknown; labels?: unknown }
      const invalid = this.invalidIssueFields(input, true)
      if (invalid) return send(422, invalid)
      const labels = input.labels as string[] | undefined
      const created = this.createIssue(repo, {
        title: input.title as string,
        body: (input.body as string | null | undefined) ?? null,
        author: { login: identity.login, type: identity.type },
        ...(labels ? { labels } : {})
      })
      return send(201, created)
    }
    if ((m = /^\/issues\/(\d+)$/.exec(rest)) && ['GET', 'PATCH'].includes(record.method)) {
      const thread = this.threads.get(`${repo}#${Number(m[1])}`)
      if (!thread)
        return send(404, {
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest'
        })
      if (record.method === 'PATCH') {
        const input = (record.body ?? {}) as { title?: unknown; body?: unknown; state?: unknown }
        const invalid = this.invalidIssueFields(input, false)
        if (invalid) return send(422, invalid)
        const now = new Date().toISOString()
        if (input.title !== undefined) thread.title = input.title as string
        if (input.body !== undefined) thread.body = input.body as string | null
        if (input.state !== undefined) this.setState(thread, input.state as 'open' | 'closed', now)
        thread.updated_at = now
      }
      return send(200, this.issueItem(thread))
    }
    if ((m = /^\/issues\/(\d+)\/events$/.exec(rest)) && record.method === 'GET') {
      return this.page(record, send, this.events.get(`${repo}#${Number(m[1])}`) ?? [])
    }
    if ((m = /^\/collaborators\/([^/]+)\/permission$/.exec(rest)) && record.method === 'GET') {
      const login = decodeURIComponent(m[1] as string)
      const permission = this.permissions.get(repo)?.get(login)
      if (!permission) return send(404, { message: `${login} is not a user` })
      const roleName = permission
      const legacy =
        permission === 'maintain' ? 'write' : permission === 'triage' ? 'read' : permission
      return send(200, { permission: legacy, role_name: roleName, user: { login } })
    }
    return send(404, { message: 'Not Found' })
  }

  /**
   * What is wrong with an issue's fields as POST (`creating`: a title is required) or PATCH
   * /issues sends them, as GitHub's 422 answers it; undefined when nothing is.
   */
  private invalidIssueFields(
    input: { title?: unknown; body?: unknown; state?: unknown; labels?: unknown },
    creating: boolean
  ): unknown {
    const errors: Record<string, string>[] = []
    const { title } = input
    if (title === undefined ? creating : typeof title !== 'string' || title === '')
      errors.push({ resource: 'Issue', code: 'missing_field', field: 'title' })
    if (input.body !== undefined && input.body !== null) {
      if (typeof input.body !== 'string')
        errors.push({ resource: 'Issue', code: 'invalid', field: 'body' })
      else if (input.body.length > 65536)
        errors.push({
          resource: 'Issue',
          code: 'custom',
          field: 'body',
          message: 'body is too long (maximum is 65536 characters)'
        })
    }
    if (input.state !== undefined && input.state !== 'open' && input.state !== 'closed')
      errors.push({ resource: 'Issue', code: 'invalid', field: 'state' })
    if (
      input.labels !== undefined &&
      !(Array.isArray(input.labels) && input.labels.every((l) => typeof l === 'string'))
    )
      errors.push({ resource: 'Issue', code: 'invalid', field: 'labels' })
    return errors.length ? validationFailed(errors) : undefined
  }

  /**
   * GitHub's pagination: per_page (default 30, max 100), page, and a Link header. The links name
   * the host the client asked for, so a client that came through a proxy under another name
   * follows them the same way.
   */
  private page(
    record: RecordedGitHubRequest,
    send: (status: number, body: unknown, headers?: Record<string, string>) => void,
    items: unknown[]
  ): void {
    const perPage = Math.min(100, Number(record.query.per_page ?? 30) || 30)
    const page = Math.max(1, Number(record.query.page ?? 1) || 1)
    const last = Math.max(1, Math.ceil(items.length / perPage))
    const links: string[] = []
    const origin = record.host ? `${new URL(this.origin).protocol}//${record.host}` : this.origin
    const link = (p: number, rel: string): string => {
      const query = new URLSearchParams({
        ...record.query,
        per_page: String(perPage),
        page: String(p)
      })
      return `<${origin}${record.path}?${query.toString()}>; rel="${rel}"`
    }
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'))
    if (page > 1) links.push(link(1, 'first'), link(page - 1, 'prev'))
    send(
      200,
      items.slice((page - 1) * perPage, page * perPage),
      links.length ? { Link: links.join(', ') } : {}
    )
  }
}

export async function startGitHubSandbox(
  options: GitHubSandboxOptions = {}
): Promise<GitHubSandbox> {
  return new GitHubSandbox(options).start()
}

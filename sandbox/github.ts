/**
 * An in-memory GitHub REST API for the endpoints the action uses: issue comments (paginated, with
 * Link headers), labels on an issue, a collaborator's permission and the authenticated user. It
 * records every request, knows which tokens may write, and can inject faults. It can serve HTTPS
 * (`tls`) and, as GitHub Enterprise Server does, serve the API under a path prefix such as
 * `/api/v3` (`pathPrefix`), answering 404 to any request without it.
 *
 * Plain erasable TypeScript: Node 24 runs it directly.
 */
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
}

const REPO_PATH = /^\/repos\/([^/]+)\/([^/]+)(\/.*)$/

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
  /** "owner/repo" -> login -> permission (admin, maintain, write, triage, read, none) */
  readonly permissions = new Map<string, Map<string, string>>()
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

  /** Forgets requests, faults, comments, labels and their events; keeps tokens and permissions. */
  reset(): void {
    this.requests.length = 0
    this.faults.length = 0
    this.comments.clear()
    this.labels.clear()
    this.events.clear()
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

  /** Requests that write: comments created or updated. */
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

/**
 * The run's connection to GitHub, opened on first use: Octokit and its plugins are loaded only by
 * runs that talk to GitHub. The report comment is looked for early, so that the lookup overlaps
 * LaunchDarkly's work, and written at the end.
 */
import type { Labeling, Octokit, Reaction, Repository, RequestLimits } from './octokit.js'
import { permissionFrom, type Permission } from './permission.js'
import type { CommentResult } from './comment.js'
import type { Section } from './dashboard.js'
import type { ListedComment } from './payloads.js'

interface Loaded {
  octokit: Octokit
  client: typeof import('./octokit.js')
  comment: typeof import('./comment.js')
}

export type DashboardSections = Partial<Record<Section, string>>

/** Which comment: the PR, and the key its hidden marker carries. */
export interface CommentTarget {
  pullRequest: number
  key: string
}

/** The comment's content: rendered to fit, and a footer kept out of its digest. */
export interface CommentBody {
  render: (maxLength: number) => string
  footer: string
}

export interface PendingComment {
  target: CommentTarget
  lookup: Promise<Lookup>
}

type Lookup = { ok: true; existing: ListedComment | undefined } | { ok: false; error: unknown }

export class GitHubSession {
  private loaded: Promise<Loaded> | undefined

  constructor(
    private readonly options: {
      token: string
      apiUrl: string
      repository: Repository | undefined
      warn: (message: string) => void
      /** request-timeout, max-attempts and max-retry-wait, as LaunchDarkly's requests keep them. */
      limits: RequestLimits
      /** The retry plugin's first wait; tests shorten it. */
      retryBaseMs?: number
    }
  ) {}

  private get token(): string {
    return this.options.token
  }

  private get warn(): (message: string) => void {
    return this.options.warn
  }

  private load(): Promise<Loaded> {
    this.loaded ??= (async () => {
      const [client, comment] = await Promise.all([import('./octokit.js'), import('./comment.js')])
      const octokit = client.createOctokit({
        token: this.token,
        baseUrl: this.options.apiUrl,
        warn: this.warn,
        ...this.options.limits,
        retryBaseMs: this.options.retryBaseMs
      })
      return { octokit, client, comment }
    })()
    return this.loaded
  }

  private repository(): Repository {
    if (!this.options.repository) throw new Error('GITHUB_REPOSITORY is not set to owner/repo')
    return this.options.repository
  }

  /** The PR's labels now, read live. Throws one sentence when GitHub cannot say. */
  async labels(pullRequestNumber: number): Promise<string[]> {
    const { octokit, client } = await this.load()
    try {
      return await client.listLabels(octokit, this.repository(), pullRequestNumber)
    } catch (error) {
      throw new Error(
        couldNot(client, `read the labels of pull request #${pullRequestNumber}`, error, {
          denied: '; the token needs pull-requests: read'
        }),
        { cause: error }
      )
    }
  }

  /** A user's permission on the repository. Throws one sentence when GitHub cannot say. */
  async permissionOf(login: string): Promise<Permission> {
    const { octokit, client } = await this.load()
    try {
      return permissionFrom(await client.permissionOf(octokit, this.repository(), login))
    } catch (error) {
      const later = client.retryLater(error)
      throw new Error(
        later
          ? `GitHub asked to wait until ${later.until} (${later.limit}); run again after that`
          : `GitHub answered ${client.describeGitHubError(error)}`,
        { cause: error }
      )
    }
  }

  /** When and by whom each of the PR's labels was added. Throws one sentence on failure. */
  async labelings(pullRequestNumber: number): Promise<Map<string, Labeling>> {
    const { octokit, client } = await this.load()
    try {
      return await client.labelings(octokit, this.repository(), pullRequestNumber)
    } catch (error) {
      throw new Error(
        couldNot(
          client,
          `read the events of pull request #${pullRequestNumber} to see who added its labels`,
          error,
          { denied: '; the token needs issues: read' }
        ),
        { cause: error }
      )
    }
  }

  /** Every open pull request with its labels. Throws one sentence on failure. */
  async openPullRequests(): Promise<{ number: number; labels: string[] }[]> {
    const { octokit, client } = await this.load()
    try {
      return await client.openPullRequests(octokit, this.repository())
    } catch (error) {
      throw new Error(
        couldNot(client, 'list the open pull requests', error, {
          denied: '; the token needs pull-requests: read'
        }),
        { cause: error }
      )
    }
  }

  /** The number of the open dashboard issue of this key, if any. Throws one sentence on failure. */
  async dashboardNumber(key: string): Promise<number | undefined> {
    const { octokit, client, comment } = await this.load()
    const dashboard = await import('./dashboard.js')
    try {
      const author = await comment.authorOf(octokit, this.token)
      const existing = await dashboard.findDashboard(octokit, {
        where: this.repository(),
        marker: dashboard.dashboardMarker(key),
        author
      })
      return existing?.number
    } catch (error) {
      throw new Error(
        couldNot(client, 'read the dashboard issue', error, {
          denied: '; the token needs issues: read'
        }),
        { cause: error }
      )
    }
  }

  /**
   * Rewrites this run's sections of the dashboard issue (found by its key), keeping the others.
   * An issue that cannot be written is a warning: the report is in the job summary.
   */
  async writeDashboard(
    key: string,
    sections: DashboardSections,
    footer: string
  ): Promise<CommentResult | undefined> {
    const { octokit, client, comment } = await this.load()
    const dashboard = await import('./dashboard.js')
    try {
      const author = await comment.authorOf(octokit, this.token)
      const marker = dashboard.dashboardMarker(key)
      const existing = await dashboard.findDashboard(octokit, {
        where: this.repository(),
        marker,
        author
      })
      const content = dashboard.dashboardContent(sections, existing?.body)
      return await dashboard.writeDashboard(
        octokit,
        this.repository(),
        existing,
        marker,
        content,
        footer
      )
    } catch (error) {
      this.warn(
        couldNot(client, 'write the dashboard issue', error, {
          denied: '; the token needs issues: write',
          reportInSummary: true
        })
      )
      return undefined
    }
  }

  /** Takes a label off the PR. Throws one sentence on failure. */
  async removeLabel(pullRequestNumber: number, name: string): Promise<void> {
    const { octokit, client } = await this.load()
    try {
      await client.removeLabel(octokit, this.repository(), pullRequestNumber, name)
    } catch (error) {
      throw new Error(
        couldNot(
          client,
          `remove the label ${JSON.stringify(name)} from pull request #${pullRequestNumber}`,
          error,
          { denied: '; the token needs pull-requests: write' }
        ),
        { cause: error }
      )
    }
  }

  /** A comment's body now; undefined when it was deleted. Throws one sentence on failure. */
  async commentBody(commentId: number): Promise<string | undefined> {
    const { octokit, client } = await this.load()
    try {
      return await client.commentBody(octokit, this.repository(), commentId)
    } catch (error) {
      throw new Error(
        couldNot(client, `read comment ${commentId}`, error, {
          denied: '; the token needs issues: read or pull-requests: read'
        }),
        { cause: error }
      )
    }
  }

  /**
   * Puts a reaction on a comment (a slash command's): a reaction that cannot be put is a
   * warning, never a failure. Never rejects.
   */
  async react(commentId: number, content: Reaction): Promise<void> {
    if (!this.token) return
    try {
      const { octokit, client } = await this.load()
      try {
        await client.reactToComment(octokit, this.repository(), commentId, content)
      } catch (error) {
        this.warn(
          couldNot(client, `react with ${content} to comment ${commentId}`, error, {
            denied: '; the token needs issues: write and pull-requests: write'
          })
        )
      }
    } catch (error) {
      this.warn(
        `Could not react with ${content} to comment ${commentId} (${(error as Error).message}).`
      )
    }
  }

  /**
   * Starts looking for a PR's report comment, so that the search overlaps other work; the
   * returned handle is what `writeComment` takes. Never rejects.
   */
  findComment(target: CommentTarget): PendingComment {
    const lookup = (async (): Promise<Lookup> => {
      if (!this.token) return { ok: false, error: new Error('no github-token') }
      try {
        const { octokit, comment } = await this.load()
        const author = await comment.authorOf(octokit, this.token)
        const existing = await comment.findComment(
          octokit,
          this.repository(),
          target.pullRequest,
          comment.markerFor(target.key),
          author
        )
        return { ok: true, existing }
      } catch (error) {
        return { ok: false, error }
      }
    })()
    return { target, lookup }
  }

  /**
   * Creates or updates the PR's report comment. A comment that cannot be written is a warning,
   * never a failure: the LaunchDarkly work is done and the job summary has the report.
   */
  async writeComment(
    pending: PendingComment,
    body: CommentBody
  ): Promise<CommentResult | undefined> {
    if (!this.token) {
      this.warn('No github-token, so no PR comment; the report is in the job summary.')
      return undefined
    }
    const lookup = await pending.lookup
    const { octokit, client, comment } = await this.load()
    try {
      if (!lookup.ok) throw lookup.error
      const marker = comment.markerFor(pending.target.key)
      const room = comment.MAX_COMMENT_LENGTH - marker.length - body.footer.length - 100
      return await comment.writeComment(
        octokit,
        this.repository(),
        pending.target.pullRequest,
        lookup.existing,
        comment.composeBody(marker, body.render(room), body.footer)
      )
    } catch (error) {
      this.warn(
        couldNot(client, 'write the PR comment', error, {
          denied:
            '. The token cannot write here: give the job pull-requests: write (on fork pull requests, pull_request tokens are read-only; see the README).',
          reportInSummary: true
        })
      )
      return undefined
    }
  }
}

/**
 * What could not be done on GitHub, and why. A rate limit GitHub asked to wait out and the
 * request could not (longer than max-retry-wait, or no attempt left): one sentence with the time
 * to run again. Else what GitHub answered, then
 * `denied` (the permission to give the token) when GitHub says the token may not.
 */
function couldNot(
  client: Loaded['client'],
  what: string,
  error: unknown,
  hints: { denied: string; reportInSummary?: boolean }
): string {
  const later = client.retryLater(error)
  if (later) {
    const report = hints.reportInSummary ? '; the report is in the job summary' : ''
    return `Could not ${what}: GitHub asked to wait until ${later.until} (${later.limit}); run again after that${report}.`
  }
  const denied = client.isPermissionDenied(error) ? hints.denied : ''
  const sentence = `Could not ${what} (${client.describeGitHubError(error)})${denied}`
  const end = sentence.endsWith('.') ? '' : '.'
  return `${sentence}${end}${hints.reportInSummary ? ' The report is in the job summary.' : ''}`
}

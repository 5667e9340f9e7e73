/**
 * The run's connection to GitHub, opened on first use: Octokit and its plugins are loaded only by
 * runs that talk to GitHub. The report comment is looked for early, so that the lookup overlaps
 * LaunchDarkly's work, and written at the end.
 */
import { permissionFrom, type Permission } from '../permission.js'
import { footer, renderMarkdown, type Report } from '../report.js'
import { TITLE } from '../version.js'
import type { Octokit, Repository } from './client.js'
import type { CommentResult } from './comment.js'
import type { ListedComment } from './schemas.js'

interface Loaded {
  octokit: Octokit
  client: typeof import('./client.js')
  comment: typeof import('./comment.js')
}

/** Tests shorten the retry plugin's backoff with this variable; users have no need to. */
export const GITHUB_RETRY_BASE_VARIABLE = 'EXPIRING_TARGETS_GITHUB_RETRY_BASE_MS'

type Lookup = { ok: true; existing: ListedComment | undefined } | { ok: false; error: unknown }

export class GitHubSession {
  private loaded: Promise<Loaded> | undefined
  private readonly lookups = new Map<string, Promise<Lookup>>()

  constructor(
    private readonly token: string,
    private readonly warn: (message: string) => void,
    private readonly env: NodeJS.ProcessEnv = process.env
  ) {}

  private load(): Promise<Loaded> {
    this.loaded ??= (async () => {
      const [client, comment] = await Promise.all([import('./client.js'), import('./comment.js')])
      const retryBase = Number(this.env[GITHUB_RETRY_BASE_VARIABLE])
      const octokit = client.createOctokit({
        token: this.token,
        baseUrl: this.env.GITHUB_API_URL || 'https://api.github.com',
        warn: this.warn,
        retryBaseMs: Number.isFinite(retryBase) && retryBase > 0 ? retryBase : undefined
      })
      return { octokit, client, comment }
    })()
    return this.loaded
  }

  private repository(): Repository {
    const [owner, repo, extra] = (this.env.GITHUB_REPOSITORY ?? '').split('/')
    if (!owner || !repo || extra !== undefined)
      throw new Error('GITHUB_REPOSITORY is not set to owner/repo')
    return { owner, repo }
  }

  /** The PR's labels now, read live. Throws one sentence when GitHub cannot say. */
  async labels(pullRequestNumber: number): Promise<string[]> {
    const { octokit, client } = await this.load()
    try {
      return await client.listLabels(octokit, this.repository(), pullRequestNumber)
    } catch (error) {
      throw new Error(
        `Could not read the labels of pull request #${pullRequestNumber} (${client.describeGitHubError(error)}); the token needs pull-requests: read.`,
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
      throw new Error(`GitHub answered ${client.describeGitHubError(error)}`, { cause: error })
    }
  }

  /** Who added each of the PR's labels, from its events. Throws one sentence on failure. */
  async labelActors(pullRequestNumber: number): Promise<Map<string, string>> {
    const { octokit, client } = await this.load()
    try {
      return await client.labelActors(octokit, this.repository(), pullRequestNumber)
    } catch (error) {
      throw new Error(
        `Could not read the events of pull request #${pullRequestNumber} to see who added its labels (${client.describeGitHubError(error)}); the token needs issues: read.`,
        { cause: error }
      )
    }
  }

  /** Starts looking for the PR's report comment (once per PR and key); never rejects. */
  findComment(pullRequestNumber: number, key: string): Promise<Lookup> {
    const id = `${pullRequestNumber} ${key}`
    let lookup = this.lookups.get(id)
    if (!lookup) {
      lookup = (async (): Promise<Lookup> => {
        try {
          const { octokit, comment } = await this.load()
          const author = await comment.authorOf(octokit, this.token)
          const existing = await comment.findComment(
            octokit,
            this.repository(),
            pullRequestNumber,
            comment.markerFor(key),
            author
          )
          return { ok: true, existing }
        } catch (error) {
          return { ok: false, error }
        }
      })()
      this.lookups.set(id, lookup)
    }
    return lookup
  }

  /**
   * Creates or updates the PR's report comment. A comment that cannot be written is a warning,
   * never a failure: the LaunchDarkly work is done and the job summary has the report.
   */
  async comment(
    pullRequestNumber: number,
    key: string,
    report: Report
  ): Promise<CommentResult | undefined> {
    if (!this.token) {
      this.warn('No github-token, so no PR comment; the report is in the job summary.')
      return undefined
    }
    const lookup = await this.findComment(pullRequestNumber, key)
    const { octokit, client, comment } = await this.load()
    try {
      if (!lookup.ok) throw lookup.error
      const marker = comment.markerFor(key)
      const foot = footer(report)
      const room = comment.MAX_COMMENT_LENGTH - marker.length - foot.length - 100
      const content = renderMarkdown(report, {
        title: TITLE,
        maxLength: room,
        overflowHint: 'the job summary of the workflow run has every row'
      })
      const body = comment.composeBody(marker, content, foot)
      return await comment.writeComment(
        octokit,
        this.repository(),
        pullRequestNumber,
        lookup.existing,
        body
      )
    } catch (error) {
      const detail = client.describeGitHubError(error)
      const hint = /not accessible by integration|403/.test(detail)
        ? ' The token cannot write here: give the job pull-requests: write (on fork pull requests, pull_request tokens are read-only; see the README).'
        : ''
      this.warn(
        `Could not write the PR comment (${detail}).${hint} The report is in the job summary.`
      )
      return undefined
    }
  }
}

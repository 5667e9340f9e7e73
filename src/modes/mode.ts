/** What every mode is given and gives back, and the options they share. */
import type { RunContext } from '../run/context.js'
import { CONCURRENCY, type ApplyOptions } from '../engine/execute.js'
import type {
  CommentTarget,
  DashboardSections,
  GitHubSession,
  PendingComment
} from '../github/session.js'
import type { LaunchDarklyClient } from '../launchdarkly/client.js'
import { flagRef, segmentRef, type ContainerRef } from '../launchdarkly/container.js'
import type { Endpoint } from '../launchdarkly/resources.js'
import * as log from '../core/logger.js'
import type { Report } from '../report/model.js'
import type { Entry, Scope } from '../core/entry.js'
import type { Gate } from '../sources/gate.js'
import { readTargetsFile, type TargetsFileRead } from '../sources/targets-file.js'
import { USER_KIND } from '../core/target.js'
import type { Settings } from '../run/settings.js'
import type { Trigger } from '../run/trigger.js'

export interface ModeInput {
  context: RunContext
  settings: Settings
  trigger: Trigger
  github: GitHubSession
  launchDarkly: LaunchDarklyClient
  /** The comment this run writes, if any; its search starts once there are entries. */
  commentTarget: CommentTarget | undefined
}

export interface ModeResult {
  report: Report
  comment: PendingComment | undefined
  /** Reports for other PRs' comments, each brought up to date (reconcile). */
  pullRequests?: { pullRequest: number; report: Report }[]
  /** The dashboard sections this run rewrites (digest and reconcile with `dashboard: true`). */
  dashboard?: DashboardSections
}

/** The targets file of this run's settings, read and parsed (undefined without one). */
export function readRunTargetsFile(
  { context, settings }: ModeInput,
  now: number
): Promise<TargetsFileRead | undefined> {
  return readTargetsFile(
    {
      path: settings.targetsFile,
      eventName: context.event.name,
      workspace: context.workspace,
      timeZone: settings.timeZone,
      environmentKeys: settings.environmentKeys,
      flagKeys: settings.flagKeys,
      segmentKeys: settings.segmentKeys
    },
    now
  )
}

/** The options every mode plans and sends with. */
export function applyOptions(
  { context, settings }: ModeInput,
  endpoint: Endpoint,
  now: number,
  concurrency = CONCURRENCY
): ApplyOptions {
  return {
    endpoint,
    variation: settings.variation,
    now,
    dryRun: settings.dryRun,
    comment: auditComment(context),
    maxWriteAttempts: settings.maxAttempts,
    batchSize: settings.batchSize,
    concurrency,
    warn: (message) => log.warning(message)
  }
}

/** `required-permission`, checked against GitHub for each label's sender. */
export function gateOf({
  context,
  settings,
  github
}: Pick<ModeInput, 'context' | 'settings' | 'github'>): Gate {
  return {
    required: settings.requiredPermission,
    repository: context.repositoryName,
    permissionOf: (login) => github.permissionOf(login)
  }
}

/** Every flag and every segment of a scope, in every environment of it. */
export function pairsOf(projectKey: string, scope: Scope | undefined): ContainerRef[] {
  if (!scope) return []
  const { environmentKeys } = scope
  return [
    ...scope.flagKeys.flatMap((key) => environmentKeys.map((e) => flagRef(projectKey, key, e))),
    ...(scope.segmentKeys ?? []).flatMap((key) =>
      environmentKeys.map((e) => segmentRef(projectKey, key, e))
    )
  ]
}

/**
 * The contexts endpoint when context-kind is set or an entry names a context of another kind;
 * else the user endpoint, as in v1.
 */
export function endpointOf(contextKind: string | undefined, entries: Entry[] = []): Endpoint {
  if (contextKind !== undefined) return 'contexts'
  return entries.some((e) => e.target.kind !== USER_KIND) ? 'contexts' : 'users'
}

/** What LaunchDarkly's audit log says about why the change was made. */
export function auditComment({ pullRequest, repository, runUrl }: RunContext): string {
  const parts = ['Scheduled by the LaunchDarkly Expiring Targets GitHub Action']
  if (pullRequest && repository) {
    parts.push(
      `for ${repository.owner}/${repository.repo}#${pullRequest.number}${pullRequest.url ? ` (${pullRequest.url})` : ''}`
    )
  }
  if (runUrl) parts.push(`in workflow run ${runUrl}`)
  return parts.join(' ')
}

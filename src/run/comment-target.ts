import type { CommentTarget } from '../github/session.js'
import type { RunContext } from './context.js'
import type { ReportingSettings } from './settings.js'

/** Which comment a run writes: one per PR (or issue, for a command comment), and per project, environment and flags. */
export function commentTargetOf(
  settings: Pick<ReportingSettings, 'comment' | 'prNumber' | 'commentKey'>,
  context: Pick<RunContext, 'pullRequest' | 'issueComment'>
): CommentTarget | undefined {
  // A command comment is answered on its own issue or pull request, whatever pr-number says.
  const pullRequest =
    context.issueComment?.issueNumber ?? settings.prNumber ?? context.pullRequest?.number
  if (!settings.comment || pullRequest === undefined) return undefined
  return { pullRequest, key: settings.commentKey }
}

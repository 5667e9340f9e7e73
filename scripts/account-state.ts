/**
 * The account of the scheduled modes' demo, shared by `npm run demo` and
 * scripts/render-comment.ts (the dashboard picture): two flags in two environments, removals
 * due soon and later, users nobody gave a removal, and an open PR whose label never ran.
 * Times are relative to now, so that something is always due within the week.
 */
import {
  BOOLEAN_VARIATIONS,
  PROJECT,
  REPOSITORY,
  flagWithTargets,
  type Sandboxes
} from '../sandbox/fixtures.ts'
import type { RunOptions } from '../sandbox/runner.ts'

const DAY = 86_400_000
const PR = 2

/** 00:00 UTC, `days` from today, as the label's date. */
function dateIn(days: number): string {
  return new Date(Date.now() + days * DAY).toISOString().slice(0, 10)
}

export function seedAccount(sandboxes: Sandboxes): void {
  const { launchDarkly, github } = sandboxes
  sandboxes.reset()
  const [enabled] = BOOLEAN_VARIATIONS.map((v) => v._id) as [string]
  const people = ['sandy', 'bob', 'carol', 'qa-bot', 'breakglass']
  launchDarkly.addFlag(PROJECT, flagWithTargets('checkout', people))
  launchDarkly.addFlag(PROJECT, flagWithTargets('new-search', ['bob', 'carol', 'erin']))
  const at = (days: number, hour: number): number =>
    Date.parse(`${dateIn(days)}T${String(hour).padStart(2, '0')}:00:00Z`)
  launchDarkly.schedule(PROJECT, 'checkout', 'production', 'bob', enabled, at(2, 9))
  launchDarkly.schedule(PROJECT, 'new-search', 'staging', 'carol', enabled, at(5, 17))
  launchDarkly.schedule(PROJECT, 'new-search', 'production', 'bob', enabled, at(1, 12))
  launchDarkly.schedule(PROJECT, 'checkout', 'staging', 'carol', enabled, at(30, 0))
  // A reviewer labelled PR #2, but the label event's run never happened.
  github.openPullRequest(REPOSITORY, PR, { labels: [`expire-user:sandy@${dateIn(4)}`] })
}

const common = {
  eventName: 'schedule',
  payload: { schedule: '0 6 * * *' },
  inputs: {
    'environment-key': 'production, staging',
    'flag-key': 'checkout, new-search',
    dashboard: 'true'
  }
}

export const reconcileRun: Partial<RunOptions> = {
  ...common,
  // Only checkout targets sandy: the label applies there.
  inputs: { ...common.inputs, mode: 'reconcile', 'flag-key': 'checkout' }
}

export const digestRun: Partial<RunOptions> = {
  ...common,
  inputs: { ...common.inputs, mode: 'digest', timezone: 'Europe/Berlin' }
}

export const sweepRun: Partial<RunOptions> = {
  ...common,
  inputs: {
    'environment-key': 'production, staging',
    'flag-key': '*',
    mode: 'sweep',
    'default-lifetime': '30d',
    exclude: 'breakglass',
    'dry-run': 'true'
  }
}

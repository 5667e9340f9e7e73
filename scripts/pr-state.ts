/**
 * The PR of the README's comment sample, shared by `npm run demo` and scripts/render-comment.ts:
 * bob's label was applied earlier, carol's label is mistyped, and a reviewer moves sandy's
 * removal by adding a later label. LaunchDarkly listens on a fixed port, so the flag links, and so
 * the comment, are the same on every run.
 */
import {
  BOOLEAN_VARIATIONS,
  ENVIRONMENT,
  PROJECT,
  REPOSITORY,
  type Sandboxes
} from '../sandbox/fixtures.ts'
import type { RunOptions } from '../sandbox/runner.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'

export const DEMO_PORT = 47610
const PR = 2

export function prStateScenario(sandboxes: Sandboxes): Partial<RunOptions> {
  const { launchDarkly, github } = sandboxes
  const [enabled] = BOOLEAN_VARIATIONS.map((v) => v._id) as [string]
  github.addLabel(REPOSITORY, PR, 'expire-user:bob@2031-01-01')
  launchDarkly.schedule(
    PROJECT,
    'checkout',
    ENVIRONMENT,
    'bob',
    enabled,
    Date.parse('2031-01-01T00:00:00+01:00')
  )
  github.addLabel(REPOSITORY, PR, 'expire-user:sandy@2030-06-10')
  launchDarkly.schedule(
    PROJECT,
    'checkout',
    ENVIRONMENT,
    'sandy',
    enabled,
    Date.parse('2030-06-10T00:00:00+02:00')
  )
  github.addLabel(REPOSITORY, PR, 'expire-user:carol@tomorrow')
  github.addLabel(REPOSITORY, PR, 'expire-user:sandy@2030-07-01')
  return {
    eventName: 'pull_request',
    payload: pullRequestPayload('labeled', 'expire-user:sandy@2030-07-01'),
    inputs: { timezone: 'Europe/Berlin' }
  }
}

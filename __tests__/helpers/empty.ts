/**
 * Between tests, sandboxes that serve a whole file are emptied: nothing a test did on them (flags,
 * segments, approvals, scheduled removals, requests, faults, violations, comments, labels,
 * reactions, tokens, permissions) is there for the next one. Starting a LaunchDarkly sandbox per
 * test would do the same, at a tenth of a second of CPU apiece for the OpenAPI schemas it compiles.
 *
 * Each sandbox's fields are listed here, each either emptied or known to hold nothing a test
 * changes: a field added to a sandbox later fails every suite at once, until it is listed, rather
 * than carry one test's state into the next.
 */
import { registerRunnerToken, REPOSITORY, seedFlags } from '../../sandbox/fixtures.ts'
import type { GitHubSandbox } from '../../sandbox/github.ts'
import type { LaunchDarklySandbox } from '../../sandbox/launchdarkly.ts'

/** Fields that keep nothing a test changes: set up once, or counters no test reads. */
const LAUNCHDARKLY_KEPT = ['url', 'options', 'contract', 'server', 'peakInFlight', 'inFlight']
const LAUNCHDARKLY_EMPTIED = ['requests', 'violations', 'faults', 'flags', 'segments', 'window']
const LAUNCHDARKLY_COUNTED = ['rateLimited']
const SEGMENTS_EMPTIED = ['options', 'segments', 'approvals', 'environments', 'created']
const GITHUB_KEPT = ['url', 'origin', 'pathPrefix', 'nextId', 'server']
/** GitHubSandbox.reset() empties these; tokens and permissions are emptied here. */
const GITHUB_EMPTIED = [
  'requests',
  'faults',
  'comments',
  'labels',
  'events',
  'reactions',
  'threads',
  'tokens',
  'permissions'
]

function expectFields(sandbox: object, name: string, known: string[]): void {
  const unknown = Object.keys(sandbox).filter((field) => !known.includes(field))
  if (unknown.length > 0) {
    throw new Error(
      `${name} has fields __tests__/helpers/empty.ts does not empty between tests: ${unknown.join(', ')}`
    )
  }
}

/**
 * Forgets everything a test did on a LaunchDarkly sandbox: its flags (private there), segments and
 * approvals, requests, faults, violations and rate-limit window; then the seeded flags again.
 */
export function emptyLaunchDarkly(sandbox: LaunchDarklySandbox): void {
  expectFields(sandbox, 'LaunchDarklySandbox', [
    ...LAUNCHDARKLY_KEPT,
    ...LAUNCHDARKLY_EMPTIED,
    ...LAUNCHDARKLY_COUNTED
  ])
  expectFields(sandbox.segments, 'SandboxSegments', SEGMENTS_EMPTIED)
  const state = sandbox as unknown as { flags: Map<string, unknown>; window: object }
  state.flags.clear()
  state.window = { start: 0, count: 0 }
  sandbox.segments.reset()
  sandbox.requests.length = 0
  sandbox.faults.length = 0
  sandbox.violations.length = 0
  sandbox.rateLimited = 0
  seedFlags(sandbox)
}

/**
 * Forgets everything a test did on a GitHub sandbox, tokens and permissions too: the runner's
 * token again, and the sender of the example webhook payloads as an admin of the repository.
 */
export function emptyGitHub(sandbox: GitHubSandbox): void {
  expectFields(sandbox, 'GitHubSandbox', [...GITHUB_KEPT, ...GITHUB_EMPTIED])
  sandbox.reset()
  sandbox.tokens.clear()
  sandbox.permissions.clear()
  registerRunnerToken(sandbox)
  sandbox.setPermission(REPOSITORY, 'Codertocat', 'admin')
}

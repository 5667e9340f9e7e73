/**
 * The flags the tests, the demo and the benchmark start from.
 */
import { startGitHubSandbox, type GitHubSandbox, type GitHubSandboxOptions } from './github.ts'
import { runAction, type ActionRun, type RunOptions } from './runner.ts'
import {
  startLaunchDarklySandbox,
  type LaunchDarklySandbox,
  type SandboxContextTarget,
  type SandboxFlagInput,
  type SandboxOptions
} from './launchdarkly.ts'
import type { ApprovalRequirement, SandboxSegmentInput } from './segments.ts'

export const API_KEY = 'api-00000000-sandbox-token-do-not-log'
export const GITHUB_TOKEN = 'ghs_sandboxGithubTokenDoNotLog'
export const PROJECT = 'default'
export const ENVIRONMENT = 'production'
export const REPOSITORY = 'Codertocat/Hello-World'

export const BOOLEAN_VARIATIONS = [
  { _id: 'e432f62b-55f6-49dd-a02f-eb24acf39d05', value: true, name: 'Enabled' },
  { _id: 'a00bf58d-d252-476c-b915-15a74becacb4', value: false, name: 'Disabled' }
]

export function flagWithTargets(
  key: string,
  enabled: string[],
  disabled: string[] = []
): SandboxFlagInput {
  return {
    key,
    name: key,
    variations: BOOLEAN_VARIATIONS,
    targets: { [ENVIRONMENT]: { 0: enabled, 1: disabled }, staging: { 0: enabled, 1: disabled } }
  }
}

/**
 * As flagWithTargets, plus individual targets of other context kinds (e.g. organization) in both
 * environments, and tags when given.
 */
export function flagWithContexts(
  key: string,
  enabled: string[],
  contexts: SandboxContextTarget[],
  disabled: string[] = [],
  tags?: string[]
): SandboxFlagInput {
  return {
    ...flagWithTargets(key, enabled, disabled),
    contextTargets: { [ENVIRONMENT]: contexts, staging: contexts },
    ...(tags ? { tags } : {})
  }
}

/** checkout and new-search, each targeting sandy, sandy@example.com, bob and carol on Enabled. */
export function seedFlags(sandbox: LaunchDarklySandbox): void {
  const people = ['sandy', 'sandy@example.com', 'bob', 'carol', 'x<script>y', 'a|b']
  sandbox.addFlag(PROJECT, flagWithTargets('checkout', people, ['dora']))
  sandbox.addFlag(PROJECT, flagWithTargets('new-search', people, ['dora']))
}

export function baseInputs(sandbox: LaunchDarklySandbox): Record<string, string> {
  return {
    'api-key': API_KEY,
    'base-uri': sandbox.url,
    'project-key': PROJECT,
    'environment-key': ENVIRONMENT,
    'flag-key': 'checkout'
  }
}

/** The runner's GITHUB_TOKEN: an installation token that writes as github-actions[bot]. */
export function registerRunnerToken(
  github: GitHubSandbox,
  token = GITHUB_TOKEN,
  canWrite = true
): void {
  github.tokens.set(token, { login: 'github-actions[bot]', type: 'Bot', canWrite })
}

export interface Sandboxes {
  launchDarkly: LaunchDarklySandbox
  github: GitHubSandbox
  /** Inputs for a run against these sandboxes. */
  inputs: () => Record<string, string>
  /** Environment for a run against these sandboxes. */
  env: () => Record<string, string>
  /** Runs the bundled action against these sandboxes; options' inputs and env win. */
  run: (options?: Partial<RunOptions>) => Promise<ActionRun>
  /** Between tests: the seeded flags again, no requests, faults, comments or labels. */
  reset: () => void
  close: () => Promise<void>
}

/** `options` go to the LaunchDarkly sandbox, `githubOptions` (TLS, a path prefix) to GitHub's. */
export async function startSandboxes(
  options: Partial<SandboxOptions> = {},
  githubOptions: GitHubSandboxOptions = {}
): Promise<Sandboxes> {
  const launchDarkly = await startLaunchDarklySandbox({ apiKey: API_KEY, ...options })
  const github = await startGitHubSandbox(githubOptions)
  registerRunnerToken(github)
  // The sender of the example webhook payloads maintains the repository.
  github.setPermission(REPOSITORY, 'Codertocat', 'admin')
  return {
    launchDarkly,
    github,
    inputs: () => ({ ...baseInputs(launchDarkly), 'github-token': GITHUB_TOKEN }),
    env: () => ({ GITHUB_API_URL: github.url }),
    run: (options = {}) =>
      runAction({
        ...options,
        inputs: { ...baseInputs(launchDarkly), 'github-token': GITHUB_TOKEN, ...options.inputs },
        env: { GITHUB_API_URL: github.url, ...options.env }
      }),
    reset: () => {
      github.reset()
      seedFlags(launchDarkly)
      launchDarkly.segments.reset()
      launchDarkly.requests.length = 0
      launchDarkly.faults.length = 0
    },
    close: async () => {
      await Promise.all([launchDarkly.close(), github.close()])
    }
  }
}

/**
 * A segment: `segment('beta-testers', { included: ['sandy'], excluded: ['carol'],
 * includedContexts: [{ contextKind: 'organization', values: ['acme'] }] })`. Add it with
 * `sandbox.segments.add(PROJECT, ENVIRONMENT, segment(...))`.
 */
export function segment(
  key: string,
  options: Omit<SandboxSegmentInput, 'key'> = {}
): SandboxSegmentInput {
  return { key, name: key, ...options }
}

/** A big (list-based) segment of one context kind: its GET shows no membership arrays. */
export function bigSegment(key: string, contextKind = 'user'): SandboxSegmentInput {
  return { key, name: key, unbounded: true, unboundedContextKind: contextKind }
}

/**
 * In production and staging: beta-testers (users sandy, sandy@example.com and bob and the
 * organization acme included, user carol and the organization globex excluded; tagged beta) and
 * the big segment big-spenders.
 */
export function seedSegments(
  sandbox: LaunchDarklySandbox,
  environments: string[] = [ENVIRONMENT, 'staging']
): void {
  for (const env of environments) {
    sandbox.segments.add(
      PROJECT,
      env,
      segment('beta-testers', {
        tags: ['beta'],
        included: ['sandy', 'sandy@example.com', 'bob'],
        excluded: ['carol'],
        includedContexts: [{ contextKind: 'organization', values: ['acme'] }],
        excludedContexts: [{ contextKind: 'organization', values: ['globex'] }]
      })
    )
    sandbox.segments.add(PROJECT, env, bigSegment('big-spenders'))
  }
}

/**
 * Approvals required in an environment (production unless given): for flags and segments unless
 * `requirement` says otherwise. A flag expiring PATCH then answers 405, a segment's 403.
 */
export function requireApprovals(
  sandbox: LaunchDarklySandbox,
  requirement: ApprovalRequirement = { flags: true, segments: true },
  environmentKey = ENVIRONMENT
): void {
  sandbox.segments.requireApprovals(PROJECT, environmentKey, requirement)
}

/**
 * The flags the tests, the demo and the benchmark start from.
 */
import type { LaunchDarklySandbox, SandboxFlagInput } from './launchdarkly.ts'

export const API_KEY = 'api-00000000-sandbox-token-do-not-log'
export const GITHUB_TOKEN = 'ghs_sandboxGithubTokenDoNotLog'
export const PROJECT = 'default'
export const ENVIRONMENT = 'production'

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

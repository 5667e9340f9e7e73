/**
 * `npm run demo`: the bundled action end to end against the embedded LaunchDarkly and GitHub
 * sandboxes, for a labeled pull request, a `targets` list, and a reviewed targets file planned
 * on a pull request and applied on push. No credentials, no network.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BOOLEAN_VARIATIONS,
  ENVIRONMENT,
  PROJECT,
  REPOSITORY,
  flagWithContexts,
  seedFlags,
  startSandboxes
} from '../sandbox/fixtures.ts'
import type { ActionRun, RunOptions } from '../sandbox/runner.ts'
import { pullRequestPayload, pushPayload } from '../sandbox/webhooks.ts'
import { digestRun, reconcileRun, seedAccount, sweepRun } from './account-state.ts'
import { DEMO_PORT, prStateScenario } from './pr-state.ts'

const bold = (s: string): string => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)
const indent = (s: string): string => s.trimEnd().replace(/^/gm, '    ')

const sandboxes = await startSandboxes({ port: DEMO_PORT })
const { launchDarkly, github } = sandboxes
seedFlags(launchDarkly)
const [enabled, disabled] = BOOLEAN_VARIATIONS.map((v) => v._id) as [string, string]
// Removals set earlier in LaunchDarkly's UI: bob's for another date, dora's that the list cancels.
launchDarkly.schedule(
  PROJECT,
  'new-search',
  ENVIRONMENT,
  'bob',
  enabled,
  Date.parse('2031-01-01T00:00:00Z')
)
launchDarkly.schedule(
  PROJECT,
  'checkout',
  ENVIRONMENT,
  'dora',
  disabled,
  Date.parse('2030-12-24T00:00:00Z')
)

async function scenario(
  title: string,
  options: Omit<RunOptions, 'inputs'> & { inputs?: Record<string, string> }
): Promise<ActionRun> {
  console.log(`\n${bold(`━━ ${title}`)}`)
  const ldBefore = launchDarkly.requests.length
  const githubBefore = github.requests.length
  const result = await sandboxes.run(options)
  console.log(bold('\n  Requests to LaunchDarkly:'))
  for (const request of launchDarkly.requests.slice(ldBefore)) {
    console.log(
      `    ${request.method} ${request.path}${request.query.env ? `?env=${request.query.env}` : ''} -> ${request.status}`
    )
    if (request.method === 'PATCH')
      console.log(indent(indent(JSON.stringify(request.body, null, 2))))
  }
  console.log(bold('\n  Requests to GitHub:'))
  for (const request of github.requests.slice(githubBefore)) {
    console.log(
      `    ${request.method} ${request.path}${Object.keys(request.query).length ? `?${new URLSearchParams(request.query).toString()}` : ''} -> ${request.status}`
    )
  }
  console.log(bold('\n  Step log:'))
  console.log(indent(result.stdout.replace(/^::add-mask::.*\n/gm, '')))
  console.log(bold('\n  Step outputs:'))
  for (const [name, value] of Object.entries(result.outputs)) console.log(`    ${name} = ${value}`)
  console.log(bold(`\n  Exit code: ${result.code} (${Math.round(result.ms)} ms)`))
  console.log(bold('\n  Job summary (Markdown):'))
  console.log(indent(result.summary))
  const commentWrites = github.requests
    .slice(githubBefore)
    .filter((r) => (r.method === 'POST' || r.method === 'PATCH') && r.path.includes('/comments'))
  for (const request of commentWrites) {
    console.log(
      bold(`\n  PR comment, ${request.method === 'POST' ? 'posted' : 'updated'} (Markdown):`)
    )
    console.log(indent((request.body as { body: string }).body))
  }
  return result
}

await scenario('1. A reviewer adds the label "expire-user:sandy@2030-06-10" to pull request #2', {
  eventName: 'pull_request',
  payload: pullRequestPayload('labeled', 'expire-user:sandy@2030-06-10')
})

await scenario(
  '2. A workflow step with a targets list, on two flags, dates in Europe/Berlin, reporting on PR #2',
  {
    eventName: 'workflow_dispatch',
    inputs: {
      'pr-number': '2',
      'flag-key': 'checkout, new-search',
      timezone: 'Europe/Berlin',
      targets: [
        '# QA testers for the spring release',
        'sandy@2030-06-10',
        'bob@+2w',
        'carol@2031-03-01T09:00:00+01:00',
        'dora@never'
      ].join('\n')
    }
  }
)

sandboxes.reset()
await scenario(
  "3. Pull request #2 already has labels for bob and (mistyped) carol; a reviewer moves sandy from 2030-06-10 to 2030-07-01 by adding a later label. The comment shows the PR's whole state (the README sample).",
  prStateScenario(sandboxes)
)

// A reviewed targets file, in a checked-out workspace: acme is an organization, sandy an alias.
const SANDY = '2f6a9c1e-5b7d-4e2a-9c3f-1a2b3c4d5e6f'
const workspace = mkdtempSync(join(tmpdir(), 'demo-workspace-'))
mkdirSync(join(workspace, '.github'))
writeFileSync(
  join(workspace, '.github', 'expiring-targets.yml'),
  [
    'version: 1',
    'aliases:',
    `  sandy: ${SANDY}`,
    'targets:',
    '  - flag: checkout',
    '    user: sandy',
    '    remove-at: 2030-06-10',
    '  - flags: [checkout, new-search]',
    '    environments: [production, staging]',
    '    context: { kind: organization, key: acme }',
    '    remove-at: 2030-07-01T17:00:00+02:00',
    '  - flag: checkout',
    '    user: bob',
    '    remove-at: 2026-11-30 # passed: done, never added again',
    ''
  ].join('\n')
)
sandboxes.reset()
for (const key of ['checkout', 'new-search']) {
  launchDarkly.addFlag(
    PROJECT,
    flagWithContexts(
      key,
      [SANDY, 'bob'],
      [{ kind: 'organization', variation: 0, values: ['acme'] }]
    )
  )
}
const fileRun = (
  eventName: string,
  payload: unknown
): Omit<RunOptions, 'inputs'> & { inputs: Record<string, string> } => ({
  eventName,
  payload,
  inputs: {
    'flag-key': '',
    'targets-file': '.github/expiring-targets.yml',
    timezone: 'Europe/Berlin'
  },
  env: { GITHUB_WORKSPACE: workspace }
})
await scenario(
  '4. Pull request #2 changes .github/expiring-targets.yml: the plan goes in its comment, and nothing is sent',
  fileRun('pull_request', pullRequestPayload('synchronize'))
)
await scenario(
  '5. The pull request merges: the push to main applies the file',
  fileRun('push', pushPayload())
)
rmSync(workspace, { recursive: true, force: true })

seedAccount(sandboxes)
await scenario(
  '6. A nightly reconcile: PR #2 has a label whose run never happened; it is healed, and the PR comment and the dashboard issue say so',
  reconcileRun
)
await scenario(
  '7. A daily digest: what is due within 7 days, soonest first, in the summary and the dashboard issue',
  digestRun
)
const dashboard = github.issues(REPOSITORY)[0]
console.log(bold(`\n  The dashboard issue #${dashboard?.number}, as it is now (Markdown):`))
console.log(indent(dashboard?.body ?? ''))
await scenario(
  '8. A sweep, as a dry run: every individually targeted user without a removal would get one in 30 days; breakglass is excluded',
  sweepRun
)

const problems = [...launchDarkly.violations]
await sandboxes.close()
console.log(
  `\n${bold('Sandbox contract check:')} ${problems.length === 0 ? "every request and answer matched LaunchDarkly's OpenAPI description" : problems.join('\n')}`
)
if (problems.length > 0) process.exit(1)

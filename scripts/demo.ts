/**
 * `npm run demo`: the bundled action end to end against the embedded LaunchDarkly and GitHub
 * sandboxes, for a labeled pull request and for a `targets` list. No credentials, no network.
 */
import {
  BOOLEAN_VARIATIONS,
  ENVIRONMENT,
  PROJECT,
  seedFlags,
  startSandboxes
} from '../sandbox/fixtures.ts'
import type { ActionRun, RunOptions } from '../sandbox/runner.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
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

const problems = [...launchDarkly.violations]
await sandboxes.close()
console.log(
  `\n${bold('Sandbox contract check:')} ${problems.length === 0 ? "every request and answer matched LaunchDarkly's OpenAPI description" : problems.join('\n')}`
)
if (problems.length > 0) process.exit(1)

/**
 * `npm run demo`: the bundled action end to end against the embedded LaunchDarkly sandbox, for a
 * labeled pull request and for a `targets` list. No credentials, no network.
 */
import { startLaunchDarklySandbox } from '../sandbox/launchdarkly.ts'
import {
  baseInputs,
  BOOLEAN_VARIATIONS,
  ENVIRONMENT,
  PROJECT,
  seedFlags
} from '../sandbox/fixtures.ts'
import { runAction, type ActionRun, type RunOptions } from '../sandbox/runner.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'

const bold = (s: string): string => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)
const indent = (s: string): string => s.trimEnd().replace(/^/gm, '    ')

const sandbox = await startLaunchDarklySandbox({ apiKey: 'api-demo-token' })
seedFlags(sandbox)
// bob's removal was set earlier in LaunchDarkly's UI, for another date.
sandbox.schedule(
  PROJECT,
  'new-search',
  ENVIRONMENT,
  'bob',
  BOOLEAN_VARIATIONS[0]!._id,
  Date.parse('2031-01-01T00:00:00Z')
)
// dora's was too, and the list now says never.
sandbox.schedule(
  PROJECT,
  'checkout',
  ENVIRONMENT,
  'dora',
  BOOLEAN_VARIATIONS[1]!._id,
  Date.parse('2030-12-24T00:00:00Z')
)

async function scenario(
  title: string,
  options: Omit<RunOptions, 'inputs'> & { inputs?: Record<string, string> }
): Promise<ActionRun> {
  console.log(`\n${bold(`━━ ${title}`)}`)
  const before = sandbox.requests.length
  const result = await runAction({
    ...options,
    inputs: { ...baseInputs(sandbox), 'api-key': 'api-demo-token', ...options.inputs }
  })
  console.log(bold('\n  Requests to LaunchDarkly:'))
  for (const request of sandbox.requests.slice(before)) {
    console.log(
      `    ${request.method} ${request.path}${request.query.env ? `?env=${request.query.env}` : ''} -> ${request.status}`
    )
    if (request.method === 'PATCH')
      console.log(indent(indent(JSON.stringify(request.body, null, 2))))
  }
  console.log(bold('\n  Step log:'))
  console.log(indent(result.stdout.replace(/^::add-mask::.*\n/gm, '')))
  console.log(bold('\n  Step outputs:'))
  for (const [name, value] of Object.entries(result.outputs)) console.log(`    ${name} = ${value}`)
  console.log(bold(`\n  Exit code: ${result.code} (${Math.round(result.ms)} ms)`))
  console.log(bold('\n  Job summary (Markdown):'))
  console.log(indent(result.summary))
  return result
}

await scenario('1. A reviewer adds the label "expire-user:sandy@2030-06-10" to a pull request', {
  eventName: 'pull_request',
  payload: pullRequestPayload('labeled', 'expire-user:sandy@2030-06-10')
})

await scenario('2. A workflow step with a targets list, on two flags, dates in Europe/Berlin', {
  eventName: 'workflow_dispatch',
  inputs: {
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
})

const problems = sandbox.violations
await sandbox.close()
console.log(
  `\n${bold('Sandbox contract check:')} ${problems.length === 0 ? "every request and answer matched LaunchDarkly's OpenAPI description" : problems.join('\n')}`
)
if (problems.length > 0) process.exit(1)

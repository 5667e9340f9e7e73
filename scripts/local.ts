/**
 * Runs the bundled action once, as the runner does, against the embedded sandboxes, with your
 * own inputs:
 *
 *   npm run local -- --input targets='sandy@2030-06-10' --input dry-run=true
 *   npm run local -- --label 'expire-user:bob@+2w'
 *   npm run local -- --comment '/expire sandy@2030-06-10 bob@+7d'   # on pull request 2
 *   npm run local -- --event push --input targets-file=examples/files/expiring-targets.yml
 *
 * The sandboxes hold project `default`, environment `production`, flags `checkout` and
 * `new-search` targeting sandy, bob and carol. Prints the log, the outputs, the job summary and
 * what reached LaunchDarkly and GitHub.
 */
import { parseArgs } from 'node:util'
import { seedFlags, startSandboxes } from '../sandbox/fixtures.ts'
import { issueCommentPayload, pullRequestPayload, pushPayload } from '../sandbox/webhooks.ts'

const { values } = parseArgs({
  options: {
    input: { type: 'string', multiple: true, default: [] },
    label: { type: 'string' },
    comment: { type: 'string' },
    event: { type: 'string' }
  }
})

const inputs: Record<string, string> = {}
for (const pair of values.input) {
  const at = pair.indexOf('=')
  if (at < 1) throw new Error(`--input ${pair}: write --input name=value`)
  inputs[pair.slice(0, at)] = pair.slice(at + 1)
}
const eventName = values.label
  ? 'pull_request'
  : values.comment !== undefined
    ? 'issue_comment'
    : (values.event ?? 'workflow_dispatch')
let payload: unknown = values.label
  ? pullRequestPayload('labeled', values.label)
  : eventName === 'push'
    ? pushPayload()
    : {}

const sandboxes = await startSandboxes()
try {
  seedFlags(sandboxes.launchDarkly)
  if (values.comment !== undefined) {
    // The comment as GitHub has it on pull request 2, so that the action can react to it.
    const user = { login: 'Codertocat', type: 'User' as const }
    const written = sandboxes.github.addComment('Codertocat/Hello-World', 2, values.comment, user)
    payload = issueCommentPayload('created', values.comment, { commentId: written.id, user })
  }
  const run = await sandboxes.run({
    eventName,
    payload,
    inputs,
    env: { GITHUB_WORKSPACE: process.cwd() }
  })
  const section = (title: string, text: string): void => {
    process.stdout.write(
      `\n── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}\n${text.trim()}\n`
    )
  }
  section('log', run.stdout + run.stderr)
  section('outputs', JSON.stringify(run.outputs, null, 2))
  section('job summary', run.summary)
  section(
    'LaunchDarkly requests',
    sandboxes.launchDarkly.requests.map((r) => `${r.method} ${r.path}`).join('\n') || '(none)'
  )
  section(
    'GitHub writes',
    sandboxes.github.requests
      .filter((r) => r.method !== 'GET')
      .map((r) => `${r.method} ${r.path}`)
      .join('\n') || '(none)'
  )
  process.exitCode = run.code ?? 1
} finally {
  await sandboxes.close()
}

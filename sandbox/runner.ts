/**
 * Runs the bundled action the way the GitHub Actions runner does: a fresh `node dist/index.js`
 * process with `INPUT_*` variables (hyphens kept, action.yml defaults applied), the event payload
 * in a file named by GITHUB_EVENT_PATH, and GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files to read back.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const ROOT = new URL('..', import.meta.url).pathname
export const ACTION_ENTRY = join(ROOT, 'dist', 'index.js')

export interface ActionRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
  summary: string
  /** Wall time of the whole process, in milliseconds. */
  ms: number
}

export interface RunOptions {
  inputs: Record<string, string>
  eventName?: string
  payload?: unknown
  env?: Record<string, string>
  /** The value the runner gives `${{ github.token }}`. */
  githubToken?: string
  node?: string
  /** Another copy of the bundle's entry. */
  entry?: string
}

/** The defaults action.yml declares, as the runner fills them in. */
export function actionDefaults(githubToken: string): Record<string, string> {
  const yml = readFileSync(join(ROOT, 'action.yml'), 'utf8')
  const inputs = yml.slice(yml.indexOf('\ninputs:'), yml.indexOf('\noutputs:'))
  const defaults: Record<string, string> = {}
  let current = ''
  for (const line of inputs.split('\n')) {
    const name = /^ {2}([a-z-]+):\s*$/.exec(line)
    if (name) current = name[1] as string
    const value = /^ {4}default:\s*(.*)$/.exec(line)
    if (value && current) {
      let text = (value[1] as string).trim()
      if (/^'.*'$/.test(text)) text = text.slice(1, -1).replace(/''/g, "'")
      defaults[current] = text === '${{ github.token }}' ? githubToken : text
    }
  }
  return defaults
}

export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delimiter] = heredoc as unknown as [string, string, string]
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] as string)
      outputs[name] = value.join('\n')
    } else if (line.includes('=')) {
      outputs[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return outputs
}

/**
 * What the runner gives a step: an event file, empty output and summary files in a folder of
 * their own (`prefix`), and the environment (GITHUB_*, INPUT_* with action.yml's defaults).
 */
export function runnerSetup(
  options: RunOptions,
  prefix: string
): {
  dir: string
  files: { event: string; output: string; summary: string }
  env: Record<string, string>
} {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const files = {
    event: join(dir, 'event.json'),
    output: join(dir, 'output'),
    summary: join(dir, 'summary.md')
  }
  writeFileSync(files.event, JSON.stringify(options.payload ?? {}))
  writeFileSync(files.output, '')
  writeFileSync(files.summary, '')
  const inputs = { ...actionDefaults(options.githubToken ?? 'ghs_runnertoken'), ...options.inputs }
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_EVENT_NAME: options.eventName ?? 'workflow_dispatch',
    GITHUB_EVENT_PATH: files.event,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_REPOSITORY: 'Codertocat/Hello-World',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    RUNNER_TEMP: dir,
    ...options.env
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  return { dir, files, env }
}

/** Every run of this process, for checks across a whole suite (such as the secret scan). */
export const capturedRuns: ActionRun[] = []

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const { dir, files, env } = runnerSetup(options, 'ld-action-')

  const started = performance.now()
  const child = spawn(options.node ?? process.execPath, [options.entry ?? ACTION_ENTRY], {
    env,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const ms = performance.now() - started
  const run = {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    ms
  }
  rmSync(dir, { recursive: true, force: true })
  capturedRuns.push(run)
  return run
}

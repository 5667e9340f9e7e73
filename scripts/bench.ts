/**
 * `npm run bench`: how fast the bundled action is, each figure as a ratio against a baseline
 * measured in the same run (these machines are shared and noisy), written to BENCHMARKS.md.
 *
 *   1. an unrelated-label event, and a comment that is not a command, against `node -e 0`
 *   2. a labeled event end to end (plan, PATCH, comment) against the floor: scripts/floor,
 *      bundled here, which loads the stack (@actions/core, @actions/github, @octokit/rest, zod)
 *      and does next to nothing with it
 *   3. requests made against the minimum, for 1, 10 and 100 flags
 *   4. 10,000 instructions (100 entries x 100 flags) with 50 ms of latency per request and a rate
 *      limit: wall time against the limit's own bound, and peak memory
 *   5. bundle size, and what takes the space
 *   6. sweep and digest over 1,000 flags x 3 environments at 50 ms latency under the rate limit:
 *      requests against the minimum, wall time against the limit's own bound, peak memory
 *   7. the same over 200 segments x 3 environments
 */
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import {
  flagWithTargets,
  PROJECT,
  segment,
  startSandboxes,
  type Sandboxes
} from '../sandbox/fixtures.ts'
import type { ActionRun, RunOptions } from '../sandbox/runner.ts'
import { issueCommentPayload, pullRequestPayload } from '../sandbox/webhooks.ts'

const ROOT = new URL('..', import.meta.url).pathname
const RUNS = Number(process.env.BENCH_RUNS ?? 15)
/** The apply mode's flag concurrency (src/modes/mode.ts), for the notes. */
const CONCURRENCY = 4
const LATENCY_MS = 50
const RATE_LIMIT = { limit: 100, windowMs: 1000 }
const MAXRSS_HOOK = join(ROOT, 'scripts', 'maxrss-hook.mjs')

interface Stats {
  median: number
  min: number
  max: number
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const median =
    sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number }
}

const ms = (value: number): string => `${value.toFixed(1)} ms`
const range = (s: Stats): string => `${ms(s.median)} (min ${ms(s.min)}, max ${ms(s.max)})`

function baseline(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' })
    child.on('error', reject)
    child.on('close', () => resolve(performance.now() - started))
  })
}

async function timedRun(sandboxes: Sandboxes, options: Partial<RunOptions>): Promise<ActionRun> {
  const result = await sandboxes.run(options)
  if (result.code !== 0) throw new Error(`the action failed:\n${result.stdout}\n${result.stderr}`)
  return result
}

/** Bundles scripts/floor with ncc, as the action is bundled; returns its entry. */
function buildFloor(dir: string): string {
  execFileSync(
    join(ROOT, 'node_modules', '.bin', 'ncc'),
    ['build', join(ROOT, 'scripts', 'floor', 'index.ts'), '-o', dir, '--quiet'],
    { stdio: ['ignore', 'ignore', 'inherit'] }
  )
  return join(dir, 'index.js')
}

interface StartUp {
  unrelated: Stats
  comment: Stats
  labeled: Stats
  node: Stats
  floor: Stats
  floorBytes: number
}

async function startUp(): Promise<StartUp> {
  const floorDir = mkdtempSync(join(os.tmpdir(), 'ld-bench-floor-'))
  const floorEntry = buildFloor(floorDir)
  const floorBytes = statSync(floorEntry).size
  const sandboxes = await startSandboxes()
  const times = {
    unrelated: [] as number[],
    comment: [] as number[],
    labeled: [] as number[],
    node: [] as number[],
    floor: [] as number[]
  }
  const labeledEvent = {
    eventName: 'pull_request',
    payload: pullRequestPayload('labeled', 'expire-user:sandy@2030-06-10')
  }
  try {
    // One warm-up of each, then interleaved rounds so that noise hits all of them alike.
    for (let round = -1; round < RUNS; round++) {
      const node = await baseline()
      const floor = await timedRun(sandboxes, { ...labeledEvent, entry: floorEntry })
      if (floor.outputs.floor === undefined) throw new Error('the floor set no output')
      sandboxes.reset()
      const unrelated = await timedRun(sandboxes, {
        eventName: 'pull_request',
        payload: pullRequestPayload('labeled', 'bug')
      })
      sandboxes.reset()
      const comment = await timedRun(sandboxes, {
        eventName: 'issue_comment',
        payload: issueCommentPayload('created', 'Looks good to me')
      })
      if (sandboxes.launchDarkly.countRequests() + sandboxes.github.requests.length > 0)
        throw new Error('the unrelated comment made a request')
      sandboxes.reset()
      const labeled = await timedRun(sandboxes, labeledEvent)
      if (
        sandboxes.launchDarkly.countRequests('PATCH') !== 1 ||
        sandboxes.github.countWrites() !== 1
      ) {
        throw new Error('the labeled run did not PATCH and comment')
      }
      if (round < 0) continue
      times.node.push(node)
      times.floor.push(floor.ms)
      times.unrelated.push(unrelated.ms)
      times.comment.push(comment.ms)
      times.labeled.push(labeled.ms)
    }
  } finally {
    await sandboxes.close()
    rmSync(floorDir, { recursive: true, force: true })
  }
  return {
    unrelated: stats(times.unrelated),
    comment: stats(times.comment),
    labeled: stats(times.labeled),
    node: stats(times.node),
    floor: stats(times.floor),
    floorBytes
  }
}

interface RequestCount {
  flags: number
  launchDarkly: number
  github: number
  githubWithoutGate: number
  minimum: { launchDarkly: number; github: number }
}

async function requestCounts(): Promise<RequestCount[]> {
  const sandboxes = await startSandboxes()
  const rows: RequestCount[] = []
  try {
    for (const flags of [1, 10, 100]) {
      const keys = Array.from({ length: flags }, (_, i) => `flag-${i}`)
      const count = async (inputs: Record<string, string>): Promise<[number, number]> => {
        sandboxes.github.reset()
        sandboxes.launchDarkly.requests.length = 0
        for (const key of keys)
          sandboxes.launchDarkly.addFlag(PROJECT, flagWithTargets(key, ['sandy']))
        await timedRun(sandboxes, {
          eventName: 'pull_request',
          payload: pullRequestPayload('labeled', 'expire-user:sandy@2030-06-10'),
          inputs: { 'flag-key': keys.join(','), ...inputs }
        })
        return [sandboxes.launchDarkly.countRequests(), sandboxes.github.requests.length]
      }
      const [launchDarkly, github] = await count({})
      const [, githubWithoutGate] = await count({ 'required-permission': 'none' })
      rows.push({
        flags,
        launchDarkly,
        github,
        githubWithoutGate,
        minimum: { launchDarkly: 3 * flags, github: 3 }
      })
    }
  } finally {
    await sandboxes.close()
  }
  return rows
}

interface Bulk {
  wallMs: Stats
  idealMs: number
  scheduleMs: number
  startupMs: number
  peakRssMb: number
  requests: number
  rateLimited: number
  scheduled: number
}

async function bulk(): Promise<Bulk> {
  const flags = 100
  const users = Array.from(
    { length: 100 },
    (_, i) => `user-${String(i).padStart(3, '0')}@example.com`
  )
  const keys = Array.from({ length: flags }, (_, i) => `bulk-${i}`)
  const walls: number[] = []
  let peakRssMb = 0
  let last = { requests: 0, rateLimited: 0, scheduled: 0 }
  for (let round = 0; round < 3; round++) {
    const sandboxes = await startSandboxes({ latencyMs: LATENCY_MS, rateLimit: RATE_LIMIT })
    for (const key of keys) sandboxes.launchDarkly.addFlag(PROJECT, flagWithTargets(key, users))
    const rssFile = join(os.tmpdir(), `maxrss-${process.pid}-${round}`)
    try {
      const result = await timedRun(sandboxes, {
        eventName: 'schedule',
        inputs: {
          'flag-key': keys.join('\n'),
          targets: users.map((u) => `${u}@2030-06-10`).join('\n')
        },
        env: { NODE_OPTIONS: `--import=${MAXRSS_HOOK}`, MAXRSS_FILE: rssFile }
      })
      walls.push(result.ms)
      peakRssMb = Math.max(peakRssMb, Number(readFileSync(rssFile, 'utf8')) / 1024)
      const { launchDarkly } = sandboxes
      last = {
        requests: launchDarkly.countRequests(),
        rateLimited: launchDarkly.rateLimited,
        scheduled: keys.reduce(
          (n, key) => n + launchDarkly.expiring(PROJECT, key, 'production').length,
          0
        )
      }
      if (result.outputs['successful-instructions'] !== String(flags * users.length)) {
        throw new Error(
          `lost entries: ${result.outputs['successful-instructions']} of ${flags * users.length}`
        )
      }
    } finally {
      await sandboxes.close()
    }
  }
  const startupMs = (await startUp1()).median
  // Per flag: its two reads, then its PATCH (the reads go together, so two round trips chain).
  const scheduleMs = limitBound(3 * flags, 2)
  return {
    wallMs: stats(walls),
    idealMs: scheduleMs + startupMs,
    scheduleMs,
    startupMs,
    peakRssMb,
    ...last
  }
}

/**
 * The ideal under the rate limit, as its own bound: the minimum requests divided by the allowed
 * rate, plus the round trips that must wait for one another at the given latency. Not a
 * simulation of the action's own concurrency, so a better schedule would show as a lower ratio.
 */
function limitBound(requests: number, chained: number): number {
  return (requests / RATE_LIMIT.limit) * RATE_LIMIT.windowMs + chained * LATENCY_MS
}

interface Scan {
  kind: Scanned
  mode: 'sweep' | 'digest'
  wallMs: Stats
  idealMs: number
  requests: number
  minimum: number
  rateLimited: number
  peakRssMb: number
  result: string
}

const SCAN_ENVIRONMENTS = ['production', 'staging', 'development']

/** What a scan reads: 1,000 flags 100 a list page, or 200 segments 50 a list page. */
const SCANNED = {
  flag: { count: 1000, page: 100, input: 'flag-key' },
  segment: { count: 200, page: 50, input: 'segment-key' }
} as const
type Scanned = keyof typeof SCANNED

/**
 * A whole account: 1,000 flags (or 200 segments) in 3 environments, each targeting (including)
 * two users, one of whom already has a removal. A sweep times the other (one PATCH per pair); a
 * digest reads everything and sends nothing.
 */
async function scanAccount(
  mode: 'sweep' | 'digest',
  rounds: number,
  kind: Scanned = 'flag'
): Promise<Scan> {
  const { count, page, input: keyInput } = SCANNED[kind]
  const walls: number[] = []
  let peakRssMb = 0
  let last = { requests: 0, rateLimited: 0, result: '' }
  const keys = Array.from({ length: count }, (_, i) => `${kind}-${String(i).padStart(4, '0')}`)
  for (let round = 0; round < rounds; round++) {
    const sandboxes = await startSandboxes({ latencyMs: LATENCY_MS, rateLimit: RATE_LIMIT })
    const { launchDarkly } = sandboxes
    const soon = Date.now() + 3 * 86_400_000
    for (const key of keys) {
      if (kind === 'segment') {
        for (const env of SCAN_ENVIRONMENTS) {
          launchDarkly.segments.add(PROJECT, env, segment(key, { included: ['timed', 'untimed'] }))
          launchDarkly.segments.schedule(PROJECT, env, key, 'timed', 'included', soon)
        }
        continue
      }
      const input = flagWithTargets(key, ['timed', 'untimed'])
      input.targets = Object.fromEntries(
        SCAN_ENVIRONMENTS.map((env) => [env, { 0: ['timed', 'untimed'] }])
      )
      launchDarkly.addFlag(PROJECT, input)
      for (const env of SCAN_ENVIRONMENTS)
        launchDarkly.schedule(PROJECT, key, env, 'timed', input.variations[0]?._id ?? '', soon)
    }
    const rssFile = join(os.tmpdir(), `maxrss-${process.pid}-${mode}-${round}`)
    try {
      const result = await timedRun(sandboxes, {
        eventName: 'schedule',
        inputs: {
          mode,
          'flag-key': '',
          [keyInput]: '*',
          'environment-key': SCAN_ENVIRONMENTS.join(','),
          ...(mode === 'sweep' ? { 'default-lifetime': '30d' } : {})
        },
        env: { NODE_OPTIONS: `--import=${MAXRSS_HOOK}`, MAXRSS_FILE: rssFile }
      })
      walls.push(result.ms)
      peakRssMb = Math.max(peakRssMb, Number(readFileSync(rssFile, 'utf8')) / 1024)
      const due = (JSON.parse(result.outputs.due ?? '[]') as unknown[]).length
      last = {
        requests: launchDarkly.countRequests(),
        rateLimited: launchDarkly.rateLimited,
        result:
          mode === 'sweep'
            ? `${result.outputs.swept} of ${count * SCAN_ENVIRONMENTS.length} swept`
            : `${due} of ${count * SCAN_ENVIRONMENTS.length} due`
      }
    } finally {
      await sandboxes.close()
    }
  }
  const pairs = count * SCAN_ENVIRONMENTS.length
  const pages = Math.ceil(count / page) * SCAN_ENVIRONMENTS.length
  const minimum = pages + pairs + (mode === 'sweep' ? pairs : 0)
  // The limit's own bound, plus the round trips that must wait for one another: a list page,
  // then a flag's expiring targets, then (sweep) its PATCH.
  const chain = mode === 'sweep' ? 3 : 2
  const bound = limitBound(minimum, chain)
  const startupMs = (await startUp1()).median
  return {
    kind,
    mode,
    wallMs: stats(walls),
    idealMs: bound + startupMs,
    minimum,
    peakRssMb,
    ...last
  }
}

/** The action's own fixed cost: a run that reads one flag without latency, no PATCH. */
async function startUp1(): Promise<Stats> {
  const sandboxes = await startSandboxes()
  const times: number[] = []
  try {
    for (let i = 0; i < 5; i++) {
      sandboxes.reset()
      times.push(
        (
          await timedRun(sandboxes, {
            eventName: 'schedule',
            inputs: { targets: 'sandy@2030-06-10', 'dry-run': 'true' }
          })
        ).ms
      )
    }
  } finally {
    await sandboxes.close()
  }
  return stats(times)
}

interface BundleReport {
  files: { name: string; bytes: number; loadedFor: string }[]
  packages: { name: string; bytes: number }[]
  total: number
}

function bundle(): BundleReport {
  const dist = join(ROOT, 'dist')
  const chunks = readdirSync(dist).filter((f) => f.endsWith('.js'))
  const packages = new Map<string, number>()
  const files = chunks.map((name) => {
    const map = JSON.parse(readFileSync(join(dist, `${name}.map`), 'utf8')) as {
      sources: string[]
      sourcesContent?: string[]
    }
    const owners = new Set<string>()
    map.sources.forEach((source, i) => {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source)
      const owner = match
        ? (match[1] as string)
        : source.includes('/src/') || source.startsWith('src/')
          ? '(this action)'
          : '(bundler runtime)'
      owners.add(owner)
      packages.set(
        owner,
        (packages.get(owner) ?? 0) + Buffer.byteLength(map.sourcesContent?.[i] ?? '')
      )
    })
    const list = [...owners].filter((o) => !o.startsWith('(bundler'))
    return {
      name,
      bytes: statSync(join(dist, name)).size,
      loadedFor: list.slice(0, 6).join(', ') + (list.length > 6 ? ', …' : '')
    }
  })
  files.sort((a, b) => b.bytes - a.bytes)
  return {
    files,
    packages: [...packages]
      .map(([name, bytes]) => ({ name, bytes }))
      .sort((a, b) => b.bytes - a.bytes),
    total: files.reduce((n, f) => n + f.bytes, 0)
  }
}

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`

async function main(): Promise<void> {
  const nodeVersion = await new Promise<string>((resolve) => {
    const child = spawn(process.execPath, ['--version'])
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.on('close', () => resolve(out.trim()))
  })
  console.log(`Benchmarking dist/index.js on Node ${nodeVersion}, ${RUNS} runs each…`)
  const start = await startUp()
  const requests = await requestCounts()
  const heavy = await bulk()
  // A scan takes a minute under the limit: CI's short bench measures one round.
  const scanRounds = RUNS < 5 ? 1 : 3
  const scans = [
    await scanAccount('sweep', scanRounds),
    await scanAccount('digest', scanRounds),
    await scanAccount('sweep', scanRounds, 'segment'),
    await scanAccount('digest', scanRounds, 'segment')
  ]
  const size = bundle()

  const unrelatedRatio = start.unrelated.median / start.node.median
  const commentRatio = start.comment.median / start.node.median
  const labeledRatio = start.labeled.median / start.floor.median
  const bulkRatio = heavy.wallMs.median / heavy.idealMs
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  const floorNote =
    "Row 2's floor is `scripts/floor`, bundled with ncc in the same run: it loads `@actions/core`, `@actions/github`, `@octokit/rest` and `zod`, creates an Octokit, parses the event with zod and sets one output. It is what any action on this stack pays before it does anything."
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` (scripts/bench.ts) on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} × ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, Node ${nodeVersion} (the \`node\` devDependency, the runner's \`node24\`). Whole processes, wall time; each figure is a ratio against a baseline from the same run, as the machine is shared and noisy. Medians of ${RUNS} interleaved runs, after one warm-up.`,
    '',
    '| # | measure | result | baseline | ratio | budget |',
    '|---|---|---|---|---|---|',
    `| 1 | unrelated-label event | ${range(start.unrelated)} | \`node -e 0\`: ${range(start.node)} | **${unrelatedRatio.toFixed(2)}×** | ≤ 1.5× ${unrelatedRatio <= 1.5 ? '✅' : '❌'} |`,
    `| 1 | unrelated comment (not a slash command) | ${range(start.comment)} | \`node -e 0\`: ${range(start.node)} | **${commentRatio.toFixed(2)}×** | ≤ 1.5× ${commentRatio <= 1.5 ? '✅' : '❌'} |`,
    `| 2 | labeled event: read flag and targets, PATCH, permission check, comment | ${range(start.labeled)} | floor bundle (${kb(start.floorBytes)}): ${range(start.floor)} | **${labeledRatio.toFixed(2)}×** | ≤ 1.5× ${labeledRatio <= 1.5 ? '✅' : '❌'} |`,
    ...requests.map(
      (r) =>
        `| 3 | requests, labeled event, ${r.flags} flag${r.flags === 1 ? '' : 's'} | LaunchDarkly ${r.launchDarkly}, GitHub ${r.github} (${r.githubWithoutGate} with \`required-permission: none\`) | minimum: LaunchDarkly ${r.minimum.launchDarkly}, GitHub ${r.minimum.github} (the ratio counts the run with \`required-permission: none\`) | ${(r.launchDarkly / r.minimum.launchDarkly).toFixed(2)}× / ${(r.githubWithoutGate / r.minimum.github).toFixed(2)}× | = minimum ${r.launchDarkly === r.minimum.launchDarkly && r.githubWithoutGate === r.minimum.github ? '✅' : '❌'} |`
    ),
    `| 4 | 10,000 instructions (100 entries × 100 flags), ${LATENCY_MS} ms latency per request, limit ${RATE_LIMIT.limit} requests per ${RATE_LIMIT.windowMs / 1000} s | ${range(heavy.wallMs)}; ${heavy.requests} requests, ${heavy.rateLimited} answered 429, ${heavy.scheduled} of 10,000 scheduled | the limit's bound ${ms(heavy.idealMs)} | **${bulkRatio.toFixed(2)}×** | ≤ 1.25× ${bulkRatio <= 1.25 && heavy.scheduled === 10_000 ? '✅' : '❌'} |`,
    `| 4 | peak memory (max RSS) of that run | ${heavy.peakRssMb.toFixed(1)} MB | | | < 150 MB ${heavy.peakRssMb < 150 ? '✅' : '❌'} |`,
    `| 5 | bundle, all chunks | ${kb(size.total)} in ${size.files.length} files (+ source maps) | | | |`,
    ...scans.flatMap((scan) => {
      const ratio = scan.wallMs.median / scan.idealMs
      const row = scan.kind === 'flag' ? 6 : 7
      const { count, input } = SCANNED[scan.kind]
      return [
        `| ${row} | ${scan.mode}, \`${input}: *\`, ${count.toLocaleString('en')} ${scan.kind}s × ${SCAN_ENVIRONMENTS.length} environments, ${LATENCY_MS} ms latency, limit ${RATE_LIMIT.limit} requests per ${RATE_LIMIT.windowMs / 1000} s | ${range(scan.wallMs)}; ${scan.result}; ${scan.rateLimited} answered 429 | ideal ${ms(scan.idealMs)} | **${ratio.toFixed(2)}×** | ≤ 1.25× ${ratio <= 1.25 ? '✅' : '❌'} |`,
        `| ${row} | ${scan.mode}: requests | ${scan.requests} | minimum ${scan.minimum} | ${(scan.requests / scan.minimum).toFixed(2)}× | = minimum ${scan.requests === scan.minimum ? '✅' : '❌'} |`,
        `| ${row} | ${scan.mode}: peak memory (max RSS) | ${scan.peakRssMb.toFixed(1)} MB | | | < 200 MB ${scan.peakRssMb < 200 ? '✅' : '❌'} |`
      ]
    }),
    '',
    `Ideal for rows 4 and 6: the rate limit's own bound, the minimum requests divided by the allowed rate, plus the round trips that must wait for one another at ${LATENCY_MS} ms each, plus the action's fixed cost (a one-flag dry run without latency, ${ms(heavy.startupMs)}). For row 4 that is 300 requests (per flag its flag and expiring targets, read together, then one PATCH: two round trips chain), ${ms(heavy.scheduleMs)} before the fixed cost. It is not a simulation of the action's concurrency (apply works on ${CONCURRENCY} flags at a time), so whatever a better schedule would win shows in the ratio.`,
    '',
    floorNote,
    '',
    `Rows 6 and 7: the minimum is one list page per 100 flags (50 segments) per environment, one read of the expiring targets per flag per environment, and (sweep) one PATCH per pair that needs one: here every pair, as each flag has one user without a removal. The segment list carries each segment's targets, so no segment is read on its own. The round trips that chain: a list page, then a container's expiring targets, then (sweep) its PATCH. ${scanRounds === 1 ? 'One round each (a short run).' : 'Three rounds each.'}`,
    '',
    "Row 3: the minimum is, per flag, one GET of the flag, one GET of its expiring targets and one PATCH; per PR, one live read of its labels (the comment lists every expiry label the PR has), and one read and one write of the comment. The default `required-permission: write` adds one GitHub request: the sender's permission, read in parallel with LaunchDarkly.",
    '',
    '## What the bundle holds',
    '',
    'Chunks, and what each is loaded for (an unrelated label loads `index.js` only):',
    '',
    '| file | size | holds |',
    '|---|---|---|',
    ...size.files.map(
      (f) => `| \`dist/${f.name}\` | ${kb(f.bytes)} | ${f.loadedFor || 'bundler runtime'} |`
    ),
    '',
    'Source size by package (from the source maps):',
    '',
    '| package | source |',
    '|---|---|',
    ...size.packages.slice(0, 12).map((p) => `| ${p.name} | ${kb(p.bytes)} |`),
    ''
  ]
  const text = lines.join('\n')
  writeFileSync(join(ROOT, 'BENCHMARKS.md'), text)
  console.log(`\n${text}`)
}

await main()

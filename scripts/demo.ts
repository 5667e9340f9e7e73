/**
 * `npm run demo`: the bundled action end to end against the embedded LaunchDarkly and GitHub
 * sandboxes, for a labeled pull request, a `targets` list, a reviewed targets file planned on a
 * pull request and applied on push, and the scheduled modes. No credentials, no network.
 *
 * One screen per scenario: what was asked (the event and the inputs), what was sent (one line per
 * request that changes something, the reads counted in one line), and what the job summary and
 * the PR comment or dashboard issue say, once: a document that repeats one shown before says so
 * instead of being printed again. `--verbose` adds every request with its body, the step log, the
 * step outputs and the Markdown as written.
 *
 * Each scenario is checked (exit code, how many changes go to LaunchDarkly and to GitHub, no
 * failed request) and every request against LaunchDarkly's OpenAPI description: the demo exits 1
 * when something is not as expected.
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

const verbose = process.argv.includes('--verbose') || process.argv.includes('-v')
/** The widest line of the default output. */
const WIDTH = 150
const PR = 2

const tty = process.stdout.isTTY
const bold = (s: string): string => (tty ? `\x1b[1m${s}\x1b[0m` : s)
const dim = (s: string): string => (tty ? `\x1b[2m${s}\x1b[0m` : s)
const chars = (s: string): number => [...s].length
const clip = (s: string, width: number): string =>
  chars(s) <= width ? s : `${[...s].slice(0, Math.max(0, width - 1)).join('')}…`
const pad = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - chars(s)))
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`
const list = (items: string[]): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`

/** One line of the default output, never wider than WIDTH. */
function say(line = '', style: (s: string) => string = (s) => s): void {
  console.log(style(clip(line, WIDTH)))
}
/** A dump behind --verbose: as it is, every line indented. */
function dump(title: string, text: string): void {
  console.log(dim(`    ── ${title}`))
  console.log(text.trimEnd().replace(/^/gm, '      '))
}

// ---------------------------------------------------------------------------------------------
// Markdown, as plain text

/** Inline Markdown and the HTML the report escapes with, as the reader sees it. */
function inline(markdown: string): string {
  return markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?(?:sub|sup|b|i|em|strong|code)>/g, '')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/(^|[^\w*])\*([^*\s][^*]*)\*(?![\w*])/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name] ?? '')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .trim()
}
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** An outcome's emoji goes: terminals disagree on its width, and the word says the same. */
const withoutEmoji = (cell: string): string =>
  cell.replace(/^(?:\p{Extended_Pictographic}|\p{Emoji_Presentation})\uFE0F?\s*/u, '')

/** `text` in lines of at most `width`, between words where it can. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = []
  let line = ''
  for (let word of text.split(' ')) {
    while (chars(word) > width) {
      if (line) lines.push(line)
      line = ''
      lines.push([...word].slice(0, width).join(''))
      word = [...word].slice(width).join('')
    }
    if (line && chars(line) + 1 + chars(word) > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  if (line || lines.length === 0) lines.push(line)
  return lines
}

/**
 * A Markdown table as aligned columns: columns empty on every row left out, and the UTC times
 * when the times are shown in a timezone as well (with its offset, they say the same). A table
 * wider than the screen moves its last columns under each row, then wraps its widest cells.
 */
function table(lines: string[], indent: number): string[] {
  const rows = lines.map((line) =>
    line
      .trim()
      .replace(/^\||(?<!\\)\|$/g, '')
      .split(/(?<!\\)\|/)
      .map((cell) => withoutEmoji(inline(cell)))
  )
  const [head = [], , ...body] = rows
  const local = head.some((h) => /^Removal \((?!UTC\)).+\)$/.test(h))
  const keep = head
    .map((_, i) => i)
    .filter((i) => body.length === 0 || body.some((row) => (row[i] ?? '') !== ''))
    .filter((i) => !(local && head[i] === 'Removal (UTC)'))
  const shown = [head, ...body].map((row) => keep.map((i) => row[i] ?? ''))
  const widths = keep.map((_, c) => Math.max(...shown.map((row) => chars(row[c] ?? ''))))
  const total = (): number => indent + widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1)
  let columns = widths.length
  while (total() > WIDTH && columns > 3) widths.splice(--columns)
  while (total() > WIDTH) {
    const widest = widths.indexOf(Math.max(...widths))
    if ((widths[widest] ?? 0) <= 10) break
    widths[widest] = (widths[widest] ?? 0) - 1
  }
  const heading = shown[0] ?? []
  const line = (row: string[]): string[] => {
    const cells = row.slice(0, columns).map((cell, c) => wrap(cell, widths[c] ?? 0))
    const height = Math.max(...cells.map((c) => c.length))
    const under = row
      .slice(columns)
      .map((cell, c) => (cell ? `${heading[columns + c] ?? ''}: ${cell}` : ''))
      .filter(Boolean)
      .join(' · ')
    return [
      ...Array.from({ length: height }, (_, n) =>
        cells
          .map((cell, c) => pad(cell[n] ?? '', widths[c] ?? 0))
          .join('  ')
          .trimEnd()
      ),
      ...(under && row !== heading
        ? wrap(under, WIDTH - indent - 4).map((l, n) => `  ${n === 0 ? '└' : ' '} ${l}`)
        : [])
    ]
  }
  return [
    ...line(heading),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...shown.slice(1).flatMap(line)
  ]
}

/** What a reader takes in: no hidden markers, no title (the same on each), no footer link. */
function contentLines(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => !/^\s*<!--.*-->$/.test(line) && !/^## /.test(line))
    .filter((line) => !/^<sub>.*<\/sub>$/.test(line))
}

/** Text lines, blank lines left out: a heading starts with ──, a table is set in columns. */
function renderLines(lines: string[], indent: number): string[] {
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    if (line.startsWith('|')) {
      const rows: string[] = []
      while (i < lines.length && (lines[i] as string).startsWith('|'))
        rows.push(lines[i++] as string)
      i--
      out.push(...table(rows, indent))
    } else if (/^#{1,6} /.test(line)) out.push(`── ${inline(line.replace(/^#+ /, ''))}`)
    else if (line.trim() !== '') out.push(inline(line))
  }
  return out
}

/** A document printed before: which, and in which scenario. */
interface Shown {
  what: string
  scenario: number
  lines: string[]
}
const shownDocuments: Shown[] = []
const nameOf = (doc: Shown, now: number): string =>
  doc.scenario === now ? `the ${doc.what} above` : `the ${doc.what} of scenario ${doc.scenario}`

const sections = (lines: string[]): { heading: string; body: string[] }[] => {
  const out: { heading: string; body: string[] }[] = [{ heading: '', body: [] }]
  for (const line of lines) {
    if (/^#{3,6} /.test(line)) out.push({ heading: inline(line.replace(/^#+ /, '')), body: [] })
    else out[out.length - 1]?.body.push(line)
  }
  return out.filter((s) => s.heading !== '' || s.body.some((l) => l !== ''))
}
const within = (lines: string[], of: string[]): boolean => {
  const set = new Set(of)
  const content = lines.filter((l) => l !== '')
  return content.length > 0 && content.every((l) => set.has(l))
}

/**
 * A Markdown document as text lines, `indent` deep; what repeats a document shown before is
 * named instead of printed again, the whole document (one line) or a section of it.
 */
function describe(what: string, scenario: number, markdown: string, indent: number): string[] {
  const lines = contentLines(markdown)
  const pad = ' '.repeat(indent)
  const earlier = [...shownDocuments]
  shownDocuments.push({ what, scenario, lines })
  for (const doc of earlier) {
    if (!within(lines, doc.lines)) continue
    if (within(doc.lines, lines)) return [`the same text as ${nameOf(doc, scenario)}`]
    const mine = new Set(sections(lines).map((s) => s.heading))
    const left = sections(doc.lines)
      .map((s) => s.heading)
      .filter((h) => h !== '' && !mine.has(h))
    const without =
      left.length > 0
        ? `its ${left.length === 1 ? 'section' : 'sections'} "${left.join('", "')}"`
        : 'some of its lines'
    return [`${nameOf(doc, scenario)}, without ${without}`]
  }
  const out: string[] = []
  for (const section of sections(lines)) {
    const same = earlier.find((doc) => within(section.body, doc.lines))
    if (section.heading && same) out.push(`── ${section.heading}: as in ${nameOf(same, scenario)}`)
    else
      out.push(
        ...renderLines(
          section.heading ? [`### ${section.heading}`, ...section.body] : section.body,
          indent
        )
      )
  }
  return out.map((line) => pad + line)
}

// ---------------------------------------------------------------------------------------------
// Requests, one line each

const VARIATIONS = new Map(BOOLEAN_VARIATIONS.map((v) => [v._id, v.name]))
const LD_PREFIX = `/api/v2/flags/${PROJECT}`
const GH_PREFIX = `/repos/${REPOSITORY}`

/** A time LaunchDarkly is sent: the date alone at midnight UTC, else to the minute. */
function when(ms: number): string {
  const iso = new Date(ms).toISOString()
  return iso.endsWith('T00:00:00.000Z')
    ? iso.slice(0, 10)
    : `${iso.slice(0, 16).replace('T', ' ')} UTC`
}

/** `addExpireUserTargetDate sandy 2030-06-10`: kind, whom, when, and what else it carries. */
function instruction(raw: unknown): string {
  const i = raw as Record<string, unknown>
  const who =
    typeof i.userKey === 'string'
      ? i.userKey
      : typeof i.contextKey === 'string'
        ? `${typeof i.contextKind === 'string' ? i.contextKind : 'user'} ${i.contextKey}`
        : ''
  const at = typeof i.value === 'number' ? when(i.value) : ''
  const variation = typeof i.variationId === 'string' ? VARIATIONS.get(i.variationId) : undefined
  const rest = Object.entries(i)
    .filter(
      ([k]) => !['kind', 'userKey', 'contextKey', 'contextKind', 'value', 'variationId'].includes(k)
    )
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
  return [String(i.kind), who, at, variation ? `(${variation})` : '', ...rest]
    .filter(Boolean)
    .join(' ')
}

interface Request {
  method: string
  path: string
  query: Record<string, string>
  body: unknown
  status: number
}

const failed = (r: Request): boolean => r.status >= 300
const query = (r: Request): string => {
  const q = Object.entries(r.query).filter(([k]) => k !== 'per_page')
  return q.length > 0 ? `?${new URLSearchParams(q).toString()}` : ''
}
const fullLine = (r: Request): string => `${r.method} ${r.path}${query(r)} -> ${r.status}`

/** The LaunchDarkly reads in one line: what was read, of which flags, in which environments. */
function launchDarklyReads(reads: Request[]): string {
  const what = new Set<string>()
  const flags = new Set<string>()
  const environments = new Set<string>()
  for (const r of reads) {
    const [flag, resource, environment] = r.path.slice(LD_PREFIX.length + 1).split('/')
    if (flag) flags.add(flag)
    what.add(resource ?? (flag ? 'flag' : 'flag list'))
    const env = environment ?? r.query.env
    if (env) environments.add(env)
  }
  return `GET x${reads.length}  ${list([...what])} of ${list([...flags]) || 'the project'} in ${list([...environments])}`
}

const short = (r: Request, prefix: string): string =>
  `${r.path.startsWith(prefix) ? `…${r.path.slice(prefix.length)}` : r.path}${query(r)}`

/** A write to GitHub, what it did for the reader, and the Markdown it wrote, if any. */
function githubWrite(r: Request): { line: string; document?: { what: string; markdown: string } } {
  const rest = r.path.slice(GH_PREFIX.length)
  const body = (r.body ?? {}) as { title?: string; body?: unknown }
  let did = ''
  let what = ''
  let m: RegExpExecArray | null
  if ((m = /^\/issues\/(\d+)\/comments$/.exec(rest)) && r.method === 'POST') {
    did = `comment posted on #${m[1]}`
    what = `comment on #${m[1]}`
  } else if (/^\/issues\/comments\/\d+$/.test(rest)) {
    did = 'comment updated'
    what = 'comment'
  } else if ((m = /^\/issues\/(\d+)\/labels\/(.+)$/.exec(rest)) && r.method === 'DELETE')
    did = `label removed from #${m[1]}`
  else if (rest === '/issues' && r.method === 'POST') {
    did = `issue created: "${body.title ?? ''}"`
    what = 'new issue'
  } else if ((m = /^\/issues\/(\d+)$/.exec(rest))) {
    did = `issue #${m[1]} updated`
    what = `issue #${m[1]}`
  }
  const path = short({ ...r, path: decodeURIComponent(r.path) }, GH_PREFIX)
  const line = `${r.method} ${path} ${r.status}${did ? `  ${did}` : ''}`
  return typeof body.body === 'string' && what && !failed(r)
    ? { line, document: { what, markdown: body.body } }
    : { line }
}

// ---------------------------------------------------------------------------------------------
// Scenarios

interface Expected {
  /** Requests that change something in LaunchDarkly. */
  launchDarklyWrites: number
  /** Requests that change something on GitHub: comments, labels, issues. */
  githubWrites: number
  code?: number
}

interface Scenario extends Omit<RunOptions, 'inputs'> {
  inputs?: Record<string, string>
}

const problems: string[] = []
let scenarios = 0

/** The pull requests' labels now: what a run that reads them is asked. */
function labelsNow(): [number, string[]][] {
  const numbers = new Set([PR, ...sandboxes.github.pullRequests(REPOSITORY).map((pr) => pr.number)])
  return [...numbers]
    .map((n): [number, string[]] => [n, sandboxes.github.labelsOn(REPOSITORY, n)])
    .filter(([, labels]) => labels.length > 0)
}

/** The event, the labels if the run read them, and the scenario's own inputs. */
function asked(options: Scenario, labels: [number, string[]][]): void {
  const payload = (options.payload ?? {}) as {
    action?: string
    label?: { name?: string }
    number?: number
    ref?: string
    schedule?: string
  }
  const event = [
    options.eventName ?? 'workflow_dispatch',
    payload.action,
    payload.label?.name ? `"${payload.label.name}"` : '',
    payload.number ? `on #${payload.number}` : '',
    payload.ref ? `to ${payload.ref}` : '',
    payload.schedule ? `(cron "${payload.schedule}")` : ''
  ]
    .filter(Boolean)
    .join(' ')
  say(`  asked         ${event}`)
  for (const [number, names] of labels)
    say(`  labels on #${pad(`${number}`, 2)} ${names.join(', ')}`)
  const inputs = Object.entries(options.inputs ?? {})
  const single = inputs.filter(([, v]) => !v.includes('\n'))
  say(
    `  inputs        ${single.length > 0 ? single.map(([k, v]) => `${k}: ${v === '' ? "''" : v}`).join(' · ') : '(the common ones)'}`
  )
  for (const [k, v] of inputs.filter(([, value]) => value.includes('\n')))
    say(`                ${k}: ${v.split('\n').join(' ⏎ ')}`)
}

async function scenario(title: string, options: Scenario, expected: Expected): Promise<ActionRun> {
  scenarios++
  const { launchDarkly, github } = sandboxes
  const words = title.split(' ')
  const titleLines: string[] = ['']
  for (const word of words) {
    const last = titleLines[titleLines.length - 1] as string
    if (last && chars(last) + 1 + chars(word) > WIDTH - 4) titleLines.push(word)
    else titleLines[titleLines.length - 1] = last ? `${last} ${word}` : word
  }
  const labels = labelsNow()
  const ldBefore = launchDarkly.requests.length
  const githubBefore = github.requests.length
  const result = await sandboxes.run(options)
  const ld: Request[] = launchDarkly.requests.slice(ldBefore)
  const gh: Request[] = github.requests.slice(githubBefore)

  say()
  titleLines.forEach((line, i) => say(`${i === 0 ? '━━ ' : '   '}${line}`, bold))
  const readLabels = gh.some((r) => r.method === 'GET' && /\/labels$|\/pulls$/.test(r.path))
  asked(options, readLabels ? labels : [])

  const ldReads = ld.filter((r) => r.method === 'GET' && !failed(r))
  const ldWrites = ld.filter((r) => r.method !== 'GET' || failed(r))
  say(`  LaunchDarkly  ${ldReads.length > 0 ? launchDarklyReads(ldReads) : 'nothing read'}`)
  for (const r of ldWrites) {
    const instructions = ((r.body ?? {}) as { instructions?: unknown[] }).instructions ?? []
    const line = `${r.method} ${short(r, LD_PREFIX)} ${r.status}`
    if (instructions.length === 1) say(`                ${line}  ${instruction(instructions[0])}`)
    else {
      say(
        `                ${line}${instructions.length > 0 ? `  ${plural(instructions.length, 'instruction')}:` : ''}`
      )
      for (const i of instructions) say(`                    ${instruction(i)}`)
    }
  }
  if (ldWrites.length === 0) say('                no changes sent')

  const ghReads = gh.filter((r) => r.method === 'GET' && !failed(r))
  const ghWrites = gh.filter((r) => r.method !== 'GET' || failed(r))
  say(
    `  GitHub        ${ghReads.length > 0 ? `GET x${ghReads.length}  ${ghReads.map((r) => short(r, GH_PREFIX).replace(/^…\//, '')).join(', ')}` : gh.length === 0 ? 'no requests' : 'nothing read'}`
  )
  const documents: { what: string; markdown: string }[] = []
  for (const r of ghWrites) {
    const { line, document } = githubWrite(r)
    say(`                ${line}`)
    if (document) documents.push(document)
  }

  const outputs = Object.entries(result.outputs)
    .filter(([, v]) => v !== '' && !/^https?:\/\//.test(v))
    .map(([k, v]) => {
      if (!v.startsWith('[')) return `${k}=${v}`
      try {
        const n = (JSON.parse(v) as unknown[]).length
        return n === 0 ? `${k}=[]` : `${k}=[${plural(n, 'item')}]`
      } catch {
        return `${k}=${v}`
      }
    })
  say(`  exit code     ${result.code} in ${Math.round(result.ms)} ms`)
  say(`  outputs       ${outputs.join(' ')}`)
  const notices = result.stdout
    .split('\n')
    .filter((line) => /^::(warning|error)/.test(line))
    .concat(result.stderr.split('\n').filter((line) => line.trim() !== ''))
  for (const line of notices.slice(0, 5)) say(`  ${line}`)
  if (notices.length > 5)
    say(`  … and ${plural(notices.length - 5, 'more line')} on stderr or as warnings (--verbose)`)

  for (const { what, markdown } of [
    { what: 'job summary', markdown: result.summary },
    ...documents
  ]) {
    const lines = describe(what, scenarios, markdown, 4)
    if (lines.length === 0) lines.push('(empty)')
    if (lines.length === 1) say(`  ${pad(what, 13)} ${(lines[0] as string).trim()}`)
    else {
      say(`  ${what}`)
      for (const line of lines) say(line)
    }
  }

  const wrong: string[] = []
  const code = expected.code ?? 0
  if (result.code !== code) wrong.push(`exit code ${result.code}, expected ${code}`)
  const ldChanges = ld.filter((r) => r.method !== 'GET').length
  if (ldChanges !== expected.launchDarklyWrites)
    wrong.push(
      `${plural(ldChanges, 'change')} sent to LaunchDarkly, expected ${expected.launchDarklyWrites}`
    )
  const ghChanges = gh.filter((r) => r.method !== 'GET').length
  if (ghChanges !== expected.githubWrites)
    wrong.push(`${plural(ghChanges, 'write')} to GitHub, expected ${expected.githubWrites}`)
  const refused = [...ld, ...gh].filter(failed)
  if (refused.length > 0) wrong.push(`refused: ${refused.map(fullLine).join(', ')}`)
  if ((result.outputs['failed-instructions'] ?? '0') !== '0')
    wrong.push(`failed-instructions = ${result.outputs['failed-instructions']}`)
  for (const w of wrong) {
    say(`  NOT AS EXPECTED: ${w}`, bold)
    problems.push(`scenario ${scenarios}: ${w}`)
  }

  if (verbose) {
    dump(
      'requests to LaunchDarkly',
      ld
        .map(
          (r) =>
            `${fullLine(r)}${r.body === undefined ? '' : `\n${JSON.stringify(r.body, null, 2).replace(/^/gm, '  ')}`}`
        )
        .join('\n') || '(none)'
    )
    // A comment's or an issue's Markdown follows as it is, not as a JSON string.
    const githubBody = (r: Request): unknown =>
      typeof (r.body as { body?: unknown } | undefined)?.body === 'string'
        ? { ...(r.body as object), body: '(the Markdown below)' }
        : r.body
    dump(
      'requests to GitHub',
      gh
        .map(
          (r) =>
            `${fullLine(r)}${r.body === undefined ? '' : `\n${JSON.stringify(githubBody(r), null, 2).replace(/^/gm, '  ')}`}`
        )
        .join('\n') || '(none)'
    )
    dump('step log', result.stdout.replace(/^::add-mask::.*\n/gm, '') || '(empty)')
    if (result.stderr.trim()) dump('stderr', result.stderr)
    dump(
      'step outputs',
      Object.entries(result.outputs)
        .map(([k, v]) => `${k} = ${v}`)
        .join('\n')
    )
    dump('job summary (Markdown)', result.summary || '(empty)')
    for (const { what, markdown } of documents) dump(`${what} (Markdown)`, markdown)
  }
  return result
}

// ---------------------------------------------------------------------------------------------

const sandboxes = await startSandboxes({ port: DEMO_PORT })
const { launchDarkly } = sandboxes
seedFlags(launchDarkly)
const [enabled, disabled] = BOOLEAN_VARIATIONS.map((v) => v._id) as [string, string]
// Removals set earlier in LaunchDarkly's UI: bob's for another date, dora's that the list cancels.
const earlier = [
  { flag: 'new-search', user: 'bob', variation: enabled, at: '2031-01-01T00:00:00Z' },
  { flag: 'checkout', user: 'dora', variation: disabled, at: '2030-12-24T00:00:00Z' }
]
for (const e of earlier)
  launchDarkly.schedule(PROJECT, e.flag, ENVIRONMENT, e.user, e.variation, Date.parse(e.at))

say(
  bold(
    'npm run demo: the bundled action (dist/index.js), started as the Actions runner starts it, against sandboxes'
  )
)
say(
  bold(
    'of LaunchDarkly and GitHub: no credentials, no network. npm run demo -- --verbose adds request bodies, logs, Markdown.'
  )
)
say(
  `Inputs of every run: api-key, base-uri (the sandbox), project-key: ${PROJECT}, environment-key: ${ENVIRONMENT}, flag-key: checkout, github-token;`
)
say(
  `a scenario's "inputs" line adds to them. The events are real webhook payloads for ${REPOSITORY}.`
)
say(
  `LaunchDarkly has the flags checkout and new-search, targeting sandy, bob, carol and others. Set earlier in its UI:`
)
say(`${list(earlier.map((e) => `${e.user}'s removal from ${e.flag} at ${e.at.slice(0, 10)}`))}.`)

await scenario(
  `1. A reviewer adds the label "expire-user:sandy@2030-06-10" to pull request #${PR}`,
  {
    eventName: 'pull_request',
    payload: pullRequestPayload('labeled', 'expire-user:sandy@2030-06-10')
  },
  { launchDarklyWrites: 1, githubWrites: 1 }
)

await scenario(
  `2. A workflow step with a targets list, on two flags, dates in Europe/Berlin, reporting on PR #${PR}`,
  {
    eventName: 'workflow_dispatch',
    inputs: {
      'pr-number': String(PR),
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
  },
  { launchDarklyWrites: 2, githubWrites: 1 }
)

sandboxes.reset()
await scenario(
  `3. Pull request #${PR} already has labels for bob and (mistyped) carol; a reviewer moves sandy from 2030-06-10 to 2030-07-01 by adding a later label. The comment shows the PR's whole state (the README sample).`,
  prStateScenario(sandboxes),
  { launchDarklyWrites: 1, githubWrites: 2 }
)

// A reviewed targets file, in a checked-out workspace: acme is an organization, sandy an alias.
const SANDY = '2f6a9c1e-5b7d-4e2a-9c3f-1a2b3c4d5e6f'
const targetsFile = [
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
const workspace = mkdtempSync(join(tmpdir(), 'demo-workspace-'))
mkdirSync(join(workspace, '.github'))
writeFileSync(join(workspace, '.github', 'expiring-targets.yml'), targetsFile)
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
const fileRun = (eventName: string, payload: unknown): Scenario => ({
  eventName,
  payload,
  inputs: {
    'flag-key': '',
    'targets-file': '.github/expiring-targets.yml',
    timezone: 'Europe/Berlin'
  },
  env: { GITHUB_WORKSPACE: workspace }
})
say()
say(`The next two scenarios read .github/expiring-targets.yml, reviewed on pull request #${PR}:`)
for (const line of targetsFile.trimEnd().split('\n')) say(`    ${line}`)
await scenario(
  `4. Pull request #${PR} changes .github/expiring-targets.yml: the plan goes in its comment, and nothing is sent`,
  fileRun('pull_request', pullRequestPayload('synchronize')),
  { launchDarklyWrites: 0, githubWrites: 1 }
)
await scenario(
  '5. The pull request merges: the push to the default branch applies the file',
  fileRun('push', pushPayload()),
  { launchDarklyWrites: 4, githubWrites: 0 }
)
rmSync(workspace, { recursive: true, force: true })

seedAccount(sandboxes)
say()
say(
  'The scheduled modes run on an account with more in it: removals due in the next days, users nobody gave one.'
)
await scenario(
  `6. A nightly reconcile: PR #${PR} has a label whose run never happened; it is healed, and the PR comment and the dashboard issue say so`,
  reconcileRun,
  { launchDarklyWrites: 2, githubWrites: 2 }
)
await scenario(
  '7. A daily digest: what is due within 7 days, soonest first, in the summary and the dashboard issue',
  digestRun,
  { launchDarklyWrites: 0, githubWrites: 1 }
)
await scenario(
  '8. A sweep, as a dry run: every individually targeted user without a removal would get one in 30 days; breakglass is excluded',
  sweepRun,
  { launchDarklyWrites: 0, githubWrites: 0 }
)

const violations = [...launchDarkly.violations]
await sandboxes.close()
say()
if (violations.length === 0)
  say(
    `Sandbox contract check: every request and answer matched LaunchDarkly's OpenAPI description.`,
    bold
  )
else {
  say(`Sandbox contract check: ${plural(violations.length, 'problem')}:`, bold)
  for (const v of violations) console.log(`  ${v}`)
}
const failing = new Set(problems.map((p) => p.split(':')[0])).size
if (problems.length === 0)
  say(
    `All ${scenarios} scenarios behaved as expected: exit code, changes sent, no request refused.`,
    bold
  )
else {
  say(`${failing} of ${scenarios} scenarios did not behave as expected:`, bold)
  for (const p of problems) say(`  ${p}`)
}
if (violations.length > 0 || problems.length > 0) process.exit(1)

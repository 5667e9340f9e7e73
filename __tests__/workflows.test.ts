/**
 * action.yml and every example workflow validate against the GitHub Actions schemas
 * (@action-validator/cli). The examples, parsed with `yaml`, are right when copied: the action
 * pinned and given only inputs action.yml declares, the least permissions per use, fork-safe
 * triggers, and the concurrency groups of docs/concurrency.md. The docs list every input and
 * output, link only to what exists, and show only declared inputs in their snippets.
 */
import { describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, normalize } from 'node:path'
import { isScalar, parse, parseDocument, visit, type Pair, type YAMLMap } from 'yaml'

const ROOT = new URL('..', import.meta.url).pathname
const VALIDATOR = join(ROOT, 'node_modules', '.bin', 'action-validator')
const examples = readdirSync(join(ROOT, 'examples')).filter((f) => f.endsWith('.yml'))
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8')

// ---- action.yml, parsed ----------------------------------------------------------------------

interface ActionInput {
  description: string
  required?: boolean
  default?: string
}
interface Action {
  inputs: Record<string, ActionInput>
  outputs: Record<string, { description: string }>
  runs: { using: string; main: string }
}
const action = parse(read('action.yml')) as Action
const inputNames = Object.keys(action.inputs)
const outputNames = Object.keys(action.outputs)

// ---- the examples, parsed --------------------------------------------------------------------

type Permissions = Record<string, string>
interface Concurrency {
  group: string
  'cancel-in-progress'?: boolean | string
}
interface Step {
  id?: string
  uses?: string
  with?: Record<string, unknown>
  run?: string
}
interface Job {
  if?: string
  permissions?: Permissions
  concurrency?: Concurrency
  steps: Step[]
}
interface Workflow {
  name: string
  on: Record<string, Record<string, unknown> | null>
  permissions?: Permissions
  concurrency?: Concurrency
  jobs: Record<string, Job>
}

const workflow = (file: string): Workflow => parse(read(join('examples', file))) as Workflow
const document = (file: string) => parseDocument(read(join('examples', file)))
const OURS = /^[\w-]+\/launchdarkly-expiring-targets@/
const isOurs = (step: Step): boolean => OURS.test(step.uses ?? '')
const jobs = (wf: Workflow): [string, Job][] => Object.entries(wf.jobs)

/** Each step of the example that uses this action, with its job. */
function actionSteps(wf: Workflow): { name: string; job: Job; step: Step }[] {
  return jobs(wf).flatMap(([name, job]) =>
    job.steps.filter(isOurs).map((step) => ({ name, job, step }))
  )
}

/** The one step of the example that uses this action. */
function theStep(file: string): {
  name: string
  job: Job
  step: Step
  inputs: Record<string, unknown>
} {
  const steps = actionSteps(workflow(file))
  expect(steps).toHaveLength(1)
  const found = steps[0] as { name: string; job: Job; step: Step }
  return { ...found, inputs: found.step.with ?? {} }
}

/** What GITHUB_TOKEN may do in the job: the job's permissions, else the workflow's. */
const permissionsOf = (wf: Workflow, job: Job): Permissions | undefined =>
  job.permissions ?? wf.permissions

/** Every string anywhere in a parsed value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

const squash = (s: string | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim()

/** The comment lines just above `key` in a map of the parsed document. */
function commentAbove(map: unknown, key: string): string {
  const pair = (map as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === key) as
    Pair<{ commentBefore?: string }> | undefined
  return pair?.key?.commentBefore ?? ''
}

/** The comment at the top of an example, squashed: above the document, or above its `name`. */
function headerOf(file: string): string {
  const doc = document(file)
  return squash(doc.commentBefore ?? commentAbove(doc.contents, 'name'))
}

// ---- the schemas ------------------------------------------------------------------------------

function validate(file: string): { ok: boolean; output: string } {
  const result = spawnSync(VALIDATOR, [file], { encoding: 'utf8' })
  return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` }
}

describe('GitHub Actions schemas', () => {
  it('accept action.yml', () => {
    // @action-validator 0.6.0's schema predates node24: check the rest with node20 in its
    // place, and node24 itself below.
    const source = read('action.yml')
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
    expect(source).toMatch(/^ {2}using: node24$/m)
    const dir = mkdtempSync(join(tmpdir(), 'action-'))
    const copy = join(dir, 'action.yml')
    writeFileSync(copy, source.replace(/^ {2}using: node24$/m, '  using: node20'))
    const result = validate(copy)
    rmSync(dir, { recursive: true, force: true })
    expect(result.output).toBe('')
    expect(result.ok).toBe(true)
  })

  it('refuse a broken workflow, so the check can fail', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wf-'))
    const broken = join(dir, 'broken.yml')
    writeFileSync(broken, 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n')
    const result = validate(broken)
    rmSync(dir, { recursive: true, force: true })
    expect(result.ok).toBe(false)
  })

  it.each(examples)('accept examples/%s', (file) => {
    const result = validate(join(ROOT, 'examples', file))
    // The validator cannot check `paths:` globs yet, and says so; anything else is a finding.
    const findings = result.output.replace(
      /^WARNING: Glob validation is not yet supported\..*\n/gm,
      ''
    )
    expect(findings).toBe('')
    expect(result.ok).toBe(true)
  })
})

describe("the project's own CI workflow", () => {
  it('validates, and runs .ci/run', () => {
    const file = join(ROOT, '.github', 'workflows', 'ci.yml')
    const result = validate(file)
    expect(result.output).toBe('')
    expect(result.ok).toBe(true)
    const steps = Object.values((parse(read('.github/workflows/ci.yml')) as Workflow).jobs).flatMap(
      (job) => job.steps
    )
    expect(steps.map((s) => s.run?.trim())).toContain('bash .ci/run')
  })
})

// ---- the examples -----------------------------------------------------------------------------

/** Which of flag-key, segment-key and targets-file each example's step gives. */
const CONTAINERS: Record<string, string> = {
  'digest.yml': 'flag-key',
  'pull-request-labels.yml': 'flag-key',
  'reconcile.yml': 'flag-key',
  'scheduled-cleanup.yml': 'flag-key',
  'segment-sweep.yml': 'segment-key',
  'slash-command.yml': 'flag-key',
  'sweep.yml': 'flag-key',
  'targets-file.yml': 'targets-file',
  'workflow-step.yml': 'flag-key'
}

describe('the examples', () => {
  it('cover a workflow step, PR labels, a schedule, a targets file, each scheduled mode and a segment', () => {
    expect([...examples].sort()).toEqual([
      'digest.yml',
      'pull-request-labels.yml',
      'reconcile.yml',
      'scheduled-cleanup.yml',
      'segment-sweep.yml',
      'slash-command.yml',
      'sweep.yml',
      'targets-file.yml',
      'workflow-step.yml'
    ])
    expect(Object.keys(CONTAINERS).sort()).toEqual([...examples].sort())
  })

  it.each(examples)(
    '%s pins every action to a full commit SHA, naming the version, and takes the token from a secret',
    (file) => {
      const wf = workflow(file)
      expect(actionSteps(wf).length).toBeGreaterThan(0)
      for (const { step } of actionSteps(wf)) {
        expect(step.uses).toMatch(/^[\w-]+\/launchdarkly-expiring-targets@[0-9a-f]{40}$/)
        expect(step.with?.['api-key']).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/)
      }
      // Every other action too (actions/checkout), and a comment naming the version on each.
      visit(document(file), {
        Pair(_, pair) {
          if (!isScalar(pair.key) || pair.key.value !== 'uses' || !isScalar(pair.value)) return
          expect(pair.value.value).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/)
          expect(pair.value.comment).toMatch(/^ v\d+\.\d+\.\d+$/)
        }
      })
    }
  )

  it.each(examples)(
    '%s gives the action only inputs action.yml declares, and the required ones',
    (file) => {
      for (const { step } of actionSteps(workflow(file))) {
        const given = Object.keys(step.with ?? {})
        expect(given.filter((name) => !inputNames.includes(name))).toEqual([])
        const required = inputNames.filter((name) => action.inputs[name]?.required === true)
        expect(required.length).toBeGreaterThan(0)
        for (const name of required) expect(given).toContain(name)
        // flag-key may be empty only when the targets file names the flags or segment-key is
        // given; each example gives exactly the containers it is designed for.
        const containers = ['flag-key', 'segment-key', 'targets-file'].filter((name) =>
          given.includes(name)
        )
        expect(`${file}: ${containers.join(', ')}`).toBe(`${file}: ${CONTAINERS[file]}`)
      }
    }
  )

  it.each(examples)('%s reads only outputs action.yml declares', (file) => {
    const wf = workflow(file)
    const ids = new Set(actionSteps(wf).flatMap(({ step }) => (step.id ? [step.id] : [])))
    const referenced = strings(wf).flatMap((text) =>
      [...text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)].map(([, id, name]) => ({
        id,
        name
      }))
    )
    for (const { id, name } of referenced) {
      expect(ids).toContain(id)
      expect(outputNames).toContain(name)
    }
  })

  it('run PR labels on pull_request_target without checking out the PR', () => {
    const wf = workflow('pull-request-labels.yml')
    expect(Object.keys(wf.on)).toEqual(['pull_request_target'])
    expect(wf.on.pull_request_target?.types).toEqual([
      'labeled',
      'unlabeled',
      'opened',
      'reopened',
      'synchronize'
    ])
    for (const [, job] of jobs(wf)) {
      expect(job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'))).toEqual([])
    }
  })

  it('never check out code in a pull_request_target workflow', () => {
    for (const file of examples) {
      const wf = workflow(file)
      if (!('pull_request_target' in wf.on)) continue
      const uses = jobs(wf).flatMap(([, job]) => job.steps.map((s) => s.uses ?? ''))
      expect(uses.filter((u) => u.startsWith('actions/checkout@'))).toEqual([])
    }
  })

  it('skip label events for labels without the prefix at job level, with the default prefix', () => {
    const { job } = theStep('pull-request-labels.yml')
    expect(squash(job.if)).toBe(
      "(github.event.action != 'labeled' && github.event.action != 'unlabeled') || " +
        "startsWith(github.event.label.name, 'expire-user:')"
    )
    expect(action.inputs['label-prefix']?.default).toBe('expire-user:')
  })

  it('plan a targets file on same-repository PRs only, apply it on push to main or by hand', () => {
    const wf = workflow('targets-file.yml')
    const { job, inputs } = theStep('targets-file.yml')
    expect(Object.keys(wf.on).sort()).toEqual(['pull_request', 'push', 'workflow_dispatch'])
    expect(wf.on.push?.branches).toEqual(['main'])
    const file = inputs['targets-file']
    expect(file).toBe('.github/expiring-targets.yml')
    expect(wf.on.pull_request?.paths).toEqual([file])
    expect(wf.on.push?.paths).toEqual([file])
    expect(job.steps[0]?.uses).toMatch(/^actions\/checkout@/)
    expect((job.steps[0]?.with ?? {})['persist-credentials']).toBe(false)
    expect(job.steps.findIndex(isOurs)).toBeGreaterThan(0)
  })

  it('guard every job of a pull_request workflow against forks, at job level', () => {
    // pull_request runs from forks get no secrets: without this if:, a fork's PR fails with
    // 'Input "api-key" is empty'.
    const guarded = examples.filter((file) => 'pull_request' in workflow(file).on)
    expect(guarded).toEqual(['targets-file.yml'])
    for (const file of guarded) {
      for (const { job } of actionSteps(workflow(file))) {
        expect(squash(job.if)).toBe(
          "github.event_name != 'pull_request' || " +
            'github.event.pull_request.head.repo.full_name == github.repository'
        )
      }
    }
  })

  it('schedule with the default base-uri and a lease longer than the weekly cron', () => {
    const wf = workflow('scheduled-cleanup.yml')
    const { inputs } = theStep('scheduled-cleanup.yml')
    expect(wf.on.schedule).toEqual([{ cron: '0 6 * * 1' }])
    expect(inputs).not.toHaveProperty('base-uri')
    const lines = String(inputs.targets).trim().split('\n')
    const leases = lines.map((line) => {
      const lease = /^[\w.-]+@\+(\d+)([hdw])$/.exec(line.trim())
      expect(lease).not.toBeNull()
      const [, n, unit] = lease as unknown as [string, string, 'h' | 'd' | 'w']
      return Number(n) * { h: 1, d: 24, w: 168 }[unit]
    })
    expect(leases.length).toBeGreaterThan(0)
    for (const hours of leases) expect(hours).toBeGreaterThan(7 * 24)
  })

  it('run slash commands on new comments only, skipping other comments and bots at job level, without checking out', () => {
    const wf = workflow('slash-command.yml')
    const { job } = theStep('slash-command.yml')
    expect(Object.keys(wf.on)).toEqual(['issue_comment'])
    expect(wf.on.issue_comment?.types).toEqual(['created'])
    expect(squash(job.if)).toBe(
      "startsWith(github.event.comment.body, '/expire') && github.event.comment.user.type != 'Bot'"
    )
    expect(action.inputs['slash-command']?.default).toBe('/expire')
    for (const [, j] of jobs(wf))
      expect(j.steps.filter((s) => s.uses?.startsWith('actions/checkout@'))).toEqual([])
    // Its header says why issue_comment with secrets is safe here.
    const header = headerOf('slash-command.yml')
    expect(header).toMatch(/never add a checkout/)
    expect(header).toMatch(/required-permission/)
  })

  it('run a plain workflow step by hand', () => {
    expect(Object.keys(workflow('workflow-step.yml').on)).toEqual(['workflow_dispatch'])
  })
})

describe('the examples of the scheduled modes', () => {
  it.each([
    ['sweep.yml', 'sweep', ['default-lifetime', 'exclude']],
    ['segment-sweep.yml', 'sweep', ['segment-key', 'default-lifetime', 'exclude']],
    ['reconcile.yml', 'reconcile', ['dashboard']],
    ['digest.yml', 'digest', ['window', 'dashboard']]
  ])('%s runs mode %s with its inputs, on a cron and by hand', (file, mode, needed) => {
    const wf = workflow(file)
    const { inputs } = theStep(file)
    expect(inputs.mode).toBe(mode)
    for (const name of needed) expect(Object.keys(inputs)).toContain(name)
    expect(wf.on.schedule).toEqual([{ cron: expect.any(String) }])
    // digest.yml also acts on the ticked boxes of its dashboard issue.
    const boxes = file === 'digest.yml' ? ['issues'] : []
    expect(Object.keys(wf.on).sort()).toEqual([...boxes, 'schedule', 'workflow_dispatch'])
    if (file === 'digest.yml') expect(wf.on.issues).toEqual({ types: ['edited'] })
  })

  it('digest.yml handles two quick ticks of the boxes in order', () => {
    expect(workflow('digest.yml').concurrency).toMatchObject({ 'cancel-in-progress': false })
  })

  it.each(['sweep.yml', 'segment-sweep.yml'])(
    '%s sweeps weekly, dry-running only by hand (a boolean that defaults to true)',
    (file) => {
      const wf = workflow(file)
      const { inputs } = theStep(file)
      const [{ cron }] = wf.on.schedule as unknown as [{ cron: string }]
      // Minute, hour, any day of the month, any month, one day of the week.
      expect(cron).toMatch(/^\d{1,2} \d{1,2} \* \* [0-6]$/)
      const dispatch = wf.on.workflow_dispatch as {
        inputs: Record<string, { type: string; default: unknown }>
      }
      expect(dispatch.inputs['dry-run']).toMatchObject({ type: 'boolean', default: true })
      // On the cron the expression gives false: the scheduled sweep always sends.
      expect(inputs['dry-run']).toBe(
        "${{ github.event_name == 'workflow_dispatch' && inputs.dry-run || false }}"
      )
      expect(String(inputs['default-lifetime'])).toMatch(/^\d+[hdw]$/)
      expect(inputs).not.toHaveProperty('variation')
      expect(inputs).not.toHaveProperty('targets')
      // The header says what the sweep does, and that a dry run by hand comes first.
      const header = headerOf(file)
      expect(header).toMatch(/never touched/)
      expect(header).toMatch(/dry-run first/)
    }
  )

  it('sweeps one segment in segment-sweep.yml: its included members, explained in comments', () => {
    const { inputs } = theStep('segment-sweep.yml')
    expect(inputs['segment-key']).toBe('beta-testers')
    expect(inputs).not.toHaveProperty('flag-key')
    expect(inputs).not.toHaveProperty('targets-file')
    // The user endpoint: the segment's users, as the header says.
    expect(inputs).not.toHaveProperty('context-kind')
    const header = headerOf('segment-sweep.yml')
    expect(header).toMatch(/segment beta-testers/)
    expect(header).toMatch(/included/)
    expect(header).toMatch(/excluded list are left alone/)
    expect(header).toMatch(/big segment is refused/)
    expect(header).toMatch(/approvals/)
    expect(header).toMatch(/docs\/segments\.md/)
    // The role it needs, for the very project, environment and segment the step names.
    expect(header).toContain(
      `updateExpiringTargets on proj/${String(inputs['project-key'])}:env/${String(
        inputs['environment-key']
      )}:segment/${String(inputs['segment-key'])}`
    )
    const steps = document('segment-sweep.yml').getIn(['jobs', 'sweep', 'steps', 0, 'with'], true)
    expect(squash(commentAbove(steps, 'segment-key'))).toMatch(/No flag-key/)
  })
})

// ---- permissions ------------------------------------------------------------------------------

/**
 * The least GITHUB_TOKEN permissions a job needs, from what it does (the README's table):
 * a checkout reads contents; the label rules on a PR (its comment, its labels and who added
 * them) need pull-requests: write and issues: read; the dashboard issue needs issues: write.
 */
function neededPermissions(wf: Workflow, job: Job): Permissions {
  const needed: Permissions = {}
  if (job.steps.some((s) => s.uses?.startsWith('actions/checkout@'))) needed.contents = 'read'
  for (const step of job.steps.filter(isOurs)) {
    const inputs = step.with ?? {}
    const mode = inputs.mode ?? 'apply'
    const onPullRequest =
      'pull_request' in wf.on || 'pull_request_target' in wf.on || 'pr-number' in inputs
    if (mode === 'reconcile' || (mode === 'apply' && onPullRequest)) {
      needed['pull-requests'] = 'write'
      needed.issues = 'read'
    }
    if (inputs.dashboard === true || inputs.dashboard === 'true') needed.issues = 'write'
    // A command comment: the report and the reactions on a pull request's comment or an issue's.
    if (mode === 'apply' && 'issue_comment' in wf.on) {
      needed['pull-requests'] = 'write'
      needed.issues = 'write'
    }
  }
  return needed
}

describe('permissions', () => {
  it.each(examples)('%s declares exactly the permissions its use needs', (file) => {
    const wf = workflow(file)
    for (const [, job] of jobs(wf)) {
      const declared = permissionsOf(wf, job)
      // Declared, or the token gets the repository's default permissions.
      expect(declared).toBeDefined()
      expect(declared).toEqual(neededPermissions(wf, job))
    }
  })

  it('give each scheduled mode what it needs', () => {
    const of = (file: string) => permissionsOf(workflow(file), theStep(file).job)
    for (const file of ['sweep.yml', 'segment-sweep.yml']) {
      expect(of(file)).toEqual({})
      expect(document(file).get('permissions', true)).toMatchObject({
        comment: ' LaunchDarkly only: no GitHub API calls'
      })
    }
    expect(of('digest.yml')).toEqual({ issues: 'write' })
    expect(of('reconcile.yml')).toEqual({ 'pull-requests': 'write', issues: 'write' })
    expect(of('pull-request-labels.yml')).toEqual({ 'pull-requests': 'write', issues: 'read' })
    expect(of('targets-file.yml')).toEqual({
      contents: 'read',
      'pull-requests': 'write',
      issues: 'read'
    })
  })

  it("match the README's table, row by row", () => {
    const readme = read('README.md')
    const section = readme.slice(
      readme.indexOf('\n## Permissions'),
      readme.indexOf('\n## ', readme.indexOf('\n## Permissions') + 1)
    )
    const rows = section
      .split('\n')
      .filter((line) => line.startsWith('|') && line.includes('](examples/'))
      .map((line) => line.split('|').map((cell) => cell.trim()))
    const named = rows.map((cells) => /\]\(examples\/([\w-]+\.yml)\)/.exec(cells[2] ?? '')?.[1])
    expect([...named].sort()).toEqual([...examples].sort())
    for (const cells of rows) {
      const file = /\]\(examples\/([\w-]+\.yml)\)/.exec(cells[2] ?? '')?.[1] as string
      const wf = workflow(file)
      const [contents, pullRequests, issues] = cells.slice(3, 6)
      const table: Permissions = {}
      if (contents !== '–') table.contents = contents as string
      if (pullRequests !== '–') table['pull-requests'] = pullRequests as string
      if (issues !== '–') table.issues = issues as string
      for (const [, job] of jobs(wf)) expect(permissionsOf(wf, job)).toEqual(table)
    }
  })
})

// ---- concurrency ------------------------------------------------------------------------------

/** docs/concurrency.md: which runs share a group, and at which level. */
const CONCURRENCY: Record<string, { level: 'job' | 'workflow'; group: string } | undefined> = {
  'pull-request-labels.yml': {
    level: 'job',
    group: 'launchdarkly-expiring-targets-${{ github.event.pull_request.number }}'
  },
  'targets-file.yml': {
    level: 'workflow',
    group: 'launchdarkly-targets-file-${{ github.event.pull_request.number || github.ref }}'
  },
  'reconcile.yml': { level: 'workflow', group: 'launchdarkly-expiring-targets-reconcile' },
  'sweep.yml': {
    level: 'workflow',
    group:
      "launchdarkly-expiring-targets-sweep${{ github.event_name == 'workflow_dispatch' && inputs.dry-run && '-dry-run' || '' }}"
  },
  'segment-sweep.yml': {
    level: 'workflow',
    group:
      "launchdarkly-expiring-targets-segment-sweep${{ github.event_name == 'workflow_dispatch' && inputs.dry-run && '-dry-run' || '' }}"
  },
  'digest.yml': { level: 'workflow', group: 'launchdarkly-expiring-targets-digest' },
  'scheduled-cleanup.yml': { level: 'workflow', group: 'launchdarkly-expiring-targets-cleanup' },
  'slash-command.yml': {
    level: 'job',
    group: 'launchdarkly-expiring-targets-command-${{ github.event.issue.number }}'
  },
  'workflow-step.yml': undefined
}

/** The concurrency of the job that runs the action, at whichever level it is set. */
function concurrencyOf(
  file: string
): { level: 'job' | 'workflow'; value: Concurrency } | undefined {
  const wf = workflow(file)
  const { job } = theStep(file)
  if (wf.concurrency) return { level: 'workflow', value: wf.concurrency }
  if (job.concurrency) return { level: 'job', value: job.concurrency }
  return undefined
}

describe('concurrency', () => {
  it('is designed for every example', () => {
    expect(Object.keys(CONCURRENCY).sort()).toEqual([...examples].sort())
  })

  it.each(examples)('%s has the group docs/concurrency.md describes', (file) => {
    const design = CONCURRENCY[file]
    const found = concurrencyOf(file)
    if (!design) return expect(found).toBeUndefined()
    expect(found?.level).toBe(design.level)
    expect(found?.value.group).toBe(design.group)
    // A running job is never cancelled.
    expect(found?.value['cancel-in-progress']).toBe(false)
    // Workflow level and job level are never both set.
    const wf = workflow(file)
    expect(Boolean(wf.concurrency) && jobs(wf).some(([, job]) => job.concurrency)).toBe(false)
    expect(read('docs/concurrency.md')).toContain(`\`${file}\``)
  })

  it('puts the label runs in a group per PR, on the job, after its if:', () => {
    const wf = workflow('pull-request-labels.yml')
    const { job } = theStep('pull-request-labels.yml')
    // On the job, not the workflow: a job skipped by its if: never joins the group.
    expect(wf.concurrency).toBeUndefined()
    expect(job.if).toBeDefined()
    expect(job.concurrency?.group).toContain('${{ github.event.pull_request.number }}')
  })

  it('gives each workflow a group of its own: no run can cancel another workflow’s', () => {
    const groups = examples.flatMap((file) => {
      const found = concurrencyOf(file)
      return found ? [found.value.group.toLowerCase()] : []
    })
    expect(new Set(groups).size).toBe(groups.length)
    // A scheduled group, whatever its expressions give, never equals a PR's label group.
    const labelGroup = /^launchdarkly-expiring-targets-\d+$/
    for (const file of [
      'reconcile.yml',
      'sweep.yml',
      'segment-sweep.yml',
      'digest.yml',
      'scheduled-cleanup.yml'
    ]) {
      const group = concurrencyOf(file)?.value.group ?? ''
      for (const value of [
        group.replace(/\$\{\{.*?\}\}/g, ''),
        group.replace(/\$\{\{.*?\}\}/g, '-dry-run')
      ])
        expect(value).not.toMatch(labelGroup)
    }
  })

  it.each([
    ['sweep.yml', 'launchdarkly-expiring-targets-sweep'],
    ['segment-sweep.yml', 'launchdarkly-expiring-targets-segment-sweep']
  ])('keeps the manual dry run of %s apart from its scheduled sweep', (file, name) => {
    const group = concurrencyOf(file)?.value.group ?? ''
    // On schedule the expression gives '', so the scheduled sweep's group is the plain name.
    expect(group.replace(/\$\{\{.*\}\}$/, '')).toBe(name)
    expect(group).toContain("github.event_name == 'workflow_dispatch' && inputs.dry-run")
    const dispatch = workflow(file).on.workflow_dispatch as {
      inputs: Record<string, { type: string }>
    }
    expect(dispatch.inputs['dry-run']?.type).toBe('boolean')
    // Its comment says why, as docs/concurrency.md does.
    const why = squash(commentAbove(document(file).contents, 'concurrency'))
    expect(why).toMatch(/dry run sends nothing and gets a group of its own/)
    expect(why).toMatch(/one pending run per group/)
  })

  it('explains in reconcile.yml why reconcile does not share the label groups', () => {
    const reconcile = squash(commentAbove(document('reconcile.yml').contents, 'concurrency'))
    expect(reconcile).toMatch(/label workflow/)
    expect(reconcile).toMatch(/one pending run per group/)
    expect(reconcile).toMatch(/docs\/concurrency\.md/)
    const labels = document('pull-request-labels.yml').getIn(['jobs', 'expire'], true)
    expect(squash(commentAbove(labels, 'concurrency'))).toMatch(/reconcile\.yml/)
  })
})

// ---- the docs ---------------------------------------------------------------------------------

const DOCS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`)
]

/** The rows of the first Markdown table after `heading`: one array of cells per row. */
function tableAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(`\n${heading}\n`)
  expect(start).toBeGreaterThan(-1)
  const lines = markdown.slice(start + heading.length + 2).split('\n')
  const first = lines.findIndex((line) => line.startsWith('|'))
  const rows: string[][] = []
  for (const line of lines.slice(first)) {
    if (!line.startsWith('|')) break
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim())
    )
  }
  return rows.slice(2) // the header and its rule
}

const code = (cell: string | undefined): string => /^`([^`]*)`$/.exec(cell ?? '')?.[1] ?? cell ?? ''

describe('docs/inputs-outputs.md', () => {
  const doc = read('docs/inputs-outputs.md')

  it('lists every input of action.yml, with its default and whether it is required', () => {
    const rows = tableAfter(doc, '## Inputs')
    expect(rows.map((cells) => code(cells[0])).sort()).toEqual([...inputNames].sort())
    for (const [name, required, fallback] of rows) {
      const input = action.inputs[code(name)] as ActionInput
      expect(`${code(name)} ${code(fallback)}`).toBe(`${code(name)} ${input.default ?? ''}`)
      expect(`${code(name)} ${required?.startsWith('yes')}`).toBe(
        `${code(name)} ${input.required === true}`
      )
    }
  })

  it('lists every output of action.yml', () => {
    const rows = tableAfter(doc, '## Outputs')
    expect(rows.map((cells) => code(cells[0])).sort()).toEqual([...outputNames].sort())
    for (const name of outputNames) expect(doc).toContain(`| \`${name}\``)
  })

  it('keeps its cells short', () => {
    for (const row of [...tableAfter(doc, '## Inputs'), ...tableAfter(doc, '## Outputs')])
      for (const cell of row) expect(cell.length).toBeLessThanOrEqual(100)
  })

  it('is linked from the README', () => {
    expect(read('README.md')).toContain('](docs/inputs-outputs.md)')
  })
})

describe('segments in the README and docs/segments.md', () => {
  const readme = read('README.md')
  const section = (markdown: string, heading: string): string => {
    const start = markdown.indexOf(`\n${heading}\n`)
    expect(start).toBeGreaterThan(-1)
    const level = /^#+/.exec(heading)?.[0] as string
    const next = markdown
      .slice(start + heading.length + 2)
      .search(new RegExp(`^#{1,${level.length}} `, 'm'))
    return markdown.slice(start, next === -1 ? undefined : start + heading.length + 2 + next)
  }

  it('has a Segments section under Usage: a step with segment-key, the example and the doc', () => {
    const usage = section(readme, '## Usage')
    const segments = section(readme, '### Segments')
    expect(usage).toContain(segments)
    const [block] = [...segments.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string)
    const [step] = parse(block as string) as Step[]
    expect(isOurs(step as Step)).toBe(true)
    expect(step?.with?.['segment-key']).toBeDefined()
    expect(step?.with).not.toHaveProperty('flag-key')
    expect(segments).toContain('](examples/segment-sweep.yml)')
    expect(segments).toContain('](docs/segments.md)')
    expect(segments).toMatch(/`included` or `excluded`/)
  })

  it('names the role segments need, in Install and Permissions', () => {
    expect(section(readme, '## Install')).toContain('proj/default:env/production:segment/*')
    expect(section(readme, '## Permissions')).toContain(
      'proj/<project>:env/<environment>:segment/<key>'
    )
    expect(read('docs/segments.md')).toContain('updateExpiringTargets')
  })

  it('troubleshoots approvals, keys that are not members and big segments', () => {
    const troubleshooting = section(readme, '## Troubleshooting')
    expect(troubleshooting).toMatch(/needs approval for changes/)
    expect(troubleshooting).toMatch(/is neither included in nor excluded from segment/)
    expect(troubleshooting).toMatch(/is a big segment/)
  })

  it('quotes the sentences the action writes', () => {
    // The same words as src/launchdarkly/segment.ts and client.ts, so a search finds them.
    const doc = read('docs/segments.md')
    expect(read('src/launchdarkly/segment.ts')).toContain(
      'is neither included in nor excluded from'
    )
    expect(doc).toContain('is neither included in nor excluded from segment')
    expect(read('src/launchdarkly/segment.ts')).toContain(
      'is a big segment: LaunchDarkly does not list its members'
    )
    expect(doc).toContain('is a big segment: LaunchDarkly does not list its members')
    expect(read('src/launchdarkly/client.ts')).toContain('needs approval for changes')
    expect(doc).toContain('needs approval for changes')
    for (const heading of [
      '## Which list: `targetType`',
      '## User or contexts endpoint',
      '## The version on an update',
      '## Big segments',
      '## Sweep and digest',
      '## Environments that require approvals',
      "## The token's role"
    ])
      expect(doc).toContain(`\n${heading}\n`)
  })
})

/** GitHub's anchor for a heading. */
const slug = (heading: string): string =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-')

const anchors = (markdown: string): string[] =>
  [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map(([, heading]) => slug(heading as string))

describe('the README and docs/', () => {
  it.each(DOCS)('%s links only to files and headings that exist (images included)', (file) => {
    const markdown = read(file).replace(/```[\s\S]*?```/g, '')
    const targets = [
      ...[...markdown.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1] as string),
      ...[...markdown.matchAll(/^\[[^\]]+\]: (\S+)$/gm)].map((m) => m[1] as string)
    ].filter((target) => !/^[a-z]+:/.test(target))
    if (file === 'README.md') expect(targets.length).toBeGreaterThan(10)
    for (const target of targets) {
      const [path, anchor] = target.split('#') as [string, string | undefined]
      const resolved = path === '' ? file : normalize(join(dirname(file), path))
      expect(`${file} -> ${resolved}: ${existsSync(join(ROOT, resolved))}`).toBe(
        `${file} -> ${resolved}: true`
      )
      if (anchor !== undefined && resolved.endsWith('.md'))
        expect(`${resolved}#${anchor}: ${anchors(read(resolved)).includes(anchor)}`).toBe(
          `${resolved}#${anchor}: true`
        )
    }
  })

  it.each(DOCS)('%s gives the action only declared inputs in its YAML snippets', (file) => {
    const blocks = [...read(file).matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string)
    for (const block of blocks) {
      const parsed: unknown = parse(block)
      const steps: Step[] = []
      const walk = (value: unknown): void => {
        if (Array.isArray(value)) value.forEach(walk)
        else if (value && typeof value === 'object') {
          const step: Step = value
          if (isOurs(step)) steps.push(step)
          Object.values(value).forEach(walk)
        }
      }
      walk(parsed)
      for (const step of steps) {
        expect(Object.keys(step.with ?? {}).filter((n) => !inputNames.includes(n))).toEqual([])
        if (step.with) expect(step.with['api-key']).toMatch(/^\$\{\{ secrets\.[A-Z_]+ \}\}$/)
      }
    }
  })

  it('shows no full workflow in the README: the complete ones are the examples', () => {
    const blocks = [...read('README.md').matchAll(/```yaml\n([\s\S]*?)```/g)].map(
      (m) => parse(m[1] as string) as unknown
    )
    expect(blocks.length).toBeGreaterThan(0)
    for (const block of blocks) {
      if (block && typeof block === 'object' && !Array.isArray(block))
        expect(Object.keys(block)).not.toContain('jobs')
    }
  })

  it('links every example, and the sample targets file, from the README or its section doc', () => {
    const readme = read('README.md')
    for (const file of examples) expect(readme).toContain(`](examples/${file})`)
    expect(readme).toContain('](examples/files/expiring-targets.yml)')
    expect(read('docs/targets-file.md')).toContain('](../examples/files/expiring-targets.yml)')
  })

  it('keep measured figures in BENCHMARKS.md only', () => {
    for (const file of DOCS) {
      const text = read(file)
      const figures = [
        ...(text.match(/\d[\d.,]*\s?×/g) ?? []),
        ...(text.match(/\b\d[\d.,]*\s?(?:ms|kB|MB)\b/g) ?? [])
      ]
      expect(`${file}: ${figures.join(', ')}`).toBe(`${file}: `)
    }
    expect(read('README.md')).toContain('](BENCHMARKS.md)')
  })

  it('recommend a full commit SHA, never a moving major tag', () => {
    for (const file of DOCS) expect(`${file}: ${/@v\d\b/.test(read(file))}`).toBe(`${file}: false`)
    const readme = read('README.md')
    expect(readme).toMatch(/full commit SHA/)
    expect(readme).toMatch(/No release is tagged yet/)
  })

  it('keep the README short: at most 400 lines, the two commands first, Development last', () => {
    const readme = read('README.md')
    expect(readme.split('\n').length).toBeLessThanOrEqual(401)
    const intro = readme.slice(0, readme.indexOf('\n## '))
    expect(intro).toContain('npm ci && npm run demo')
    expect(intro).toContain('npm ci && npm test')
    const sections = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1])
    expect(sections.at(-1)).toBe('Development')
    expect(sections).toEqual(
      expect.arrayContaining(['Install', 'Usage', 'Permissions', 'Troubleshooting'])
    )
  })
})

/**
 * Action inputs -> one typed, validated Settings object. The only module that reads inputs.
 */
import * as core from '@actions/core'
import { z } from 'zod'
import { CONTEXT_KIND, KEY, KEY_RULE, RESERVED_KINDS } from '../core/keys.js'
import { PERMISSIONS, type Permission } from '../github/permission.js'
import { isValidTimeZone } from '../core/when.js'
import { DEFAULT_PREFIX, DEFAULT_SLASH_COMMAND } from './trigger.js'

/** What the run does: apply entries, sweep untimed targets, reconcile open PRs, or digest. */
export const MODES = ['apply', 'sweep', 'reconcile', 'digest'] as const
export type Mode = (typeof MODES)[number]

export interface Settings {
  mode: Mode
  apiKey: string
  baseUri: string
  projectKey: string
  /** One or more; every entry applies in each. */
  environmentKeys: string[]
  /** Empty when the targets file names the flags, or with `*` (allFlags). */
  flagKeys: string[]
  /** `flag-key: *`: every flag of the project (sweep, digest), or those with flagTag. */
  allFlags: boolean
  /** The segments every entry also applies to; empty with `*` (allSegments). */
  segmentKeys: string[]
  /** `segment-key: *`: every segment of the project (sweep, digest). */
  allSegments: boolean
  flagTag: string | undefined
  /** sweep: the removal every untimed target gets, from now. */
  defaultLifetimeMs: number | undefined
  /** sweep: keys never swept. */
  exclude: string[]
  /** digest: how far ahead to look. */
  windowMs: number
  /** digest, with dashboard: how far a ticked extend box moves a removal (default: the window). */
  extendByMs: number
  /** digest, reconcile: keep one dashboard issue up to date. */
  dashboard: boolean
  /** Set: labels and targets lines are contexts of this kind (the contexts endpoint). */
  contextKind: string | undefined
  /** The targets file's path, relative to the workspace. */
  targetsFile: string | undefined
  variation: string | undefined
  targets: string
  labelPrefix: string
  /** The word that starts a command comment (issue_comment), such as /expire. */
  slashCommand: string
  timeZone: string
  dryRun: boolean
  comment: boolean
  prNumber: number | undefined
  githubToken: string
  failOnError: boolean
  /** The least repository permission a label's sender needs for the label to act. */
  requiredPermission: Permission
  maxAttempts: number
  maxRetryWaitMs: number
  requestTimeoutMs: number
  batchSize: number
  /** Which sticky comment this step writes. */
  commentKey: string
}

export const DEFAULT_BASE_URI = 'https://app.launchdarkly.com'

const key = z
  .string()
  .min(1, 'is required')
  .max(256, 'is longer than 256 characters')
  .regex(KEY, `may only contain ${KEY_RULE}`)

const bool = z.string().transform((value, ctx) => {
  if (['true', 'True', 'TRUE'].includes(value)) return true
  if (['false', 'False', 'FALSE'].includes(value)) return false
  ctx.addIssue({ code: 'custom', message: `must be true or false, not "${value}"` })
  return z.NEVER
})

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}

const baseUri = z.string().transform((text, ctx) => {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    ctx.addIssue({
      code: 'custom',
      message: `is not a URL ("${text}"); write it like ${DEFAULT_BASE_URI}`
    })
    return z.NEVER
  }
  const plainLoopback = url.protocol === 'http:' && isLoopback(url.hostname)
  if (url.protocol !== 'https:' && !plainLoopback) {
    ctx.addIssue({
      code: 'custom',
      message: 'must use https (http is allowed only on a loopback host)'
    })
    return z.NEVER
  }
  if (url.username || url.password || url.search || url.hash) {
    ctx.addIssue({ code: 'custom', message: 'must have no credentials, query or fragment' })
    return z.NEVER
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
})

const apiKey = z
  .string()
  .min(1, 'is empty: pass a LaunchDarkly access token from a secret (see the README for forks)')
  .refine((v) => !/^(sdk|mob)-/.test(v), {
    message: 'is an SDK or mobile key; the REST API needs a personal or service access token'
  })
  .refine((v) => !/\s/.test(v), {
    message: 'contains white space; check how the secret was stored'
  })

/** A comma- or newline-separated list, trimmed, without blanks or repeats. */
function splitList(value: string): string[] {
  return [
    ...new Set(
      value
        .split(/[,\n]/)
        .map((v) => v.trim())
        .filter(Boolean)
    )
  ]
}

/** One or more keys, comma- or newline-separated. */
function keyList(what: string) {
  return z
    .string()
    .transform(splitList)
    .pipe(z.array(key).min(1, `is required: one or more ${what} keys, comma- or newline-separated`))
}

const FLAG_KEY_REQUIRED =
  'is required: one or more flag keys, comma- or newline-separated (it may be empty with segment-key or targets-file)'

/** LaunchDarkly's context kinds: letters, digits, ".", "_" and "-"; `kind` and `multi` are reserved. */
const contextKind = z
  .string()
  .refine((v) => v === '' || CONTEXT_KIND.test(v), {
    message: 'may only contain letters, digits, ".", "_" and "-"'
  })
  .refine((v) => !RESERVED_KINDS.includes(v), {
    message: 'cannot be "kind" or "multi"; name a context kind such as user or organization'
  })
  .transform((v) => (v === '' ? undefined : v))

const targetsFile = z
  .string()
  .refine((v) => !v.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(v), {
    message: 'must be a path relative to the workspace, such as .github/expiring-targets.yml'
  })
  .refine((v) => !v.split(/[\\/]/).includes('..'), {
    message: 'must stay inside the workspace (no "..")'
  })
  .transform((v) => (v === '' ? undefined : v))

const DURATION_MS: Record<string, number> = { h: 3_600_000, d: 86_400_000, w: 604_800_000 }
const MAX_DURATION_MS = 520 * 604_800_000

/** `Nh`, `Nd` or `Nw`, as milliseconds; empty as undefined. */
const duration = z.string().transform((value, ctx) => {
  if (value === '') return undefined
  const match = /^(\d{1,6})([hdw])$/.exec(value)
  const ms = match ? Number(match[1]) * (DURATION_MS[match[2] as string] as number) : 0
  if (ms > MAX_DURATION_MS) {
    ctx.addIssue({ code: 'custom', message: `must be at most 10 years (520w), not "${value}"` })
    return z.NEVER
  }
  if (ms <= 0) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a positive number of hours, days or weeks, such as 36h, 30d or 2w, not "${value}"`
    })
    return z.NEVER
  }
  return ms
})

function integer(min: number, max: number, unit: string) {
  return z
    .string()
    .regex(/^\d{1,6}$/, `must be a whole number of ${unit}`)
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
}

/** Flag or segment keys, comma- or newline-separated; `*` alone is every one of the project. */
function containerKeys(kind: 'flag' | 'segment') {
  return z
    .string()
    .transform(splitList)
    .pipe(
      z.array(
        z.string().refine((v) => v === '*' || key.safeParse(v).success, {
          error: (issue) =>
            `may only contain ${KEY_RULE} (${JSON.stringify(issue.input)} does not), or be * alone for every ${kind}`
        })
      )
    )
}

const prNumber = z
  .string()
  .regex(/^(\d{1,10})?$/, 'must be a pull request number')
  .transform((v) => (v === '' ? undefined : Number(v)))

const schema = z.object({
  mode: z.enum(MODES, { message: `must be one of ${MODES.join(', ')}` }),
  'api-key': apiKey,
  'base-uri': baseUri,
  'project-key': key,
  'environment-key': keyList('environment'),
  'flag-key': containerKeys('flag'),
  'segment-key': containerKeys('segment'),
  'flag-tag': z.string().refine((v) => v === '' || KEY.test(v), {
    message: `may only contain ${KEY_RULE}`
  }),
  'default-lifetime': duration,
  exclude: z.string().transform(splitList),
  window: duration,
  'extend-by': duration,
  dashboard: bool,
  'context-kind': contextKind,
  'targets-file': targetsFile,
  variation: z.string().transform((v) => (v === '' ? undefined : v)),
  targets: z.string(),
  'label-prefix': z
    .string()
    .max(40, 'is longer than 40 characters')
    .regex(/^[^\s@,]+$/, 'must have no white space, "@" or ","'),
  'slash-command': z
    .string()
    .max(40, 'is longer than 40 characters')
    .regex(/^[^\s@,]+$/, 'must be one word, with no white space, "@" or ","'),
  timezone: z
    .string()
    .refine(isValidTimeZone, { message: 'is not an IANA time zone, e.g. UTC, Europe/Berlin' }),
  'dry-run': bool,
  comment: bool,
  'pr-number': prNumber,
  'github-token': z.string(),
  'fail-on-error': bool,
  'required-permission': z.enum(PERMISSIONS, {
    message: `must be one of ${PERMISSIONS.join(', ')}`
  }),
  'max-attempts': integer(1, 10, 'attempts'),
  'max-retry-wait': integer(0, 600, 'seconds'),
  'request-timeout': integer(1, 300, 'seconds'),
  'batch-size': integer(1, 1000, 'instructions')
})

type InputName = keyof z.input<typeof schema>

/** Every input the action reads; action.yml must declare exactly these (a test checks). */
export const INPUT_NAMES = Object.keys(schema.shape) as InputName[]

/** action.yml's defaults, for runs that do not get them from the runner (a test checks both agree). */
export const INPUT_DEFAULTS: Partial<Record<InputName, string>> = {
  mode: 'apply',
  window: '7d',
  dashboard: 'false',
  'base-uri': DEFAULT_BASE_URI,
  'label-prefix': DEFAULT_PREFIX,
  'slash-command': DEFAULT_SLASH_COMMAND,
  timezone: 'UTC',
  'dry-run': 'false',
  comment: 'true',
  'fail-on-error': 'true',
  'required-permission': 'write',
  'max-attempts': '5',
  'max-retry-wait': '120',
  'request-timeout': '30',
  'batch-size': '100'
}

type Values = z.output<typeof schema>

/** What one input means only with another, checked when the inputs it names are valid. */
interface CrossCheck {
  inputs: InputName[]
  /** A sentence naming the inputs, or undefined when they agree. */
  problem: (v: Values) => string | undefined
}

const isScan = (mode: Mode): boolean => mode === 'sweep' || mode === 'digest'
const allFlagsOf = (v: Values): boolean => v['flag-key'].includes('*')
const allSegmentsOf = (v: Values): boolean => v['segment-key'].includes('*')

const CROSS_CHECKS: CrossCheck[] = [
  {
    inputs: ['flag-key'],
    problem: (v) =>
      allFlagsOf(v) && v['flag-key'].length > 1
        ? 'Input "flag-key" is either * (every flag) or a list of keys, not both.'
        : undefined
  },
  {
    inputs: ['segment-key'],
    problem: (v) =>
      allSegmentsOf(v) && v['segment-key'].length > 1
        ? 'Input "segment-key" is either * (every segment) or a list of keys, not both.'
        : undefined
  },
  {
    inputs: ['flag-key', 'segment-key', 'targets-file'],
    problem: (v) =>
      v['flag-key'].length === 0 && v['segment-key'].length === 0 && !v['targets-file']
        ? `Input "flag-key" ${FLAG_KEY_REQUIRED}.`
        : undefined
  },
  {
    inputs: ['segment-key', 'mode'],
    problem: (v) =>
      allSegmentsOf(v) && !isScan(v.mode)
        ? `Input "segment-key" may be * (every segment) only with mode sweep or digest, not ${v.mode}.`
        : undefined
  },
  {
    inputs: ['flag-key', 'mode'],
    problem: (v) =>
      allFlagsOf(v) && !isScan(v.mode)
        ? `Input "flag-key" may be * (every flag) only with mode sweep or digest, not ${v.mode}.`
        : undefined
  },
  {
    inputs: ['flag-tag', 'flag-key'],
    problem: (v) =>
      v['flag-tag'] && !allFlagsOf(v)
        ? 'Input "flag-tag" works only with flag-key: * (every flag with that tag).'
        : undefined
  },
  {
    inputs: ['mode', 'default-lifetime'],
    problem: (v) =>
      v.mode === 'sweep' && v['default-lifetime'] === undefined
        ? 'Input "default-lifetime" is required with mode sweep: the removal each untimed target gets, such as 30d.'
        : undefined
  },
  {
    inputs: ['dashboard', 'mode'],
    problem: (v) =>
      v.dashboard && v.mode !== 'digest' && v.mode !== 'reconcile'
        ? 'Input "dashboard" works only with mode digest or reconcile.'
        : undefined
  },
  {
    inputs: ['mode', 'targets'],
    problem: (v) =>
      v.mode !== 'apply' && v.targets.trim() !== ''
        ? `Input "targets" works only with mode apply, not ${v.mode}.`
        : undefined
  },
  {
    inputs: ['targets-file', 'mode'],
    problem: (v) =>
      v['targets-file'] && v.mode !== 'apply' && v.mode !== 'reconcile'
        ? `Input "targets-file" works only with mode apply, and with reconcile for its aliases, not ${v.mode}.`
        : undefined
  },
  {
    inputs: ['mode', 'default-lifetime', 'exclude'],
    problem: (v) =>
      v.mode !== 'sweep' && (v['default-lifetime'] !== undefined || v.exclude.length > 0)
        ? 'Inputs "default-lifetime" and "exclude" work only with mode sweep.'
        : undefined
  },
  {
    inputs: ['mode', 'variation'],
    problem: (v) =>
      v.mode === 'sweep' && v.variation !== undefined
        ? 'Input "variation" does not work with mode sweep: each key is swept on the variation it is targeted on.'
        : undefined
  }
]

/**
 * Every input on its own, then every cross-check whose inputs are valid: one run reports every
 * problem, one sentence each, rather than one more on each run.
 */
function validate(raw: Record<InputName, string>): { values?: Values; problems: string[] } {
  const parsed: Partial<Record<InputName, unknown>> = {}
  const problems: string[] = []
  for (const name of INPUT_NAMES) {
    const result = (schema.shape[name] as z.ZodType).safeParse(raw[name])
    if (result.success) parsed[name] = result.data
    else problems.push(...result.error.issues.map((issue) => `Input "${name}" ${issue.message}.`))
  }
  for (const { inputs, problem } of CROSS_CHECKS) {
    if (!inputs.every((name) => name in parsed)) continue
    const text = problem(parsed as Values)
    if (text !== undefined) problems.push(text)
  }
  return problems.length === 0 ? { values: parsed as Values, problems } : { problems }
}

const INPUT_VARIABLE = 'INPUT_'
/** The most of an unknown input's name a message shows. */
const MAX_SHOWN_NAME = 60

/**
 * The runner gives every `with:` entry as `INPUT_<NAME>` (upper-cased, spaces as `_`, hyphens
 * kept), declared or not, and only warns about an undeclared one: a misspelt input such as
 * `dry_run` would otherwise be ignored and the run would do what it was told not to. Each unknown
 * one is a sentence naming it as the workflow spells it, and the closest declared input.
 */
export function unknownInputs(env: NodeJS.ProcessEnv = process.env): string[] {
  const declared: readonly string[] = INPUT_NAMES
  const problems: string[] = []
  for (const variable of Object.keys(env).sort()) {
    if (!variable.startsWith(INPUT_VARIABLE)) continue
    const name = variable.slice(INPUT_VARIABLE.length).toLowerCase()
    if (name === '' || declared.includes(name)) continue
    const shown =
      name.length > MAX_SHOWN_NAME
        ? `${name.slice(0, MAX_SHOWN_NAME)}… (${name.length} chars)`
        : name
    const closest = closestInput(name)
    problems.push(
      closest === undefined
        ? `\`${shown}\` is not an input of this action; its inputs are ${INPUT_NAMES.join(', ')}.`
        : `\`${shown}\` is not an input of this action; did you mean \`${closest}\`?`
    )
  }
  return problems
}

/**
 * The declared input a name most likely meant: the same but for `_`, `.` or a space in place of
 * `-`, a few typing slips away (edit distance with transpositions), or a whole word of it
 * (`project` for `project-key`). Undefined when none is close.
 */
export function closestInput(name: string): string | undefined {
  const written = name.toLowerCase().replace(/[_.\s]/g, '-')
  if (written.length > MAX_SHOWN_NAME) return undefined
  let best: { input: InputName; distance: number } | undefined
  for (const input of INPUT_NAMES) {
    const distance = editDistance(written, input)
    const slips = Math.max(2, Math.floor(Math.max(written.length, input.length) / 3))
    const word = input.startsWith(`${written}-`) || input.endsWith(`-${written}`)
    if (distance > slips && !word) continue
    if (best === undefined || distance < best.distance) best = { input, distance }
  }
  return best?.input
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps cost 1. */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
  )
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Infinity
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d = Math.min(d, at(i - 2, j - 2) + 1)
      ;(rows[i] as number[])[j] = d
    }
  }
  return at(a.length, b.length)
}

/** What reporting needs, read leniently so that a run with bad inputs can still report. */
export interface ReportingSettings {
  comment: boolean
  prNumber: number | undefined
  githubToken: string
  failOnError: boolean
  apiKeyMissing: boolean
  commentKey: string
}

/**
 * Which sticky comment a step writes: one per project, set of environments and set of flags (the
 * targets file's path stands for the flags it names).
 */
function commentKeyOf(
  projectKey: string,
  environmentKeys: string[],
  flagKeys: string[],
  targetsFile: string | undefined,
  segmentKeys: string[] = []
): string {
  const clean = (value: string): string => value.replace(/[^A-Za-z0-9._,/-]/g, '')
  const parts = [`project=${clean(projectKey)}`, `environment=${clean(environmentKeys.join(','))}`]
  if (flagKeys.length > 0) parts.push(`flags=${clean(flagKeys.join(','))}`)
  if (segmentKeys.length > 0) parts.push(`segments=${clean(segmentKeys.join(','))}`)
  if (targetsFile !== undefined) parts.push(`file=${clean(targetsFile)}`)
  return parts.join(' ')
}

export class SettingsError extends Error {
  constructor(
    readonly problems: string[],
    readonly reporting: ReportingSettings
  ) {
    super(problems.join('\n'))
    this.name = 'SettingsError'
  }
}

/** Reads every input, masks the secrets, and returns the settings or throws SettingsError. */
export function readSettings(): Settings {
  const raw = {} as Record<InputName, string>
  for (const name of INPUT_NAMES) {
    const value = core.getInput(name, { trimWhitespace: name !== 'targets' })
    raw[name] = value === '' ? (INPUT_DEFAULTS[name] ?? '') : value
  }
  for (const secret of [raw['api-key'], raw['github-token']]) if (secret) core.setSecret(secret)

  const checked = validate(raw)
  const problems = [...unknownInputs(), ...checked.problems]
  const v = checked.values
  if (v === undefined || problems.length > 0) {
    throw new SettingsError(problems, {
      comment: raw.comment !== 'false',
      prNumber: /^\d{1,10}$/.test(raw['pr-number']) ? Number(raw['pr-number']) : undefined,
      githubToken: raw['github-token'],
      failOnError: raw['fail-on-error'] !== 'false',
      apiKeyMissing: raw['api-key'] === '',
      commentKey: commentKeyOf(
        raw['project-key'],
        splitList(raw['environment-key']),
        splitList(raw['flag-key']),
        raw['targets-file'] || undefined,
        splitList(raw['segment-key'])
      )
    })
  }
  const allFlags = v['flag-key'][0] === '*'
  const allSegments = v['segment-key'][0] === '*'
  return {
    mode: v.mode,
    apiKey: v['api-key'],
    baseUri: v['base-uri'],
    projectKey: v['project-key'],
    environmentKeys: v['environment-key'],
    flagKeys: allFlags ? [] : v['flag-key'],
    allFlags,
    segmentKeys: allSegments ? [] : v['segment-key'],
    allSegments,
    flagTag: v['flag-tag'] || undefined,
    defaultLifetimeMs: v['default-lifetime'],
    exclude: v.exclude,
    windowMs: v.window ?? 7 * 86_400_000,
    extendByMs: v['extend-by'] ?? v.window ?? 7 * 86_400_000,
    dashboard: v.dashboard,
    contextKind: v['context-kind'],
    targetsFile: v['targets-file'],
    variation: v.variation,
    targets: v.targets,
    labelPrefix: v['label-prefix'],
    slashCommand: v['slash-command'],
    timeZone: v.timezone,
    dryRun: v['dry-run'],
    comment: v.comment,
    prNumber: v['pr-number'],
    githubToken: v['github-token'],
    failOnError: v['fail-on-error'],
    requiredPermission: v['required-permission'],
    maxAttempts: v['max-attempts'],
    maxRetryWaitMs: v['max-retry-wait'] * 1000,
    requestTimeoutMs: v['request-timeout'] * 1000,
    batchSize: v['batch-size'],
    commentKey: commentKeyOf(
      v['project-key'],
      v['environment-key'],
      v['flag-key'],
      v['targets-file'],
      v['segment-key']
    )
  }
}

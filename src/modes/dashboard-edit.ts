/**
 * An edit of the dashboard issue (the digest step, `dashboard: true`, on `issues: [edited]`): the
 * boxes ticked in the new body and unticked in the one before (the action's own text, so a box
 * pasted in is ignored) act, once the sender passes the gate: **extend** moves that removal by
 * extend-by from its current time, **keep** cancels it. One PATCH per (container, environment);
 * then the digest rewrites the dashboard, every box unticked, under a line saying what was done,
 * by whom and when. Refused, nothing is sent and the dashboard says so.
 */
import { z } from 'zod'
import { applyAll, type PairResult, type Planner } from '../engine/execute.js'
import { allows } from '../github/permission.js'
import { flagRef, pairId, segmentRef, type ContainerRef } from '../launchdarkly/container.js'
import type { Entry } from '../core/entry.js'
import * as log from '../core/logger.js'
import { formatUtc, LATEST_MS, type When } from '../core/when.js'
import { USER_KIND } from '../core/target.js'
import { tickedBoxes, type Box } from '../report/boxes.js'
import { code, text } from '../report/escape.js'
import { runDigest } from './digest.js'
import { applyOptions, type ModeInput, type ModeResult } from './mode.js'
import { scanReport } from './scan.js'

const editPayload = z.object({
  action: z.literal('edited'),
  issue: z.object({ number: z.number().int().positive(), body: z.string().nullish() }),
  changes: z
    .object({ body: z.object({ from: z.string().nullish() }).nullish() })
    .passthrough()
    .nullish(),
  sender: z.object({ login: z.string().min(1) })
})

/** The run of a dashboard edit; undefined when it is not ours to act on (nothing written). */
export async function runDashboardEdit(input: ModeInput): Promise<ModeResult | undefined> {
  const { context, settings, github, launchDarkly } = input
  if (!settings.dashboard) {
    log.info('The dashboard was edited, but this step has dashboard: false: nothing to do.')
    return undefined
  }
  const parsed = editPayload.safeParse(context.event.payload)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new Error(
      `The issues event payload has no usable edit (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`
    )
  }
  const { issue, changes, sender } = parsed.data
  // The event alone says whether a box was ticked: only then is GitHub asked which issue is ours.
  const boxes = tickedBoxes(issue.body, changes?.body?.from).filter((box) => inScope(box, input))
  if (boxes.length === 0) {
    log.info('No box of the dashboard was ticked by this edit: nothing to do.')
    return undefined
  }
  const number = await github.dashboardNumber(`project=${settings.projectKey}`)
  if (number !== issue.number) {
    log.info(`Issue #${issue.number} is not this step's dashboard: nothing to do.`)
    return undefined
  }
  const at = formatUtc(Date.now())
  const by = text(`@${sender.login}`)
  const refusal = await refused(input, sender.login)
  if (refusal !== undefined) {
    log.warning(`${refusal} Nothing was sent to LaunchDarkly.`)
    return withNote(input, `**Not done:** ${text(refusal)} (boxes ticked by ${by}, ${at}).`)
  }
  const now = Date.now()
  const endpoint =
    settings.contextKind !== undefined || boxes.some((b) => b.target.kind !== USER_KIND)
      ? 'contexts'
      : 'users'
  const options = applyOptions(input, endpoint, now)
  const origin = `the dashboard, box ticked by @${sender.login}`
  const planner: Planner = (state, ref) =>
    boxes
      .filter((box) => pairId(refOf(box, settings.projectKey)) === pairId(ref))
      .flatMap((box): Entry[] => {
        const when = whenOf(box, state.items, settings.extendByMs)
        if (!when) return []
        const source = `${box.action} ${box.target.kind} ${box.target.key}`
        return [{ target: box.target, when, source, origin }]
      })
  const pairs = unique(boxes.map((box) => refOf(box, settings.projectKey)))
  const flags = await applyAll(launchDarkly, pairs, planner, options)
  const note = `**Done from the boxes** by ${by}, ${at}: ${describeDone(flags, boxes)}`
  const result = await withNote(input, note)
  return { ...result, report: scanReport(input, flags, settings.dryRun) }
}

/** Only the step's own environments, flags and segments. */
function inScope(box: Box, { settings }: ModeInput): boolean {
  if (!settings.environmentKeys.includes(box.environmentKey)) return false
  if (box.container.kind === 'flag')
    return settings.allFlags || settings.flagKeys.includes(box.container.key)
  return settings.allSegments || settings.segmentKeys.includes(box.container.key)
}

/** Why the sender may not act, or undefined when they may. */
async function refused(
  { settings, github }: ModeInput,
  login: string
): Promise<string | undefined> {
  const required = settings.requiredPermission
  if (required === 'none') return undefined
  const needs = `acting from the dashboard needs ${required} permission (input required-permission)`
  try {
    const actual = await github.permissionOf(login)
    if (allows(actual, required)) return undefined
    return `${login} has ${actual} permission; ${needs}.`
  } catch (error) {
    return `could not check the permission of ${login} (${(error as Error).message}); ${needs}.`
  }
}

function refOf(box: Box, projectKey: string): ContainerRef {
  const { kind, key } = box.container
  return kind === 'flag'
    ? flagRef(projectKey, key, box.environmentKey)
    : segmentRef(projectKey, key, box.environmentKey)
}

/** keep: never; extend: the removal's current time plus extend-by; none when it has no removal. */
function whenOf(
  box: Box,
  items: { target: { kind: string; key: string }; expirationDate: number }[],
  extendByMs: number
): When | undefined {
  if (box.action === 'keep') return { kind: 'never' }
  const item = items.find(
    (i) => i.target.kind === box.target.kind && i.target.key === box.target.key
  )
  if (!item) return undefined
  return { kind: 'at', epochMs: Math.min(item.expirationDate + extendByMs, LATEST_MS) }
}

function describeDone(flags: PairResult[], boxes: Box[]): string {
  const parts = flags.flatMap((f) =>
    f.entries.map((r) => {
      const { target, when } = r.planned.entry
      const what = when.kind === 'never' ? 'kept' : `extended to ${formatUtc(when.epochMs)}`
      const where = `${f.ref.kind} ${code(f.ref.key, false)} in ${code(f.ref.environmentKey, false)}`
      const who = `${target.kind} ${code(target.key, false)}`
      return `${who} on ${where} ${r.outcome === 'failed' ? `not ${what} (failed)` : what}`
    })
  )
  const acted = parts.length
  const missing = boxes.length - acted
  if (missing > 0) parts.push(`${missing} box${missing === 1 ? '' : 'es'} named no removal now`)
  return `${parts.join('; ')}.`
}

/** The digest's rewrite of the dashboard (every box unticked), under a line. */
async function withNote(input: ModeInput, note: string): Promise<ModeResult> {
  const result = await runDigest(input)
  const due = result.dashboard?.due
  return {
    ...result,
    ...(due !== undefined ? { dashboard: { ...result.dashboard, due: `${note}\n\n${due}` } } : {})
  }
}

function unique(refs: ContainerRef[]): ContainerRef[] {
  return [...new Map(refs.map((ref) => [pairId(ref), ref])).values()]
}

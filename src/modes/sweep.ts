/**
 * The sweep mode: every key individually targeted on a flag (users from `targets`, contexts of
 * `context-kind` from `contextTargets`), and every key included in a segment, that has no removal
 * scheduled gets one at now + `default-lifetime`, except the `exclude` keys. Scheduled keys are never touched; one PATCH per
 * (flag, environment) that needs one.
 */
import { SCAN_CONCURRENCY, type Planner } from '../engine/execute.js'
import { targetedKeys, untimedKeys } from '../launchdarkly/flag.js'
import { segmentKeys, untimedMembers } from '../launchdarkly/segment.js'
import * as log from '../core/logger.js'
import type { Entry } from '../core/entry.js'
import { USER_KIND } from '../core/target.js'
import { applyOptions, endpointOf, type ModeInput, type ModeResult } from './mode.js'
import { scan, scanReport } from './scan.js'

export async function runSweep(input: ModeInput): Promise<ModeResult> {
  const { settings } = input
  const now = Date.now()
  const kind = settings.contextKind ?? USER_KIND
  const removalMs = now + (settings.defaultLifetimeMs ?? 0)
  const excluded = new Set(settings.exclude)
  const counts = { targeted: 0, timed: 0, excluded: 0 }
  const planner: Planner = (state, ref) => {
    const { flag, segment, items } = state
    // A segment's excluded keys are left alone: only its members are given a lifetime.
    const targeted = flag
      ? targetedKeys(flag, ref.environmentKey, kind).length
      : segment
        ? segmentKeys(segment, 'included', kind).length
        : 0
    const untimed = flag
      ? untimedKeys({ flag, items }, ref.environmentKey, kind)
      : segment
        ? untimedMembers({ segment, items }, kind)
        : []
    counts.targeted += targeted
    counts.timed += targeted - untimed.length
    const entries: Entry[] = []
    for (const key of untimed) {
      if (excluded.has(key)) counts.excluded++
      else
        entries.push({
          target: { kind, key },
          when: { kind: 'at', epochMs: removalMs },
          source: key,
          origin: 'sweep'
        })
    }
    return entries
  }
  const endpoint = endpointOf(settings.contextKind)
  const flags = await scan(input, planner, applyOptions(input, endpoint, now, SCAN_CONCURRENCY))
  log.info(
    `${counts.targeted} individually targeted ${kind} keys: ${counts.timed} already had a removal, ${counts.excluded} excluded, ${counts.targeted - counts.timed - counts.excluded} to sweep.`
  )
  const report = scanReport(input, flags, settings.dryRun)
  report.swept = report.rows.filter((r) => r.outcome === 'scheduled').length
  return { report, comment: undefined }
}

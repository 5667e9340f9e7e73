/**
 * The digest mode: every removal due before now + `window` across the (flag or segment,
 * environment) pairs, soonest first, for the job summary, the `due` output and, with
 * `dashboard: true`, the dashboard issue and its boxes. It never sends a PATCH itself; a ticked
 * box does, through modes/dashboard-edit.ts.
 */
import { buildDigest, describeWindow, renderDigest } from '../report/due-soon.js'
import { renderBoxes } from '../report/boxes.js'
import { USER_KIND } from '../core/target.js'
import { SCAN_CONCURRENCY } from '../engine/execute.js'
import { applyOptions, endpointOf, type ModeInput, type ModeResult } from './mode.js'
import { scan, scanReport } from './scan.js'

export async function runDigest(input: ModeInput): Promise<ModeResult> {
  const { settings } = input
  const now = Date.now()
  const endpoint = endpointOf(settings.contextKind)
  const options = { ...applyOptions(input, endpoint, now, SCAN_CONCURRENCY), dryRun: true }
  const flags = await scan(input, () => [], options)
  const digest = buildDigest({
    flags,
    untilMs: now + settings.windowMs,
    windowMs: settings.windowMs,
    kind: settings.contextKind ?? USER_KIND,
    baseUri: settings.baseUri,
    projectKey: settings.projectKey
  })
  const report = scanReport(input, flags, false)
  report.digest = digest
  return {
    report,
    comment: undefined,
    ...(settings.dashboard
      ? {
          dashboard: {
            due: [
              renderDigest(digest, settings.timeZone, 200),
              renderBoxes(digest.due, describeWindow(settings.extendByMs))
            ]
              .filter((part) => part !== '')
              .join('\n\n')
          }
        }
      : {})
  }
}

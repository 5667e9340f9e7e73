/**
 * The scheduled modes' pass over an account: environment by environment, each in a log group,
 * every flag (listed once per environment with `flag-key: *`) read, planned and, for sweep, sent,
 * with a progress line every 100 flags.
 */
import {
  applyAll,
  errorMessage,
  type ApplyOptions,
  type PairResult,
  type Planner,
  type StateReader
} from '../engine/execute.js'
import { flagRef } from '../launchdarkly/container.js'
import type { Flag } from '../launchdarkly/resources.js'
import * as log from '../core/logger.js'
import { buildReport, type Report } from '../report/model.js'
import type { ModeInput } from './mode.js'

const PROGRESS_EVERY = 100
/** Stands for every flag in the result of a listing that failed. */
const ALL = '*'

/** A scan's report: its rows (sweep), and the errors of the pairs that could not be read. */
export function scanReport(
  { settings, context }: ModeInput,
  flags: PairResult[],
  dryRun: boolean
): Report {
  return buildReport({
    dryRun,
    timeZone: settings.timeZone,
    baseUri: settings.baseUri,
    projectKey: settings.projectKey,
    environmentKeys: settings.environmentKeys,
    // The flags read, each once: a failed listing stands for none.
    flagKeys: [...new Set(flags.map((f) => f.ref.key).filter((key) => key !== ALL))],
    invalid: [],
    flags,
    runUrl: context.runUrl
  })
}

export async function scan(
  { settings, launchDarkly }: ModeInput,
  planner: Planner,
  options: ApplyOptions
): Promise<PairResult[]> {
  const { projectKey } = settings
  const results: PairResult[] = []
  const started = Date.now()
  const seconds = (): string => `${((Date.now() - started) / 1000).toFixed(1)} s`
  for (const environmentKey of settings.environmentKeys) {
    log.startGroup(`Environment ${environmentKey}`)
    try {
      let flagKeys = settings.flagKeys
      let read: StateReader | undefined
      if (settings.allFlags) {
        let listed: Flag[]
        try {
          listed = await launchDarkly.listFlags(projectKey, environmentKey, {
            tag: settings.flagTag
          })
        } catch (error) {
          const ref = flagRef(projectKey, ALL, environmentKey)
          results.push({
            ref,
            entries: [],
            instructions: [],
            unmatchedErrors: [errorMessage(error)]
          })
          continue
        }
        const byKey = new Map(listed.map((flag) => [flag.key, flag]))
        flagKeys = [...byKey.keys()]
        // The list already holds each flag's targeting: only its expiring targets are read.
        read = async (ref) => ({
          flag: byKey.get(ref.key) as Flag,
          items: await launchDarkly.getExpiringTargets(ref, options.endpoint)
        })
        const tagged = settings.flagTag ? ` tagged ${settings.flagTag}` : ''
        log.info(`${flagKeys.length} flags${tagged} in ${environmentKey} (${seconds()})`)
      }
      const refs = flagKeys.map((flagKey) => flagRef(projectKey, flagKey, environmentKey))
      const progress = (done: number): void => {
        if (done % PROGRESS_EVERY === 0 || done === refs.length)
          log.info(`${environmentKey}: ${done} of ${refs.length} flags done (${seconds()})`)
      }
      results.push(
        ...(await applyAll(launchDarkly, refs, planner, { ...options, progress }, undefined, read))
      )
    } finally {
      log.endGroup()
    }
  }
  return results
}

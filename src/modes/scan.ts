/**
 * The scheduled modes' pass over an account: environment by environment, each in a log group,
 * every flag (listed once per environment with `flag-key: *`) read, planned and, for sweep, sent,
 * with a progress line every 100 flags.
 */
import {
  applyAll,
  errorMessage,
  readPair,
  type ApplyOptions,
  type PairResult,
  type Planner,
  type StateReader
} from '../engine/execute.js'
import {
  flagRef,
  segmentRef,
  type ContainerKind,
  type ContainerRef
} from '../launchdarkly/container.js'
import type { Flag, Segment } from '../launchdarkly/resources.js'
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
    // The flags and segments read, each once: a failed listing stands for none.
    flagKeys: keysRead(flags, 'flag'),
    segmentKeys: keysRead(flags, 'segment'),
    invalid: [],
    flags,
    runUrl: context.runUrl
  })
}

function keysRead(results: PairResult[], kind: ContainerKind): string[] {
  const keys = results.filter((r) => r.ref.kind === kind).map((r) => r.ref.key)
  return [...new Set(keys.filter((key) => key !== ALL))]
}

/**
 * Whether a listed segment carries its targets: a big segment says so, others list them.
 * LaunchDarkly does not document whether list items carry them; when one does not, the segment
 * is read on its own.
 */
function listsTargets(segment: Segment): boolean {
  const { unbounded, included, excluded, includedContexts, excludedContexts } = segment
  return Boolean(unbounded || included || excluded || includedContexts || excludedContexts)
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
      const failed = (ref: ContainerRef, error: unknown): void => {
        results.push({ ref, entries: [], instructions: [], unmatchedErrors: [errorMessage(error)] })
      }
      // `*` reads the list: it holds each flag's targeting, and each segment's where it says.
      const flags = new Map<string, Flag>()
      const segments = new Map<string, Segment>()
      let flagKeys = settings.flagKeys
      let segmentKeys = settings.segmentKeys
      if (settings.allFlags) {
        flagKeys = []
        try {
          const listed = await launchDarkly.listFlags(projectKey, environmentKey, {
            tag: settings.flagTag
          })
          for (const flag of listed) flags.set(flag.key, flag)
          flagKeys = [...flags.keys()]
          const tagged = settings.flagTag ? ` tagged ${settings.flagTag}` : ''
          log.info(`${flagKeys.length} flags${tagged} in ${environmentKey} (${seconds()})`)
        } catch (error) {
          failed(flagRef(projectKey, ALL, environmentKey), error)
        }
      }
      if (settings.allSegments) {
        segmentKeys = []
        try {
          const listed = await launchDarkly.listSegments(projectKey, environmentKey)
          for (const segment of listed) segments.set(segment.key, segment)
          segmentKeys = [...segments.keys()]
          log.info(`${segmentKeys.length} segments in ${environmentKey} (${seconds()})`)
        } catch (error) {
          failed(segmentRef(projectKey, ALL, environmentKey), error)
        }
      }
      const read: StateReader = async (ref) => {
        const flag = ref.kind === 'flag' ? flags.get(ref.key) : undefined
        const segment = ref.kind === 'segment' ? segments.get(ref.key) : undefined
        if (!flag && !(segment && listsTargets(segment)))
          return readPair(launchDarkly, ref, options.endpoint)
        return {
          flag,
          segment,
          items: await launchDarkly.getExpiringTargets(ref, options.endpoint)
        }
      }
      const refs = [
        ...flagKeys.map((key) => flagRef(projectKey, key, environmentKey)),
        ...segmentKeys.map((key) => segmentRef(projectKey, key, environmentKey))
      ]
      const noun =
        segmentKeys.length === 0
          ? 'flags'
          : flagKeys.length === 0
            ? 'segments'
            : 'flags and segments'
      const progress = (done: number): void => {
        if (done % PROGRESS_EVERY === 0 || done === refs.length)
          log.info(`${environmentKey}: ${done} of ${refs.length} ${noun} done (${seconds()})`)
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

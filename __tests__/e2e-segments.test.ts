/**
 * Segments end to end on the bundle, as the runner runs it: a flag and a segment in one run (one
 * PATCH each, the segment's with `targetType` and no variation), and an environment that needs
 * approval for segments (one PATCH refused, the flag's still applied, the step failed). The rest
 * of segments' behaviour is tested in process (segments.test.ts).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals'
import {
  ENVIRONMENT,
  PROJECT,
  requireApprovals,
  seedSegments,
  startSandboxes,
  type Sandboxes
} from '../sandbox/fixtures.ts'
import type { RunOptions } from '../sandbox/runner.ts'
import { BUNDLE_TEST_TIMEOUT_MS, bundleSuite, runBundle } from './helpers/bundle.ts'
import { emptyGitHub, emptyLaunchDarkly } from './helpers/empty.ts'
import { scanAfterEach } from './helpers/secrets.ts'

/** A bundle run on a loaded 2-core machine. */
const TIMEOUT = BUNDLE_TEST_TIMEOUT_MS
const T1 = Date.parse('2030-06-10T00:00:00Z')
const SEGMENT_PATH = `/api/v2/segments/${PROJECT}/beta-testers/expiring-user-targets/${ENVIRONMENT}`
const FLAG_PATH = `/api/v2/flags/${PROJECT}/checkout/expiring-user-targets/${ENVIRONMENT}`

let sandboxes: Sandboxes
bundleSuite()
scanAfterEach(() => sandboxes)

// One pair of sandboxes for the file, emptied before each test: no run outlives its test
// (bundleSuite), and nothing a test left on them reaches the next.
beforeAll(async () => {
  sandboxes = await startSandboxes()
}, TIMEOUT)
afterAll(() => sandboxes?.close())
beforeEach(() => {
  emptyLaunchDarkly(sandboxes.launchDarkly)
  emptyGitHub(sandboxes.github)
  seedSegments(sandboxes.launchDarkly)
})
afterEach(() => {
  expect(sandboxes.launchDarkly.violations).toEqual([])
})

/** The bundle against the sandboxes: their inputs and GITHUB_API_URL, then the options'. */
const run = (options: Partial<RunOptions>) =>
  runBundle({
    ...options,
    inputs: { ...sandboxes.inputs(), ...options.inputs },
    env: { ...sandboxes.env(), ...options.env }
  })

function patches(path: string) {
  return sandboxes.launchDarkly.requests.filter((r) => r.method === 'PATCH' && r.path === path)
}

const inputs = {
  'flag-key': 'checkout',
  'segment-key': 'beta-testers',
  targets: 'sandy@2030-06-10',
  comment: 'false'
}

describe('segments on the bundle', () => {
  it(
    'applies an entry to a flag and a segment: one PATCH each, the segment by targetType',
    async () => {
      const result = await run({ eventName: 'workflow_dispatch', inputs })
      expect(result.code).toBe(0)
      expect(patches(FLAG_PATH)).toHaveLength(1)
      expect(patches(SEGMENT_PATH).map((r) => r.body)).toEqual([
        {
          comment: expect.any(String),
          instructions: [
            { kind: 'addExpireUserTargetDate', userKey: 'sandy', targetType: 'included', value: T1 }
          ]
        }
      ])
      expect(result.outputs['successful-instructions']).toBe('2')
      expect(sandboxes.launchDarkly.violations).toEqual([])
    },
    TIMEOUT
  )

  it(
    'fails the segment that needs approval after one PATCH and still applies the flag',
    async () => {
      requireApprovals(sandboxes.launchDarkly, { flags: false, segments: true })
      const result = await run({ eventName: 'workflow_dispatch', inputs })
      expect(result.code).toBe(1)
      expect(patches(SEGMENT_PATH)).toHaveLength(1)
      expect(patches(FLAG_PATH)).toHaveLength(1)
      const errors = JSON.parse(result.outputs.errors ?? '[]') as { segmentKey?: string }[]
      expect(errors.map((e) => e.segmentKey)).toEqual(['beta-testers'])
      expect(result.outputs['successful-instructions']).toBe('1')
      expect(sandboxes.launchDarkly.violations).toEqual([])
    },
    TIMEOUT
  )
})

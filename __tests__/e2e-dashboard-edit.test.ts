/**
 * The dashboard's boxes end to end on the bundle (`node dist/index.js`): an edit of any other
 * issue leaves in index.ts, before anything else of the bundle loads (no GitHub or LaunchDarkly
 * request, the empty outputs). The behaviour behind the boxes runs in process
 * (inproc-dashboard-boxes.test.ts).
 */
import { afterAll, beforeAll, beforeEach, expect, it } from '@jest/globals'
import { startSandboxes, type Sandboxes } from '../sandbox/fixtures.ts'
import { issuesEditedPayload } from '../sandbox/webhooks.ts'
import { EMPTY_OUTPUTS } from '../src/report/outputs.js'
import { bundleSuite, runBundle } from './helpers/bundle.ts'
import { emptyGitHub, emptyLaunchDarkly } from './helpers/empty.ts'
import { scanAfterEach } from './helpers/secrets.ts'

const TIMEOUT = 60_000

let sandboxes: Sandboxes
bundleSuite()
scanAfterEach(() => sandboxes)
beforeAll(async () => {
  sandboxes = await startSandboxes()
})
afterAll(() => sandboxes?.close())
beforeEach(() => {
  emptyLaunchDarkly(sandboxes.launchDarkly)
  emptyGitHub(sandboxes.github)
})

it(
  'leaves at once on an edit of another issue: no request, the empty outputs',
  async () => {
    // An empty api-key would fail the run once the settings are read: index.ts never reads them.
    const result = await runBundle({
      eventName: 'issues',
      payload: issuesEditedPayload(7, 'Notes\n- [x] done', 'Notes\n- [ ] done'),
      inputs: { ...sandboxes.inputs(), mode: 'digest', dashboard: 'true', 'api-key': '' },
      env: sandboxes.env()
    })
    expect(result.code).toBe(0)
    expect(result.stderr).toBe('')
    expect(result.stdout).toContain('The edited issue is not the dashboard: nothing to do')
    expect(sandboxes.github.requests).toEqual([])
    expect(sandboxes.launchDarkly.requests).toEqual([])
    expect(result.outputs).toEqual(EMPTY_OUTPUTS)
  },
  TIMEOUT
)

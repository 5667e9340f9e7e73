/**
 * In process: the action against the LaunchDarkly sandbox on 127.0.0.1, as the bundle runs it
 * (e2e-bundle.test.ts runs the bundle itself).
 */
import { describe, expect, it, jest } from '@jest/globals'
import {
  API_KEY,
  baseInputs,
  BOOLEAN_VARIATIONS,
  ENVIRONMENT,
  PROJECT,
  seedFlags
} from '../sandbox/fixtures.ts'
import { pullRequestPayload } from '../sandbox/webhooks.ts'
import type { InProcessOptions } from './helpers/in-process.ts'
import { annotations, inProcessSuite } from './helpers/suite.ts'

jest.setTimeout(30_000)
const suite = inProcessSuite()

const ENABLED = BOOLEAN_VARIATIONS[0]!._id
const DISABLED = BOOLEAN_VARIATIONS[1]!._id
const JUNE_10 = Date.parse('2030-06-10T00:00:00Z')
const JAN_1 = Date.parse('2031-01-01T00:00:00Z')

const run = (options: InProcessOptions) => suite.run(options)
const ld = () => suite.sandboxes.launchDarkly
const labeled = (label: string) => ({
  eventName: 'pull_request',
  payload: pullRequestPayload('labeled', label)
})
const unlabeled = (label: string) => ({
  eventName: 'pull_request',
  payload: pullRequestPayload('unlabeled', label)
})
const patches = () => ld().requests.filter((r) => r.method === 'PATCH')
const patchBody = (i = 0) =>
  patches()[i]?.body as { comment: string; instructions: Record<string, unknown>[] }
const json = (text: string | undefined): unknown => JSON.parse(text ?? 'null')

describe('a labeled pull request', () => {
  it('schedules the removal with one semantic PATCH and reports it', async () => {
    const result = await run(labeled('expire-user:sandy@2030-06-10'))
    expect(result.code).toBe(0)
    expect(ld().expiring(PROJECT, 'checkout', ENVIRONMENT)).toMatchObject([
      { userKey: 'sandy', expirationDate: JUNE_10, variationId: ENABLED }
    ])
    const [patch] = patches()
    expect(patch?.path).toBe(
      `/api/v2/flags/${PROJECT}/checkout/expiring-user-targets/${ENVIRONMENT}`
    )
    expect(patch?.headers['content-type']).toBe(
      'application/json; domain-model=launchdarkly.semanticpatch'
    )
    expect(patch?.headers['ld-api-version']).toBe('20240415')
    expect(patch?.headers['user-agent']).toMatch(
      /^launchdarkly-expiring-targets-action\/\d+\.\d+\.\d+$/
    )
    expect(patch?.headers.authorization).toBe(API_KEY)
    expect(patchBody().instructions).toEqual([
      { kind: 'addExpireUserTargetDate', userKey: 'sandy', variationId: ENABLED, value: JUNE_10 }
    ])
    // The audit log says why: the PR and the workflow run.
    expect(patchBody().comment).toMatch(
      /Codertocat\/Hello-World#\d+ \(https:\/\/github\.com\/Codertocat\/Hello-World\/pull\/\d+\)/
    )
    expect(patchBody().comment).toMatch(
      /https:\/\/github\.com\/Codertocat\/Hello-World\/actions\/runs\/4242/
    )
    // The flag is read with ?env=, as the notes ask.
    expect(ld().requests.find((r) => r.path.endsWith('/checkout'))?.query).toEqual({
      env: ENVIRONMENT
    })
    expect(result.outputs).toMatchObject({
      'total-instructions': '1',
      'successful-instructions': '1',
      'failed-instructions': '0',
      errors: '[]'
    })
    expect(json(result.outputs.instructions)).toEqual([
      {
        flagKey: 'checkout',
        environmentKey: ENVIRONMENT,
        request: 1,
        instructionIndex: 0,
        instruction: {
          kind: 'addExpireUserTargetDate',
          userKey: 'sandy',
          variationId: ENABLED,
          value: JUNE_10
        }
      }
    ])
    expect(result.summary).toMatch(
      /^\*\*1 scheduled\*\* · flag \[`checkout`\]\(\S+\) · environment `production`/m
    )
    expect(result.summary).toMatch(
      /\| `sandy` \| `Enabled` \| 2030-06-10 00:00 UTC \| 🟢 scheduled \| label `expire-user:sandy@2030-06-10` \|/
    )
  })

  it('takes email keys up to the last @', async () => {
    const result = await run(labeled('expire-user:sandy@example.com@2030-06-10'))
    expect(result.code).toBe(0)
    expect(patchBody().instructions[0]).toMatchObject({ userKey: 'sandy@example.com' })
  })

  it('moves a removal scheduled at another time with updateExpireUserTargetDate and its version', async () => {
    const item = ld().schedule(PROJECT, 'checkout', ENVIRONMENT, 'sandy', ENABLED, JAN_1)
    const result = await run(labeled('expire-user:sandy@2030-06-10'))
    expect(result.code).toBe(0)
    expect(patchBody().instructions).toEqual([
      {
        kind: 'updateExpireUserTargetDate',
        userKey: 'sandy',
        variationId: ENABLED,
        value: JUNE_10,
        version: item._version
      }
    ])
    expect(ld().expiring(PROJECT, 'checkout', ENVIRONMENT)[0]).toMatchObject({
      expirationDate: JUNE_10,
      _version: 2
    })
    expect(result.summary).toMatch(/🔁 moved \| label `[^`]+` \| was 2031-01-01 00:00 UTC/)
  })

  it('is quiet on a rerun: the same label sends nothing the second time', async () => {
    await run(labeled('expire-user:sandy@2030-06-10'))
    const rerun = await run(labeled('expire-user:sandy@2030-06-10'))
    expect(rerun.code).toBe(0)
    expect(patches()).toHaveLength(1)
    expect(rerun.outputs['total-instructions']).toBe('0')
    expect(rerun.summary).toMatch(
      /\| `sandy` \| `Enabled` \| 2030-06-10 00:00 UTC \| ⚪ unchanged \| label `expire-user:sandy@2030-06-10` \| already scheduled at that time \|/
    )
  })

  it("cancels on unlabeled, even when the label's date has passed", async () => {
    ld().schedule(PROJECT, 'checkout', ENVIRONMENT, 'sandy', ENABLED, JUNE_10)
    const result = await run(unlabeled('expire-user:sandy@2020-01-01'))
    expect(result.code).toBe(0)
    expect(patchBody().instructions).toEqual([
      { kind: 'removeExpireUserTargetDate', userKey: 'sandy', variationId: ENABLED }
    ])
    expect(ld().expiring(PROJECT, 'checkout', ENVIRONMENT)).toEqual([])
    expect(result.summary).toMatch(/⏹️ cancelled/)
  })

  it('sends nothing on unlabeled when no removal is scheduled', async () => {
    const result = await run(unlabeled('expire-user:sandy@2030-06-10'))
    expect(result.code).toBe(0)
    expect(patches()).toHaveLength(0)
    expect(result.summary).toMatch(
      /\| `sandy` \| {2}\| {2}\| ⚪ unchanged \| label `expire-user:sandy@2030-06-10` \| no removal was scheduled \|/
    )
  })

  it('cancels with @never on a labeled event', async () => {
    ld().schedule(PROJECT, 'checkout', ENVIRONMENT, 'bob', ENABLED, JUNE_10)
    const result = await run(labeled('expire-user:bob@never'))
    expect(result.code).toBe(0)
    expect(patchBody().instructions[0]).toMatchObject({
      kind: 'removeExpireUserTargetDate',
      userKey: 'bob'
    })
  })

  it("acts only on the event's label, not on the other labels of the PR", async () => {
    const payload = pullRequestPayload('labeled', 'expire-user:sandy@2030-06-10', [
      'expire-user:bob@2030-06-10',
      'expire-user:sandy@2030-06-10'
    ])
    const result = await run({ eventName: 'pull_request', payload })
    expect(result.code).toBe(0)
    expect(patchBody().instructions.map((i) => i.userKey)).toEqual(['sandy'])
  })

  it.each(['labeled', 'unlabeled'] as const)(
    'exits 0 at once for an unrelated %s label, reading nothing',
    async (action) => {
      const result = await run({
        eventName: 'pull_request_target',
        payload: pullRequestPayload(action, 'bug'),
        // Inputs that would fail validation: the unrelated label must be decided before them.
        inputs: { 'project-key': '' }
      })
      expect(result.code).toBe(0)
      expect(ld().requests).toHaveLength(0)
      expect(result.stdout).toMatch(/Label "bug" does not start with "expire-user:": nothing to do/)
      expect(result.outputs['total-instructions']).toBe('0')
    }
  )

  it('rejects an invalid label, names it, and sends nothing', async () => {
    const result = await run(labeled('expire-user:sandy@2030-02-30'))
    expect(result.code).toBe(1)
    expect(ld().requests).toHaveLength(0)
    expect(json(result.outputs.errors)).toEqual([
      expect.objectContaining({
        instructionIndex: null,
        entry: 'expire-user:sandy@2030-02-30',
        origin: 'label "expire-user:sandy@2030-02-30"',
        flagKey: null,
        message: expect.stringMatching(/not a calendar date/)
      })
    ])
  })
})

describe('the targets input', () => {
  const targets = [
    '# QA',
    'sandy@2030-06-10',
    'expire-user:bob@+7d',
    '',
    'carol@2031-01-01T09:30:00+01:00'
  ].join('\n')

  it('applies every entry to every flag: one PATCH per flag, instructions in entry order', async () => {
    const result = await run({ inputs: { targets, 'flag-key': 'checkout,\nnew-search' } })
    expect(result.code).toBe(0)
    expect(patches().map((p) => p.path.split('/')[5])).toEqual(
      expect.arrayContaining(['checkout', 'new-search'])
    )
    expect(patches()).toHaveLength(2)
    for (const patch of patches()) {
      const body = patch.body as { instructions: { userKey: string }[]; comment: string }
      expect(body.instructions.map((i) => i.userKey)).toEqual(['sandy', 'bob', 'carol'])
      expect(body.comment).toMatch(
        /workflow run https:\/\/github\.com\/Codertocat\/Hello-World\/actions\/runs\/4242/
      )
    }
    expect(result.outputs['total-instructions']).toBe('6')
    expect(result.outputs['successful-instructions']).toBe('6')
    expect(
      ld()
        .expiring(PROJECT, 'new-search', ENVIRONMENT)
        .find((i) => i.userKey === 'carol')?.expirationDate
    ).toBe(Date.parse('2031-01-01T08:30:00Z'))
  })

  it('reads dates in the timezone input', async () => {
    const result = await run({
      inputs: { targets: 'sandy@2030-06-10', timezone: 'America/New_York' }
    })
    expect(result.code).toBe(0)
    expect(patchBody().instructions[0]?.value).toBe(Date.parse('2030-06-10T04:00:00Z'))
    expect(result.summary).toMatch(/Removal \(`America\/New_York`\)/)
    expect(result.summary).toMatch(/2030-06-10 00:00 \(UTC-04:00\)/)
  })

  it('validates every entry first: one invalid entry means nothing is sent, and every problem is named', async () => {
    const result = await run({
      inputs: { targets: 'sandy@2030-06-10\nbob@2030-02-30\n@2030-06-10\ncarol@+3y\nsandy@+1d' }
    })
    expect(result.code).toBe(1)
    expect(ld().requests).toHaveLength(0)
    const errors = json(result.outputs.errors) as { origin: string; message: string }[]
    expect(errors.map((e) => e.origin)).toEqual([
      'targets line 2',
      'targets line 3',
      'targets line 4',
      'targets line 5'
    ])
    expect(errors[0]?.message).toMatch(/bob@2030-02-30.*not a calendar date/)
    expect(errors[1]?.message).toMatch(/user key before @ is empty/)
    expect(errors[2]?.message).toMatch(
      /unknown unit "y"; use h \(hours\), d \(days\) or w \(weeks\)/
    )
    expect(errors[3]?.message).toMatch(/already listed at targets line 1/)
    // Every problem reaches the runner as an annotation of its own.
    expect(annotations(result, 'error').filter((m) => /^targets line \d /.test(m))).toHaveLength(4)
    expect(result.summary).toMatch(/\*\*4 invalid; nothing was sent\*\*/)
  })

  it('fails an entry for a user who is not individually targeted, applies the others, and fails the step', async () => {
    const result = await run({ inputs: { targets: 'nobody@2030-06-10\nsandy@2030-06-10' } })
    expect(result.code).toBe(1)
    expect(patchBody().instructions.map((i) => i.userKey)).toEqual(['sandy'])
    expect(result.outputs['successful-instructions']).toBe('1')
    expect(json(result.outputs.errors)).toEqual([
      expect.objectContaining({
        flagKey: 'checkout',
        userKey: 'nobody',
        instructionIndex: null,
        message: expect.stringMatching(
          /"nobody" is not individually targeted on flag "checkout" in "production"; target it first, or set the variation input/
        )
      })
    ])
  })

  it('uses the variation input by name, value or _id', async () => {
    for (const variation of ['Disabled', 'false', DISABLED]) {
      ld().requests.length = 0
      seedFlags(ld())
      const result = await run({ inputs: { targets: 'dora@2030-06-10', variation } })
      expect(result.code).toBe(0)
      expect(patchBody().instructions[0]).toMatchObject({ variationId: DISABLED })
    }
  })

  it('does nothing and succeeds when there are no entries', async () => {
    const result = await run({ inputs: { targets: '# nobody yet\n' } })
    expect(result.code).toBe(0)
    expect(ld().requests).toHaveLength(0)
    expect(annotations(result, 'notice')).toEqual([expect.stringMatching(/^No entries to apply/)])
  })

  it('plans without writing in a dry run', async () => {
    ld().schedule(PROJECT, 'checkout', ENVIRONMENT, 'bob', ENABLED, JAN_1)
    const result = await run({
      inputs: { targets: 'sandy@2030-06-10\nbob@2030-06-10', 'dry-run': 'true' }
    })
    expect(result.code).toBe(0)
    expect(patches()).toHaveLength(0)
    expect(ld().countRequests('GET')).toBe(2)
    expect(result.outputs['total-instructions']).toBe('2')
    expect(result.outputs['successful-instructions']).toBe('0')
    expect(
      (json(result.outputs.instructions) as { instruction: { kind: string } }[]).map(
        (i) => i.instruction.kind
      )
    ).toEqual(['addExpireUserTargetDate', 'updateExpireUserTargetDate'])
    expect(result.summary).toMatch(/Plan only: nothing was changed/)
    expect(result.summary).toMatch(/will schedule/)
    expect(result.summary).toMatch(/will move/)
  })
})

describe("LaunchDarkly's answers", () => {
  it('maps per-instruction errors in a 200 back to their entries, and fails the step', async () => {
    // carol is targeted on Enabled only: asking for Disabled fails in LaunchDarkly, not in planning.
    ld().schedule(PROJECT, 'checkout', ENVIRONMENT, 'dora', DISABLED, JAN_1)
    const result = await run({
      inputs: { targets: 'dora@2030-06-10\ncarol@2030-06-10', variation: 'Disabled' }
    })
    expect(result.code).toBe(1)
    expect(result.outputs).toMatchObject({
      'total-instructions': '2',
      'successful-instructions': '1',
      'failed-instructions': '1'
    })
    expect(json(result.outputs.errors)).toEqual([
      {
        flagKey: 'checkout',
        environmentKey: ENVIRONMENT,
        entry: 'carol@2030-06-10',
        origin: 'targets line 2',
        target: { kind: 'user', key: 'carol' },
        userKey: 'carol',
        instructionIndex: 1,
        request: 1,
        message: `user carol is not individually targeted on variation ${DISABLED}`
      }
    ])
    expect(result.summary).toMatch(
      /### LaunchDarkly errors\n- flag `checkout`, instruction 1 → targets line 2 `carol@2030-06-10`: user carol is not individually targeted/
    )
  })

  it('passes the step on errors when fail-on-error is false, still reporting them', async () => {
    const result = await run({
      inputs: { targets: 'carol@2030-06-10', variation: 'Disabled', 'fail-on-error': 'false' }
    })
    expect(result.code).toBe(0)
    expect(result.outputs['failed-instructions']).toBe('1')
    expect(annotations(result, 'warning')).toEqual([
      expect.stringMatching(
        /^1 problem; see the log and the job summary\. \(fail-on-error is false/
      )
    ])
  })

  it("splits a flag's instructions into PATCHes of batch-size, in entry order, mapping errors per PATCH", async () => {
    const targets = ['sandy', 'bob', 'carol', 'nobody-but-forced', 'dora']
      .map((u) => `${u}@2030-06-10`)
      .join('\n')
    const result = await run({ inputs: { targets, 'batch-size': '2', variation: 'Enabled' } })
    expect(result.code).toBe(1)
    expect(
      patches().map((p) =>
        (p.body as { instructions: { userKey: string }[] }).instructions.map((i) => i.userKey)
      )
    ).toEqual([['sandy', 'bob'], ['carol', 'nobody-but-forced'], ['dora']])
    expect(result.outputs).toMatchObject({
      'total-instructions': '5',
      'successful-instructions': '3',
      'failed-instructions': '2'
    })
    const errors = json(result.outputs.errors) as {
      userKey: string
      request: number
      instructionIndex: number
    }[]
    expect(errors.map((e) => [e.userKey, e.request, e.instructionIndex])).toEqual([
      ['nobody-but-forced', 2, 1],
      ['dora', 3, 0]
    ])
    expect(result.summary).toMatch(/instruction 1 of request 2 → targets line 4/)
  })

  it('derives the counters when LaunchDarkly leaves them out', async () => {
    const bare = await suite.extraLaunchDarkly({ omitCounters: true })
    const result = await run({
      inputs: { ...baseInputs(bare), targets: 'sandy@2030-06-10\nbob@2030-06-10' }
    })
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({
      'total-instructions': '2',
      'successful-instructions': '2',
      'failed-instructions': '0'
    })
    expect(bare.countRequests('PATCH')).toBe(1)
    expect(bare.violations).toEqual([])
  })

  it('turns an unknown flag into one sentence naming what to check, for that flag only', async () => {
    const result = await run({
      inputs: { targets: 'sandy@2030-06-10', 'flag-key': 'no-such-flag,checkout' }
    })
    expect(result.code).toBe(1)
    expect(patches()).toHaveLength(1)
    const [error] = json(result.outputs.errors) as { flagKey: string; message: string }[]
    expect(error?.flagKey).toBe('no-such-flag')
    expect(error?.message).toBe(
      `LaunchDarkly refused to read flag "no-such-flag" (404 not_found: Unknown resource). Check project-key "${PROJECT}", flag-key "no-such-flag" and environment-key "${ENVIRONMENT}", and that base-uri (${ld().url}) is the account's region.`
    )
  })

  it('explains a rejected token without printing it', async () => {
    const wrong = 'api-wrong-token-123456'
    const result = await run({ inputs: { targets: 'sandy@2030-06-10', 'api-key': wrong } })
    expect(result.code).toBe(1)
    expect((json(result.outputs.errors) as { message: string }[])[0]?.message).toMatch(
      /401 unauthorized: Invalid access token\)\. Check that the api-key secret holds a current personal or service access token/
    )
    const printed = result.stdout.replace(/^::add-mask::.*$/m, '')
    expect(printed).not.toContain(wrong)
    expect(result.summary).not.toContain(wrong)
    expect(JSON.stringify(result.outputs)).not.toContain(wrong)
  })

  it('explains a 403 with the role action to check', async () => {
    ld().faults.push({
      method: 'PATCH',
      times: 1,
      response: {
        kind: 'status',
        status: 403,
        body: { code: 'forbidden', message: 'Access to the requested resource was denied' }
      }
    })
    const result = await run({ inputs: { targets: 'sandy@2030-06-10' } })
    expect(result.code).toBe(1)
    expect(result.outputs['failed-instructions']).toBe('1')
    expect((json(result.outputs.errors) as { message: string }[])[0]?.message).toBe(
      `LaunchDarkly refused to update the expiring targets of flag "checkout" (403 forbidden: Access to the requested resource was denied). Check that the token's role allows updateExpiringTargets on proj/${PROJECT}:env/${ENVIRONMENT}:flag/checkout, and that the plan includes scheduled removals.`
    )
  })

  it('reports an unknown environment', async () => {
    const result = await run({ inputs: { targets: 'sandy@2030-06-10', 'environment-key': 'qa' } })
    expect(result.code).toBe(1)
    expect((json(result.outputs.errors) as { message: string }[])[0]?.message).toMatch(
      /refused to read the expiring targets of flag "checkout" \(404 not_found: Unknown environment\)|no environment "qa"/
    )
    expect(patches()).toHaveLength(0)
  })
})

describe('inputs', () => {
  it('tolerates a trailing slash on base-uri', async () => {
    const result = await run({
      inputs: { targets: 'sandy@2030-06-10', 'base-uri': `${ld().url}/` }
    })
    expect(result.code).toBe(0)
    expect(patches()).toHaveLength(1)
  })

  it.each([
    ['base-uri', 'http://app.launchdarkly.com', /must use https/],
    ['base-uri', 'not a url', /is not a URL/],
    ['timezone', 'Mars/Olympus_Mons', /is not an IANA time zone/],
    ['flag-key', 'checkout,../admin', /may only contain letters, digits/],
    ['project-key', '', /is required/],
    ['dry-run', 'yes', /must be true or false, not "yes"/],
    ['api-key', 'sdk-12345', /SDK or mobile key/],
    ['api-key', '', /is empty/]
  ])(
    'refuses %s=%j with a message naming the input, sending nothing',
    async (name, value, message) => {
      const result = await run({ inputs: { targets: 'sandy@2030-06-10', [name]: value } })
      expect(result.code).toBe(1)
      expect(ld().requests).toHaveLength(0)
      const [error] = annotations(result, 'error')
      expect(error).toMatch(new RegExp(`Input "${name}"`))
      expect(error).toMatch(message)
    }
  )
})

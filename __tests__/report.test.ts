import { describe, expect, it } from '@jest/globals'
import type { PairResult } from '../src/engine/execute.js'
import { renderMarkdown } from '../src/report/markdown.js'
import { buildReport } from '../src/report/model.js'

/** A flag whose `count` instructions LaunchDarkly all refused, each with a long message. */
function refusedFlag(count: number): PairResult {
  const entries = Array.from({ length: count }, (_, i) => {
    const userKey = `user-${i}@example.com`
    const instruction = {
      kind: 'addExpireUserTargetDate' as const,
      userKey,
      variationId: 'v',
      value: 1
    }
    return {
      planned: {
        entry: {
          target: { kind: 'user', key: userKey },
          when: { kind: 'at' as const, epochMs: 1 },
          source: `${userKey}@2030-06-10`,
          origin: `targets line ${i + 1}`
        },
        outcome: 'scheduled' as const,
        instruction
      },
      outcome: 'failed' as const,
      message: `user ${userKey} is not individually targeted on variation v; ${'x'.repeat(60)}`,
      instructionIndex: i,
      request: 1
    }
  })
  return {
    ref: { kind: 'flag', projectKey: 'p', key: 'f', environmentKey: 'e' },
    entries,
    instructions: entries.map((e, i) => ({
      container: { kind: 'flag' as const, projectKey: 'p', key: 'f', environmentKey: 'e' },
      request: 1,
      instructionIndex: i,
      instruction: e.planned.instruction
    })),
    unmatchedErrors: []
  }
}

const report = (count: number) =>
  buildReport({
    dryRun: false,
    timeZone: 'UTC',
    baseUri: 'https://app.launchdarkly.com',
    flagKeys: ['flag'],
    projectKey: 'p',
    environmentKeys: ['e'],
    invalid: [],
    flags: [refusedFlag(count)]
  })

describe('the Markdown report', () => {
  it('counts what LaunchDarkly refused', () => {
    expect(report(3).totals).toEqual({
      totalInstructions: 3,
      successfulInstructions: 0,
      failedInstructions: 3
    })
  })

  it('lists at most 50 LaunchDarkly errors, pointing to the errors output for the rest', () => {
    const markdown = renderMarkdown(report(80), { title: 'T' })
    expect(markdown.match(/^- flag `f`, instruction \d+ → /gm)).toHaveLength(50)
    expect(markdown).toContain("- … and 30 more in the step's `errors` output")
  })

  it('stays within maxLength however many entries failed', () => {
    const markdown = renderMarkdown(report(2000), {
      title: 'T',
      maxLength: 65_000,
      overflowHint: 'see the summary'
    })
    expect(markdown.length).toBeLessThanOrEqual(65_000)
    expect(markdown).toMatch(/\*\d+ more rows left out to fit; see the summary\.\*/)
  })
})

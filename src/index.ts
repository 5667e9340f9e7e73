/**
 * Entry point. Decides before loading anything heavy: an event for an unrelated label (the most
 * common run) exits here, so it costs little more than Node's own start-up.
 */
import { appendFileSync } from 'node:fs'
import { readRawEvent, type RawEvent } from './event.js'
import { classify, DEFAULT_PREFIX, type Trigger } from './trigger.js'

let event: RawEvent | undefined
let trigger: Trigger = { kind: 'other' }
const prefix = process.env['INPUT_LABEL-PREFIX']?.trim() || DEFAULT_PREFIX
try {
  event = readRawEvent()
  trigger = classify(event.name, event.payload, prefix)
} catch {
  // main.ts reads the event again and reports the problem properly.
}

if (trigger.kind === 'unrelated-label') {
  process.stdout.write(
    `Label ${JSON.stringify(trigger.label)} does not start with ${JSON.stringify(prefix)}: nothing to do.\n`
  )
  if (process.env.GITHUB_OUTPUT) {
    appendFileSync(
      process.env.GITHUB_OUTPUT,
      'total-instructions=0\nsuccessful-instructions=0\nfailed-instructions=0\nerrors=[]\ninstructions=[]\ncomment-url=\n'
    )
  }
} else {
  const { run } = await import('./main.js')
  await run(event)
}

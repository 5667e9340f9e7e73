/**
 * Entry point. Decides before loading anything heavy: an event for an unrelated label (the most
 * common run), or a comment that is not a slash command for us, exits here, so it costs little
 * more than Node's own start-up.
 */
import { appendFileSync } from 'node:fs'
import { readRawEvent, type RawEvent } from './run/event.js'
import { neutralise } from './core/neutralise.js'
import { EMPTY_OUTPUTS } from './report/outputs.js'
import {
  classify,
  DEFAULT_PREFIX,
  DEFAULT_SLASH_COMMAND,
  ignoredCommentMessage,
  unrelatedLabelMessage,
  type Trigger
} from './run/trigger.js'

let event: RawEvent | undefined
let unreadable: Error | undefined
let trigger: Trigger = { kind: 'other' }
const prefix = process.env['INPUT_LABEL-PREFIX']?.trim() || DEFAULT_PREFIX
const command = process.env['INPUT_SLASH-COMMAND']?.trim() || DEFAULT_SLASH_COMMAND
try {
  event = readRawEvent()
  trigger = classify(event.name, event.payload, prefix, command)
} catch (error) {
  unreadable = error as Error
}

if (unreadable) {
  // @actions/github would throw on the same file when main loads it: say so here, inertly.
  const log = await import('./core/logger.js')
  log.fail(unreadable.message)
} else if (
  trigger.kind === 'unrelated-label' ||
  trigger.kind === 'ignored-comment' ||
  trigger.kind === 'ignored-issue'
) {
  const message =
    trigger.kind === 'unrelated-label'
      ? unrelatedLabelMessage(trigger.label, prefix)
      : ignoredCommentMessage(trigger.reason)
  process.stdout.write(neutralise(`${message}\n`))
  if (process.env.GITHUB_OUTPUT) {
    const lines = Object.entries(EMPTY_OUTPUTS).map(([name, value]) => `${name}=${value}\n`)
    appendFileSync(process.env.GITHUB_OUTPUT, lines.join(''))
  }
} else {
  const { run } = await import('./main.js')
  await run(event && { event, trigger })
}

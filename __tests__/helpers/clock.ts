/**
 * The in-process tests' clock: Jest's fake setTimeout and setInterval, moved on by a real timer,
 * fast while nothing is in flight and at about the real pace while a sandbox is answering.
 *
 * A run waits for many things that are only time: LaunchDarkly's backoff and Retry-After, the
 * rate-limit budget, Octokit's retry plugin and its throttling plugin (3 s between two comment
 * writes, 1 s between any two writes, per process, so across runs too). On this clock those waits
 * pass in a few milliseconds each, in the order and with the lengths the code asked for, so no
 * test waits real seconds for them and none asserts how long anything took.
 *
 * Timeouts that guard a request still see about real time: while any sandbox request is open
 * (from its arrival to the end of its answer, or its connection closing) the clock moves only as
 * fast as real time, so a slow answer is never cut off early, and the sandbox's own short timers
 * (a delayed answer, a connection cut after the headers) fire as they would. The clock moves in
 * bounded steps, never by all the real time a stalled event loop lost: a loaded machine makes the
 * clock slower, not jumpier.
 *
 * Left real: Date (timestamps in requests, expiry times, the rate-limit windows of the sandbox),
 * setImmediate, process.nextTick and microtasks, and Node's own socket timeouts (request-timeout's
 * idle timer on LaunchDarkly requests is one: a test of it waits that long, at least 1 s).
 */
import { jest } from '@jest/globals'
import type http from 'node:http'
import {
  clearInterval as clearRealInterval,
  setImmediate as setRealImmediate,
  setInterval as setRealInterval
} from 'node:timers'

/** Real milliseconds between two steps. */
const STEP_MS = 2
/** While a request is open, a step is the real time since the last one, up to this. */
const MAX_OPEN_STEP_MS = 20
/**
 * How many fake milliseconds a step is worth while no request is open, by default. A timeout that
 * guards a request (request-timeout's limit on reading an answer's body) must span several steps:
 * a suite that sets request-timeout to 1 s takes steps of 250 ms.
 */
export const IDLE_STEP_MS = 1000

export interface Clock {
  /** Fake milliseconds the clock has moved since it started. */
  elapsed: () => number
  /** Delays of the fake timers set since the clock started, in order. */
  delays: () => number[]
  /** Requests open on this server slow the clock down too, until the function returned is called. */
  watch: (server: http.Server) => () => void
  /** Back to real timers: pending fake timers are dropped. */
  stop: () => void
}

/** Requests open on these servers slow the clock to the real pace. */
export function startClock(servers: http.Server[], idleStepMs = IDLE_STEP_MS): Clock {
  jest.useFakeTimers({
    doNotFake: [
      'Date',
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'setImmediate',
      'clearImmediate'
    ]
  })
  const delays: number[] = []
  let stopped = false
  // A timer of 0 ms fires on the next turn of the event loop, as a real one would, not on the next
  // step: libraries chain many of them (Bottleneck, for every request Octokit makes).
  let kicked = false
  const kick = (): void => {
    if (kicked) return
    kicked = true
    setRealImmediate(() => {
      kicked = false
      if (!stopped) jest.advanceTimersByTime(1)
    })
  }
  // Record each fake timer's delay, for tests that check what a run asked to wait.
  const fakeSetTimeout = globalThis.setTimeout
  const recording = (
    handler: (...args: unknown[]) => void,
    ms?: number,
    ...args: unknown[]
  ): NodeJS.Timeout => {
    const delay = Number(ms ?? 0)
    delays.push(delay)
    const timer = fakeSetTimeout(handler, ms, ...args)
    if (!(delay > 1)) kick()
    return timer
  }
  globalThis.setTimeout = Object.assign(recording, fakeSetTimeout)

  let open = 0
  const onRequest = (_req: http.IncomingMessage, res: http.ServerResponse): void => {
    open++
    res.once('close', () => open--)
  }
  const watch = (server: http.Server) => {
    server.on('request', onRequest)
    return () => {
      server.off('request', onRequest)
    }
  }
  const unwatch = servers.map(watch)

  let elapsed = 0
  let last = performance.now()
  const step = setRealInterval(() => {
    const now = performance.now()
    const real = Math.min(Math.max(now - last, 0), MAX_OPEN_STEP_MS)
    last = now
    const by = open > 0 ? real : idleStepMs
    elapsed += by
    jest.advanceTimersByTime(by)
  }, STEP_MS)

  return {
    elapsed: () => elapsed,
    delays: () => [...delays],
    watch,
    stop: () => {
      stopped = true
      clearRealInterval(step)
      for (const stop of unwatch) stop()
      globalThis.setTimeout = fakeSetTimeout
      jest.useRealTimers()
    }
  }
}

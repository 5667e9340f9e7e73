/**
 * The GitHub event the runner hands us, read from the environment once. Free of heavy imports:
 * `index.ts` reads it before deciding whether to load the rest.
 */
import { readFileSync } from 'node:fs'

export interface RawEvent {
  name: string
  payload: unknown
}

export function readRawEvent(env: NodeJS.ProcessEnv = process.env): RawEvent {
  const name = env.GITHUB_EVENT_NAME ?? ''
  const path = env.GITHUB_EVENT_PATH
  if (!path) return { name, payload: {} }
  try {
    return { name, payload: JSON.parse(readFileSync(path, 'utf8')) as unknown }
  } catch (error) {
    throw new Error(
      `Could not read the event payload at GITHUB_EVENT_PATH: ${(error as Error).message}`,
      { cause: error }
    )
  }
}

/**
 * The step's outputs, named once here (action.yml declares the same names; a test checks). Only
 * type imports: index.ts writes EMPTY_OUTPUTS on an unrelated label without loading anything else.
 */
import type { Report } from './model.js'

export type OutputName =
  | 'total-instructions'
  | 'successful-instructions'
  | 'failed-instructions'
  | 'errors'
  | 'instructions'
  | 'comment-url'
  | 'swept'
  | 'drift'
  | 'due'

export type Outputs = Record<OutputName, string>

/** The outputs of a run that sent nothing. */
export const EMPTY_OUTPUTS: Readonly<Outputs> = {
  'total-instructions': '0',
  'successful-instructions': '0',
  'failed-instructions': '0',
  errors: '[]',
  instructions: '[]',
  'comment-url': '',
  swept: '0',
  drift: '[]',
  due: '[]'
}

export const OUTPUT_NAMES = Object.keys(EMPTY_OUTPUTS) as OutputName[]

export function outputsOf(report: Report, commentUrl = ''): Outputs {
  if (report.fatal) return { ...EMPTY_OUTPUTS, 'comment-url': commentUrl }
  return {
    'total-instructions': String(report.totals.totalInstructions),
    'successful-instructions': String(report.totals.successfulInstructions),
    'failed-instructions': String(report.totals.failedInstructions),
    errors: JSON.stringify(report.errors),
    instructions: JSON.stringify(
      report.instructions.map(({ container, ...sent }) => ({
        [`${container.kind}Key`]: container.key,
        environmentKey: container.environmentKey,
        ...sent
      }))
    ),
    'comment-url': commentUrl,
    swept: String(report.swept ?? 0),
    drift: JSON.stringify(report.drift ?? []),
    due: JSON.stringify(report.digest?.due ?? [])
  }
}

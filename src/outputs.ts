/**
 * The step's outputs when nothing was sent: no imports, so that index.ts can write them on an
 * unrelated label without loading anything else.
 */
export const EMPTY_OUTPUTS: Readonly<Record<string, string>> = {
  'total-instructions': '0',
  'successful-instructions': '0',
  'failed-instructions': '0',
  errors: '[]',
  instructions: '[]',
  'comment-url': ''
}

/**
 * The log, through @actions/core, with every message made inert first: whatever part of a
 * message came from outside can never become a workflow command.
 */
import * as core from '@actions/core'
import { neutralise } from './neutralise.js'

export interface AnnotationProperties {
  title?: string
  /** The file the annotation is on, relative to the repository. */
  file?: string
  /** Its line in `file`, from 1; ignored without a file. */
  startLine?: number
}

/**
 * @actions/core escapes property values (`%`, CR, LF, `:` and `,`), so a property cannot end the
 * command; the text is neutralised anyway, as the runner acts on `##[` anywhere in a line. A line
 * that is not a positive whole number is left out rather than sent.
 */
function safe(properties: AnnotationProperties | undefined): core.AnnotationProperties {
  const out: core.AnnotationProperties = {}
  if (properties?.title !== undefined) out.title = neutralise(properties.title)
  if (properties?.file !== undefined && properties.file !== '') {
    out.file = neutralise(properties.file)
    const line = properties.startLine
    if (line !== undefined && Number.isSafeInteger(line) && line > 0) out.startLine = line
  }
  return out
}

export function info(message: string): void {
  core.info(neutralise(message))
}

export function notice(message: string, properties?: AnnotationProperties): void {
  core.notice(neutralise(message), safe(properties))
}

export function warning(message: string, properties?: AnnotationProperties): void {
  core.warning(neutralise(message), safe(properties))
}

export function error(message: string, properties?: AnnotationProperties): void {
  core.error(neutralise(message), safe(properties))
}

export function fail(message: string): void {
  core.setFailed(neutralise(message))
}

/** A collapsible group in the log, until endGroup. */
export function startGroup(name: string): void {
  core.startGroup(neutralise(name))
}

export function endGroup(): void {
  core.endGroup()
}

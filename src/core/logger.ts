/**
 * The log, through @actions/core, with every message made inert first: whatever part of a
 * message came from outside can never become a workflow command.
 */
import * as core from '@actions/core'
import { neutralise } from './neutralise.js'

export interface AnnotationProperties {
  title?: string
}

function safe(properties: AnnotationProperties | undefined): core.AnnotationProperties {
  return properties?.title === undefined ? {} : { title: neutralise(properties.title) }
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

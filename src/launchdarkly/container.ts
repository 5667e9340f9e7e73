/**
 * A container of individual targets in one environment: today a flag. Each kind has its own
 * resource path under LaunchDarkly's API; its expiring-targets routes hang below it.
 */
import type { Endpoint } from './resources.js'

export type ContainerKind = 'flag'

/** One container in one environment: the unit the engine reads, plans and sends for. */
export interface ContainerRef {
  kind: ContainerKind
  projectKey: string
  key: string
  environmentKey: string
}

/** The resource of each kind of container, without the environment. */
const RESOURCE_PATH: Record<ContainerKind, (projectKey: string, key: string) => string> = {
  flag: (projectKey, key) =>
    `/api/v2/flags/${encodeURIComponent(projectKey)}/${encodeURIComponent(key)}`
}

const EXPIRING_ROUTE: Record<Endpoint, string> = {
  users: 'expiring-user-targets',
  contexts: 'expiring-targets'
}

export function resourcePath({ kind, projectKey, key }: ContainerRef): string {
  return RESOURCE_PATH[kind](projectKey, key)
}

/** The container's expiring targets in its environment, on one of the two endpoints. */
export function expiringPath(ref: ContainerRef, endpoint: Endpoint): string {
  return `${resourcePath(ref)}/${EXPIRING_ROUTE[endpoint]}/${encodeURIComponent(ref.environmentKey)}`
}

/** `flag "checkout"`, for messages. */
export function describeContainer(ref: Pick<ContainerRef, 'kind' | 'key'>): string {
  return `${ref.kind} "${ref.key}"`
}

/** A map key for a (container, environment) pair. */
export function pairId(ref: Pick<ContainerRef, 'kind' | 'key' | 'environmentKey'>): string {
  return `${ref.kind}\n${ref.key}\n${ref.environmentKey}`
}

/** A flag in an environment. */
export function flagRef(projectKey: string, key: string, environmentKey: string): ContainerRef {
  return { kind: 'flag', projectKey, key, environmentKey }
}

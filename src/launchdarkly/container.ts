/**
 * A container of individual targets in one environment: a flag or a segment. Each kind has its
 * own resource path under LaunchDarkly's API; its expiring-targets routes hang below its base.
 */
import type { Endpoint } from './resources.js'

export type ContainerKind = 'flag' | 'segment'

/** One container in one environment: the unit the engine reads, plans and sends for. */
export interface ContainerRef {
  kind: ContainerKind
  projectKey: string
  key: string
  environmentKey: string
}

const enc = encodeURIComponent

/**
 * Each kind's paths. Mind the order: a segment's resource names the environment before the
 * segment, its expiring routes the segment before the environment.
 */
const PATHS: Record<
  ContainerKind,
  { base: (ref: ContainerRef) => string; resource: (ref: ContainerRef) => string }
> = {
  flag: {
    base: (r) => `/api/v2/flags/${enc(r.projectKey)}/${enc(r.key)}`,
    resource: (r) => `/api/v2/flags/${enc(r.projectKey)}/${enc(r.key)}?env=${enc(r.environmentKey)}`
  },
  segment: {
    base: (r) => `/api/v2/segments/${enc(r.projectKey)}/${enc(r.key)}`,
    resource: (r) => `/api/v2/segments/${enc(r.projectKey)}/${enc(r.environmentKey)}/${enc(r.key)}`
  }
}

const EXPIRING_ROUTE: Record<Endpoint, string> = {
  users: 'expiring-user-targets',
  contexts: 'expiring-targets'
}

/** The container in its environment, as LaunchDarkly serves it. */
export function resourcePath(ref: ContainerRef): string {
  return PATHS[ref.kind].resource(ref)
}

/** The container's expiring targets in its environment, on one of the two endpoints. */
export function expiringPath(ref: ContainerRef, endpoint: Endpoint): string {
  return `${PATHS[ref.kind].base(ref)}/${EXPIRING_ROUTE[endpoint]}/${enc(ref.environmentKey)}`
}

/** `flag "checkout"`, `segment "beta-testers"`: for messages. */
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

/** A segment in an environment. */
export function segmentRef(projectKey: string, key: string, environmentKey: string): ContainerRef {
  return { kind: 'segment', projectKey, key, environmentKey }
}

/**
 * Who is individually targeted: a context kind and key. The user endpoint's targets are kind
 * `user`.
 */
export interface Target {
  kind: string
  key: string
}

export const USER_KIND = 'user'

/** A map key for a target. */
export function targetId(target: Target): string {
  return `${target.kind}:${target.key}`
}

/** `user "sandy"`, `organization "acme"`: a target in a sentence. */
export function describeTarget(target: Target): string {
  return `${target.kind} "${target.key}"`
}

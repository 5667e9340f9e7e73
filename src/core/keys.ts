/** What LaunchDarkly accepts as a project, environment or flag key, and as a context kind. */

export const KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
export const KEY_RULE = 'letters, digits, ".", "_" and "-", starting with a letter or digit'

/** A context kind: letters, digits, ".", "_" and "-"; `kind` and `multi` are reserved. */
export const CONTEXT_KIND = /^[A-Za-z0-9._-]{1,256}$/
export const RESERVED_KINDS = ['kind', 'multi']

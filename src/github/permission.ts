/** GitHub's repository roles, and what its collaborator permission API answers. */

/** GitHub's repository roles, weakest first. */
export const PERMISSIONS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const
export type Permission = (typeof PERMISSIONS)[number]

/** GitHub's answer for a collaborator: `role_name` knows triage and maintain; `permission` not. */
export function permissionFrom(answer: { permission?: string; role_name?: string }): Permission {
  const known = (value: string | undefined): value is Permission =>
    (PERMISSIONS as readonly string[]).includes(value ?? '')
  if (known(answer.role_name)) return answer.role_name
  // A custom organization role: its base permission is what `permission` says.
  return known(answer.permission) ? answer.permission : 'none'
}

export function allows(actual: Permission, required: Permission): boolean {
  return PERMISSIONS.indexOf(actual) >= PERMISSIONS.indexOf(required)
}

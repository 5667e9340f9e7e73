/**
 * The permission gate every source passes its entries through: an entry acts only when the person
 * behind it has at least `required-permission` on the repository. Fails closed.
 */
import type { ParseResult } from '../core/entry.js'
import { allows, type Permission } from '../github/permission.js'

export interface Gate {
  required: Permission
  repository: string
  /** The sender's permission; throws when GitHub cannot tell. */
  permissionOf: (login: string) => Promise<Permission>
}

export interface Gated {
  result: ParseResult
  /** Who added or removed the label, or wrote the command; undefined when unknown. */
  actor: string | undefined
  /** `wrote`: a slash command in a comment. */
  verb: 'added' | 'removed' | 'wrote'
}

export async function applyGate(items: Gated[], gate: Gate): Promise<ParseResult[]> {
  if (gate.required === 'none') return items.map((i) => i.result)
  const cache = new Map<string, Promise<Permission>>()
  const lookup = (login: string): Promise<Permission> => {
    let found = cache.get(login)
    if (!found) {
      found = gate.permissionOf(login)
      cache.set(login, found)
    }
    return found
  }
  return Promise.all(
    items.map(async ({ result, actor, verb }): Promise<ParseResult> => {
      if (!result.ok) return result
      const { source, origin } = result.entry
      const refuse = (reason: string): ParseResult => ({
        ok: false,
        invalid: { source, origin, reason }
      })
      const command = verb === 'wrote'
      const what = command ? 'this command' : 'this label'
      const needs = `changing targeting through ${command ? 'comment commands' : 'labels'} needs ${gate.required} permission (input required-permission)`
      if (!actor) return refuse(`GitHub does not say who ${verb} ${what}; ${needs}`)
      let actual: Permission
      try {
        actual = await lookup(actor)
      } catch (error) {
        return refuse(
          `could not check the permission of ${actor}, who ${verb} ${what} (${(error as Error).message}); ${needs}`
        )
      }
      if (allows(actual, gate.required)) return result
      return refuse(
        `${actor}, who ${verb} ${what}, has ${actual} permission on ${gate.repository}; ${needs}`
      )
    })
  )
}

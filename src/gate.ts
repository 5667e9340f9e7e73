/**
 * Applies `required-permission` to entries that come from labels: a label acts only when the
 * person who added (or removed) it has at least that permission on the repository. Fails closed:
 * when GitHub cannot say who it was or what they may do, the label does not act.
 */
import type { EntryResult } from './grammar.js'
import { allows, type Permission } from './permission.js'

export interface Gate {
  required: Permission
  repository: string
  /** The sender's permission; throws when GitHub cannot tell. */
  permissionOf: (login: string) => Promise<Permission>
}

export interface Gated {
  result: EntryResult
  /** Who added or removed the label; undefined when unknown. */
  actor: string | undefined
  verb: 'added' | 'removed'
}

export async function applyGate(items: Gated[], gate: Gate): Promise<EntryResult[]> {
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
    items.map(async ({ result, actor, verb }): Promise<EntryResult> => {
      if (!result.ok) return result
      const { source, origin } = result.entry
      const refuse = (reason: string): EntryResult => ({
        ok: false,
        invalid: { source, origin, reason }
      })
      const needs = `changing targeting through labels needs ${gate.required} permission (input required-permission)`
      if (!actor) return refuse(`GitHub does not say who ${verb} this label; ${needs}`)
      let actual: Permission
      try {
        actual = await lookup(actor)
      } catch (error) {
        return refuse(
          `could not check the permission of ${actor}, who ${verb} this label (${(error as Error).message}); ${needs}`
        )
      }
      if (allows(actual, gate.required)) return result
      return refuse(
        `${actor}, who ${verb} this label, has ${actual} permission on ${gate.repository}; ${needs}`
      )
    })
  )
}

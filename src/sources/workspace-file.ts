/**
 * A file of the checked-out repository, read at the edge: the path must stay inside the workspace
 * (symbolic links included), and the file must be a regular file of sensible size.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'

export type WorkspaceFile = { ok: true; text: string } | { ok: false; reason: string }

const MAX_BYTES = 1024 * 1024

export function readWorkspaceFile(workspace: string, path: string): WorkspaceFile {
  const checkout =
    'check out the repository before this step (actions/checkout), and give the path from its root'
  let root: string
  let real: string
  try {
    root = realpathSync(workspace)
    real = realpathSync(resolve(root, path))
  } catch {
    return { ok: false, reason: `it is not in the workspace (${workspace}); ${checkout}` }
  }
  const inside = relative(root, real)
  if (inside.startsWith('..') || isAbsolute(inside))
    return { ok: false, reason: `it leads outside the workspace (${workspace}); ${checkout}` }
  const stat = statSync(real)
  if (!stat.isFile()) return { ok: false, reason: 'it is not a file' }
  if (stat.size > MAX_BYTES)
    return { ok: false, reason: `it is ${stat.size} bytes; a targets file has at most 1 MiB` }
  return { ok: true, text: readFileSync(real, 'utf8') }
}

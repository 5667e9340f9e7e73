/**
 * The end-to-end suites run dist/index.js: bundle it first whenever anything it is built from is
 * newer, so that no test can pass against a stale bundle.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = import.meta.dirname

function newest(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
}

function bundledAt(): number {
  try {
    return statSync(join(ROOT, 'dist', 'index.js')).mtimeMs
  } catch {
    return 0
  }
}

export default function bundleIfStale(): void {
  const sources = Math.max(
    newest(join(ROOT, 'src')),
    newest(join(ROOT, 'package-lock.json')),
    newest(join(ROOT, 'tsconfig.json'))
  )
  if (bundledAt() > sources) return
  process.stdout.write('\ndist/ is older than src/: bundling it before the tests.\n')
  execFileSync('npm', ['run', '-s', 'bundle'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit']
  })
}

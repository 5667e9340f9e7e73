/**
 * The end-to-end suites run dist/index.js: bundle it first whenever it was built from other
 * sources than these, so that no test can pass against a stale bundle. Judged by content
 * (bundle-hash.mjs: the sources' hash against dist/.inputs-hash), not by file times, so a fresh
 * clone, whose files git wrote in any order, tests the committed bundle as it is and rewrites
 * nothing.
 *
 * When the sources do not bundle (a type error, say), dist/ is put back as it was, since
 * `npm run bundle` removes it first, and the tests still run: the in-process ones test the
 * sources, and the end-to-end ones fail at once with ncc's message (helpers/bundle.ts reads it
 * from BUNDLE_ERROR_VARIABLE).
 */
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { HASH_FILE, inputsHash, storedHash } from './bundle-hash.mjs'

const ROOT = import.meta.dirname
const DIST = join(ROOT, 'dist')

/** Set for the test files when dist/ could not be built from these sources: ncc's message. */
export const BUNDLE_ERROR_VARIABLE = 'EXPIRING_TARGETS_BUNDLE_ERROR'

export default function bundleIfStale(): void {
  delete process.env[BUNDLE_ERROR_VARIABLE]
  const current = inputsHash(ROOT)
  const stored = storedHash(ROOT)
  if (stored === current && existsSync(join(DIST, 'index.js'))) return
  const why = stored === undefined ? `there is no ${HASH_FILE}` : `${HASH_FILE} differs`
  process.stdout.write(
    `\ndist/ was built from other sources than these (${why}): bundling it before the tests.\n`
  )
  const backup = mkdtempSync(join(tmpdir(), 'dist-before-bundle-'))
  const hadDist = existsSync(DIST)
  try {
    if (hadDist) cpSync(DIST, backup, { recursive: true })
    try {
      execFileSync('npm', ['run', '-s', 'bundle'], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 64 * 1024 * 1024
      })
      if (storedHash(ROOT) !== inputsHash(ROOT))
        throw new Error(`npm run bundle did not write ${HASH_FILE} for these sources`)
    } catch (error) {
      rmSync(DIST, { recursive: true, force: true })
      if (hadDist) cpSync(backup, DIST, { recursive: true })
      const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? ''
      // Kept short: child processes inherit the environment, which has a size limit.
      process.env[BUNDLE_ERROR_VARIABLE] = (stderr.trim() || (error as Error).message).slice(
        0,
        2000
      )
      process.stderr.write(
        `\nnpm run bundle failed: dist/ is left as it was, and the end-to-end tests will fail.\n${stderr}\n`
      )
    }
  } finally {
    rmSync(backup, { recursive: true, force: true })
  }
}

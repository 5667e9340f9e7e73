/**
 * What dist/ is built from, as one SHA-256: every file under src/, package-lock.json,
 * tsconfig.json, and the parts of package.json the build reads (its module type, dependencies,
 * overrides and the bundle script). `npm run bundle` stores it in dist/.inputs-hash, committed
 * with the bundle; jest.global-setup.ts bundles again before the tests only when the sources'
 * hash differs from the stored one. Contents only, never file times: git checks files out in any
 * order, so a fresh clone's dist/ may look older than its src/ while being built from it.
 *
 * Line endings are read as LF, so a checkout with CRLF line endings hashes the same. The hash
 * depends on nothing but those contents and their paths, so `npm run bundle` on a clean clone
 * writes the committed file again byte for byte (CI compares dist/ with git diff).
 *
 * `node bundle-hash.mjs` writes dist/.inputs-hash; `node bundle-hash.mjs --check` exits 1 when it
 * differs from the sources.
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('.', import.meta.url))

/** Where the hash of the sources dist/ was built from is kept, relative to the root. */
export const HASH_FILE = join('dist', '.inputs-hash')

const INPUT_DIRECTORIES = ['src']
const INPUT_FILES = ['package-lock.json', 'tsconfig.json']
/** Bumped when what is hashed changes, so that an old hash never matches by accident. */
const FORMAT = 'launchdarkly-expiring-targets bundle inputs 1'

/** Every file under `directory`, as paths relative to `root` with `/`, sorted. */
function filesUnder(root, directory) {
  const found = []
  const walk = (path) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (entry.isFile()) found.push(relative(root, full).split(sep).join('/'))
    }
  }
  walk(join(root, directory))
  return found
}

const text = (root, path) => readFileSync(join(root, path), 'utf8').replace(/\r\n/g, '\n')

/** The hash of what dist/ would be built from now. */
export function inputsHash(root = ROOT) {
  const hash = createHash('sha256')
  hash.update(`${FORMAT}\n`)
  const pkg = JSON.parse(text(root, 'package.json'))
  const build = {
    type: pkg.type ?? null,
    dependencies: pkg.dependencies ?? {},
    overrides: pkg.overrides ?? {},
    bundle: pkg.scripts?.bundle ?? null
  }
  hash.update(`package.json\0${JSON.stringify(build)}\0`)
  const paths = [...INPUT_DIRECTORIES.flatMap((d) => filesUnder(root, d)), ...INPUT_FILES].sort()
  for (const path of paths) hash.update(`${path}\0${text(root, path)}\0`)
  return hash.digest('hex')
}

/** The hash stored with dist/, or undefined when there is none. */
export function storedHash(root = ROOT) {
  try {
    return readFileSync(join(root, HASH_FILE), 'utf8').trim()
  } catch {
    return undefined
  }
}

/** Stores the hash of the sources with dist/: `npm run bundle` calls this once ncc is done. */
export function writeHash(root = ROOT) {
  writeFileSync(join(root, HASH_FILE), `${inputsHash(root)}\n`)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--check')) {
    const current = inputsHash()
    if (storedHash() !== current) {
      process.stderr.write(`${HASH_FILE} does not match the sources (${current}): npm run bundle\n`)
      process.exit(1)
    }
  } else {
    writeHash()
  }
}

#!/usr/bin/env bash
# Tag a release of the action, in the manner of actions/typescript-action's script/release.
#
# Reads the version X.Y.Z from package.json, checks that the working tree is clean, that
# CHANGELOG.md has a section for the version and that dist/ is what `npm run bundle` builds from
# this commit, then creates the annotated tag vX.Y.Z on HEAD and moves the major tag vX to the
# same commit (workflows that use @vX get the release). It pushes nothing: it prints the git push
# commands to run.
#
# Usage: bump "version" in package.json (and VERSION in src/version.ts), rename CHANGELOG.md's
# Unreleased section to the version, commit, then run scripts/release.sh on that commit.
# REMOTE=name picks the remote the printed commands push to (default origin).
set -euo pipefail
cd "$(dirname "$0")/.."

remote=${REMOTE:-origin}

fail() {
  printf 'release: %s\n' "$1" >&2
  exit 1
}

version=$(node -e 'process.stdout.write(JSON.parse(require("fs").readFileSync("package.json", "utf8")).version)')
if [[ ! ${version} =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  fail "package.json's version \"${version}\" is not X.Y.Z; release tags are vX.Y.Z."
fi
tag="v${version}"
major="v${version%%.*}"

changes=$(git status --porcelain)
if [[ -n ${changes} ]]; then
  printf '%s\n' "${changes}" >&2
  fail "the working tree has changes; commit or stash them first."
fi

if git rev-parse --quiet --verify "refs/tags/${tag}" >/dev/null; then
  fail "the tag ${tag} exists already; bump the version in package.json."
fi

if ! grep -q "^## \[${version}\]" CHANGELOG.md; then
  fail "CHANGELOG.md has no \"## [${version}]\" section; move the Unreleased entries into one."
fi

echo "Rebuilding dist/ to check that it matches the sources..."
npm run --silent bundle
untracked=$(git ls-files --others --exclude-standard -- dist)
if ! git diff --quiet -- dist || [[ -n ${untracked} ]]; then
  git status --short -- dist >&2
  fail "dist/ differs from a fresh 'npm run bundle': commit the rebuilt dist/, then run this again."
fi

commit=$(git rev-parse HEAD)
short=$(git rev-parse --short HEAD)
git tag -a "${tag}" -m "${tag}" "${commit}"
git tag -fa "${major}" -m "${major}: ${tag}" "${commit}"

echo
echo "Tagged ${tag} and moved ${major} to ${short}. Nothing is pushed; to publish, run:"
echo
echo "  git push ${remote} refs/tags/${tag}"
echo "  git push --force ${remote} refs/tags/${major}"
echo
echo "Then create the GitHub release for ${tag}, with CHANGELOG.md's ${version} section as notes."

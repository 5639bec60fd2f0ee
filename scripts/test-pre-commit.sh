#!/usr/bin/env bash
# `npm run test:pre-commit`: runs this repository's hook (.pre-commit-hooks.yaml) the way the
# pre-commit framework runs it for a user, with `pre-commit try-repo` on a scratch repository of
# memos: pre-commit clones this repository (committed state plus uncommitted changes of tracked
# files), installs it as a node package (npm install, then npm pack, whose prepack builds the CLI,
# then a global install of the tarball into its own environment) and calls `decision-memos check`
# with the matching files. Slow on first use (the install fetches the dev dependencies), so
# `npm test` does not run it. Needs git and pre-commit (Debian: apt-get install -y pre-commit).
# PRE_COMMIT_HOME may point at a cache kept between runs; by default a fresh one is used.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (Debian: apt-get install -y pre-commit)" >&2; exit 2; }

SCRATCH="$(mktemp -d)"
trap 'rm -rf "$SCRATCH"' EXIT
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$SCRATCH/pre-commit-home}"

REPO="$SCRATCH/repo"
mkdir -p "$REPO/decisions"
cd "$REPO"
git init -q -b main
git config user.name "Hook Test"
git config user.email "hook-test@example.invalid"
git config commit.gpgsign false
cat > decisions/0001-good.md <<'MEMO'
---
id: "0001"
title: Use a queue for exports
status: draft
owners: [ann]
---
# Use a queue for exports
MEMO
cat > decisions/0002-bad.md <<'MEMO'
---
id: "0002"
title: Cache the search page
status: approved-ish
owners: [ann]
---
# Cache the search page
MEMO
# Not a memo: the hook's `files` pattern leaves it out.
printf '# A repository with memos\n\nNo front matter here.\n' > README.md
printf -- '- ann\n' > people.yaml
git add -A

failures=0
expect() { # expect <exit code> <text the output must contain> <pre-commit args...>
  local want="$1" needle="$2"; shift 2
  local out status=0
  out="$(pre-commit try-repo "$ROOT" decision-memos "$@" 2>&1)" || status=$?
  if [[ "$status" != "$want" ]] || ! grep -qF -- "$needle" <<<"$out"; then
    echo "FAIL: pre-commit try-repo … $* exited $status (expected $want) or lacks: $needle" >&2
    echo "$out" >&2
    failures=$((failures + 1))
  else
    echo "ok: pre-commit try-repo … $* → exit $status"
  fi
}

# A clean memo and a README: the hook passes (the README is not handed to it).
expect 0 'decision memos' --files decisions/0001-good.md README.md
# Every file: the memo with an unknown status fails the commit, with the diagnostic shown.
expect 1 'status-invalid' --all-files
# The README alone is not a memo file: the hook is skipped.
expect 0 '(no files to check)Skipped' --files README.md

if [[ "$failures" -gt 0 ]]; then
  echo "$failures pre-commit check(s) failed" >&2
  exit 1
fi
echo "pre-commit hook: all checks passed"

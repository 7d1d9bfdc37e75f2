#!/usr/bin/env bash
# Installs the npm dependencies exactly as locked, once per lock-file change.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=node_modules/.signaalhub-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "[deps] npm ci"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi
# Incremental: a no-op when nothing changed. Services and the `hub` CLI run from the build output.
node scripts/build.mjs

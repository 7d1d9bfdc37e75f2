#!/usr/bin/env bash
# Installs the npm dependencies exactly as locked, once per lock-file or Node.js change, on the project's Node.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
stamp=node_modules/.signaalhub-install
want="$(sha256sum package-lock.json | cut -d' ' -f1) node $(node --version)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  echo "[deps] npm ci"
  npm ci --no-audit --no-fund
  echo "$want" > "$stamp"
fi
# npm scripts and npx put node_modules/.bin first on PATH: a `node` there runs `npm run …` and `npx hub`
# on the project's Node even from a shell whose own Node is older. It names the binary itself, never
# whatever `node` is first on PATH, which inside an npm script is this very link.
ln -sfn "$(node -p process.execPath)" node_modules/.bin/node
# Incremental: a no-op when nothing changed. Services and the `hub` CLI run from the build output.
node scripts/build.mjs

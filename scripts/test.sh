#!/usr/bin/env bash
# The one test command (README): installs what is missing, then runs every check and every tier.
# The integration and e2e tiers start the infrastructure they need through packages/test-infra.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
source scripts/ensure-node.sh
bash scripts/ensure-deps.sh
echo "[test] Node.js $(node --version)"
echo "[test] build + typecheck";   npm run -s typecheck
echo "[test] lint";                npm run -s lint
echo "[test] import cycles";       npm run -s check:cycles
echo "[test] copies across services"; npm run -s check:duplicates
rm -rf test-results
echo "[test] unit";                npm run -s test:unit
echo "[test] integration";         npm run -s test:integration
echo "[test] end-to-end";          npm run -s test:e2e
node scripts/test-summary.mjs
echo "[test] all tiers passed in $(( $(date +%s) - started )) s"

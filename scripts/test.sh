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
# Unit tests need no infrastructure and integration tests mostly wait on it: the two tiers run side by side,
# each into its own log, printed whole when both are done.
echo "[test] unit and integration, side by side"
tier_logs=$(mktemp -d)
npm run -s test:unit > "$tier_logs/unit.log" 2>&1 & unit_pid=$!
npm run -s test:integration > "$tier_logs/integration.log" 2>&1 & integration_pid=$!
unit_status=0; wait "$unit_pid" || unit_status=$?
integration_status=0; wait "$integration_pid" || integration_status=$?
echo "[test] unit (exit $unit_status)";               cat "$tier_logs/unit.log"
echo "[test] integration (exit $integration_status)"; cat "$tier_logs/integration.log"
rm -rf "$tier_logs"
if [ "$unit_status" -ne 0 ] || [ "$integration_status" -ne 0 ]; then exit 1; fi
echo "[test] end-to-end";          npm run -s test:e2e
node scripts/test-summary.mjs
echo "[test] all tiers passed in $(( $(date +%s) - started )) s"

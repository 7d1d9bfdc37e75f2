#!/usr/bin/env bash
# `npm run bench`: every benchmark against a baseline measured in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
bash scripts/ensure-deps.sh
exec npx tsx --conditions=source scripts/run-benchmarks.ts

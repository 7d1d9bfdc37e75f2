#!/usr/bin/env bash
# `npm run stack:up|down|status`: the local stack, run on the project's Node.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
bash scripts/ensure-deps.sh
exec npx tsx --conditions=source infra/stack/src/cli.ts "$@"

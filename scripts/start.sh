#!/usr/bin/env bash
# `npm start`: install what is missing, build, then run the stack and the services.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/ensure-node.sh
bash scripts/ensure-deps.sh
node scripts/build.mjs
exec npx tsx --conditions=source scripts/start-services.ts

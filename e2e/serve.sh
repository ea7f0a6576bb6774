#!/usr/bin/env bash
# Starts the real app for Playwright with its own throwaway database (embedded Postgres on 54331,
# web on 3100). E2E_DATABASE_URL, when given, is used instead of the embedded Postgres.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf .data/e2e
if [ -n "${E2E_DATABASE_URL:-}" ]; then
  export DATABASE_URL="$E2E_DATABASE_URL"
else
  unset DATABASE_URL
fi
DUCAT_DATA_DIR=.data/e2e DUCAT_PG_PORT="${E2E_PG_PORT:-54331}" PORT="${E2E_PORT:-3100}" exec npx tsx scripts/launch.ts

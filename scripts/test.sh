#!/usr/bin/env bash
# npm test: every test. Lint and type checks; unit and property tests (libs/); API tests
# against real PostgreSQL and Redis (a fresh database and queue prefix per run); then the
# built product end to end, and the console in Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"

if [ ! -d node_modules ]; then npm ci --no-audit --no-fund; fi
source scripts/services.sh
ensure_services
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "The browser tests need Debian's chromium: apt-get install -y chromium (or set CHROMIUM_PATH)." >&2
  exit 1
fi

step() { printf '\n==> %s\n' "$*"; }

step "Lint and type checks"
npx nx run-many -t lint typecheck --parallel=2 --outputStyle=static

step "Import rules (no cycles, thin resolvers and processors, pure libs/)"
npx depcruise apps/api/src libs --config .dependency-cruiser.cjs

step "Unit, property and PostgreSQL/Redis integration tests"
npx nx run-many -t test --exclude=e2e --parallel=1 --outputStyle=static

step "Build the API and the console"
# Built afresh every run: the end-to-end tests must test this checkout, never a cached build.
npx nx run-many -t build -p api console --parallel=2 --outputStyle=static --skip-nx-cache

step "End-to-end and browser tests against the built product"
npx nx run e2e:test --outputStyle=static --excludeTaskDependencies

printf '\nAll tests passed.\n'

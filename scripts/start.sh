#!/usr/bin/env bash
# npm start: the whole product on one machine, with demo data.
# Installs dependencies when missing, makes sure PostgreSQL and Redis answer (starting local
# servers if needed), creates the two database roles and the database, applies migrations as the
# owner role, loads demo data (idempotent),
# builds and starts the API, the queue workers and the console. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."

# The API and the workers connect as factoring_app, which owns nothing; the migrations run as
# factoring_owner (DATABASE_MIGRATION_URL, by default DATABASE_URL's server as factoring_owner);
# DATABASE_ADMIN_URL, a superuser, creates both roles and the database first (README).
export DATABASE_URL="${DATABASE_URL:-postgres://factoring_app@127.0.0.1:5432/factoring}"
export DATABASE_ADMIN_URL="${DATABASE_ADMIN_URL:-postgres://root@127.0.0.1:5432/postgres}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export PORT="${PORT:-3000}"
export CONSOLE_PORT="${CONSOLE_PORT:-5173}"
# The demo's mail server (apps/api/src/delivery/mail-catcher.main.ts): documents are e-mailed to it and kept in tmp/mail.
export MAIL_CATCHER_SMTP_PORT="${MAIL_CATCHER_SMTP_PORT:-1025}"
export MAIL_CATCHER_HTTP_PORT="${MAIL_CATCHER_HTTP_PORT:-1080}"
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:${MAIL_CATCHER_SMTP_PORT}}"
export API_URL="http://127.0.0.1:${PORT}"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "Installing dependencies..."
  npm ci --no-audit --no-fund
fi

source scripts/services.sh
ensure_services

echo "Building the API and the console..."
npx nx run-many -t build -p api console --outputStyle=static

node dist/api/apps/api/src/database/migrate.main.js
# The admin connection is for the migration command only: nothing after it gets it.
unset DATABASE_ADMIN_URL
node dist/api/apps/api/src/seed/seed.main.js

pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

mkdir -p tmp
node dist/api/apps/api/src/delivery/mail-catcher.main.js > tmp/mail-catcher.log 2>&1 & pids+=($!)
node dist/api/apps/api/src/main.js > tmp/api.log 2>&1 & pids+=($!)
node dist/api/apps/api/src/worker.js > tmp/worker.log 2>&1 & pids+=($!)
(cd apps/console && npx vite preview --host 127.0.0.1 --port "$CONSOLE_PORT" --strictPort > ../../tmp/console.log 2>&1) & pids+=($!)

for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:${PORT}/health" >/dev/null 2>&1 && curl -fsS "http://127.0.0.1:${CONSOLE_PORT}/" >/dev/null 2>&1; then
    break
  fi
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "A process stopped during start-up; see tmp/*.log:" >&2; tail -n 20 tmp/*.log >&2; exit 1; }
  done
  sleep 1
done

# Invoices sold the real way: through the integration API, with an integration key.
API_URL="http://127.0.0.1:${PORT}" node dist/api/apps/api/src/demo/demo-accounting-program.main.js | tail -n 1 || echo "The demo invoices could not be submitted; see above." >&2

cat <<BANNER

  The factoring back office is running.

  Console:  http://127.0.0.1:${CONSOLE_PORT}
  API:      http://127.0.0.1:${PORT}/graphql   (health: http://127.0.0.1:${PORT}/health)
  Mail:     http://127.0.0.1:${MAIL_CATCHER_HTTP_PORT}   (documents e-mailed by the demo; also tmp/mail/*.eml)
  Logs:     tmp/api.log, tmp/worker.log, tmp/console.log, tmp/mail-catcher.log

  Demo sign-ins (password: factoring-demo)
    analyst@demo.factoring.test      credit analyst
    collection@demo.factoring.test   collection
    finance@demo.factoring.test      finance
    admin@demo.factoring.test        admin
    all@demo.factoring.test          every role

  Press Ctrl-C to stop.
BANNER

wait -n "${pids[@]}"
echo "A process stopped; see tmp/*.log. Stopping the rest." >&2
exit 1

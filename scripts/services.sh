# Sourced by start.sh, test.sh and .ci/run: makes sure PostgreSQL and Redis answer at
# DATABASE_URL / REDIS_URL, starting the local servers when they are installed but not running.

is_local() { [[ "$1" == 127.0.0.1:* || "$1" == localhost:* || "$1" == "[::1]:"* ]]; }

wait_for() { # wait_for postgres|redis seconds
  for _ in $(seq 1 "$2"); do
    node scripts/service-answers.mjs "$1" >/dev/null 2>&1 && return 0
    sleep 1
  done
  node scripts/service-answers.mjs "$1" >/dev/null
}

ensure_postgres() {
  local address
  if address=$(node scripts/service-answers.mjs postgres 2>/dev/null); then return 0; fi
  if is_local "$address" && command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "Starting the local PostgreSQL server..."
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
  fi
  wait_for postgres 30 || { echo "PostgreSQL is not answering at $address; set DATABASE_URL or start it." >&2; return 1; }
}

ensure_redis() {
  local address
  if address=$(node scripts/service-answers.mjs redis 2>/dev/null); then return 0; fi
  if is_local "$address" && command -v redis-server >/dev/null 2>&1; then
    echo "Starting the local Redis server..."
    redis-server --daemonize yes --bind 127.0.0.1 --port "${address##*:}" --save "" --appendonly no || true
  fi
  wait_for redis 15 || { echo "Redis is not answering at $address; set REDIS_URL or start it." >&2; return 1; }
}

ensure_services() { ensure_postgres && ensure_redis; }

#!/usr/bin/env bash
# A throwaway PostgreSQL server on loopback for the tests: Debian's postgresql (installed when missing), a temporary
# data directory, a free port. Source this file, then `postgres_start` exports TRACEEXPLORER_TEST_POSTGRES and
# `postgres_stop` stops the server and deletes its data.
# Durability is switched off (fsync, synchronous_commit): the data lives only as long as the test run.

postgres_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1
}

postgres_start() {
  if [ -z "$(postgres_bin)" ] || [ ! -x "$(postgres_bin)/initdb" ]; then
    echo "Installing Debian's postgresql for the PostgreSQL tests..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  fi
  local bin port
  bin=$(postgres_bin)
  POSTGRES_DIR=$(mktemp -d /tmp/traceexplorer-postgres.XXXXXX)
  chown postgres "$POSTGRES_DIR"
  runuser -u postgres -- "$bin/initdb" -D "$POSTGRES_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  port=54329
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  runuser -u postgres -- "$bin/pg_ctl" -D "$POSTGRES_DIR/data" -l "$POSTGRES_DIR/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $POSTGRES_DIR -c max_connections=400 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
  export TRACEEXPLORER_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests on 127.0.0.1:$port"
}

postgres_stop() {
  if [ -n "${POSTGRES_DIR:-}" ] && [ -d "$POSTGRES_DIR/data" ]; then
    runuser -u postgres -- "$(postgres_bin)/pg_ctl" -D "$POSTGRES_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$POSTGRES_DIR"
  fi
}

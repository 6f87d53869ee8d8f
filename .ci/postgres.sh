# Sourced by .ci/run: a throwaway PostgreSQL cluster on loopback for the server's tests.
# Installs Debian's `postgresql` when missing, initdb's into a temp folder (as `postgres`
# when CI runs as root: PostgreSQL refuses to run as root), stops and removes it on exit,
# and exports UNIDESK_TEST_DATABASE_URL.

start_test_postgres() {
  if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
    echo "ci: installing postgresql"
    ${SUDO:-} apt-get update -qq
    ${SUDO:-} env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  fi
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
  PG_TMP="$(mktemp -d /tmp/unidesk-pg.XXXXXX)"
  AS_PG=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PG_TMP"
    AS_PG=(runuser -u postgres --)
  fi
  local port
  port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  "${AS_PG[@]}" "$PG_BIN/initdb" -D "$PG_TMP/data" -U unidesk --auth=trust -E UTF8 --no-locale >/dev/null
  trap stop_test_postgres EXIT
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -l "$PG_TMP/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TMP -c fsync=off" start >/dev/null
  export UNIDESK_TEST_DATABASE_URL="postgresql://unidesk@127.0.0.1:$port/postgres"
  echo "ci: test PostgreSQL on 127.0.0.1:$port"
}

stop_test_postgres() {
  [ -n "${PG_TMP:-}" ] || return 0
  "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$PG_TMP"
  PG_TMP=""
}

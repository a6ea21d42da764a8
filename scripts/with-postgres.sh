#!/usr/bin/env bash
# Runs a command beside a private PostgreSQL server, the way the tests need a real one: initdb in
# a temporary folder as an unprivileged user, a free port on 127.0.0.1, password authentication,
# stopped and removed at the end, also when the command fails or is interrupted. The command
# finds the server in REBATESYNC_TEST_PG ("host=…;port=…;user=…;password=…").
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z $bindir || ! -x $bindir/initdb ]]; then
  echo "with-postgres: no PostgreSQL server binaries; run scripts/install-deps.sh" >&2
  exit 2
fi

work=$(mktemp -d /tmp/rebatesync-pg.XXXXXX)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
printf '%s\n' "$password" >"$work/pwfile"

# PostgreSQL refuses to run as root: as root, the server runs as the unprivileged user nobody.
as_owner=()
if [[ $(id -u) -eq 0 ]]; then
  chown -R nobody "$work"
  as_owner=(runuser -u nobody --)
fi
chmod 700 "$work"
chmod 600 "$work/pwfile"

stop() {
  "${as_owner[@]}" "$bindir/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT
trap 'exit 130' INT TERM

"${as_owner[@]}" "$bindir/initdb" -D "$work/data" -U rebatesync_admin --pwfile="$work/pwfile" \
  --auth=scram-sha-256 --encoding=UTF8 --locale=C >"$work/initdb.log" 2>&1 ||
  { cat "$work/initdb.log" >&2; exit 2; }
rm -f "$work/pwfile"
# In the configuration file rather than on the command line, so a test that stops the server to
# see a sync lose it can start it again as it was. fsync off: a test server's data is thrown away
# at the end, and durability is SQLite's test.
cat >>"$work/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$work'
max_connections = 300
fsync = off
CONF
"${as_owner[@]}" "$bindir/pg_ctl" -D "$work/data" -l "$work/server.log" -w -t 60 start >/dev/null ||
  { cat "$work/server.log" >&2; exit 2; }

export REBATESYNC_TEST_PG="host=127.0.0.1;port=$port;user=rebatesync_admin;password=$password"
# How a test stops and starts the server: the command, one word per line.
REBATESYNC_TEST_PG_CTL=$(printf '%s\n' "${as_owner[@]}" "$bindir/pg_ctl" -D "$work/data" -l "$work/server.log" -w)
export REBATESYNC_TEST_PG_CTL
echo "with-postgres: PostgreSQL $("$bindir/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"
"$@"

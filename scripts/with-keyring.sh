#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so code that
# uses the OS keychain talks to a real Secret Service (as it does on a Linux desktop) without
# touching the user's own keyring. Usage: scripts/with-keyring.sh COMMAND [ARGS...]
set -euo pipefail

if [[ -z "${REBATESYNC_KEYRING_SESSION:-}" ]]; then
  scratch=$(mktemp -d "${TMPDIR:-/tmp}/rebatesync-keyring.XXXXXX")
  trap 'rm -rf "$scratch"' EXIT
  mkdir -p "$scratch/data" "$scratch/runtime" "$scratch/config"
  chmod 700 "$scratch/runtime"
  # The keyring files live in the scratch folder and vanish with it.
  REBATESYNC_KEYRING_SESSION=1 \
    XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime" \
    XDG_CONFIG_HOME="$scratch/config" \
    dbus-run-session -- "$0" "$@"
  exit $?
fi

# Create and unlock the login keyring with a throwaway password; the daemon then serves
# org.freedesktop.secrets on this session bus.
eval "$(printf '%s' 'rebatesync-test-keyring' \
  | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null || true)"
eval "$(gnome-keyring-daemon --start --components=secrets 2>/dev/null || true)"
export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK 2>/dev/null || true
exec "$@"

#!/usr/bin/env bash
# Installs what RebateSync needs to build, run and test on Debian 12 (bookworm) or 13 (trixie).
# Idempotent: installs only packages that are missing. Needs root or sudo.
set -euo pipefail

packages=(
  # toolchain
  cmake ninja-build g++ clang-format pkg-config
  # Qt 6: base, tools, translations, SQLite driver
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
  qt6-translations-l10n libqt6sql6-sqlite
  # a team's shared ledger: Qt's PostgreSQL driver, and a real server for the tests
  libqt6sql6-psql postgresql
  # DingTalk Stream intake (and the sandbox's Stream gateway)
  qt6-websockets-dev
  # Qt6Gui's CMake config wants xkbcommon; no package pulls it in on bookworm
  libxkbcommon-dev libgl-dev
  # secrets through the OS keychain
  qtkeychain-qt6-dev libsecret-1-0
  # headless runs and tests: a real Secret Service on a private session bus, a real X server
  dbus dbus-x11 gnome-keyring xvfb xauth x11-apps
  # a self-signed certificate for the TLS tests
  openssl
  # readable Chinese on screen and in screenshots
  fonts-noto-cjk
  # the reconciliation's .xlsx export, and the real reader its test checks it with;
  # zlib for reading .xlsx value maps (raw inflate of the zip entries)
  libxlsxwriter-dev python3-openpyxl zlib1g-dev
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

# The variable goes on sudo's (or env's) command line: an exported DEBIAN_FRONTEND does not
# survive sudo's clean environment, and debconf would then stop at a prompt in an unattended run.
as_root=(env)
if [[ $(id -u) -ne 0 ]]; then
  as_root=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
"${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get update -qq
"${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"

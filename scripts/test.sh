#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs every test (unit,
# keychain, window, CLI, translations, formatting) against the real parts, a private PostgreSQL
# server among them.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset linux
cmake --build --preset linux --parallel "$(nproc)"
QT_QPA_PLATFORM=offscreen bash scripts/with-postgres.sh bash scripts/with-keyring.sh ctest --preset linux "$@"

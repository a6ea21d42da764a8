#!/usr/bin/env bash
# Builds and runs every benchmark in tests/bench/ with its full-size input; each prints one JSON
# line of numbers. Usage: scripts/bench.sh [name-filter]. Record results in docs/BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset linux >/dev/null
cmake --build --preset linux --parallel "$(nproc)"
for bench in build/linux/tests/bench/bench_*; do
    [[ -x "$bench" ]] || continue
    [[ -z "${1:-}" || "$bench" == *"$1"* ]] || continue
    echo "== $(basename "$bench")" >&2
    QT_QPA_PLATFORM=offscreen "$bench"
    # The window has a second measure: the UI thread's stalls during a 5,000-bill sync.
    if [[ "$bench" == *bench_window ]]; then
        QT_QPA_PLATFORM=offscreen "$bench" --mode sync
    fi
done

#!/usr/bin/env bash
# Makes the README's pictures in Chinese, the way a clerk sees the screens: the console on a
# virtual X display (Xvfb) with a window manager (openbox), so dialogs get their frames and sit
# where a desktop puts them. Data comes from the sandbox through the real CLI: a fetch, a sync of
# a few applications (synced and failed rows), then a sync stopped with Ctrl+C (SIGINT) midway.
#
#   scripts/screenshots.sh [OUTPUT_DIR]      (default docs/screenshots)
#
# Writes main-window-zh.png, credential-dialog-zh.png, alerts-dialog-zh.png,
# scheme-editor-zh.png and stopped-run-zh.png. Installs what is missing (as install-deps.sh does, plus openbox).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-docs/screenshots}
mkdir -p "$out"

bash scripts/install-deps.sh
if ! command -v openbox > /dev/null; then
  # On sudo's command line: an exported DEBIAN_FRONTEND does not survive sudo's clean environment.
  as_root=(env)
  [[ $(id -u) -ne 0 ]] && as_root=(sudo)
  "${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openbox
fi
cmake --preset linux > /dev/null
cmake --build --preset linux --parallel "${JOBS:-2}" --target rebatesync rebatesync-cli rebatesync-sandbox

work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# The sandbox: a fifth of the rows name a customer Kingdee lacks, so some bills fail; 60 ms a
# Kingdee answer, so a run lasts long enough to be stopped midway.
build/linux/tests/sandbox/rebatesync-sandbox --port 0 --applications 120 --seed 2026 \
  --period-days 60 --unknown-customer-rate 0.15 --latency-ms 60 > "$work/sandbox.json" &
pids+=($!)
for _ in $(seq 1 100); do
  [[ -s "$work/sandbox.json" ]] && break
  sleep 0.1
done
url=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$work/sandbox.json")
process_code=$(sed -n 's/.*"process_code":"\([^"]*\)".*/\1/p' "$work/sandbox.json")
[[ -n "$url" ]] || { echo "screenshots: the sandbox did not start" >&2; exit 1; }

profile="$work/profile"
mkdir -p "$profile/schemes"
cat > "$profile/settings.ini" << INI
[dingtalk]
api=topapi
oapi_url=$url
api_url=$url
app_key=sandbox-app-key
process_code=$process_code
qps=19

[kingdee]
url=$url/k3cloud
acct_id=sandbox-dc
username=demo
auth=password
org_number=100
batch_size=5
concurrency=1
INI
printf '[ui]\nlanguage=zh_CN\n' > "$profile/ui-state.ini"
export REBATESYNC_DINGTALK_APP_SECRET=sandbox-app-secret
export REBATESYNC_KINGDEE_PASSWORD=sandbox-password
export LANG=zh_CN.UTF-8 # the CLI writes the sync log in the clerk's language

cli=(build/linux/app/cli/rebatesync-cli --profile "$profile")
"${cli[@]}" fetch --from "$(date -d '-62 days' +%Y-%m-%d)" > /dev/null || true
mapfile -t approved < <("${cli[@]}" list --state approved --json \
  | grep -o '"id": *"[^"]*"' | cut -d'"' -f4)
"${cli[@]}" sync "${approved[@]:0:12}" > /dev/null || true

# The screens on a 1600×1000 display with a window manager.
display_number=$((90 + RANDOM % 100))
export DISPLAY=":$display_number"
Xvfb "$DISPLAY" -screen 0 1600x1000x24 -nolisten tcp > /dev/null 2>&1 &
pids+=($!)
for _ in $(seq 1 50); do
  [[ -S "/tmp/.X11-unix/X$display_number" ]] && break
  sleep 0.1
done
openbox > /dev/null 2>&1 &
pids+=($!)
sleep 1

console=(build/linux/app/gui/rebatesync --profile "$profile")
shoot() { # FILE [--open NAME]
  local file=$1
  shift
  "${console[@]}" --screenshot "$out/$file" "$@"
  echo "screenshots: $out/$file"
}
shoot main-window-zh.png
shoot credential-dialog-zh.png --open credentials
shoot alerts-dialog-zh.png --open alerts
# The editor on the newest application that is approved and not yet synced.
shoot scheme-editor-zh.png --open scheme-editor
# With ENGLISH_DIR set, the same screens in English there too (not in the README): a check that
# no English text is cut where widths were made for Chinese.
if [[ -n "${ENGLISH_DIR:-}" ]]; then
  mkdir -p "$ENGLISH_DIR"
  printf '[ui]\nlanguage=en\n' > "$profile/ui-state.ini"
  for target in main-window credentials alerts scheme-editor; do
    open=()
    [[ $target != main-window ]] && open=(--open "$target")
    "${console[@]}" --screenshot "$ENGLISH_DIR/$target-en.png" "${open[@]}"
    echo "screenshots: $ENGLISH_DIR/$target-en.png"
  done
  printf '[ui]\nlanguage=zh_CN\n' > "$profile/ui-state.ini"
fi

# A run stopped midway, as Ctrl+C (or 停止 in the console) leaves it: the sync log's start and
# end lines, the bills it did not send pending again.
"${cli[@]}" sync --all-pending > "$work/stopped.txt" 2>&1 &
sync_pid=$!
for _ in $(seq 1 200); do
  (($(grep -c $'\tsynced\t' "$work/stopped.txt" || true) >= 10)) && break
  sleep 0.1
done
kill -INT "$sync_pid"
wait "$sync_pid" || true
shoot stopped-run-zh.png

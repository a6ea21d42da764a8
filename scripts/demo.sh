#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, starts the sandbox (a loopback
# DingTalk + Kingdee with generated rebate applications) and opens the console on a demo profile
# in build/demo-profile that points at it. Closing the console stops the sandbox.
# Without a display (a server, a container) the console runs on a virtual X display and a
# screenshot is saved to build/demo-screenshot.png instead.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset linux
cmake --build --preset linux --parallel "$(nproc)" --target rebatesync rebatesync-cli rebatesync-sandbox

mkdir -p build
sandbox_line=build/demo-sandbox.json
build/linux/tests/sandbox/rebatesync-sandbox --port 0 --applications 150 --seed 2026 \
  --period-days 150 --approve-interval-ms 30000 --latency-ms 40 --jitter-ms 40 > "$sandbox_line" &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  [[ -s "$sandbox_line" ]] && break
  sleep 0.1
done
url=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$sandbox_line")
process_code=$(sed -n 's/.*"process_code":"\([^"]*\)".*/\1/p' "$sandbox_line")
if [[ -z "$url" ]]; then
  echo "demo: the sandbox did not start" >&2
  exit 1
fi
echo "Sandbox: $url (DingTalk and Kingdee; inspect at $url/sandbox/counters)"

# The sandbox picks a free port each time, so the profile's addresses are written on every run.
profile="$PWD/build/demo-profile"
mkdir -p "$profile/schemes"
cat > "$profile/settings.ini" <<INI
[dingtalk]
api=topapi
oapi_url=$url
api_url=$url
app_key=sandbox-app-key
process_code=$process_code
qps=18

[kingdee]
url=$url/k3cloud
acct_id=sandbox-dc
username=demo
auth=password
app_id=
org_number=100
lcid=2052
batch_size=50
concurrency=2

[sync]
scheme=builtin:rebate-to-other-receivable
INI
[[ -f "$profile/ui-state.ini" ]] || printf '[ui]\nlanguage=zh_CN\n' > "$profile/ui-state.ini"

# The sandbox's own secrets, passed the headless way so the demo needs no keychain entry.
export REBATESYNC_DINGTALK_APP_SECRET=sandbox-app-secret
export REBATESYNC_KINGDEE_PASSWORD=sandbox-password

# The sandbox starts with fresh data every time: so does the demo store. Fetching goes through
# the real client, paced at the profile's 18 calls/s, about ten seconds.
rm -f "$profile"/rebatesync.db "$profile"/rebatesync.db-wal "$profile"/rebatesync.db-shm
echo "Fetching the sandbox's approval instances into the demo profile..."
# The CLI speaks the clerk's language: its log lines land in the console's sync log.
export LANG=zh_CN.UTF-8
build/linux/app/cli/rebatesync-cli --profile "$profile" fetch \
  --from "$(date -d '-152 days' +%Y-%m-%d)" || true

# REBATESYNC_DEMO_SYNC=N syncs N approved applications first, so the table shows every sync
# state (the documentation's screenshot is taken this way).
if [[ "${REBATESYNC_DEMO_SYNC:-0}" -gt 0 ]]; then
  mapfile -t sample < <(build/linux/app/cli/rebatesync-cli --profile "$profile" list \
    --state approved --json | grep -o '"id": *"[^"]*"' | cut -d'"' -f4 | head -n "$REBATESYNC_DEMO_SYNC")
  build/linux/app/cli/rebatesync-cli --profile "$profile" sync "${sample[@]}" > /dev/null || true
fi

console=build/linux/app/gui/rebatesync
echo "Demo profile: $profile"
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  "$console" --profile "$profile"
  exit $?
fi
echo "No display found: running on a virtual X display (Xvfb) and saving a screenshot."
xvfb-run -a -s "-screen 0 1280x800x24" \
  "$console" --profile "$profile" --screenshot build/demo-screenshot.png
echo "Screenshot of the console: $PWD/build/demo-screenshot.png"

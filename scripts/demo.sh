#!/usr/bin/env bash
# The README's run command: installs what is missing, builds, and opens the console on a demo
# profile in build/demo-profile (created on first run, in Chinese).
# Without a display (a server, a container) it runs on a virtual X display and saves a
# screenshot to build/demo-screenshot.png instead of showing a window.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-deps.sh
cmake --preset linux
cmake --build --preset linux --parallel "$(nproc)" --target rebatesync rebatesync-cli

profile="$PWD/build/demo-profile"
if [[ ! -f "$profile/settings.ini" ]]; then
  mkdir -p "$profile/schemes"
  cat > "$profile/settings.ini" <<'INI'
[dingtalk]
api=topapi
oapi_url=https://oapi.dingtalk.com
api_url=https://api.dingtalk.com
app_key=demo-app-key
process_code=PROC-REBATE-DEMO
qps=18

[kingdee]
url=http://erp.example.com/k3cloud
acct_id=demo
username=demo
auth=appsecret
app_id=
org_number=100
lcid=2052
batch_size=50
concurrency=2

[sync]
scheme=builtin:rebate-to-other-receivable
INI
  printf '[ui]\nlanguage=zh_CN\n' > "$profile/ui-state.ini"
fi

console=build/linux/app/gui/rebatesync
echo "Demo profile: $profile"
if [[ -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ]]; then
  exec "$console" --profile "$profile"
fi
echo "No display found: running on a virtual X display (Xvfb) and saving a screenshot."
xvfb-run -a -s "-screen 0 1280x800x24" \
  "$console" --profile "$profile" --screenshot build/demo-screenshot.png
echo "Screenshot of the console: $PWD/build/demo-screenshot.png"

#!/usr/bin/env bash
# What one embedded thread costs a reader: weights of embed.js and of the iframe's JS and CSS,
# the time to the first comment painted, and post -> seen in a second browser.
#
#   HEARTH_ADMIN_TOKEN=... bench/embed/run.sh [BASE_URL]      (default http://localhost:8080)
#
# Starts no Hearth: it measures whatever answers at BASE_URL. It creates site "bench-embed"
# (flood control off, the host page's origin allowed), seeds page "bench-embed-200" once with
# 200 comments, then runs embed-bench.mjs in headless Chromium. See bench/README.md.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"

BASE="${1:-http://localhost:8080}"
BASE="${BASE%/}"
BENCH_SITE="bench-embed"
READ_PAGE="bench-embed-200"
LIVE_PAGE="bench-embed-live"
HOST_PORT="${EMBED_HOST_PORT:-18390}"
LOADS="${EMBED_LOADS:-20}"
POSTS="${EMBED_POSTS:-20}"
CHROMIUM="${CHROMIUM:-/usr/lib/chromium/chromium}"

if [ -z "${HEARTH_ADMIN_TOKEN:-}" ]; then
  echo "Set HEARTH_ADMIN_TOKEN to the server's admin token (it creates the bench site)." >&2
  exit 2
fi
for tool in curl node; do
  command -v "$tool" >/dev/null || { echo "$tool is required but not installed" >&2; exit 2; }
done
[ -x "$CHROMIUM" ] || { echo "No Chromium at $CHROMIUM (apt-get install -y chromium, or set CHROMIUM)" >&2; exit 2; }

# Node 22 has WebSocket built in; 20.10+ and 21 need the flag (older Node cannot run this).
NODE_FLAGS=()
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" -lt 22 ]; then NODE_FLAGS+=(--experimental-websocket --no-warnings); fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

check_server
ensure_site

# The host page is served from the other name of this machine (localhost <-> 127.0.0.1), a
# different site, so the thread is a real cross-site iframe; its origin must be allowed for
# frame-ancestors. The writer is a new anonymous identity on every run: lift its first-day cap.
host_name=127.0.0.1
if [ "$(node -e 'console.log(new URL(process.argv[1]).hostname)' "$BASE")" != localhost ]; then host_name=localhost; fi
base_origin="$(node -e 'console.log(new URL(process.argv[1]).origin)' "$BASE")"
status="$(http PATCH "/api/v1/sites/$BENCH_SITE" \
  "{\"origins\":[\"$base_origin\",\"http://$host_name:$HOST_PORT\"],\"settings\":{\"newAccountDailyLimit\":100000}}" admin)"
if [ "$status" != 200 ]; then
  echo "PATCH /api/v1/sites/$BENCH_SITE answered $status: $(cat "$WORK/body")" >&2
  exit 1
fi

count="$(page_count "$READ_PAGE")"
if [ "$count" -eq 200 ]; then
  echo "== $READ_PAGE already has 200 comments"
else
  echo "== seeding $READ_PAGE (it has $count comments)"
  node "$BENCH_DIR/seed.mjs" --base "$BASE" --site "$BENCH_SITE" --page "$READ_PAGE" --shape chains --threads 50 --chain 3
fi

CHROMIUM="$CHROMIUM" node "${NODE_FLAGS[@]}" "$BENCH_DIR/embed/embed-bench.mjs" --base "$BASE" --site "$BENCH_SITE" \
  --page "$READ_PAGE" --live-page "$LIVE_PAGE" --host-port "$HOST_PORT" --loads "$LOADS" --posts "$POSTS"

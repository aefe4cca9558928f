#!/usr/bin/env bash
# Soak: a mixed load (reads, posts, edits, votes, reports, moderation decisions, live
# subscribers that come and go) against a running Hearth for SOAK_MINUTES, one CSV row a
# minute, a PNG graph of it, and a verdict: exit 1 when a metric trended upward past its bound
# or an acknowledged write is missing. See README.md beside this file.
#
#   HEARTH_ADMIN_TOKEN=... bench/soak/run.sh [--quick] [BASE_URL]     (default http://127.0.0.1:8080)
#   HEARTH_PID=1234 ...      the server's process id: a full GC before each minute's heap figure
set -euo pipefail

SOAK_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MINUTES="${SOAK_MINUTES:-30}"
BASE=""
for arg in "$@"; do
  case "$arg" in
    --quick) MINUTES="${SOAK_MINUTES:-3}" ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) BASE="$arg" ;;
  esac
done
BASE="${BASE:-http://127.0.0.1:8080}"
BASE="${BASE%/}"
SUBSCRIBERS="${SOAK_SUBSCRIBERS:-1000}"
OUT="${SOAK_OUT:-$SOAK_DIR/results}"

if [ -z "${HEARTH_ADMIN_TOKEN:-}" ]; then
  echo "Set HEARTH_ADMIN_TOKEN to the server's admin token (it creates the soak's site and reads /metrics)." >&2
  exit 2
fi
for tool in curl node npm; do
  command -v "$tool" >/dev/null || { echo "$tool is required but not installed" >&2; exit 2; }
done
if ! command -v gnuplot >/dev/null; then
  echo "== gnuplot not found; installing gnuplot-nox with apt-get (for the graph)"
  sudo=""; if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get install -y gnuplot-nox || { $sudo apt-get update && $sudo apt-get install -y gnuplot-nox; }
fi
# The WebSocket client is the live bench's (one npm package, ws, pinned by its lock file).
if [ ! -d "$SOAK_DIR/../live/node_modules/ws" ]; then
  echo "== installing the client's npm dependencies (npm ci --prefix bench/live)"
  npm ci --prefix "$SOAK_DIR/../live" --no-audit --no-fund
fi
want=$((SUBSCRIBERS + 1000))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$want" ]; then
  ulimit -n "$want" 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fi
curl -fsS -o /dev/null "$BASE/health" || { echo "No Hearth answering at $BASE (GET /health failed); start it first." >&2; exit 1; }

mkdir -p "$OUT"
name="${SOAK_NAME:-soak-$(date -u +%Y%m%d-%H%M)}"
csv="$OUT/$name.csv"
args=(--base "$BASE" --minutes "$MINUTES" --csv "$csv" --subscribers "$SUBSCRIBERS")
if [ -n "${HEARTH_PID:-}" ]; then args+=(--hearth-pid "$HEARTH_PID"); fi
if [ -n "${SOAK_RATES:-}" ]; then args+=(--rates "$SOAK_RATES"); fi
if [ -n "${SOAK_WARMUP:-}" ]; then args+=(--warmup "$SOAK_WARMUP"); fi
echo "== soak of $BASE for $MINUTES minutes, $SUBSCRIBERS live subscribers; CSV $csv"
status=0
node "$SOAK_DIR/soak.mjs" "${args[@]}" || status=$?
if [ -s "$csv" ] && [ "$(wc -l <"$csv")" -gt 1 ]; then
  gnuplot -e "csv='$csv'; png='$OUT/$name.png'; title='Hearth soak, $MINUTES min ($(date -u +%Y-%m-%d))'" "$SOAK_DIR/plot.gp"
  echo "== graph $OUT/$name.png"
fi
exit "$status"

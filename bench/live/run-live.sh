#!/usr/bin/env bash
# Live updates under load: N WebSocket subscribers on one page, M comments posted at R/s,
# and how long each new comment took to reach every subscriber.
#
#   HEARTH_ADMIN_TOKEN=... bench/live/run-live.sh [BASE_URL ...]     (default http://127.0.0.1:8080)
#   HEARTH_PIDS="pid1 pid2" ...                                      (sample the servers' RSS and heap)
#
# Several BASE_URLs: the subscribers are split round-robin over them (e.g. two Hearth nodes
# on one database); comments go to the first one (LIVE_POST_ROUND_ROBIN=1: to each in turn).
# Starts no server. It installs the one npm package the client needs (ws) if missing, makes
# sure site "bench" exists with flood control off and every base's origin allowed, runs
# live-bench.mjs and prints a summary table against the targets. See bench/README.md.
set -euo pipefail

LIVE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# Only the HTTP helpers of lib.sh (http, check_server, ensure_site): bench_init would install wrk.
source "$LIVE_DIR/../lib.sh"

BASES=("$@")
if [ "${#BASES[@]}" -eq 0 ]; then BASES=("http://127.0.0.1:8080"); fi
for i in "${!BASES[@]}"; do BASES[i]="${BASES[i]%/}"; done
BASE="${BASES[0]}"

SUBSCRIBERS="${LIVE_SUBSCRIBERS:-10000}"
POSTS="${LIVE_POSTS:-100}"
RATE="${LIVE_RATE:-10}"
RAMP="${LIVE_RAMP:-500}"
PAGE="${LIVE_PAGE:-bench-live}"
SETTLE="${LIVE_SETTLE:-10}"
# Targets this bench is judged against.
TARGET_P99_MS="${LIVE_TARGET_P99_MS:-250}"
TARGET_HEAP_MB="${LIVE_TARGET_HEAP_MB:-512}"

if [ -z "${HEARTH_ADMIN_TOKEN:-}" ]; then
  echo "Set HEARTH_ADMIN_TOKEN to the server's admin token (it creates the bench site)." >&2
  exit 2
fi
for tool in curl node npm; do
  command -v "$tool" >/dev/null || { echo "$tool is required but not installed" >&2; exit 2; }
done

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# One socket per subscriber: raise the soft open-files limit as far as the hard one allows.
want=$((SUBSCRIBERS + 1000))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$want" ]; then
  ulimit -n "$want" 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
  if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$want" ]; then
    echo "== WARNING: open-files limit is $(ulimit -n) (hard $(ulimit -Hn)), below $want for $SUBSCRIBERS subscribers;"
    echo "   raise it (ulimit -n 65536, or LimitNOFILE / limits.conf) or subscribers will fail with EMFILE"
  fi
fi

if [ ! -d "$LIVE_DIR/node_modules/ws" ]; then
  echo "== installing the client's npm dependencies (npm ci --prefix bench/live)"
  npm ci --prefix "$LIVE_DIR" --no-audit --no-fund
fi

for base in "${BASES[@]}"; do
  curl -fsS -o /dev/null "$base/health" || { echo "No Hearth answering at $base (GET /health failed); start it first." >&2; exit 1; }
done
ensure_site

# Every base's origin must be allowed for the site: subscribers send Origin = their base's
# origin, and a node's own public URL may be spelled differently (localhost vs 127.0.0.1).
status="$(http GET "/api/v1/sites/$BENCH_SITE" "" admin)"
if [ "$status" = 200 ]; then
  patch="$(node -e '
    const site = JSON.parse(require("fs").readFileSync(0, "utf8"));
    const have = new Set(site.origins ?? []);
    const want = process.argv.slice(1).map((b) => new URL(b).origin);
    const missing = want.filter((o) => !have.has(o));
    if (missing.length) console.log(JSON.stringify({ origins: [...have, ...new Set(missing)] }));
  ' "${BASES[@]}" <"$WORK/body")"
  if [ -n "$patch" ]; then
    echo "== allowing the bases' origins on site $BENCH_SITE: $patch"
    status="$(http PATCH "/api/v1/sites/$BENCH_SITE" "$patch" admin)"
    [ "$status" = 200 ] || echo "   (PATCH answered $status: $(head -c 300 "$WORK/body"); carrying on)"
  fi
else
  echo "   (GET /api/v1/sites/$BENCH_SITE answered $status; not checking its origins)"
fi

args=(--site "$BENCH_SITE" --page "$PAGE" --subscribers "$SUBSCRIBERS" --posts "$POSTS" --rate "$RATE"
  --ramp "$RAMP" --settle "$SETTLE" --json "$WORK/result.json")
for base in "${BASES[@]}"; do args+=(--base "$base"); done
for pid in ${HEARTH_PIDS:-}; do args+=(--server-pid "$pid"); done
if [ -n "${LIVE_WORKERS:-}" ]; then args+=(--workers "$LIVE_WORKERS"); fi
if [ "${LIVE_POST_ROUND_ROBIN:-0}" = 1 ]; then args+=(--post-round-robin); fi
if [ "${LIVE_FULL_GC:-0}" = 1 ]; then args+=(--full-gc); fi
# Anything else live-bench.mjs accepts (--local-address, --token, --deflate, ...).
# shellcheck disable=SC2206
if [ -n "${LIVE_EXTRA_ARGS:-}" ]; then args+=($LIVE_EXTRA_ARGS); fi

echo
echo "== live updates: $SUBSCRIBERS subscribers over ${#BASES[@]} base(s), $POSTS posts at $RATE/s"
node "$LIVE_DIR/live-bench.mjs" "${args[@]}"

node - "$WORK/result.json" "$TARGET_P99_MS" "$TARGET_HEAP_MB" <<'EOF'
const [file, p99Target, heapTarget] = process.argv.slice(2);
const r = JSON.parse(require('fs').readFileSync(file, 'utf8'));
const f = (v, d = 1) => (v == null ? 'n/a' : Number(v).toFixed(d));
const verdict = (v, target) => (v == null ? '?' : v < target ? 'ok' : 'MISSED');
const rows = [
  ['subscribers subscribed', `${r.subscribers.subscribed}/${r.subscribers.requested}`, '', r.subscribers.failed ? `${r.subscribers.failed} failed` : 'ok'],
  ['closed during the run', r.subscribers.droppedDuringRun, '0', r.subscribers.droppedDuringRun ? 'CHECK' : 'ok'],
  ['posts answered 201', `${r.posts.acked}/${r.posts.requested}`, '', r.posts.failed ? `${r.posts.failed} failed` : 'ok'],
  ['events received/expected', `${r.events.received}/${r.events.expected}`, '', ''],
  ['missing deliveries', r.events.missing, '0', r.events.missing ? 'CHECK' : 'ok'],
  ['duplicate deliveries', r.events.duplicates, '0', r.events.duplicates ? 'CHECK' : 'ok'],
  ['latency p50 ms', f(r.latencyMs.p50), '', ''],
  ['latency p90 ms', f(r.latencyMs.p90), '', ''],
  ['latency p99 ms', f(r.latencyMs.p99), `< ${p99Target}`, verdict(r.latencyMs.p99, Number(p99Target))],
  ['latency max ms', f(r.latencyMs.max), '', ''],
  ['deliveries before the 201', r.latencyMs.beforeAck, '', ''],
];
if (r.bases.length > 1) {
  for (const b of r.perBase) rows.push([`  p99 ms via ${b.url}`, f(b.p99), `< ${p99Target}`, verdict(b.p99, Number(p99Target))]);
}
rows.push(['first post to last delivery s', f(r.wall.lastDeliveryS, 2), '', '']);
for (const s of r.server) {
  rows.push([`server ${s.pid} RSS peak MB`, f(s.rssPeakMb, 0), '', '']);
  rows.push([`server ${s.pid} heap used MB`, s.heapUsedMb == null ? `n/a (${s.heapNote})` : f(s.heapUsedMb, 0), `< ${heapTarget}`, verdict(s.heapUsedMb, Number(heapTarget))]);
  if (s.heapLiveMb != null) rows.push([`server ${s.pid} heap after GC MB`, f(s.heapLiveMb, 0), '', '']);
}
console.log(`\n== summary (${r.subscribers.requested} subscribers, ${r.posts.requested} posts at ${r.posts.rate}/s, ${r.bases.join(' ')})`);
console.log(`${'metric'.padEnd(32)} ${'value'.padStart(16)}  ${'target'.padEnd(8)} verdict`);
for (const [m, v, t, ok] of rows) console.log(`${m.padEnd(32)} ${String(v).padStart(16)}  ${t.padEnd(8)} ${ok}`);
EOF

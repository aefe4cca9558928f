#!/usr/bin/env bash
# Latency of the first page of a large, awkward thread: 10,000 comments mixing deep chains
# (one 1,000 replies deep) and wide threads (20-100 direct replies each).
#
#   HEARTH_ADMIN_TOKEN=... bench/run-10k.sh [BASE_URL]   (default http://127.0.0.1:8080)
#
# Starts no server. Creates site "bench" if needed, seeds page "bench-10k" once (a few
# minutes), then measures GET /api/v1/threads for its first page (default sort and limit).
# Target: p50 < 15 ms and p99 < 50 ms at 32 connections.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init "${1:-}"

PAGE="bench-10k"
TOTAL=10000
TARGET_P50_MS=15
TARGET_P99_MS=50

check_server
ensure_site

count="$(page_count "$PAGE")"
if [ "$count" -ge "$TOTAL" ]; then
  echo "== $PAGE already has $count comments"
else
  # seed.mjs refuses a page that is neither empty nor complete, rather than guess a shape.
  echo "== seeding $PAGE (it has $count comments); this takes a few minutes"
  node "$BENCH_DIR/seed.mjs" --base "$BASE" --site "$BENCH_SITE" --page "$PAGE" --shape mixed --total "$TOTAL"
fi

threads_path="/api/v1/threads?site=$BENCH_SITE&page=$PAGE"
expect_ok "$threads_path"
run_wrk "GET threads $PAGE (first page)" "$BASE$threads_path"

print_summary

# The goal this bench exists for; wrk's figures are noisy, so judge it over several runs.
awk -F '\t' -v p50="$TARGET_P50_MS" -v p99="$TARGET_P99_MS" '
  { printf "\ntarget p50 < %s ms: %s (%s ms)\ntarget p99 < %s ms: %s (%s ms)\n",
      p50, ($3 + 0 < p50 ? "met" : "not met"), $3, p99, ($4 + 0 < p99 ? "met" : "not met"), $4 }
' "$WORK/summary"

#!/usr/bin/env bash
# Read and write throughput/latency of a running Hearth, measured with wrk.
#
#   HEARTH_ADMIN_TOKEN=... bench/run.sh [BASE_URL]      (default http://127.0.0.1:8080)
#
# Starts no server: it measures whatever answers at BASE_URL. It creates site "bench" if
# needed, seeds page "bench-200" once (50 threads, each a top-level comment and a chain of
# 3 replies: 200 comments), then measures
#   (a) GET  /api/v1/threads for bench-200 (the first page of threads, default sort/limit)
#   (b) POST /api/v1/comments to page bench-post, one unique comment per request
# and prints a summary table. See bench/README.md for the knobs and how to read it.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init "${1:-}"

READ_PAGE="bench-200"
POST_PAGE="bench-post"
SEED_THREADS=50
SEED_CHAIN=3
SEED_TOTAL=$((SEED_THREADS * (SEED_CHAIN + 1)))

check_server
ensure_site

# Seed once: later runs reuse the page, so they read exactly the same tree.
count="$(page_count "$READ_PAGE")"
if [ "$count" -eq "$SEED_TOTAL" ]; then
  echo "== $READ_PAGE already has $count comments"
else
  echo "== seeding $READ_PAGE (it has $count comments)"
  node "$BENCH_DIR/seed.mjs" --base "$BASE" --site "$BENCH_SITE" --page "$READ_PAGE" \
    --shape chains --threads "$SEED_THREADS" --chain "$SEED_CHAIN"
fi

threads_path="/api/v1/threads?site=$BENCH_SITE&page=$READ_PAGE"
expect_ok "$threads_path"
run_wrk "GET threads $READ_PAGE" "$BASE$threads_path"

# The Lua script reads the site and page from the environment.
export BENCH_SITE BENCH_PAGE="$POST_PAGE"
run_wrk "POST comment $POST_PAGE" "$BASE/api/v1/comments" "$BENCH_DIR/post-comment.lua"

# The same spread over 16 pages: writes to one page queue on its row (each waiting for the
# previous one's synced commit); across pages they run side by side.
BENCH_PAGES=16 run_wrk "POST comment 16 pages" "$BASE/api/v1/comments" "$BENCH_DIR/post-comment.lua"

print_summary

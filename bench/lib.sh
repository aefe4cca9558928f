# Shared helpers for run.sh and run-10k.sh; sourced, not run.
# shellcheck shell=bash

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BENCH_SITE="bench"

# bench_init BASE_URL: reads the settings every scenario shares and checks the tools.
bench_init() {
  BASE="${1:-http://127.0.0.1:8080}"
  BASE="${BASE%/}"
  # Defaults match the figures in README.md; override them to probe other load levels.
  DURATION="${BENCH_DURATION:-10s}"
  CONNECTIONS="${BENCH_CONNECTIONS:-32}"
  WRK_THREADS="${BENCH_WRK_THREADS:-2}"
  # A short unmeasured run first, so the JIT and the connection pools are warm when we measure.
  WARMUP="${BENCH_WARMUP:-3s}"
  # wrk's default 2 s timeout would drop slow responses from the latency histogram and make
  # p99 look better than it is; a long timeout keeps them in.
  TIMEOUT="${BENCH_TIMEOUT:-10s}"
  # wrk refuses fewer connections than threads.
  if [ "$CONNECTIONS" -lt "$WRK_THREADS" ]; then WRK_THREADS="$CONNECTIONS"; fi

  if [ -z "${HEARTH_ADMIN_TOKEN:-}" ]; then
    echo "Set HEARTH_ADMIN_TOKEN to the server's admin token (it creates the bench site)." >&2
    exit 2
  fi
  for tool in curl node; do
    command -v "$tool" >/dev/null || { echo "$tool is required but not installed" >&2; exit 2; }
  done
  ensure_wrk

  WORK="$(mktemp -d)"
  trap 'rm -rf "$WORK"' EXIT
  : >"$WORK/summary"
}

# wrk is the only thing this bench installs: it is a plain Debian package.
ensure_wrk() {
  command -v wrk >/dev/null && return 0
  echo "== wrk not found; installing it with apt-get"
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  # A fresh container often has no package lists yet, hence the update on failure.
  $sudo apt-get install -y wrk || { $sudo apt-get update && $sudo apt-get install -y wrk; }
}

# http METHOD PATH [JSON] [admin]: prints the status code; the response body lands in $WORK/body.
http() {
  local method="$1" path="$2" data="${3:-}" admin="${4:-}"
  local args=(-sS -o "$WORK/body" -w '%{http_code}' -X "$method" -H 'Accept: application/json')
  if [ -n "$data" ]; then args+=(-H 'Content-Type: application/json' --data "$data"); fi
  # The token goes in through a file descriptor so it never shows up in `ps`.
  if [ -n "$admin" ]; then
    curl "${args[@]}" -H @<(printf 'Authorization: Bearer %s\n' "$HEARTH_ADMIN_TOKEN") "$BASE$path"
  else
    curl "${args[@]}" "$BASE$path"
  fi
}

check_server() {
  if ! curl -fsS -o /dev/null "$BASE/health"; then
    echo "No Hearth answering at $BASE (GET /health failed); start it first." >&2
    exit 1
  fi
}

# Creates the bench site, or makes sure an existing one has flood control off: the POST
# scenario posts as fast as it can from one address, which per-writer/address flood control
# (commentIntervalSeconds, default 10) would turn into a stream of 429s, and the seeder may
# repeat a text, which the duplicate check (duplicateWindowSeconds, default 300) refuses.
FLOOD_OFF='{"commentIntervalSeconds":0,"duplicateWindowSeconds":0}'

ensure_site() {
  local origin status
  origin="$(node -e 'console.log(new URL(process.argv[1]).origin)' "$BASE")"
  status="$(http POST /api/v1/sites \
    "{\"id\":\"$BENCH_SITE\",\"name\":\"Bench\",\"origins\":[\"$origin\"],\"settings\":$FLOOD_OFF}" admin)"
  case "$status" in
    201) echo "== created site $BENCH_SITE" ;;
    409)
      echo "== site $BENCH_SITE exists; turning its flood control off"
      # Best effort: a server that does not know the setting still runs the bench.
      status="$(http PATCH "/api/v1/sites/$BENCH_SITE" "{\"settings\":$FLOOD_OFF}" admin || true)"
      [ "$status" = 200 ] || echo "   (PATCH answered $status; carrying on)"
      ;;
    *)
      echo "Creating site $BENCH_SITE answered $status: $(cat "$WORK/body")" >&2
      exit 1
      ;;
  esac
}

# page_count PAGE: how many comments the page has (0 when it does not exist yet).
page_count() {
  local status
  status="$(http GET "/api/v1/counts?site=$BENCH_SITE&page=$1")"
  if [ "$status" != 200 ]; then
    echo "GET /api/v1/counts answered $status: $(cat "$WORK/body")" >&2
    exit 1
  fi
  node -e 'const j = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log(j.counts[process.argv[1]] ?? 0)' \
    "$1" <"$WORK/body"
}

# expect_ok PATH: one plain request before measuring, so we never benchmark an error page.
expect_ok() {
  local status
  status="$(http GET "$1")"
  if [ "$status" != 200 ]; then
    echo "GET $1 answered $status: $(head -c 500 "$WORK/body")" >&2
    exit 1
  fi
  echo "   GET $1 -> 200, $(wc -c <"$WORK/body") bytes"
}

# run_wrk NAME URL [LUA_SCRIPT]: warm up, measure, print wrk's report and add a summary row.
run_wrk() {
  local name="$1" url="$2" script="${3:-}"
  local args=(-t"$WRK_THREADS" -c"$CONNECTIONS" --timeout "$TIMEOUT")
  if [ -n "$script" ]; then args+=(-s "$script"); fi
  # Lets the Lua script make every POST body unique across runs, not just within one.
  export BENCH_RUN_ID="$(date +%s%N)"

  echo
  echo "== $name"
  if [ "$WARMUP" != 0 ] && [ "$WARMUP" != 0s ]; then
    echo "   warm-up $WARMUP (not measured)"
    wrk "${args[@]}" -d"$WARMUP" "$url" >/dev/null
  fi
  local out="$WORK/wrk-$(wc -l <"$WORK/summary").txt"
  local before
  before="$(cpu_snapshot)"
  wrk "${args[@]}" -d"$DURATION" --latency "$url" | tee "$out"
  cpu_split "$before" "$(cpu_snapshot)" "$out" | tee -a "$WORK/cpu"
  summary_row "$name" "$out" >>"$WORK/summary"
}

# cpu_snapshot: CPU seconds used so far by the Hearth JVM (HEARTH_PID) and by every process
# named postgres on the machine (the embedded or local server and its backends), "jvm pg".
# Prints nothing without HEARTH_PID: the split is optional.
cpu_snapshot() {
  [ -n "${HEARTH_PID:-}" ] || return 0
  local hz jvm pg
  hz="$(getconf CLK_TCK)"
  jvm="$(awk '{ print $14 + $15 }' "/proc/$HEARTH_PID/stat" 2>/dev/null || echo 0)"
  pg=0
  for stat in /proc/[0-9]*/stat; do
    read -r line <"$stat" 2>/dev/null || continue
    case "$line" in *"(postgres)"*) pg=$((pg + $(echo "${line##*) }" | awk '{ print $12 + $13 }'))) ;; esac
  done
  echo "$(awk -v t="$jvm" -v h="$hz" 'BEGIN { print t / h }') $(awk -v t="$pg" -v h="$hz" 'BEGIN { print t / h }')"
}

# cpu_split BEFORE AFTER WRK_OUTPUT: CPU per request of Hearth and of PostgreSQL over the run.
cpu_split() {
  [ -n "$1" ] && [ -n "$2" ] || return 0
  local requests
  requests="$(awk '/requests in/ { print $1 }' "$3")"
  echo "$1 $2 $requests" | awk '{
    jvm = $3 - $1; pg = $4 - $2; n = $5
    printf "   CPU over the run: Hearth %.1f s, PostgreSQL %.1f s; per request: Hearth %.2f ms, PostgreSQL %.2f ms\n",
      jvm, pg, n ? 1000 * jvm / n : 0, n ? 1000 * pg / n : 0 }'
}

# summary_row NAME WRK_OUTPUT: one tab-separated row; latencies converted to ms.
summary_row() {
  awk -v name="$1" '
    function ms(v) {
      if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
      if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
      if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
      if (v ~ /m$/)  return substr(v, 1, length(v) - 1) * 60000
      return v + 0
    }
    BEGIN { rps = "?"; p50 = "?"; p99 = "?"; non2xx = 0; errors = 0; non201 = "-" }
    /^Requests\/sec:/                { rps = $2 }
    /^ +50% /                        { p50 = sprintf("%.2f", ms($2)) }
    /^ +99% /                        { p99 = sprintf("%.2f", ms($2)) }
    /Non-2xx or 3xx responses:/      { non2xx = $NF }
    /Socket errors:/                 { gsub(/,/, ""); errors = $4 + $6 + $8 + $10 }
    /^BENCH_NON201 /                 { non201 = $2; if ($3 != "-") non201 = non201 " (" $3 ")" }
    END { printf "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", name, rps, p50, p99, non2xx, non201, errors }
  ' "$2"
}

print_summary() {
  echo
  echo "== summary ($WRK_THREADS threads, $CONNECTIONS connections, $DURATION per scenario, $BASE)"
  awk -F '\t' '
    BEGIN { printf "%-34s %10s %9s %9s %8s %-16s %s\n", "scenario", "req/s", "p50 ms", "p99 ms", "non-2xx", "non-201", "socket errors" }
    { printf "%-34s %10s %9s %9s %8s %-16s %s\n", $1, $2, $3, $4, $5, $6, $7 }
  ' "$WORK/summary"
}

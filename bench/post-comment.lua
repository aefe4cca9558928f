-- wrk script: POST /api/v1/comments with a distinct body on every request.
--
-- Every body carries a run id, the wrk thread number and a per-thread counter, so no two
-- requests (in this run or an earlier one) post the same text: a server that ever
-- de-duplicates or flood-checks identical bodies would otherwise skew the figures.
--
-- Settings come from the environment (run.sh sets them):
--   BENCH_SITE    site id              (default "bench")
--   BENCH_PAGE    page key to post to  (default "bench-post")
--   BENCH_PAGES   spread the posts over this many pages, BENCH_PAGE-0 .. BENCH_PAGE-(n-1)
--                 (default 1: every post to BENCH_PAGE itself)
--   BENCH_RUN_ID  unique id of the run (default: the current time in seconds)
--
-- wrk itself reports only "Non-2xx or 3xx responses"; only 201 means "comment created",
-- so done() also prints one line that run.sh reads for its summary:
--   BENCH_NON201 <count> <status>=<n>,...     (detail is "-" when count is 0)
--
-- wrk runs this file once in its main Lua state (setup, done) and once more in each
-- thread's own state (init, request, response). Values cross between them only through
-- thread:set/get, which read and write globals; that is why the counters are globals.

local site = os.getenv("BENCH_SITE") or "bench"
local page = os.getenv("BENCH_PAGE") or "bench-post"
local pages = tonumber(os.getenv("BENCH_PAGES") or "1")

-- Main state ---------------------------------------------------------------------------

local threads = {}
local run = os.getenv("BENCH_RUN_ID") or tostring(os.time())

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
  thread:set("run", run)
end

function done(summary, latency, requests)
  local total = 0
  local merged = {}
  for _, thread in ipairs(threads) do
    total = total + (thread:get("non201") or 0)
    for status, n in pairs(thread:get("statuses") or {}) do
      merged[status] = (merged[status] or 0) + n
    end
  end
  local parts = {}
  for status, n in pairs(merged) do
    table.insert(parts, status .. "=" .. n)
  end
  table.sort(parts)
  io.write(string.format("BENCH_NON201 %d %s\n", total, #parts > 0 and table.concat(parts, ",") or "-"))
end

-- Thread states ------------------------------------------------------------------------

counter = 0
non201 = 0
statuses = {}

local headers = {
  ["Content-Type"] = "application/json",
  ["Accept"] = "application/json",
}

function request()
  counter = counter + 1
  -- Only letters, digits, '-' and spaces go into the JSON strings, so nothing needs escaping.
  local body = string.format(
    '{"site":"%s","page":{"key":"%s","title":"Bench POST"},' ..
    '"body":"Bench comment %d from thread %d of run %s","author":{"name":"Bench %d"}}',
    site, pages > 1 and (page .. "-" .. ((counter + tid) % pages)) or page, counter, tid, run, tid)
  -- nil path: wrk uses the path of the URL it was given, so a BASE_URL with a prefix works.
  return wrk.format("POST", nil, headers, body)
end

function response(status, _headers, _body)
  if status ~= 201 then
    non201 = non201 + 1
    statuses[status] = (statuses[status] or 0) + 1
  end
end

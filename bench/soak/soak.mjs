// Hearth soak: a mixed load for a set time, one CSV row a minute of what the server and the
// client saw, then a check that every acknowledged write is there and that nothing trended
// upward past its bound (see README.md beside this file). Exit status 1 when anything failed.
//
//   node bench/soak/soak.mjs --base URL --minutes 30 --csv out.csv [--hearth-pid PID]
//   node bench/soak/soak.mjs --analyze out.csv [--warmup 3]          (the checks of a recorded CSV)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync, appendFileSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Http, promValue } from './http.mjs';
import { Load } from './load.mjs';
import { Subscribers } from './live.mjs';
import { performance } from 'node:perf_hooks';
import { COLUMNS, MinuteCounts, csvLine, forcedPauses, parseCsv, trends } from './stats.mjs';

const { values: opt } = parseArgs({ options: {
  base: { type: 'string', default: 'http://127.0.0.1:8080' },
  minutes: { type: 'string', default: '30' },
  csv: { type: 'string' },
  analyze: { type: 'string' },
  warmup: { type: 'string' },
  'hearth-pid': { type: 'string' },
  subscribers: { type: 'string', default: '1000' },
  'live-mean-seconds': { type: 'string', default: '120' },
  pages: { type: 'string', default: '20' },
  'page-size': { type: 'string', default: '150' },
  rates: { type: 'string', default: 'read=15,post=4,edit=1,vote=2,report=0.7,moderate=0.5' },
} });

const MB = 1024 * 1024;
const log = (...args) => console.log(new Date().toISOString().slice(11, 19), ...args);

if (opt.analyze) {
  const rows = parseCsv(readFileSync(opt.analyze, 'utf8'));
  const info = JSON.parse(readFileSync(`${opt.analyze}.json`, 'utf8'));
  process.exit(report(rows, info) ? 0 : 1);
}

const minutes = Number(opt.minutes);
const adminToken = process.env.HEARTH_ADMIN_TOKEN;
if (!adminToken || !opt.csv) {
  console.error('needs HEARTH_ADMIN_TOKEN and --csv FILE');
  process.exit(2);
}
const http = new Http(opt.base);
const admin = new Http(opt.base, { maxSockets: 2 }); // metrics and checks, not counted as load
const site = `soak-${Date.now().toString(36)}`;
let counts = new MinuteCounts();
const load = new Load({ http, site, adminToken, pages: Number(opt.pages), pageSize: Number(opt['page-size']),
  writers: 200, voters: 24, counts: () => counts });

const first = await scrape();
if (!first) {
  console.error(`GET ${opt.base}/metrics did not answer 200 with the admin token`);
  process.exit(2);
}
const retentionSeconds = first.retention;
const prunePeriod = Math.max(10, Math.min(3600, retentionSeconds / 4));
log(`site ${site}; server retention ${retentionSeconds} s, prune period ${prunePeriod} s; ${minutes} min`);
await load.setup(new URL(opt.base).origin);

const live = new Subscribers({ base: opt.base, site, count: Number(opt.subscribers),
  meanSeconds: Number(opt['live-mean-seconds']), pages: () => load.active, retired: (p) => load.retiredPages.has(p),
  retentionSeconds });
await live.start();
log(`${live.connected()} of ${opt.subscribers} subscribers connected`);

writeFileSync(opt.csv, `${COLUMNS.join(',')}\n`);
const info = { site, minutes, retentionSeconds, prunePeriod, subscribers: Number(opt.subscribers),
  warmup: opt.warmup ? Number(opt.warmup) : (minutes <= 5 ? 0 : 3), rates: opt.rates, base: opt.base };
writeFileSync(`${opt.csv}.json`, JSON.stringify(info, null, 2));

// Open loop: each kind of request starts at its rate whatever the answers take, up to a bound
// of requests in flight, so a slow server meets the same demand rather than a politer client.
const rates = Object.fromEntries(opt.rates.split(',').map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
const inFlight = Object.fromEntries(Object.keys(rates).map((k) => [k, 0]));
const skipped = Object.fromEntries(Object.keys(rates).map((k) => [k, 0]));
const MAX_IN_FLIGHT = 64;
const timers = Object.entries(rates).map(([kind, perSecond]) => setInterval(() => {
  if (inFlight[kind] >= MAX_IN_FLIGHT) { skipped[kind]++; return; }
  inFlight[kind]++;
  load[kind]().catch((e) => console.error(kind, e)).finally(() => { inFlight[kind]--; });
}, 1000 / perSecond));

// The server's figures every 5 s; pool waiters as the largest seen in the minute.
let minuteMax = { waiters: 0, inUse: 0 };
let lastPruned = first.pruned;
let latest = first;
const sampler = setInterval(async () => {
  const m = await scrape();
  if (!m) return;
  latest = m;
  minuteMax = { waiters: Math.max(minuteMax.waiters, m.waiters), inUse: Math.max(minuteMax.inUse, m.inUse) };
}, 5000);

const rows = [];
for (let minute = 1; minute <= minutes; minute++) {
  await new Promise((r) => setTimeout(r, 60_000));
  const m = (await scrape()) ?? latest;
  const afterGc = await heapAfterGc(m);
  const c = counts.row();
  counts = new MinuteCounts();
  const l = live.takeMinute();
  const row = {
    minute, heap_used_mb: (m.heap / MB).toFixed(1), heap_after_gc_mb: afterGc === null ? '' : (afterGc / MB).toFixed(1),
    rss_mb: m.rss === null ? '' : (m.rss / MB).toFixed(1), open_fds: m.fds,
    pool_waiters_max: Math.max(minuteMax.waiters, m.waiters), pool_in_use_max: Math.max(minuteMax.inUse, m.inUse),
    event_rows: m.rows, event_oldest_s: m.oldest?.toFixed(0), events_pruned: m.pruned - lastPruned, events_pruned_total: m.pruned,
    ...c, live_connected: live.connected(), live_reconnects: l.reconnects, live_resets: l.resets, live_events: l.events,
    server_ws: m.ws, threads: m.threads,
  };
  lastPruned = m.pruned;
  minuteMax = { waiters: 0, inUse: 0 };
  rows.push(row);
  appendFileSync(opt.csv, `${csvLine(row)}\n`);
  log(`min ${minute}: ${row.requests} req (${row.err_4xx + row.err_5xx + row.err_net} errors ${row.errors_by_status}), `
    + `read p99 ${row.read_p99_ms} ms, write p99 ${row.write_p99_ms} ms, heap ${row.heap_used_mb}/${row.heap_after_gc_mb} MB, `
    + `rss ${row.rss_mb} MB, fds ${row.open_fds}, waiters ${row.pool_waiters_max}, events ${row.event_rows} `
    + `(pruned ${row.events_pruned}), live ${row.live_connected}`);
}

timers.forEach(clearInterval);
clearInterval(sampler);
log('load stopped; waiting for requests in flight');
for (let i = 0; i < 60 && Object.values(inFlight).some((n) => n > 0); i++) await new Promise((r) => setTimeout(r, 500));
await live.stop();
info.live = { ...live.totals, closes: Object.fromEntries(live.totals.closes) };
info.skipped = skipped;
info.retries = load.retries;
info.verification = await verify();
writeFileSync(`${opt.csv}.json`, JSON.stringify(info, null, 2));
http.close();
admin.close();
process.exit(report(rows, info) ? 0 : 1);

async function scrape() {
  const response = await admin.request('GET', '/metrics', { token: adminToken });
  if (response.status !== 200) return null;
  const t = response.body;
  return {
    heap: promValue(t, 'jvm_memory_used_bytes', { area: 'heap' }),
    liveData: promValue(t, 'jvm_gc_live_data_size_bytes'),
    rss: promValue(t, 'process_memory_rss_bytes'),
    fds: promValue(t, 'process_files_open_files'),
    waiters: promValue(t, 'vertx_pool_queue_pending', { pool_name: 'hearth' }) ?? 0,
    inUse: promValue(t, 'vertx_pool_in_use', { pool_name: 'hearth' }) ?? 0,
    rows: promValue(t, 'hearth_events_rows'),
    oldest: promValue(t, 'hearth_events_oldest_age_seconds'),
    retention: promValue(t, 'hearth_events_retention_seconds'),
    pruned: promValue(t, 'hearth_events_pruned_total') ?? 0,
    ws: promValue(t, 'vertx_http_server_active_ws_connections'),
    threads: promValue(t, 'jvm_threads_live_threads'),
  };
}

/**
 * Heap in use right after a full collection, which is what a leak makes grow: with the server's
 * process id (same machine, same user) `jcmd PID GC.run` forces one; without it, the old
 * generation after the last major collection as the JVM reports it (blank until there was one).
 */
async function heapAfterGc(m) {
  if (!opt['hearth-pid']) return m.liveData > 0 ? m.liveData : null;
  const pause = [performance.now(), Infinity];
  forcedPauses.push(pause);
  try {
    await promisify(execFile)('jcmd', [opt['hearth-pid'], 'GC.run'], { timeout: 30_000 });
  } catch {
    return null;
  } finally {
    pause[1] = performance.now() + 50;
    while (forcedPauses.length > 5) forcedPauses.shift();
  }
  return (await scrape())?.heap ?? null;
}

/** Every acknowledged comment readable with its last acknowledged text and score; rejected ones in the queue. */
async function verify() {
  log(`verifying ${load.comments.size} acknowledged comments`);
  const problems = [];
  const rejected = new Set();
  for (let cursor = null, pages = 0; pages < 1000; pages++) {
    const r = await admin.request('GET', `/api/v1/moderation/queue?site=${site}&queue=rejected&limit=100`
      + (cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''), { token: adminToken });
    if (r.status !== 200) { problems.push(`rejected queue answered ${r.status}`); break; }
    r.json.items.forEach((item) => rejected.add(item.comment.id));
    cursor = r.json.nextCursor;
    if (!cursor) break;
  }
  const ids = [...load.comments.keys()];
  const checker = new Http(opt.base, { maxSockets: 16 });
  let checked = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (ids.length) {
      const id = ids.pop();
      const c = load.comments.get(id);
      // A held comment is shown only to its author.
      const r = await checker.request('GET', `/api/v1/comments/${id}`, { token: c.status === 'pending' ? c.writer.token : undefined });
      checked++;
      if (c.status === 'rejected') {
        if (r.status !== 404 || !rejected.has(id)) problems.push(`comment ${id}: rejected, but GET ${r.status} and ${rejected.has(id) ? '' : 'not '}in the rejected queue`);
        continue;
      }
      if (r.status !== 200) { problems.push(`comment ${id}: acknowledged, GET answered ${r.status}`); continue; }
      const score = [...c.votes.values()].reduce((a, b) => a + b, 0);
      if (r.json.body !== c.body) problems.push(`comment ${id}: text is not the last acknowledged one`);
      if (r.json.score !== score) problems.push(`comment ${id}: score ${r.json.score}, acknowledged votes add to ${score}`);
    }
  }));
  checker.close();
  // Per page, the visible count must be exactly what was acknowledged: a key retry that created
  // a second comment would show up here.
  const expected = new Map();
  for (const c of load.comments.values()) if (c.status === 'visible') expected.set(c.page, (expected.get(c.page) ?? 0) + 1);
  const pages = [...load.perPage.keys()];
  for (let i = 0; i < pages.length; i += 100) {
    const query = pages.slice(i, i + 100).map((p) => `page=${p}`).join('&');
    const r = await admin.request('GET', `/api/v1/counts?site=${site}&${query}`);
    for (const p of pages.slice(i, i + 100)) {
      if (r.json?.counts?.[p] !== (expected.get(p) ?? 0)) problems.push(`page ${p}: ${r.json?.counts?.[p]} visible, ${expected.get(p) ?? 0} acknowledged`);
    }
  }
  const statuses = {};
  for (const c of load.comments.values()) statuses[c.status] = (statuses[c.status] ?? 0) + 1;
  return { acknowledged: load.comments.size, checked, statuses, rejected: statuses.rejected ?? 0,
    pages: pages.length, problems: problems.slice(0, 50), problemCount: problems.length };
}

function report(rows, info) {
  const eventsFrom = (info.retentionSeconds + info.prunePeriod) / 60;
  const results = trends(rows, { warmup: info.warmup, eventsFrom });
  const fmt = (v) => (v === null || v === undefined ? '-' : Number(v).toFixed(1));
  console.log(`\n== soak ${info.site}: ${rows.length} minutes, warm-up ${info.warmup}, ${info.subscribers} live subscribers, rates ${info.rates}`);
  console.log(`${'metric'.padEnd(38)} ${'first third'.padStart(11)} ${'last third'.padStart(11)} ${'bound'.padStart(9)}  minutes          verdict`);
  for (const r of results) {
    console.log(`${r.what.padEnd(38)} ${fmt(r.first).padStart(11)} ${fmt(r.last).padStart(11)} ${fmt(r.limit).padStart(9)}  ${(r.minutes ?? '').padEnd(16)} ${r.verdict}`);
  }
  const sum = (c) => rows.reduce((a, r) => a + Number(r[c] || 0), 0);
  console.log(`requests ${sum('requests')} (${(sum('requests') / Math.max(1, rows.length)).toFixed(0)}/min), `
    + `4xx ${sum('err_4xx')}, 5xx ${sum('err_5xx')}, no answer ${sum('err_net')}; pruned ${rows.at(-1)?.events_pruned_total ?? 0} events`);
  const failures = results.filter((r) => r.verdict === 'GREW').map((r) => `${r.what} grew past its bound`);
  if (sum('err_5xx') + sum('err_net') > 0) failures.push('server errors (5xx) or requests without an answer');
  if (sum('err_4xx') > 0.01 * sum('requests')) failures.push('more than 1% of requests refused (4xx)');
  if (rows.length * 60 > info.retentionSeconds + info.prunePeriod + 60 && !(Number(rows.at(-1)?.events_pruned_total) > 0)) {
    failures.push('no event was pruned although the run outlasted the retention');
  }
  const v = info.verification;
  if (v) {
    console.log(`acknowledged comments ${v.acknowledged} (at the end ${JSON.stringify(v.statuses)}) on ${v.pages} pages: `
      + `${v.problemCount} problems; key retries ${info.retries.sent}: ${info.retries.sameId} same comment, `
      + `${info.retries.otherId} another comment, ${info.retries.failed} failed`);
    v.problems.forEach((p) => console.log(`  ${p}`));
    if (v.problemCount > 0) failures.push(`${v.problemCount} acknowledged writes missing or wrong`);
    if (info.retries.otherId + info.retries.failed > 0) failures.push('an Idempotency-Key retry did not answer the first comment');
    const l = info.live;
    console.log(`live: ${l.reconnects} reconnects, ${l.events} events, ${l.resets} resets (${l.unexpectedResets} unexpected), `
      + `${l.outOfOrder} out of order, ${l.errors} error frames, ${l.failedConnects} failed connects, closes ${JSON.stringify(l.closes)}`);
    if (l.unexpectedResets + l.outOfOrder + l.errors > 0) failures.push('live subscribers saw unexpected resets, repeats or errors');
    if (Object.values(info.skipped).some((n) => n > 0)) console.log(`starts skipped (64 in flight): ${JSON.stringify(info.skipped)}`);
  }
  console.log(failures.length ? `FAIL: ${failures.join('; ')}` : 'PASS');
  return failures.length === 0;
}

#!/usr/bin/env node
// Load test of Hearth's live updates: many WebSocket subscribers on one page, comments
// posted at a fixed rate, and for every subscriber the time each new comment reached it.
//
//   node bench/live/live-bench.mjs [--base URL]... [--subscribers 10000] [--posts 100] [--rate 10]
//
// Protocol (GET /live upgraded to a WebSocket, JSON text frames):
//   client -> {"type":"auth","token":T}                    (only with --token)
//   client -> {"type":"subscribe","site":S,"page":K}
//   server -> {"type":"subscribed","site":S,"page":K,"last":N}
//   server -> {"type":"event","id":N,"kind":"comment.created","page":K,"comment":{"id":..,...},"fragment":"..."}
//   server -> {"type":"reset"} | {"type":"error","error":CODE,"message":...}
//
// Phases:
//   1. connect: opens --subscribers sockets, split round-robin over the --base URLs (and over
//      --local-address source IPs, if given), at most --ramp handshakes in flight; a
//      subscriber counts once its `subscribed` ack arrived. Origin is the origin of its base.
//   2. post: --posts comments at --rate per second (open loop: a slow answer does not delay
//      the next post), to the first base or, with --post-round-robin, to every base in turn.
//      The time the 201 arrives is the comment's ack time.
//   3. wait until every subscriber has every posted comment, or --settle seconds after the
//      last post was answered.
//   latency = time the `event` for a comment id reached a subscriber - that comment's ack
//   time. Negative when the event beats the HTTP answer; the sign is kept.
//
// The subscribers live in --workers worker threads (each its own event loop, so parsing
// 10,000 frames per post is spread out); all times come from one monotonic clock.
// --server-pid PID (repeatable) samples VmRSS from /proc/PID/status during the run and asks
// `jcmd PID GC.heap_info` for the JVM heap at the end, while every subscriber is still open.
// --json FILE writes the results for bench/live/run-live.sh.

import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';

const USAGE = `usage: node bench/live/live-bench.mjs [--base URL]... [--site bench] [--page bench-live]
         [--subscribers 10000] [--posts 100] [--rate 10] [--ramp 500] [--workers N]
         [--post-round-robin] [--settle 10] [--subscribe-timeout 60] [--token T]
         [--local-address IP]... [--server-pid PID]... [--full-gc] [--deflate] [--no-ack]
         [--json FILE]`;

// One clock for every thread: process.hrtime is process-wide and monotonic.
const T0 = isMainThread ? process.hrtime.bigint() : workerData.t0;
const now = () => Number(process.hrtime.bigint() - T0) / 1e6; // ms since T0

// =======================================================================================
// Main thread

function parseArgs(argv) {
  const opts = {
    base: [], site: 'bench', page: 'bench-live', subscribers: 10000, posts: 100, rate: 10,
    ramp: 500, workers: Math.max(1, Math.min(4, Math.floor(os.cpus().length / 2))),
    postRoundRobin: false, settle: 10, subscribeTimeout: 60, token: null,
    localAddress: [], serverPid: [], fullGc: false, deflate: false, noAck: false, json: null,
  };
  const flags = { '--post-round-robin': 'postRoundRobin', '--full-gc': 'fullGc', '--deflate': 'deflate', '--no-ack': 'noAck' };
  const camel = (s) => s.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (arg in flags) {
      opts[flags[arg]] = true;
      continue;
    }
    const name = camel(arg.replace(/^--/, ''));
    if (!arg.startsWith('--') || !(name in opts) || i + 1 >= argv.length) fail(`bad argument ${arg}\n${USAGE}`);
    const value = argv[++i];
    if (Array.isArray(opts[name])) opts[name].push(value);
    else if (typeof opts[name] === 'number') {
      opts[name] = Number(value);
      if (!(Number.isFinite(opts[name]) && opts[name] >= 0)) fail(`${arg} must be a non-negative number, got ${value}`);
    } else opts[name] = value;
  }
  if (opts.base.length === 0) opts.base.push('http://127.0.0.1:8080');
  opts.base = opts.base.map((b) => b.replace(/\/+$/, ''));
  for (const b of opts.base) {
    try {
      if (!/^https?:$/.test(new URL(b).protocol)) throw new Error();
    } catch {
      fail(`--base must be an http(s) URL, got ${b}`);
    }
  }
  for (const key of ['subscribers', 'posts', 'ramp', 'workers']) {
    if (!Number.isInteger(opts[key])) fail(`--${key} must be a whole number`);
  }
  if (opts.subscribers < 1 || opts.ramp < 1 || opts.workers < 1 || opts.rate <= 0) {
    fail('--subscribers, --ramp, --workers and --rate must be above 0');
  }
  opts.workers = Math.min(opts.workers, opts.subscribers);
  opts.serverPid = opts.serverPid.map((p) => {
    if (!/^\d+$/.test(p)) fail(`--server-pid must be a process id, got ${p}`);
    return Number(p);
  });
  return opts;
}

function fail(message) {
  console.error(`live: ${message}`);
  process.exit(2);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const fmt = (v, digits = 1) => (v == null || Number.isNaN(v) ? 'n/a' : v.toFixed(digits));
const log = (line) => console.log(`live: ${line}`);

/** ws://host:port/prefix/live for an http(s) base URL (a path prefix is kept). */
function liveUrl(base) {
  const url = new URL(base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/live`;
  return url.toString();
}

function readText(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Warnings about client-side limits that would make subscribers fail for local reasons. */
function checkLimits(opts) {
  const warnings = [];
  let limit = null;
  try {
    // /proc/self/limits: "Max open files   <soft>   <hard>   files".
    const line = (readText('/proc/self/limits') ?? '').split('\n').find((l) => l.startsWith('Max open files'));
    if (line) limit = line.split(/\s{2,}/)[1];
  } catch { /* not Linux */ }
  const needed = opts.subscribers + 100;
  if (limit && limit !== 'unlimited' && Number(limit) < needed) {
    warnings.push(`open-files limit (ulimit -n) is ${limit}, below the ${needed} this run needs; `
      + 'raise it (ulimit -n 65536) or subscribers will fail with EMFILE');
  }
  const range = readText('/proc/sys/net/ipv4/ip_local_port_range');
  if (range) {
    const [lo, hi] = range.trim().split(/\s+/).map(Number);
    const ports = hi - lo + 1;
    // One source IP and one destination host:port share the ephemeral range.
    const perTuple = Math.ceil(opts.subscribers / (opts.base.length * Math.max(1, opts.localAddress.length)));
    if (perTuple > ports * 0.9) {
      warnings.push(`${perTuple} sockets per base and source IP, but net.ipv4.ip_local_port_range has only `
        + `${ports} ports; widen it or add --local-address 127.0.0.2 ...`);
    }
  }
  return { limit, warnings };
}

// --- server sampling --------------------------------------------------------------------

function readRssKb(pid) {
  const status = readText(`/proc/${pid}/status`);
  const m = status && status.match(/^VmRSS:\s+(\d+)\s+kB/m);
  return m ? Number(m[1]) : null;
}

class RssSampler {
  constructor(pids) {
    this.stats = new Map(pids.map((pid) => [pid, { start: readRssKb(pid), peak: null, end: null }]));
    this.sample();
    this.timer = setInterval(() => this.sample(), 500);
  }

  sample() {
    for (const [pid, s] of this.stats) {
      const kb = readRssKb(pid);
      if (kb == null) continue;
      s.end = kb;
      s.peak = Math.max(s.peak ?? 0, kb);
    }
  }

  stop() {
    clearInterval(this.timer);
    this.sample();
  }
}

function run(cmd, args, timeoutMs) {
  return new Promise((resolve) => {
    execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      resolve({ error, stdout: String(stdout ?? ''), stderr: String(stderr ?? '') });
    });
  });
}

const UNIT = { K: 1 / 1024, M: 1, G: 1024 };

/**
 * Heap "used" in MB from `jcmd PID GC.heap_info`, for the common collectors:
 *   G1:         " garbage-first heap   total 262144K, used 23456K [...]"
 *   Parallel:   " PSYoungGen total ..., used ...K" + " ParOldGen total ..., used ...K"
 *   Serial:     " def new generation total ..., used ...K" + " tenured generation total ..., used ...K"
 *   ZGC:        " ZHeap           used 210M, capacity 512M, max capacity 4096M"
 *   Shenandoah: " 4096M max, 4096M soft max, 512M committed, 210M used"
 * Lines from "Metaspace" on describe class metadata, not the heap, and are left out.
 */
export function parseHeapUsedMb(text) {
  let total = 0;
  let found = false;
  for (const line of text.split('\n')) {
    if (/Metaspace|class space/.test(line)) break;
    const m = line.match(/\bused (\d+)([KMG])\b/) ?? line.match(/\b(\d+)([KMG]) used\b/);
    if (m) {
      total += Number(m[1]) * UNIT[m[2]];
      found = true;
    }
  }
  return found ? total : null;
}

/**
 * jcmd attaches by sending SIGQUIT, which kills a process that is not a JVM: only ever run
 * it against a process that has libjvm mapped (or, if its maps are unreadable, runs java).
 */
function isJvm(pid) {
  const maps = readText(`/proc/${pid}/maps`);
  if (maps != null) return maps.includes('libjvm');
  return /java/.test(readText(`/proc/${pid}/cmdline`) ?? '');
}

async function heapInfo(pid, fullGc) {
  const out = { pid, usedMb: null, liveMb: null, note: null };
  if (!isJvm(pid)) {
    out.note = readText(`/proc/${pid}/status`) == null ? 'no such process' : 'not a JVM';
    return out;
  }
  const first = await run('jcmd', [String(pid), 'GC.heap_info'], 30000);
  if (first.error) {
    out.note = first.error.code === 'ENOENT' ? 'jcmd not found' : `jcmd failed: ${(first.stderr || first.stdout || first.error.message).trim().split('\n')[0]}`;
    return out;
  }
  out.usedMb = parseHeapUsedMb(first.stdout);
  if (out.usedMb == null) out.note = `could not read "used" from: ${first.stdout.trim().split('\n')[0] ?? ''}`;
  if (fullGc) {
    // What the subscriptions keep alive, without the garbage the heap figure above includes.
    const gc = await run('jcmd', [String(pid), 'GC.run'], 60000);
    if (!gc.error) {
      const after = await run('jcmd', [String(pid), 'GC.heap_info'], 30000);
      if (!after.error) out.liveMb = parseHeapUsedMb(after.stdout);
    }
  }
  return out;
}

// --- posting ---------------------------------------------------------------------------

async function postComment(opts, base, runId, n) {
  const payload = JSON.stringify({
    site: opts.site,
    page: { key: opts.page, title: 'Bench live' },
    body: `Live bench comment ${n + 1} of run ${runId}`,
    author: { name: `Live ${n % 50}` },
  });
  const post = { n, base, sentAt: now(), ackAt: null, id: null, status: null, error: null };
  try {
    const response = await fetch(`${base}/api/v1/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'Idempotency-Key': `live-${runId}-${n}` },
      body: payload,
    });
    const text = await response.text();
    post.status = response.status;
    if (response.status === 201) {
      post.ackAt = now();
      const id = JSON.parse(text).id;
      if (id == null) post.error = '201 without an id';
      else post.id = String(id);
    } else {
      post.error = `HTTP ${response.status}: ${text.slice(0, 200)}`;
    }
  } catch (error) {
    post.error = error.cause?.code ?? error.cause?.message ?? error.message;
  }
  if (post.error) post.ackAt = null;
  return post;
}

// --- statistics ------------------------------------------------------------------------

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

function summarize(values, count) {
  const sorted = values.subarray(0, count).sort();
  return {
    count,
    min: count ? sorted[0] : null,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: count ? sorted[count - 1] : null,
    negative: sorted.findIndex((v) => v >= 0) === -1 ? count : sorted.findIndex((v) => v >= 0),
  };
}

function countBy(into, from) {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
  return into;
}

// --- the run ---------------------------------------------------------------------------

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const { limit, warnings } = checkLimits(opts);
  for (const w of warnings) log(`WARNING: ${w}`);

  const bases = opts.base;
  const origins = bases.map((b) => new URL(b).origin);
  const runId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  log(`${opts.subscribers} subscribers to ${opts.site}/${opts.page} on ${bases.map(liveUrl).join(', ')}; `
    + `${opts.workers} worker thread(s), ${opts.ramp} handshakes in flight; open-files limit ${limit ?? 'unknown'}`);

  const rss = new RssSampler(opts.serverPid);
  const cpuStart = process.cpuUsage();

  // Workers: subscriber i lives in worker i % W and connects to base i % B.
  const W = opts.workers;
  const workers = [];
  const progress = [];
  let workerFailure = null;
  for (let w = 0; w < W; w++) {
    const worker = new Worker(new URL(import.meta.url), {
      workerData: {
        t0: T0, w, W, N: opts.subscribers, urls: bases.map(liveUrl), origins, site: opts.site, page: opts.page,
        token: opts.token, ramp: Math.max(1, Math.ceil(opts.ramp / W)), subscribeTimeoutMs: opts.subscribeTimeout * 1000,
        localAddress: opts.localAddress, deflate: opts.deflate, noAck: opts.noAck,
      },
    });
    progress.push({ subscribed: 0, failed: 0, settled: 0, open: 0, pending: 0, received: 0 });
    worker.on('message', (msg) => {
      if (msg.type === 'progress') progress[w] = msg;
    });
    worker.on('error', (error) => {
      workerFailure = error;
    });
    workers.push(worker);
  }
  const total = (key) => progress.reduce((sum, p) => sum + p[key], 0);
  const broadcast = (msg) => workers.forEach((worker) => worker.postMessage(msg));

  // Phase 1: connect and subscribe.
  const connectStart = now();
  let lastLine = 0;
  while (total('settled') < opts.subscribers) {
    if (workerFailure) throw workerFailure;
    await sleep(100);
    if (now() - lastLine >= 2000) {
      lastLine = now();
      log(`subscribed ${total('subscribed')}/${opts.subscribers}, failed ${total('failed')} `
        + `(${((now() - connectStart) / 1000).toFixed(1)} s)`);
    }
  }
  const connectMs = now() - connectStart;
  const subscribedCount = total('subscribed');
  log(`subscribed ${subscribedCount}/${opts.subscribers}, failed ${total('failed')} in ${(connectMs / 1000).toFixed(1)} s`);
  if (subscribedCount === 0) {
    const failures = await collect(workers);
    const reasons = countBy({}, Object.assign({}, ...failures.map((f) => f.failReasons)));
    console.error(`live: no subscriber got a "subscribed" ack; failures: ${JSON.stringify(reasons)}`);
    if (!opts.noAck && reasons['timeout (no subscribed ack)']) {
      console.error('live: the sockets opened but no ack came: the server must answer every subscribe with '
        + '{"type":"subscribed",...} (or run with --no-ack)');
    }
    process.exit(1);
  }
  if (opts.noAck) {
    log('--no-ack: waiting 2 s for the subscriptions to take effect');
    await sleep(2000);
  }
  const heapBefore = await Promise.all(opts.serverPid.map((pid) => heapInfo(pid, false)));

  // Phase 2: post at the given rate, open loop.
  broadcast({ type: 'measure' });
  const postStart = now();
  const posts = [];
  const pending = [];
  for (let n = 0; n < opts.posts; n++) {
    const due = postStart + (n * 1000) / opts.rate;
    while (now() < due) await sleep(Math.min(50, due - now()));
    const base = opts.postRoundRobin ? bases[n % bases.length] : bases[0];
    pending.push(postComment(opts, base, runId, n).then((post) => {
      posts[n] = post;
      if (post.id) broadcast({ type: 'ours', id: post.id });
      return post;
    }));
    if (now() - lastLine >= 2000) {
      lastLine = now();
      log(`posted ${n + 1}/${opts.posts}, deliveries so far ${total('received')}`);
    }
  }
  await Promise.all(pending);
  const postsDoneAt = now();
  const acked = posts.filter((p) => p.id);
  log(`posted ${opts.posts}: ${acked.length} acknowledged with 201, ${opts.posts - acked.length} failed `
    + `in ${((postsDoneAt - postStart) / 1000).toFixed(1)} s`);

  // Phase 3: wait until every open subscriber has every acknowledged comment, or --settle.
  const settleUntil = postsDoneAt + opts.settle * 1000;
  let complete = false;
  await sleep(300); // one progress report that already knows every acknowledged id
  while (now() < settleUntil) {
    if (workerFailure) throw workerFailure;
    if (total('pending') === 0) {
      complete = true;
      break;
    }
    await sleep(100);
  }
  log(complete ? 'every open subscriber has every comment'
    : `stopped waiting ${opts.settle} s after the last post: ${total('pending')} deliveries still missing`);

  // Heap while every subscriber is still connected.
  rss.stop();
  const heap = await Promise.all(opts.serverPid.map((pid) => heapInfo(pid, opts.fullGc)));
  const cpu = process.cpuUsage(cpuStart);

  // Collect the receive times, then close the sockets.
  const results = await collect(workers);
  const report = analyse(opts, { bases, posts, acked, results, connectMs, postStart, postsDoneAt, complete, rss, heap, heapBefore, cpu });
  printReport(opts, report);
  if (opts.json) writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
  process.exit(acked.length === 0 ? 1 : 0);
}

function collect(workers) {
  return Promise.all(workers.map((worker) => new Promise((resolve, reject) => {
    worker.on('message', (msg) => {
      if (msg.type === 'result') resolve(msg);
    });
    worker.once('error', reject);
    worker.postMessage({ type: 'collect' });
  })));
}

function analyse(opts, run) {
  const { bases, acked, results } = run;
  const B = bases.length;
  const W = opts.workers;
  const ackAt = new Map(acked.map((p) => [p.id, p.ackAt]));

  let subscribed = 0;
  let expected = 0;
  let deliveries = 0;
  let duplicates = 0;
  let lastDelivery = null;
  const perBase = bases.map((url) => ({ url, subscribers: 0, expected: 0, received: 0, missing: 0, latencies: [] }));
  const all = new Float64Array(opts.subscribers * Math.max(1, acked.length));
  let count = 0;
  for (let w = 0; w < W; w++) {
    const r = results[w];
    const times = new Map(r.ids.map((id, k) => [id, new Float64Array(r.buffers[k])]));
    for (let j = 0; j < r.state.length; j++) {
      if (!r.state[j]) continue; // never subscribed: nothing was expected of it
      const i = w + j * W;
      const b = perBase[i % B];
      subscribed++;
      b.subscribers++;
      for (const post of acked) {
        expected++;
        b.expected++;
        const t = times.get(post.id)?.[j];
        if (t === undefined || Number.isNaN(t)) {
          b.missing++;
          continue;
        }
        const latency = t - ackAt.get(post.id);
        all[count++] = latency;
        b.latencies.push(latency);
        b.received++;
        deliveries++;
        if (lastDelivery == null || t > lastDelivery) lastDelivery = t;
      }
    }
    for (const id of r.ids) duplicates += r.dups[id] ?? 0;
  }
  const latency = summarize(all, count);
  const bases2 = perBase.map((b) => {
    const s = summarize(Float64Array.from(b.latencies), b.latencies.length);
    return { url: b.url, subscribers: b.subscribers, expected: b.expected, received: b.received, missing: b.missing, p50: s.p50, p99: s.p99, max: s.max };
  });
  const postLat = Float64Array.from(acked.map((p) => p.ackAt - p.sentAt));
  const postStats = summarize(postLat, postLat.length);
  const postErrors = {};
  for (const p of run.posts) if (p.error) postErrors[p.error] = (postErrors[p.error] ?? 0) + 1;
  const sum = (key) => results.reduce((s, r) => s + r[key], 0);
  const failReasons = results.reduce((acc, r) => countBy(acc, r.failReasons), {});
  const errorCodes = results.reduce((acc, r) => countBy(acc, r.errorCodes), {});
  const closeCodes = results.reduce((acc, r) => countBy(acc, r.closeCodes), {});
  const wallMs = now();
  const measuredMs = (lastDelivery ?? run.postsDoneAt) - run.postStart;

  return {
    bases, site: opts.site, page: opts.page, workers: W,
    subscribers: { requested: opts.subscribers, subscribed, failed: opts.subscribers - subscribed, failReasons, droppedDuringRun: sum('closedAfter'), closeCodes },
    posts: { requested: opts.posts, rate: opts.rate, acked: acked.length, failed: opts.posts - acked.length, errors: postErrors, roundRobin: opts.postRoundRobin, p50Ms: postStats.p50, p99Ms: postStats.p99, maxMs: postStats.max },
    events: { expected, received: deliveries, missing: expected - deliveries, duplicates, complete: run.complete, foreignComments: sum('foreign'), otherKinds: sum('otherKinds'), wrongPage: sum('wrongPage'), resets: sum('resets'), errorFrames: errorCodes, badFrames: sum('badFrames') },
    latencyMs: { min: latency.min, p50: latency.p50, p90: latency.p90, p99: latency.p99, max: latency.max, beforeAck: latency.negative },
    perBase: bases2,
    wall: { connectS: run.connectMs / 1000, postingS: (run.postsDoneAt - run.postStart) / 1000, lastDeliveryS: measuredMs / 1000, totalS: wallMs / 1000 },
    client: {
      cpuPercentOfOneCore: (100 * (run.cpu.user + run.cpu.system)) / 1000 / wallMs,
      loopDelayP99Ms: Math.max(...results.map((r) => r.loopP99)), loopDelayMaxMs: Math.max(...results.map((r) => r.loopMax)),
    },
    server: opts.serverPid.map((pid, k) => {
      const s = run.rss.stats.get(pid);
      const h = run.heap[k];
      return {
        pid,
        rssStartMb: s.start == null ? null : s.start / 1024, rssPeakMb: s.peak == null ? null : s.peak / 1024, rssEndMb: s.end == null ? null : s.end / 1024,
        heapSubscribedMb: run.heapBefore[k].usedMb, heapUsedMb: h.usedMb, heapLiveMb: h.liveMb, heapNote: h.note,
      };
    }),
  };
}

function printReport(opts, r) {
  const L = r.latencyMs;
  const e = r.events;
  const s = r.subscribers;
  console.log('');
  console.log(`== live updates: ${s.requested} subscribers on ${r.site}/${r.page}, ${r.posts.requested} posts at ${r.posts.rate}/s`);
  const rows = [
    ['subscribers', `${s.subscribed}/${s.requested} subscribed, ${s.failed} failed${s.failed ? ` ${JSON.stringify(s.failReasons)}` : ''}, ${s.droppedDuringRun} closed during the run${s.droppedDuringRun ? ` ${JSON.stringify(s.closeCodes)}` : ''}`],
    ['posts', `${r.posts.acked}/${r.posts.requested} answered 201 (POST p50 ${fmt(r.posts.p50Ms)} ms, p99 ${fmt(r.posts.p99Ms)} ms)${r.posts.failed ? ` errors ${JSON.stringify(r.posts.errors)}` : ''}`],
    ['events', `expected ${e.expected} (${s.subscribed} x ${r.posts.acked}), received ${e.received}, missing ${e.missing}, duplicate ${e.duplicates}`],
    ['latency ms', `p50 ${fmt(L.p50)}  p90 ${fmt(L.p90)}  p99 ${fmt(L.p99)}  max ${fmt(L.max)}  (min ${fmt(L.min)}; ${L.beforeAck} before the 201)`],
  ];
  if (r.bases.length > 1) {
    for (const b of r.perBase) {
      rows.push([`  ${b.url}`, `${b.subscribers} subscribers, received ${b.received}/${b.expected}, p50 ${fmt(b.p50)}  p99 ${fmt(b.p99)}  max ${fmt(b.max)} ms`]);
    }
  }
  const odd = [];
  if (e.foreignComments) odd.push(`${e.foreignComments} comments not posted by this run`);
  if (e.otherKinds) odd.push(`${e.otherKinds} events of other kinds`);
  if (e.wrongPage) odd.push(`${e.wrongPage} events for another page`);
  if (e.resets) odd.push(`${e.resets} resets`);
  if (Object.keys(e.errorFrames).length) odd.push(`error frames ${JSON.stringify(e.errorFrames)}`);
  if (e.badFrames) odd.push(`${e.badFrames} unreadable frames`);
  if (odd.length) rows.push(['other frames', odd.join(', ')]);
  rows.push(['wall s', `connect ${fmt(r.wall.connectS)}, posting ${fmt(r.wall.postingS)}, first post to last delivery ${fmt(r.wall.lastDeliveryS)}, total ${fmt(r.wall.totalS)}`]);
  rows.push(['client', `${r.workers} worker(s), CPU ${fmt(r.client.cpuPercentOfOneCore, 0)}% of one core, event-loop delay p99 ${fmt(r.client.loopDelayP99Ms)} ms, max ${fmt(r.client.loopDelayMaxMs)} ms`]);
  for (const sv of r.server) {
    const heap = sv.heapUsedMb == null ? `heap n/a (${sv.heapNote})`
      : `heap used ${fmt(sv.heapUsedMb, 0)} MB at the end (${fmt(sv.heapSubscribedMb, 0)} MB once subscribed${sv.heapLiveMb == null ? '' : `, ${fmt(sv.heapLiveMb, 0)} MB after a full GC`})`;
    const rss = sv.rssPeakMb == null ? 'RSS n/a' : `RSS ${fmt(sv.rssStartMb, 0)} MB at start, peak ${fmt(sv.rssPeakMb, 0)} MB`;
    rows.push([`server ${sv.pid}`, `${rss}; ${heap}`]);
  }
  for (const [k, v] of rows) console.log(`${k.padEnd(14)} ${v}`);
  if (r.client.loopDelayMaxMs > 100) {
    console.log(`note: a worker's event loop stalled up to ${fmt(r.client.loopDelayMaxMs, 0)} ms; the client, not only the server, `
      + 'adds to these latencies (try more --workers, or run the client on another machine)');
  }
}

// =======================================================================================
// Worker thread: one share of the subscribers.

async function runWorker(cfg) {
  const { default: WebSocket } = await import('ws');
  const { w, W, N, urls, origins, site, page } = cfg;
  const n = Math.ceil((N - w) / W); // subscribers i = w, w + W, w + 2W, ... < N
  const B = urls.length;

  // Per subscriber: 0 not subscribed (yet, or failed), 1 subscribed (even if closed later).
  const state = new Uint8Array(n);
  const open = new Uint8Array(n);
  const delivered = new Uint32Array(n); // comments of ours delivered to each subscriber
  const sockets = new Array(n);
  const records = new Map(); // comment id -> { times: Float64Array(n), dups }
  const ours = new Set();
  const failReasons = {};
  const errorCodes = {};
  const closeCodes = {};
  let subscribed = 0;
  let failed = 0;
  let closedAfter = 0;
  let otherKinds = 0;
  let wrongPage = 0;
  let resets = 0;
  let badFrames = 0;
  let received = 0;
  // The histogram counts the sampling interval too; it is taken off again below.
  const LOOP_RESOLUTION_MS = 5;
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });

  const record = (id) => {
    let rec = records.get(id);
    if (!rec) {
      rec = { times: new Float64Array(n).fill(NaN), dups: 0 };
      records.set(id, rec);
    }
    return rec;
  };

  let inFlight = 0;
  let next = 0;
  const settledSet = new Uint8Array(n);
  let settled = 0;
  const settle = (j, ok, reason) => {
    if (settledSet[j]) return false;
    settledSet[j] = 1;
    settled++;
    inFlight--;
    if (ok) {
      state[j] = 1;
      subscribed++;
    } else {
      failed++;
      failReasons[reason] = (failReasons[reason] ?? 0) + 1;
    }
    setImmediate(pump);
    return true;
  };

  const connect = (j) => {
    const i = w + j * W;
    const b = i % B;
    const options = {
      headers: { Origin: origins[b] },
      perMessageDeflate: cfg.deflate,
      handshakeTimeout: cfg.subscribeTimeoutMs,
    };
    if (cfg.localAddress.length) options.localAddress = cfg.localAddress[i % cfg.localAddress.length];
    let ws;
    try {
      ws = new WebSocket(urls[b], options);
    } catch (error) {
      settle(j, false, error.code ?? error.message);
      return;
    }
    sockets[j] = ws;
    const timer = setTimeout(() => {
      if (settle(j, false, 'timeout (no subscribed ack)')) ws.terminate();
    }, cfg.subscribeTimeoutMs);

    ws.on('unexpected-response', (req, res) => {
      clearTimeout(timer);
      settle(j, false, `HTTP ${res.statusCode} on upgrade`);
      req.destroy();
      res.resume();
    });
    ws.on('open', () => {
      open[j] = 1;
      if (cfg.token) ws.send(JSON.stringify({ type: 'auth', token: cfg.token }));
      ws.send(JSON.stringify({ type: 'subscribe', site, page }));
      if (cfg.noAck) {
        clearTimeout(timer);
        settle(j, true);
      }
    });
    ws.on('message', (data) => {
      const t = now();
      let msg;
      try {
        msg = JSON.parse(data);
      } catch {
        badFrames++;
        return;
      }
      switch (msg.type) {
        case 'event': {
          if (msg.page !== undefined && msg.page !== page) {
            wrongPage++;
            return;
          }
          if (msg.kind !== 'comment.created') {
            otherKinds++;
            return;
          }
          const cid = msg.comment?.id;
          if (cid == null) {
            badFrames++;
            return;
          }
          const id = String(cid);
          const rec = record(id);
          if (Number.isNaN(rec.times[j])) {
            rec.times[j] = t;
            if (ours.has(id)) {
              delivered[j]++;
              received++;
            }
          } else {
            rec.dups++;
          }
          return;
        }
        case 'subscribed':
          if (msg.page === page && (msg.site === undefined || msg.site === site)) {
            clearTimeout(timer);
            settle(j, true);
          }
          return;
        case 'reset':
          resets++;
          return;
        case 'error': {
          const code = String(msg.error ?? 'unknown');
          errorCodes[code] = (errorCodes[code] ?? 0) + 1;
          if (!settledSet[j]) {
            clearTimeout(timer);
            settle(j, false, `error frame ${code}`);
            ws.terminate();
          }
          return;
        }
        default:
          badFrames++;
      }
    });
    ws.on('error', (error) => {
      if (!settledSet[j]) {
        clearTimeout(timer);
        settle(j, false, error.code ?? error.message);
      }
    });
    ws.on('close', (code) => {
      clearTimeout(timer);
      const wasOpen = open[j];
      open[j] = 0;
      if (closing) return;
      if (!settledSet[j]) settle(j, false, `closed ${code} before the ack`);
      else if (state[j] && wasOpen) {
        closedAfter++;
        closeCodes[code] = (closeCodes[code] ?? 0) + 1;
      }
    });
  };

  const pump = () => {
    while (inFlight < cfg.ramp && next < n) {
      inFlight++;
      connect(next++);
    }
  };
  let closing = false;

  // pending: deliveries of our comments still owed to subscribers that are subscribed and open.
  const report = () => {
    let pending = 0;
    for (let j = 0; j < n; j++) if (state[j] && open[j]) pending += ours.size - delivered[j];
    parentPort.postMessage({ type: 'progress', subscribed, failed, settled, pending, received });
  };
  const ticker = setInterval(report, 200);

  parentPort.on('message', (msg) => {
    if (msg.type === 'measure') {
      loop.reset();
      loop.enable();
    } else if (msg.type === 'ours') {
      if (ours.has(msg.id)) return;
      ours.add(msg.id);
      // Deliveries that beat the HTTP answer were recorded before the id was known as ours.
      const rec = records.get(msg.id);
      if (rec) {
        for (let j = 0; j < n; j++) {
          if (!Number.isNaN(rec.times[j])) {
            delivered[j]++;
            received++;
          }
        }
      }
    } else if (msg.type === 'collect') {
      clearInterval(ticker);
      loop.disable();
      closing = true;
      const ids = [];
      const buffers = [];
      const dups = {};
      let foreign = 0;
      for (const [id, rec] of records) {
        if (!ours.has(id)) {
          foreign++;
          continue;
        }
        ids.push(id);
        buffers.push(rec.times.buffer);
        dups[id] = rec.dups;
      }
      const ms = (ns) => (Number.isFinite(ns) ? Math.max(0, ns / 1e6 - LOOP_RESOLUTION_MS) : 0);
      parentPort.postMessage({
        type: 'result', ids, buffers, dups, state, foreign, failReasons, errorCodes, closeCodes,
        closedAfter, otherKinds, wrongPage, resets, badFrames,
        loopP99: loop.count ? ms(loop.percentile(99)) : 0, loopMax: loop.count ? ms(loop.max) : 0,
      }, buffers);
      for (const ws of sockets) if (ws) ws.terminate();
      setTimeout(() => process.exit(0), 200);
    }
  });

  pump();
}

// Entry point, last: every const above is initialised by now.
if (isMainThread) {
  main().catch((error) => {
    console.error(`live: ${error.stack ?? error.message}`);
    process.exit(1);
  });
} else {
  runWorker(workerData);
}

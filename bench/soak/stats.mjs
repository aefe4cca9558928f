// Per-minute figures, the CSV they are written to, and the trend checks run on it.

export const COLUMNS = [
  'minute', 'heap_used_mb', 'heap_after_gc_mb', 'rss_mb', 'open_fds', 'pool_waiters_max', 'pool_in_use_max',
  'event_rows', 'event_oldest_s', 'events_pruned', 'events_pruned_total', 'requests', 'reads', 'writes',
  'err_4xx', 'err_5xx', 'err_net', 'errors_by_status', 'read_p50_ms', 'read_p99_ms', 'write_p50_ms',
  'write_p99_ms', 'live_connected', 'live_reconnects', 'live_resets', 'live_events', 'server_ws', 'threads',
];

/**
 * The forced full collections (jcmd GC.run) the soak runs itself, as [start, end] in
 * performance.now() time; a request that overlapped one measures that pause, which the soak
 * caused, so its latency is left out of the percentiles (it is still counted as a request).
 */
export const forcedPauses = [];

function overlapsForcedPause(response) {
  return forcedPauses.some(([start, end]) => response.started < end && response.ended > start);
}

export function percentile(values, p) {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function median(values) {
  const present = values.filter((v) => v !== null && v !== '' && Number.isFinite(Number(v))).map(Number);
  return present.length ? percentile(present, 50) : null;
}

/** What the load generator counts within one minute. */
export class MinuteCounts {
  constructor() {
    this.reads = [];
    this.writes = [];
    this.statuses = new Map();
    this.requests = 0;
  }

  record(kind, response) {
    this.requests++;
    const status = response.status;
    if (typeof status !== 'number' || status >= 400) {
      this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1);
    }
    // Latency only of answers: a timeout has none, and an error answer is no sample of the work.
    if (typeof status === 'number' && status < 400 && !overlapsForcedPause(response)) {
      (kind === 'read' ? this.reads : this.writes).push(response.ms);
    }
  }

  row() {
    let e4 = 0; let e5 = 0; let net = 0;
    const detail = [];
    for (const [status, count] of [...this.statuses].sort()) {
      detail.push(`${status}:${count}`);
      if (typeof status !== 'number') net += count;
      else if (status >= 500) e5 += count;
      else e4 += count;
    }
    const round = (v) => (v === null ? '' : v.toFixed(1));
    return {
      requests: this.requests, reads: this.reads.length, writes: this.writes.length,
      err_4xx: e4, err_5xx: e5, err_net: net, errors_by_status: detail.join(' '),
      read_p50_ms: round(percentile(this.reads, 50)), read_p99_ms: round(percentile(this.reads, 99)),
      write_p50_ms: round(percentile(this.writes, 50)), write_p99_ms: round(percentile(this.writes, 99)),
    };
  }
}

export function csvLine(row) {
  return COLUMNS.map((c) => (row[c] === null || row[c] === undefined ? '' : String(row[c]))).join(',');
}

export function parseCsv(text) {
  const [header, ...lines] = text.trim().split('\n');
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], v])));
}

/**
 * The bounds a soak is judged by (bench/soak/README.md states them): after the warm-up, the
 * median of the last third of the minutes against the median of the first third. Each metric
 * may grow by `ratio` and `slack` on top (slack keeps small numbers, like 0 waiters, from
 * failing on noise).
 */
export const BOUNDS = [
  { column: 'heap_after_gc_mb', ratio: 1.20, slack: 8, what: 'heap after GC' },
  { column: 'rss_mb', ratio: 1.15, slack: 32, what: 'RSS' },
  { column: 'open_fds', ratio: 1.10, slack: 20, what: 'open file descriptors' },
  { column: 'pool_waiters_max', ratio: 1.50, slack: 5, what: 'pool waiters (max per minute)' },
  { column: 'read_p99_ms', ratio: 1.50, slack: 20, what: 'read p99' },
  { column: 'write_p99_ms', ratio: 1.50, slack: 20, what: 'write p99' },
];
export const EVENT_BOUND = { column: 'event_rows', ratio: 1.15, slack: 50, what: 'event-table rows (once pruning runs)' };

/** A third is at least 3 minutes: a median of fewer is one noisy minute against another. */
function thirds(rows) {
  const n = Math.floor(rows.length / 3);
  return n < 3 ? null : { first: rows.slice(0, n), last: rows.slice(rows.length - n) };
}

function judge(bound, rows) {
  const split = thirds(rows);
  if (!split) return { ...bound, verdict: 'not checked (needs 9 minutes)' };
  const first = median(split.first.map((r) => r[bound.column]));
  const last = median(split.last.map((r) => r[bound.column]));
  if (first === null || last === null) return { ...bound, first, last, verdict: 'not checked (not recorded)' };
  const limit = first * bound.ratio + bound.slack;
  return {
    ...bound, first, last, limit,
    minutes: `${split.first[0].minute}-${split.first.at(-1).minute} vs ${split.last[0].minute}-${split.last.at(-1).minute}`,
    verdict: last <= limit ? 'ok' : 'GREW',
  };
}

/**
 * Every bound over the minutes after `warmup`; the event rows only over the minutes after the
 * retention and one prune period have passed, when pruning has had its first chance to run.
 */
export function trends(rows, { warmup, eventsFrom }) {
  const results = BOUNDS.map((b) => judge(b, rows.filter((r) => Number(r.minute) > warmup)));
  const settled = rows.filter((r) => Number(r.minute) > Math.max(warmup, eventsFrom));
  results.push(settled.length >= 9
    ? judge(EVENT_BOUND, settled)
    : { ...EVENT_BOUND, verdict: `not checked (needs 9 minutes after retention + prune period, minute ${Math.ceil(eventsFrom)})` });
  return results;
}

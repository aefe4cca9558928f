// Live subscribers that come and go: each follows one page over /live, closes after a random
// time (exponential, mean `meanSeconds`), and reconnects a few seconds later resuming with
// `since` = the last event id it handled, as a browser tab that lost its network would.
import { createRequire } from 'node:module';

// The client library is the live bench's (bench/live/package.json pins it); run.sh installs it.
const WebSocket = createRequire(new URL('../live/package.json', import.meta.url))('ws');

export class Subscribers {
  /**
   * pages(): the page keys now in use; retired(key): whether a page left the rotation.
   * retentionSeconds: a `reset` for a resume point younger than this (less 30 s) is unexpected.
   */
  constructor({ base, site, count, meanSeconds, pages, retired, retentionSeconds }) {
    const url = new URL(base);
    this.wsUrl = `ws://${url.host}/live`;
    this.origin = url.origin;
    Object.assign(this, { site, count, meanSeconds, pages, retired, retentionSeconds });
    this.stopped = false;
    this.all = [];
    this.totals = { reconnects: 0, resets: 0, unexpectedResets: 0, events: 0, outOfOrder: 0, errors: 0,
      failedConnects: 0, closes: new Map() };
    this.minute = { reconnects: 0, resets: 0, events: 0 };
  }

  /** Opens every subscriber, `perSecond` at a time. */
  async start(perSecond = 100) {
    for (let i = 0; i < this.count; i++) {
      const sub = { id: i, ws: null, page: null, lastId: 0, lastAt: 0, connected: false, timer: null };
      this.all.push(sub);
      this.open(sub, false);
      if (i % perSecond === perSecond - 1) await new Promise((r) => setTimeout(r, 1000));
    }
  }

  connected() {
    return this.all.filter((s) => s.connected).length;
  }

  takeMinute() {
    const m = this.minute;
    this.minute = { reconnects: 0, resets: 0, events: 0 };
    return m;
  }

  open(sub, reconnecting) {
    if (this.stopped) return;
    const pages = this.pages();
    if (!sub.page || this.retired(sub.page)) {
      sub.page = pages[Math.floor(Math.random() * pages.length)];
      sub.lastId = 0;
    }
    if (reconnecting) {
      this.totals.reconnects++;
      this.minute.reconnects++;
    }
    const ws = new WebSocket(this.wsUrl, { headers: { Origin: this.origin }, handshakeTimeout: 15_000 });
    sub.ws = ws;
    ws.on('open', () => {
      ws.send(JSON.stringify({ type: 'subscribe', site: this.site, page: sub.page,
        ...(sub.lastId > 0 ? { since: sub.lastId } : {}) }));
    });
    ws.on('message', (data) => this.frame(sub, JSON.parse(data.toString())));
    ws.on('error', () => { if (!sub.connected) this.totals.failedConnects++; });
    ws.on('close', (code) => {
      sub.connected = false;
      clearTimeout(sub.timer);
      if (!sub.leaving) this.totals.closes.set(code, (this.totals.closes.get(code) ?? 0) + 1);
      sub.leaving = false;
      if (!this.stopped) setTimeout(() => this.open(sub, true), 500 + Math.random() * 4500);
    });
  }

  frame(sub, frame) {
    switch (frame.type) {
      case 'subscribed':
        sub.connected = true;
        clearTimeout(sub.timer);
        sub.timer = setTimeout(() => { sub.leaving = true; sub.ws.close(1000); },
          -Math.log(1 - Math.random()) * this.meanSeconds * 1000);
        break;
      case 'event':
        if (frame.id <= sub.lastId) this.totals.outOfOrder++;
        sub.lastId = Math.max(sub.lastId, frame.id);
        sub.lastAt = Date.now();
        this.totals.events++;
        this.minute.events++;
        break;
      case 'reset': {
        this.totals.resets++;
        this.minute.resets++;
        // Expected only when what it last saw is older than the retention (30 s of leeway).
        if (Date.now() - sub.lastAt < (this.retentionSeconds - 30) * 1000) this.totals.unexpectedResets++;
        sub.lastId = 0;
        sub.ws.send(JSON.stringify({ type: 'subscribe', site: this.site, page: sub.page }));
        break;
      }
      case 'error':
        this.totals.errors++;
        break;
      default:
        break;
    }
  }

  async stop() {
    this.stopped = true;
    for (const sub of this.all) {
      clearTimeout(sub.timer);
      sub.leaving = true;
      sub.ws?.terminate();
    }
  }
}

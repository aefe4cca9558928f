// A very small Chrome DevTools Protocol client: starts headless Chromium, talks to it over
// one WebSocket in flattened-session mode, and follows cross-site iframes (which live in
// their own renderer process, so their own CDP session). No npm packages: Node's WebSocket
// (global from Node 22, behind --experimental-websocket in Node 20.10+ and 21).

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/lib/chromium/chromium';

/** Starts Chromium with a fresh profile and resolves to a connected {@link Browser}. */
export async function launch({ width = 1280, height = 900 } = {}) {
  if (typeof WebSocket !== 'function') {
    throw new Error('this Node has no WebSocket: use Node 22+, or node --experimental-websocket on 20.10+');
  }
  const profile = mkdtempSync(join(tmpdir(), 'hearth-bench-chromium-'));
  const child = spawn(CHROMIUM, [
    '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
    '--disable-extensions', '--mute-audio', `--window-size=${width},${height}`,
    // Tabs in the background must keep their timers and frames running while we measure.
    '--disable-background-timer-throttling', '--disable-renderer-backgrounding',
    '--disable-backgrounding-occluded-windows',
    `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank',
  ], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, HOME: profile } });
  const cleanup = () => {
    try { child.kill('SIGKILL'); } catch { /* gone */ }
    // Chromium's helpers may still be writing for a moment; a leftover temp profile is harmless.
    setTimeout(() => { try { rmSync(profile, { recursive: true, force: true }); } catch { /* left in tmp */ } }, 500);
  };
  const url = await new Promise((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${err}`)), 20000);
    child.stderr.on('data', chunk => {
      err += chunk;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) { clearTimeout(timer); resolve(m[1]); }
    });
    child.on('exit', code => { clearTimeout(timer); reject(new Error(`Chromium exited (${code}):\n${err}`)); });
  }).catch(e => { cleanup(); throw e; });
  const browser = new Browser(new WebSocket(url), cleanup);
  await browser.opened;
  return browser;
}

export class Browser {
  constructor(ws, cleanup) {
    this.ws = ws;
    this.cleanup = cleanup;
    this.seq = 0;
    this.calls = new Map();
    this.listeners = new Set();
    this.opened = new Promise((resolve, reject) => { ws.onopen = resolve; ws.onerror = reject; });
    ws.onmessage = event => {
      const msg = JSON.parse(event.data);
      if (msg.id) {
        const call = this.calls.get(msg.id);
        this.calls.delete(msg.id);
        if (!call) return;
        if (msg.error) call.reject(new Error(`${call.method}: ${msg.error.message}`));
        else call.resolve(msg.result);
      } else {
        for (const fn of [...this.listeners]) fn(msg);
      }
    };
  }

  send(method, params = {}, sessionId) {
    const id = ++this.seq;
    this.ws.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    return new Promise((resolve, reject) => this.calls.set(id, { resolve, reject, method }));
  }

  /** Resolves with the first event for which `test(msg)` is truthy. */
  waitFor(test, timeoutMs, what) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.listeners.delete(fn); reject(new Error(`timed out waiting for ${what}`)); }, timeoutMs);
      const fn = msg => { if (test(msg)) { clearTimeout(timer); this.listeners.delete(fn); resolve(msg); } };
      this.listeners.add(fn);
    });
  }

  /** A new tab (in its own browser context: its own storage, like another reader). */
  async newPage({ isolated = false } = {}) {
    const context = isolated ? (await this.send('Target.createBrowserContext')).browserContextId : undefined;
    const { targetId } = await this.send('Target.createTarget',
      { url: 'about:blank', newWindow: isolated, ...(context ? { browserContextId: context } : {}) });
    const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true });
    const page = new Page(this, sessionId);
    await page.init();
    return page;
  }

  close() {
    try { this.ws.close(); } catch { /* closed */ }
    this.cleanup();
  }
}

export class Page {
  constructor(browser, sessionId) {
    this.browser = browser;
    this.sessionId = sessionId;
    this.frameScripts = [];
    this.frames = []; // sessions of cross-site iframes, newest last
    browser.listeners.add(msg => this.onEvent(msg));
  }

  async init() {
    await this.send('Page.enable');
    await this.send('Runtime.enable');
    // Every cross-site iframe starts paused, so scripts can be added before its document runs.
    await this.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true });
  }

  send(method, params) {
    return this.browser.send(method, params, this.sessionId);
  }

  /** Source evaluated in every cross-site iframe before its own scripts. */
  addFrameScript(source) {
    this.frameScripts.push(source);
  }

  onEvent(msg) {
    if (msg.sessionId !== this.sessionId) return;
    if (msg.method === 'Target.attachedToTarget') {
      const { sessionId, targetInfo } = msg.params;
      const send = (method, params = {}) => this.browser.send(method, params, sessionId).catch(() => {});
      if (targetInfo.type === 'iframe') {
        this.frames.push({ sessionId, url: targetInfo.url, at: Date.now() });
        send('Page.enable');
        send('Runtime.enable');
        for (const source of this.frameScripts) send('Page.addScriptToEvaluateOnNewDocument', { source });
      }
      // Sent right behind the scripts, on the same session, so they are in place first.
      send('Runtime.runIfWaitingForDebugger');
    } else if (msg.method === 'Target.detachedFromTarget') {
      this.frames = this.frames.filter(f => f.sessionId !== msg.params.sessionId);
    }
  }

  async goto(url, timeoutMs = 30000) {
    const loaded = this.browser.waitFor(m => m.sessionId === this.sessionId && m.method === 'Page.loadEventFired',
      timeoutMs, `load of ${url}`);
    const { errorText } = await this.send('Page.navigate', { url });
    if (errorText) throw new Error(`navigating to ${url}: ${errorText}`);
    await loaded;
  }

  /** Evaluates an expression (awaiting a promise) in the page or in a frame session. */
  async eval(expression, sessionId = this.sessionId) {
    const r = await this.browser.send('Runtime.evaluate',
      { expression, awaitPromise: true, returnByValue: true }, sessionId);
    if (r.exceptionDetails) {
      throw new Error(`evaluate failed: ${r.exceptionDetails.exception?.description || r.exceptionDetails.text}`);
    }
    return r.result.value;
  }

  /** Polls `expression` (in the page or a frame) until it returns something truthy. */
  async until(expression, { sessionId = this.sessionId, timeoutMs = 10000, what = expression, interval = 20 } = {}) {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.eval(expression, sessionId).catch(() => null);
      if (value) return value;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise(r => setTimeout(r, interval));
    }
  }

  /** The session of the newest cross-site iframe attached after `since` (ms epoch). */
  async frameAfter(since, timeoutMs = 15000) {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const frame = [...this.frames].reverse().find(f => f.at >= since);
      if (frame) return frame.sessionId;
      if (Date.now() > end) {
        throw new Error('no cross-site iframe appeared (is the host origin in the site\'s origins, and is site isolation on?)');
      }
      await new Promise(r => setTimeout(r, 10));
    }
  }
}

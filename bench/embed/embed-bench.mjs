#!/usr/bin/env node
// What a reader's browser pays for one embedded thread, measured in headless Chromium against
// a running Hearth. Run through bench/embed/run.sh, which prepares the site and the pages.
//
//   weights   embed.js, the iframe's JavaScript (the thread page's module scripts and all they
//             import) and its CSS, each file gzipped (-9) as a server would send it
//   first     iframe navigation start -> the first comment painted, on a page of 200 comments
//   post      click on "Post comment" in one browser -> the comment announced in another
//             (a second browser context subscribed to the same page)
//
// The host page is served by this script on another site (localhost vs 127.0.0.1), so the
// thread runs as a real cross-site iframe, with Chromium's third-party cookie blocking on.

import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { launch } from './cdp.mjs';

const USAGE = `usage: node bench/embed/embed-bench.mjs --base URL --site SITE --page KEY --live-page KEY
         [--host-port 18390] [--loads 20] [--posts 20]`;

function parseArgs(argv) {
  const opts = { base: 'http://localhost:8080', site: 'bench-embed', page: 'bench-embed-200',
    livePage: 'bench-embed-live', hostPort: 18390, loads: 20, posts: 20 };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '').replace(/-(\w)/g, (_, c) => c.toUpperCase());
    if (argv[i] === '--help' || !(name in opts) || i + 1 >= argv.length) {
      console.error(USAGE);
      process.exit(argv[i] === '--help' ? 0 : 2);
    }
    opts[name] = typeof opts[name] === 'number' ? Number(argv[i + 1]) : argv[i + 1];
  }
  opts.base = opts.base.replace(/\/+$/, '');
  return opts;
}

const opts = parseArgs(process.argv.slice(2));
const H = new URL(opts.base).origin;
// The other name of this machine, so host page and Hearth are different sites.
const hostName = new URL(opts.base).hostname === 'localhost' ? '127.0.0.1' : 'localhost';
const hostOrigin = `http://${hostName}:${opts.hostPort}`;
const sleep = ms => new Promise(r => setTimeout(r, ms));
const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const gz = text => gzipSync(Buffer.from(text), { level: 9 }).length;

async function get(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} answered ${res.status}`);
  return res.text();
}

// ---- weights -------------------------------------------------------------------------------

const IMPORTS = /\b(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module reachable from `entries`, fetched once: {url: gzipped bytes}. */
async function moduleGraph(entries) {
  const seen = new Map();
  const queue = [...entries];
  while (queue.length) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    const text = await get(url);
    seen.set(url, gz(text));
    for (const m of text.matchAll(IMPORTS)) queue.push(new URL(m[1] || m[2], url).href);
  }
  return seen;
}

async function weights() {
  const embed = gz(await get(`${H}/embed.js`));
  const threadUrl = `${H}/embed/thread?site=${encodeURIComponent(opts.site)}&page=${encodeURIComponent(opts.page)}`;
  const html = await get(threadUrl);
  const attr = (tag, name) => (new RegExp(`\\s${name}=["']?([^"'\\s>]+)`).exec(tag) || [])[1];
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(m => attr(m[0], 'src')).filter(Boolean)
    .map(src => new URL(src.replace(/&amp;/g, '&'), threadUrl).href);
  const styles = [...html.matchAll(/<link\b[^>]*>/g)].map(m => m[0]).filter(t => /rel=["']?stylesheet/.test(t))
    .map(t => new URL(attr(t, 'href').replace(/&amp;/g, '&'), threadUrl).href);
  const js = await moduleGraph(scripts);
  const css = new Map();
  for (const href of styles) {
    const text = await get(href);
    css.set(href, gz(text));
    for (const m of text.matchAll(/@import\s+(?:url\()?['"]?([^'")\s]+)/g)) {
      const inner = new URL(m[1], href).href;
      if (!css.has(inner)) css.set(inner, gz(await get(inner)));
    }
  }
  const sum = map => [...map.values()].reduce((a, b) => a + b, 0);
  return { embed, js: sum(js), jsFiles: js.size, css: sum(css), cssFiles: css.size, html: gz(html) };
}

// ---- the host page -------------------------------------------------------------------------

function hostPage(page) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Embed bench</title></head>
<body><h1>Embed bench</h1><p>An article would be here.</p>
<div id="hearth-thread" data-site="${opts.site}" data-page="${page}"></div>
<script src="${H}/embed.js" async></script></body></html>`;
}

function serveHost() {
  const server = createServer((req, res) => {
    const page = new URL(req.url, hostOrigin).searchParams.get('page') || opts.page;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(hostPage(page.replace(/[^\w.-]/g, '')));
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(opts.hostPort, hostName, () => resolve(server));
  });
}

// ---- first comment painted -----------------------------------------------------------------

// Runs in the iframe before its own scripts. `dom`: the first comment's first block is in the
// document; `paint`: Element Timing's render time for it (the attribute is set while the
// parser is still adding it, before any paint); `raf`: the next animation frame after `dom`,
// the fallback when Element Timing reports nothing. All are performance.now(), whose zero is
// the iframe's navigation start.
const FIRST_COMMENT_PROBE = `(() => {
  const mark = window.__hearthBench = {};
  try {
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) {
        if (e.identifier === 'hearth-first' && !mark.paint) mark.paint = e.renderTime || e.loadTime;
      }
    }).observe({ type: 'element', buffered: true });
    new PerformanceObserver(list => {
      for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') mark.fcp = e.startTime;
    }).observe({ type: 'paint', buffered: true });
  } catch (e) { /* no Element Timing: raf is used */ }
  const mo = new MutationObserver(() => {
    const block = document.querySelector('.hearth-item .hearth-body > *, .hearth-item .hearth-placeholder');
    if (!block) return;
    mo.disconnect();
    mark.dom = performance.now();
    block.setAttribute('elementtiming', 'hearth-first');
    requestAnimationFrame(() => { mark.raf = performance.now(); });
  });
  mo.observe(document, { childList: true, subtree: true });
})();`;

async function firstComment(browser) {
  const page = await browser.newPage();
  page.addFrameScript(FIRST_COMMENT_PROBE);
  const url = `${hostOrigin}/?page=${encodeURIComponent(opts.page)}`;
  const samples = [];
  let items = 0;
  for (let run = 0; run <= opts.loads; run++) { // run 0 warms the HTTP cache and is not counted
    const since = Date.now();
    await page.goto(url);
    const frame = await page.frameAfter(since);
    const mark = await page.until(`(() => {
      const m = window.__hearthBench, nav = performance.getEntriesByType('navigation')[0];
      return m && (m.paint || (m.raf && performance.now() - m.raf > 500)) && { ...m, ttfb: nav && nav.responseStart };
    })()`,
      { sessionId: frame, timeoutMs: 15000, what: 'the first comment in the iframe' });
    items = await page.eval('document.querySelectorAll(".hearth-item").length', frame);
    if (run === 0) {
      // The host sized the iframe from the thread's height messages: the loader really ran.
      const height = await page.until('document.querySelector("#hearth-thread iframe").style.height', { what: 'the iframe height' });
      console.log(`   host page ${url}: iframe ${height} tall, ${items} comments rendered in the first page of the thread`);
      continue;
    }
    samples.push({ paint: mark.paint ?? mark.raf, dom: mark.dom, fcp: mark.fcp, ttfb: mark.ttfb, elementTiming: Boolean(mark.paint) });
  }
  return samples;
}

// ---- post -> seen --------------------------------------------------------------------------

async function postToSeen(browser) {
  const url = `${hostOrigin}/?page=${encodeURIComponent(opts.livePage)}`;
  const open = async () => {
    const page = await browser.newPage({ isolated: true });
    const since = Date.now();
    await page.goto(url);
    const frame = await page.frameAfter(since);
    await page.until('document.getElementById("hearth-root") && document.readyState === "complete"', { sessionId: frame });
    return { page, frame };
  };
  const writer = await open();
  const reader = await open();
  // The reader's socket must be subscribed before we post; give it a moment after load.
  await sleep(1500);
  // Date.now() on both sides: one system clock for both renderer processes.
  await reader.page.eval(`(() => {
    const bar = document.querySelector('[data-hearth-new-bar]');
    window.__seen = 0;
    new MutationObserver(() => { if (!bar.hidden && !window.__seen) window.__seen = Date.now(); })
      .observe(bar, { attributes: true, childList: true, subtree: true, characterData: true });
  })()`, reader.frame);
  const samples = [];
  const failures = [];
  for (let i = 0; i < opts.posts; i++) {
    await reader.page.eval('window.__seen = 0', reader.frame);
    const clickedAt = await writer.page.eval(`(() => {
      const form = document.getElementById('hearth-composer');
      const name = form.querySelector('[name=name]');
      if (name && !name.closest('[hidden]') && !name.value) name.value = 'Bench writer';
      const body = form.querySelector('textarea[name=body]');
      body.value = 'Bench comment ${i + 1} at ' + new Date().toISOString();
      body.dispatchEvent(new Event('input', { bubbles: true }));
      const at = Date.now();
      form.querySelector('button[type=submit]').click();
      return at;
    })()`, writer.frame);
    try {
      const seenAt = await reader.page.until('window.__seen', { sessionId: reader.frame, timeoutMs: 5000, interval: 5, what: 'the new comment in the second browser' });
      samples.push(seenAt - clickedAt);
    } catch {
      const error = await writer.page.eval('(document.querySelector("#hearth-composer [data-hearth-error]") || {}).textContent || ""', writer.frame);
      failures.push(error || 'not seen within 5 s');
    }
    // The reader shows the waiting comment, so the bar hides again for the next one.
    await reader.page.eval('(() => { const b = document.querySelector("[data-hearth-show-new]"); if (b && !b.closest("[hidden]")) b.click(); })()', reader.frame);
    await writer.page.until('!document.querySelector("#hearth-composer button[type=submit]").disabled', { sessionId: writer.frame });
    await sleep(200);
  }
  return { samples, failures };
}

// ---- report --------------------------------------------------------------------------------

const kb = n => `${(n / 1024).toFixed(2)} KB`;
const ms = n => (Number.isFinite(n) ? `${n.toFixed(1)} ms` : 'n/a');

function row(name, value, target, ok) {
  const verdict = ok === null ? '' : ok ? 'ok' : 'OVER';
  console.log(`${name.padEnd(40)} ${value.padStart(12)}   ${target.padEnd(12)} ${verdict}`);
}

async function main() {
  console.log(`== weights (${H})`);
  const w = await weights();
  console.log(`   ${w.jsFiles} JavaScript modules, ${w.cssFiles} style sheets; thread page HTML ${kb(w.html)} gzipped`);

  const server = await serveHost();
  const browser = await launch();
  let first, post;
  try {
    console.log(`== first comment painted: ${opts.loads} loads of ${opts.site}/${opts.page} in a cross-site iframe (${hostOrigin})`);
    first = await firstComment(browser);
    console.log(`== post -> seen: ${opts.posts} comments on ${opts.site}/${opts.livePage}, writer and reader in separate browser contexts`);
    post = await postToSeen(browser);
  } finally {
    browser.close();
    server.close();
  }

  const paint = median(first.map(s => s.paint));
  const viaElementTiming = first.filter(s => s.elementTiming).length;
  const seen = median(post.samples);
  console.log(`   first comment: thread page's first byte at ${ms(median(first.map(s => s.ttfb)))} (server time), in the DOM at ${ms(median(first.map(s => s.dom)))}, first contentful paint ${ms(median(first.map(s => s.fcp)))} (medians);`
    + ` painted per Element Timing in ${viaElementTiming}/${first.length} loads, else the next animation frame`);
  console.log(`   post -> seen: ${post.samples.length}/${opts.posts} seen, p90 ${ms(post.samples.length ? [...post.samples].sort((a, b) => a - b)[Math.ceil(post.samples.length * 0.9) - 1] : NaN)}`
    + (post.failures.length ? `; failures: ${[...new Set(post.failures)].join('; ')}` : ''));
  console.log();
  console.log(`== summary (${opts.base}; medians)`);
  row('measure', 'value', 'target', null);
  row('embed.js (gzip)', kb(w.embed), '<= 3 KB', w.embed <= 3 * 1024);
  row(`iframe JavaScript, ${w.jsFiles} modules (gzip)`, kb(w.js), '<= 30 KB', w.js <= 30 * 1024);
  row(`iframe CSS, ${w.cssFiles} sheets (gzip)`, kb(w.css), '<= 10 KB', w.css <= 10 * 1024);
  row(`first comment painted (${first.length} loads)`, ms(paint), '<= 150 ms', paint <= 150);
  row(`post -> seen elsewhere (${post.samples.length} posts)`, ms(seen), '<= 300 ms', seen <= 300);
  if (post.failures.length || post.samples.length === 0) process.exitCode = 1;
}

main().catch(e => {
  console.error(`embed-bench: ${e.message}`);
  process.exit(1);
});

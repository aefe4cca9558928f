#!/usr/bin/env node
// Seeds one Hearth page with a known comment tree through the public API, so benchmark
// runs read the same shape every time. No npm dependencies: Node 18+ (global fetch).
//
//   node bench/seed.mjs --base URL --site bench --page bench-200 --shape chains --threads 50 --chain 3
//   node bench/seed.mjs --base URL --site bench --page bench-10k --shape mixed --total 10000
//
// Shapes:
//   chains  --threads N top-level comments, each followed by a chain of --chain replies
//           (a reply to the reply to the reply ...): N * (chain + 1) comments.
//   mixed   exactly --total comments: deep chains (one 1,000 replies deep when the total
//           allows, a few 200-400 deep), wide threads (20-100 direct replies, some of
//           which have replies of their own) and small threads. The tree is drawn from a
//           fixed pseudo-random seed, so every run builds the same shape.
//
// The page must be empty (or already hold exactly the planned count, which is a no-op):
// adding to a half-seeded page would give a shape nobody can compare against.
// --force seeds anyway. --dry-run only describes the planned tree.
//
// Posting: at most --concurrency requests in flight (default 8). A reply is posted once its
// parent has an id; replies go ahead of waiting top-level comments, so deep chains keep
// moving while the rest fills the gaps. 429/503 are retried after Retry-After; network
// errors are retried with backoff. Every comment has its own Idempotency-Key, so a retry
// after a lost response cannot post it twice.

const USAGE = `usage: node bench/seed.mjs --base URL --site SITE --page KEY
         (--shape chains [--threads 50] [--chain 3] | --shape mixed [--total 10000])
         [--concurrency 8] [--title TEXT] [--force] [--dry-run]`;

function parseArgs(argv) {
  const opts = {
    base: 'http://127.0.0.1:8080', site: 'bench', page: null, shape: 'chains',
    threads: 50, chain: 3, total: 10000, concurrency: 8, title: null, force: false, dryRun: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (arg === '--force' || arg === '--dry-run') {
      opts[arg === '--force' ? 'force' : 'dryRun'] = true;
      continue;
    }
    const name = arg.replace(/^--/, '');
    if (!arg.startsWith('--') || !(name in opts) || i + 1 >= argv.length) {
      fail(`bad argument ${arg}\n${USAGE}`);
    }
    const value = argv[++i];
    opts[name] = typeof opts[name] === 'number' ? Number(value) : value;
    if (typeof opts[name] === 'number' && !(Number.isInteger(opts[name]) && opts[name] >= 0)) {
      fail(`--${name} must be a whole number, got ${value}`);
    }
  }
  if (!opts.page) fail(`--page is required\n${USAGE}`);
  if (!['chains', 'mixed'].includes(opts.shape)) fail(`--shape must be chains or mixed\n${USAGE}`);
  if (opts.concurrency < 1) fail('--concurrency must be at least 1');
  opts.base = opts.base.replace(/\/+$/, '');
  return opts;
}

function fail(message) {
  console.error(`seed: ${message}`);
  process.exit(2);
}

// ---------------------------------------------------------------------------------------
// The plan: a flat list of nodes, each {parent: index of an earlier node or -1, ...}.
// Parents always come before their children.

class Plan {
  constructor() {
    this.nodes = [];
    this.threads = 0;
  }

  add(parent, kind) {
    const parentNode = parent < 0 ? null : this.nodes[parent];
    const node = {
      index: this.nodes.length,
      parent,
      depth: parentNode ? parentNode.depth + 1 : 0,
      thread: parentNode ? parentNode.thread : this.threads++,
      kind,
      children: [],
      id: null,
    };
    this.nodes.push(node);
    if (parentNode) parentNode.children.push(node.index);
    return node.index;
  }

  /** A top-level comment and a chain of `replies` below it. */
  chain(replies) {
    let at = this.add(-1, 'chain');
    for (let i = 0; i < replies; i++) at = this.add(at, 'chain');
  }
}

function chainsPlan(threads, chain) {
  const plan = new Plan();
  for (let t = 0; t < threads; t++) plan.chain(chain);
  return plan;
}

// mulberry32: a tiny deterministic PRNG, so the mixed tree is the same on every machine.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mixedPlan(total) {
  const random = prng(20240601);
  const between = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));

  // Thread recipes, in the order their top-level comments will be posted. The deep chain
  // and some wide threads sit among the first 20 top-level comments, i.e. on the first
  // page of GET /api/v1/threads with the default sort (oldest first) and limit (20).
  const deep = [1000, 200, 250, 300, 400];
  const recipes = [];
  const scaled = (n) => Math.max(1, Math.min(n, Math.floor(total / 10)));
  recipes.push({ type: 'small' }, { type: 'wide' }, { type: 'chain', replies: scaled(deep[0]) });
  for (let i = 0; i < 6; i++) recipes.push({ type: 'small' });
  recipes.push({ type: 'wide' }, { type: 'chain', replies: scaled(deep[1]) });
  for (let i = 0; i < 6; i++) recipes.push({ type: 'small' });
  recipes.push({ type: 'wide' }, { type: 'small' }, { type: 'small' });
  // Further down the page: the other deep chains, then wide and small threads mixed.
  for (const replies of deep.slice(2)) {
    recipes.push({ type: 'chain', replies: scaled(replies) }, { type: 'small' }, { type: 'wide' });
  }

  const plan = new Plan();
  const room = () => total - plan.nodes.length;
  const build = (recipe) => {
    if (recipe.type === 'chain') {
      let at = plan.add(-1, 'deep');
      for (let i = 0; i < recipe.replies && room() > 0; i++) at = plan.add(at, 'deep');
    } else if (recipe.type === 'wide') {
      const root = plan.add(-1, 'wide');
      const direct = between(20, 100);
      for (let i = 0; i < direct && room() > 0; i++) {
        const reply = plan.add(root, 'wide');
        // About a third of the direct replies start a short conversation of their own,
        // sometimes two levels deep.
        if (random() < 0.35) {
          const subs = between(1, 6);
          for (let j = 0; j < subs && room() > 0; j++) {
            const sub = plan.add(reply, 'wide');
            if (random() < 0.25 && room() > 0) plan.add(sub, 'wide');
          }
        }
      }
    } else {
      // A small thread: 0-4 replies, each either to the top-level comment or to the previous reply.
      let at = plan.add(-1, 'small');
      const root = at;
      const replies = between(0, 4);
      for (let i = 0; i < replies && room() > 0; i++) at = plan.add(random() < 0.5 ? root : at, 'small');
    }
  };

  for (const recipe of recipes) {
    if (room() <= 0) break;
    build(recipe);
  }
  // Fill the rest with wide and small threads, two small ones for every wide one.
  while (room() > 0) build(random() < 0.33 ? { type: 'wide' } : { type: 'small' });
  return plan;
}

// ---------------------------------------------------------------------------------------
// HTTP

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Retry-After is either seconds or an HTTP date; without one, wait a second. */
function retryAfterMs(header) {
  if (!header) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - Date.now()) : 1000;
}

let retries = 0;

async function postComment(opts, runId, node, body) {
  const payload = JSON.stringify({
    site: opts.site,
    page: { key: opts.page, title: opts.title },
    ...(node.parent >= 0 ? { parentId: body.parentId } : {}),
    body: body.text,
    author: { name: body.author },
  });
  const headers = {
    'Content-Type': 'application/json',
    Accept: 'application/json',
    'Idempotency-Key': `seed-${runId}-${node.index}`,
  };
  for (let attempt = 1; ; attempt++) {
    let response;
    try {
      response = await fetch(`${opts.base}/api/v1/comments`, { method: 'POST', headers, body: payload });
    } catch (error) {
      if (attempt >= 8) throw new Error(`POST failed after ${attempt} attempts: ${error.cause?.message ?? error.message}`);
      retries++;
      await sleep(Math.min(5000, 250 * 2 ** attempt));
      continue;
    }
    const text = await response.text();
    if (response.status === 201) return JSON.parse(text).id;
    if ((response.status === 429 || response.status === 503) && attempt < 20) {
      retries++;
      await sleep(retryAfterMs(response.headers.get('retry-after')));
      continue;
    }
    throw new Error(`POST /api/v1/comments answered ${response.status}: ${text.slice(0, 500)}`);
  }
}

async function pageCount(opts) {
  const url = `${opts.base}/api/v1/counts?site=${encodeURIComponent(opts.site)}&page=${encodeURIComponent(opts.page)}`;
  const response = await fetch(url);
  const text = await response.text();
  if (response.status !== 200) throw new Error(`GET /api/v1/counts answered ${response.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text).counts?.[opts.page] ?? 0;
}

// ---------------------------------------------------------------------------------------
// Comment text: varied lengths, plain text, no links (sites cap links per comment).

const NAMES = ['Ann', 'Bo', 'Chidi', 'Dana', 'Eero', 'Farah', 'Gus', 'Hana', 'Ivo', 'Jun', 'Kemal', 'Lea'];
const WORDS = ('the a this that comment thread reply point agree disagree because really think about '
  + 'page post idea more less quite good fair question answer later earlier example case').split(' ');

function commentText(node) {
  const words = 6 + ((node.index * 7919) % 60);
  const out = [];
  for (let i = 0; i < words; i++) out.push(WORDS[(node.index * 31 + i * 17) % WORDS.length]);
  const where = node.parent < 0 ? `Thread ${node.thread + 1}` : `Reply at depth ${node.depth} in thread ${node.thread + 1}`;
  return `${where} (#${node.index + 1}). ${out.join(' ')}.`;
}

// ---------------------------------------------------------------------------------------

/** Prints the shape of a plan: how many threads, how deep, how wide. */
function describe(plan) {
  const roots = plan.nodes.filter((n) => n.parent < 0);
  const sizes = new Map();
  for (const n of plan.nodes) sizes.set(n.thread, (sizes.get(n.thread) ?? 0) + 1);
  const maxDepth = plan.nodes.reduce((m, n) => Math.max(m, n.depth), 0);
  const widest = roots.reduce((m, n) => Math.max(m, n.children.length), 0);
  console.log(`plan: ${plan.nodes.length} comments in ${roots.length} threads; deepest reply at depth ${maxDepth}; `
    + `most direct replies to one top-level comment: ${widest}`);
  console.log('plan: first 20 threads (the first page, oldest first): '
    + roots.slice(0, 20).map((r) => `${r.kind}:${sizes.get(r.thread)}`).join(' '));
  const chains = roots.filter((r) => r.kind === 'deep').map((r) => sizes.get(r.thread) - 1);
  if (chains.length) console.log(`plan: deep chains (replies): ${chains.join(', ')}`);
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const plan = opts.shape === 'chains' ? chainsPlan(opts.threads, opts.chain) : mixedPlan(opts.total);
  const planned = plan.nodes.length;
  opts.title ??= `Bench ${opts.page}`;
  if (opts.dryRun) {
    describe(plan);
    return;
  }

  const existing = await pageCount(opts);
  if (existing === planned && !opts.force) {
    console.log(`seed: ${opts.site}/${opts.page} already has ${existing} comments; nothing to do`);
    return;
  }
  if (existing !== 0 && !opts.force) {
    fail(`${opts.site}/${opts.page} already has ${existing} comments, not 0 or ${planned}; `
      + 'seed a fresh page key (or a fresh data directory), or pass --force to add to it anyway');
  }

  const roots = plan.nodes.filter((n) => n.parent < 0).length;
  const maxDepth = plan.nodes.reduce((m, n) => Math.max(m, n.depth), 0);
  console.log(`seed: posting ${planned} comments (${roots} threads, deepest reply at depth ${maxDepth}) `
    + `to ${opts.site}/${opts.page} at ${opts.base}, ${opts.concurrency} in flight`);

  const runId = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const started = performance.now();
  // Ready work: replies are taken from the front, top-level comments wait at the back.
  const ready = plan.nodes.filter((n) => n.parent < 0).map((n) => n.index);
  let posted = 0;
  let inFlight = 0;
  let failure = null;
  let lastReport = started;

  await new Promise((resolve) => {
    const pump = () => {
      if (failure || (ready.length === 0 && inFlight === 0)) {
        if (inFlight === 0) resolve();
        return;
      }
      while (!failure && inFlight < opts.concurrency && ready.length > 0) {
        const node = plan.nodes[ready.shift()];
        inFlight++;
        const parentId = node.parent >= 0 ? plan.nodes[node.parent].id : null;
        const text = commentText(node);
        postComment(opts, runId, node, { parentId, text, author: NAMES[node.index % NAMES.length] })
          .then((id) => {
            node.id = id;
            posted++;
            ready.unshift(...node.children);
            const now = performance.now();
            if (now - lastReport >= 2000 || posted === planned) {
              lastReport = now;
              const seconds = (now - started) / 1000;
              console.log(`seed: ${posted}/${planned} (${Math.floor((100 * posted) / planned)}%) `
                + `in ${seconds.toFixed(1)}s, ${(posted / seconds).toFixed(0)}/s`);
            }
          })
          .catch((error) => {
            failure = error;
          })
          .finally(() => {
            inFlight--;
            pump();
          });
      }
    };
    pump();
  });

  const seconds = (performance.now() - started) / 1000;
  if (failure) {
    console.error(`seed: stopped after ${posted}/${planned} comments in ${seconds.toFixed(1)}s: ${failure.message}`);
    process.exit(1);
  }
  const count = await pageCount(opts);
  console.log(`seed: done, ${posted} comments in ${seconds.toFixed(1)}s (${(posted / seconds).toFixed(0)}/s, `
    + `${retries} retries); the page now counts ${count}`);
  if (!opts.force && count !== planned) {
    console.error(`seed: expected the page to count ${planned}, it counts ${count}`);
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(`seed: ${error.stack ?? error.message}`);
  process.exit(1);
});

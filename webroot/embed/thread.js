// Entry point of the embedded thread page. The server rendered everything; this
// wires the session, the forms and the host messages, then starts live updates.

import { startLive } from './live.js';
import { insertComment } from './tree.js';
import { html, parse } from './api.js';
import { framed, on, startFrame } from './frame.js';
import { currentToken, exchangeSso, initSession, onSession, refresh, signIn, signOut, useStored } from './session.js';
import { announce, setAnnouncer } from './messages.js';
import { applySession, bindComposer, ownIds } from './composer.js';
import { applyVotes, bindActions, loadVotes, refreshOwn } from './actions.js';
import { bindPaging, refreshTimes, showTarget } from './paging.js';

const root = document.getElementById('hearth-root');

function config() {
  const d = root.dataset;
  const pageRef = { key: d.page };
  if (d.url) pageRef.url = d.url;
  if (d.title) pageRef.title = d.title;
  return {
    site: d.site, page: d.page, pageRef,
    maxBody: Number(d.maxBody) || 8192,
    editWindow: Number(d.editWindow) || 0,
    voting: d.voting || 'off',
    allowAnonymous: d.allowAnonymous === 'true',
  };
}

const $ = sel => root.querySelector(sel);
const query = cfg => `site=${encodeURIComponent(cfg.site)}&page=${encodeURIComponent(cfg.page)}`;

function showAccount(user) {
  const signed = Boolean(currentToken());
  const who = $('[data-hearth-user]');
  if (who) who.hidden = !user;
  const name = $('[data-hearth-username]');
  if (name) name.textContent = user ? user.name : '';
  const inBtn = $('[data-hearth-signin]');
  const outBtn = $('[data-hearth-signout]');
  if (inBtn) inBtn.hidden = signed;
  if (outBtn) outBtn.hidden = !signed;
  applySession();
  refreshOwn();
}

/** The reader's own held comments stay visible to them after a reload. */
async function loadMine(cfg) {
  if (!currentToken()) return;
  try {
    const doc = parse(await html(`/embed/mine?${query(cfg)}`));
    for (const li of doc.body.children) {
      if (!li.matches('li[data-comment-id]')) continue;
      ownIds.add(li.dataset.commentId);
      if (!document.getElementById(li.id)) insertComment(li.outerHTML, { parentId: li.dataset.parentId || null, own: true });
    }
  } catch { /* nothing held, or offline */ }
}

let live = false;
async function afterSession(cfg) {
  await loadVotes();
  await loadMine(cfg);
  if (!live) {
    live = true;
    startLive({ root, token: currentToken, isOwn: id => ownIds.has(String(id)) });
  }
}

/** Code blocks scroll sideways; keyboard users need to reach them to scroll them. */
function focusableCode() {
  for (const pre of root.querySelectorAll('.hearth-body pre:not([tabindex])')) pre.tabIndex = 0;
}

function applyTheme(theme) {
  if (['light', 'dark', 'auto'].includes(theme)) document.documentElement.dataset.theme = theme;
}

async function start() {
  const cfg = config();
  setAnnouncer($('[data-hearth-announcer]'), root);
  initSession(root);
  onSession(showAccount);
  bindComposer(root, cfg);
  bindActions(root, cfg);
  bindPaging(root);

  const sso = async jwt => { if (jwt && await exchangeSso(jwt)) await afterSession(cfg); };
  let gotInit;
  const init = new Promise(resolve => { gotInit = resolve; });
  on('init', d => {
    applyTheme(d.theme);
    useStored(d.stored);
    gotInit();
    sso(d.sso);
  });
  on('sso', d => sso(d.token));
  on('signout', async () => { await signOut(); await loadVotes(); });
  startFrame(root);

  $('[data-hearth-signin]')?.addEventListener('click', async () => {
    try {
      const user = await signIn();
      await afterSession(cfg);
      announce(`Signed in as ${user ? user.name : 'you'}`, $('.hearth-account'));
      const next = document.querySelector('form[data-hearth-composer] textarea') || $('[data-hearth-signout]');
      if (next) next.focus();
    } catch {
      announce('Allow pop-ups for this page to sign in.', $('.hearth-account'));
    }
  });
  $('[data-hearth-signout]')?.addEventListener('click', async () => {
    await signOut();
    await loadVotes();
    $('[data-hearth-signin]')?.focus();
    announce('You are signed out.', $('.hearth-account'));
  });

  refreshTimes();
  focusableCode();
  setInterval(refreshTimes, 30000);
  showTarget();
  let queued = false;
  new MutationObserver(() => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; refreshOwn(); applyVotes(); refreshTimes(); focusableCode(); });
  }).observe(root, { childList: true, subtree: true });

  // A token relayed by the host arrives with `init`; wait briefly for it when we hold none.
  if (framed() && !currentToken()) await Promise.race([init, new Promise(r => setTimeout(r, 1500))]);
  await refresh();
  await afterSession(cfg);
}

if (root) start();

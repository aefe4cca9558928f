// Follows the page over /live (docs/live.md) and applies what happens to the thread in place.
// Other people's new comments wait behind the new-comments bar, so the page never moves under
// someone who is reading; edits, votes and removals apply at once. The server pings at the
// protocol level and the browser answers, so the script sends no pings of its own.

import { findComment, insertComment, replaceComment, removeComment } from './tree.js';
import { reveal } from './frame.js';
import { announce } from './messages.js';

const MAX_DELAY = 30000;
const ANNOUNCE_AFTER = 1500; // a burst of comments is announced once
const newLabel = n => (n === 1 ? '1 new comment' : n + ' new comments');

export function startLive({ root, token = () => null, isOwn = () => false }) {
  const { site, page, lastEvent } = root.dataset;
  let last = lastEvent ? Number(lastEvent) : NaN; // NaN: subscribe from now on
  let socket = null;
  let timer = 0;
  let delay = 1000;
  let stopped = false;
  const waiting = new Map(); // id -> {html, parentId}, in event order
  const bar = root.querySelector('[data-hearth-new-bar]');
  const button = bar && bar.querySelector('[data-hearth-show-new]');
  let announceTimer = 0;

  function showBar() {
    if (!bar) return;
    bar.hidden = !waiting.size;
    if (button && waiting.size) button.textContent = newLabel(waiting.size);
  }

  function announceLater() {
    clearTimeout(announceTimer);
    announceTimer = setTimeout(() => { if (waiting.size) announce(newLabel(waiting.size)); }, ANNOUNCE_AFTER);
  }

  function hold(id, html, parentId) {
    // A reply to a comment that is neither here nor coming would never appear: don't count it.
    if (parentId && !findComment(parentId) && !waiting.has(String(parentId))) return;
    waiting.set(String(id), { html, parentId });
    showBar();
    announceLater();
  }

  function showWaiting() {
    const items = [...waiting.values()];
    waiting.clear();
    showBar();
    clearTimeout(announceTimer);
    let first = null;
    for (const { html, parentId } of items) {
      const li = insertComment(html, { parentId });
      first = first || li;
    }
    const article = first && first.querySelector(':scope > article');
    if (!article) return;
    article.tabIndex = -1;
    article.focus({ preventScroll: true });
    reveal(article);
  }

  function closePage() {
    root.dataset.closed = 'true';
    const main = root.querySelector('#hearth-composer')
      || [...root.querySelectorAll('[data-hearth-composer]')].find(f => !f.closest('.hearth-item'));
    // As the server renders a closed page: no reply forms, nor the template they come from.
    for (const form of root.querySelectorAll('[data-hearth-composer]')) if (form !== main) form.remove();
    document.getElementById('hearth-reply-template')?.remove();
    if (main) {
      const p = document.createElement('p');
      p.className = 'hearth-closed';
      p.setAttribute('role', 'status');
      p.textContent = 'Comments are closed.';
      main.replaceWith(p);
    }
    document.dispatchEvent(new CustomEvent('hearth:changed', { detail: { change: 'closed' } }));
  }

  function apply(m) {
    const c = m.comment || {};
    const id = c.id;
    const key = String(id);
    switch (m.kind) {
      case 'comment.created':
      case 'comment.approved':
        if (!m.fragment) return;
        if (findComment(id)) {
          if (m.kind === 'comment.approved') replaceComment(id, m.fragment);
        } else if (isOwn(id)) {
          insertComment(m.fragment, { parentId: c.parentId, own: true });
        } else {
          hold(id, m.fragment, c.parentId);
        }
        return;
      case 'comment.edited':
      case 'comment.voted':
        if (!m.fragment) return;
        if (waiting.has(key)) waiting.get(key).html = m.fragment;
        else replaceComment(id, m.fragment);
        return;
      case 'comment.deleted':
      case 'comment.rejected':
      case 'comment.hidden':
        if (waiting.delete(key)) showBar();
        removeComment(id, c.status || m.kind.slice(8));
        return;
      case 'page.closed':
        closePage();
        return;
      case 'page.reopened':
        location.reload(); // the composer is server-rendered
    }
  }

  function connect() {
    clearTimeout(timer);
    if (socket || stopped) return;
    const ws = (socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/live'));
    const send = m => ws.send(JSON.stringify(m));
    let authenticating = false;
    const subscribe = () => send({ type: 'subscribe', site, page, since: Number.isNaN(last) ? undefined : last });

    ws.onopen = () => {
      const t = token();
      authenticating = !!t;
      if (t) send({ type: 'auth', token: t }); else subscribe();
    };
    ws.onmessage = e => {
      let m;
      try { m = JSON.parse(e.data); } catch { return; }
      if (m.type === 'event') {
        if (m.id <= last) return;
        last = m.id;
        apply(m);
      } else if (m.type === 'authenticated') {
        authenticating = false;
        subscribe();
      } else if (m.type === 'subscribed') {
        delay = 1000;
        if (Number.isNaN(last)) last = m.last;
      } else if (m.type === 'reset') {
        location.reload();
      } else if (m.type === 'error') {
        if (authenticating) { // a stale token: follow the page unauthenticated
          authenticating = false;
          subscribe();
        } else if (m.error === 'subscribe_failed') {
          ws.close(); // try again later
        } else if (m.error !== 'already_subscribed') {
          stopped = true; // the site or origin was refused: retrying won't help
          ws.close();
        }
      }
    };
    ws.onclose = () => {
      if (socket === ws) socket = null;
      if (stopped) return;
      // Full jitter: wait random(0, cap), the cap doubling from 1 s to 30 s.
      timer = setTimeout(connect, Math.random() * delay);
      delay = Math.min(delay * 2, MAX_DELAY);
    };
  }

  // Timers are throttled in background tabs: come back at once when the reader does.
  const wake = () => { if (document.visibilityState === 'visible' && !socket && !stopped) { delay = 1000; connect(); } };
  document.addEventListener('visibilitychange', wake);
  addEventListener('online', wake);
  button?.addEventListener('click', showWaiting);

  connect();

  return function stop() {
    stopped = true;
    clearTimeout(timer);
    socket?.close();
  };
}

// Reading: further pages of threads and replies (server pages parsed and spliced
// in), relative times, permalinks and the highlighted target comment.

import { html, parse } from './api.js';
import { announce, errorText } from './messages.js';
import { post, framed, reveal } from './frame.js';

let root;

export function bindPaging(rootEl) {
  root = rootEl;
  root.addEventListener('click', e => {
    const a = e.target.closest('a');
    if (!a || !root.contains(a)) return;
    if (a.matches('[data-hearth-more]')) { e.preventDefault(); moreThreads(a); }
    else if (a.matches('[data-hearth-more-replies]')) { e.preventDefault(); moreReplies(a); }
    else if (a.matches('.hearth-permalink')) { e.preventDefault(); permalink(a.closest('article')); }
  });
}

const fresh = li => !document.getElementById(li.id);

function focusFirst(lis) {
  const article = lis[0] && lis[0].querySelector(':scope > article');
  if (article) { article.tabIndex = -1; article.focus(); }
}

async function load(a) {
  if (a.getAttribute('aria-busy') === 'true') return null;
  a.setAttribute('aria-busy', 'true');
  try {
    return parse(await html(a.href));
  } catch (err) {
    announce(errorText(err), a);
    return null;
  } finally {
    a.removeAttribute('aria-busy');
  }
}

/** "More conversations": the next page's top-level threads join ours. */
async function moreThreads(a) {
  const doc = await load(a);
  if (!doc) return;
  const list = root.querySelector('ol[data-hearth-comments], ol.hearth-comments');
  const lis = [...doc.querySelectorAll('ol.hearth-comments > li')].filter(fresh);
  list.append(...lis);
  const next = doc.querySelector('p.hearth-more');
  const mine = a.closest('p') || a;
  if (next) mine.replaceWith(next); else mine.remove();
  focusFirst(lis);
}

/** "More replies to this comment": further replies go under their parent. */
async function moreReplies(a) {
  const li = a.closest('li.hearth-item');
  let para = a.closest('p') || a;
  let list = li.querySelector(':scope > ol.hearth-replies');
  if (!list) {
    list = document.createElement('ol');
    list.className = 'hearth-replies';
    para.before(list);
  }
  // A link without a cursor starts at the replies already shown: skip those pages.
  for (let link = a, pages = 0; link && pages < 10; pages++) {
    const doc = await load(link);
    if (!doc) return;
    const lis = [...doc.body.children].filter(n => n.matches('li.hearth-item')).filter(fresh);
    list.append(...lis);
    const next = doc.querySelector('p.hearth-more-replies');
    if (next) para.replaceWith(next); else para.remove();
    para = next;
    link = !lis.length && next ? next.querySelector('a') : null;
    if (lis.length) focusFirst(lis);
  }
}

// ---- permalinks ----

function highlight(article) {
  for (const t of root.querySelectorAll('.hearth-target')) t.classList.remove('hearth-target');
  article.classList.add('hearth-target');
}

function permalink(article) {
  const id = article.closest('li.hearth-item').dataset.commentId;
  highlight(article);
  if (framed()) {
    post('permalink', { id, offset: Math.round(article.getBoundingClientRect().top + window.scrollY) });
  } else {
    history.replaceState(null, '', `#comment-${id}`);
    article.scrollIntoView({ block: 'start' });
  }
}

/** A thread opened for one comment (data-target): show it highlighted. */
export function showTarget() {
  const id = root.dataset.target;
  const article = id && document.querySelector(`#comment-${CSS.escape(id)} > article`);
  if (!article) return;
  highlight(article);
  // Framed, the host scrolls (and keeps scrolling while the frame's height settles).
  if (framed()) reveal(article, true);
  else article.scrollIntoView({ block: 'center' });
}

// ---- relative times ----

const units = [['day', 86400], ['hour', 3600], ['minute', 60]];
const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const exactFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'long', timeStyle: 'short' });

export function ago(date, now = Date.now()) {
  const s = (now - date) / 1000;
  if (s < 60) return 'just now';
  if (s >= 30 * 86400) return dateFmt.format(date);
  for (const [unit, size] of units) {
    const n = Math.floor(s / size);
    if (n >= 1) return `${n} ${unit}${n === 1 ? '' : 's'} ago`;
  }
  return 'just now';
}

/** Rewrites only what changed, so the page's mutation observer is not woken for nothing. */
export function refreshTimes(scope = root) {
  const now = Date.now();
  for (const t of scope.querySelectorAll('time[data-hearth-time]')) {
    const date = Date.parse(t.getAttribute('datetime'));
    if (Number.isNaN(date)) continue;
    const text = ago(date, now);
    if (t.textContent !== text) t.textContent = text;
    const title = exactFmt.format(date);
    if (t.title !== title) t.title = title;
  }
}

// Places server-rendered comments in the thread. Every comment's HTML comes from the server
// (templates/comment.hbs); this module only decides where it goes, keeps the count in step,
// and tells the rest of the page with a `hearth:changed` event.

const REMOVED = {
  deleted: 'This comment was deleted by its author.',
  other: 'This comment was removed by a moderator.'
};

const root = () => document.getElementById('hearth-root') || document.body;
const articleOf = li => li.querySelector(':scope > article');
// Only visible comments are counted: a held comment shown to its author is not.
const counted = li => !!li && (li.dataset.status || 'visible') === 'visible';

export function findComment(id) {
  return document.getElementById('comment-' + id);
}

function parse(html) {
  const t = document.createElement('template');
  t.innerHTML = html.trim();
  const li = t.content.firstElementChild;
  return li && li.matches('li.hearth-item') ? li : null;
}

function changed(change, id) {
  document.dispatchEvent(new CustomEvent('hearth:changed', { detail: { change, id: String(id) } }));
}

function bumpCount(delta) {
  const h = root().querySelector('.hearth-count');
  if (!h || !delta) return;
  const n = Math.max(0, (parseInt(h.textContent.replace(/\D+/g, ''), 10) || 0) + delta);
  h.textContent = n === 1 ? '1 comment' : n + ' comments';
}

// Replies deeper than the display depth are listed flat under their ancestor on the last
// nested level, as the server renders them.
function hostFor(parent) {
  const last = (Number(root().dataset.displayDepth) || 5) - 1;
  let host = parent;
  while (host && Number(host.dataset.depth) > last) host = host.parentElement.closest('li.hearth-item');
  return host || parent;
}

function repliesOf(li) {
  let ol = li.querySelector(':scope > ol.hearth-replies');
  if (!ol) {
    ol = document.createElement('ol');
    ol.className = 'hearth-replies';
    // After the article (and any open reply form), before "More replies to this comment".
    li.insertBefore(ol, li.querySelector(':scope > .hearth-more-replies'));
  }
  return ol;
}

/** Inserts a comment's `<li>` where it belongs; returns it, or null when it was skipped. */
export function insertComment(html, { parentId, own } = {}) {
  const li = parse(html);
  if (!li) return null;
  const id = li.dataset.commentId || li.id.slice(8);
  if (findComment(id)) return own ? replaceComment(id, html) : null;
  const parent = parentId ?? li.dataset.parentId;
  if (parent) {
    const p = findComment(parent);
    if (!p) return null; // on another page of the listing
    repliesOf(hostFor(p)).append(li);
  } else {
    const list = root().querySelector('ol.hearth-comments');
    if (!list) return null;
    if (root().dataset.sort === 'newest') list.prepend(li); else list.append(li);
  }
  root().querySelector('.hearth-empty')?.remove();
  if (counted(li)) bumpCount(1);
  changed('inserted', id);
  return li;
}

function swapArticle(li, fresh) {
  const old = articleOf(li);
  const active = document.activeElement;
  const focused = old && old.contains(active) ? active : null;
  if (old) {
    if (old.classList.contains('hearth-target')) fresh.classList.add('hearth-target');
    if (old.hasAttribute('tabindex')) fresh.setAttribute('tabindex', old.getAttribute('tabindex'));
    // Live fragments are rendered for everyone: keep this reader's own vote state.
    for (const b of old.querySelectorAll('[data-hearth-vote]')) {
      fresh.querySelector(`[data-hearth-vote="${CSS.escape(b.dataset.hearthVote)}"]`)
        ?.setAttribute('aria-pressed', b.getAttribute('aria-pressed'));
    }
    old.replaceWith(fresh);
  } else {
    li.prepend(fresh);
  }
  if (focused) {
    // The same control in the new article (found by its data-hearth-* attribute), else the article.
    const a = [...focused.attributes].find(x => x.name.startsWith('data-hearth-'));
    const target = (focused !== old && a && fresh.querySelector(`[${a.name}="${CSS.escape(a.value)}"]`)) || fresh;
    if (target === fresh && !fresh.hasAttribute('tabindex')) fresh.tabIndex = -1;
    target.focus({ preventScroll: true });
  }
}

/** Replaces the article of a comment on the page, keeping its replies and any open reply form. */
export function replaceComment(id, html) {
  const li = findComment(id);
  const fresh = li && parse(html);
  const article = fresh && articleOf(fresh);
  if (!article) return null;
  const was = counted(li);
  swapArticle(li, article);
  if (fresh.dataset.status) li.dataset.status = fresh.dataset.status;
  bumpCount(counted(li) - was);
  changed('replaced', id);
  return li;
}

/** Removes a comment: its replies stay under a placeholder, a comment without any goes. */
export function removeComment(id, status) {
  const li = findComment(id);
  if (!li) return;
  const was = counted(li);
  if (li.querySelector(':scope > ol.hearth-replies > li, :scope > .hearth-more-replies')) {
    const article = document.createElement('article');
    article.className = 'hearth-comment hearth-removed';
    const p = article.appendChild(document.createElement('p'));
    p.className = 'hearth-placeholder';
    p.textContent = REMOVED[status] || REMOVED.other;
    swapArticle(li, article);
    li.dataset.status = status || 'hidden';
  } else {
    const next = li.nextElementSibling || li.previousElementSibling || li.parentElement.closest('li.hearth-item');
    const hadFocus = li.contains(document.activeElement);
    const list = li.parentElement;
    li.remove();
    if (list.matches('ol.hearth-replies') && !list.children.length) list.remove();
    const target = hadFocus && next && articleOf(next);
    if (target) {
      target.tabIndex = -1;
      target.focus({ preventScroll: true });
    }
  }
  bumpCount(-was);
  changed('removed', id);
}

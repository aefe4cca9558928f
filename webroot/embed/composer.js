// Writing: the main composer, reply forms cloned from #hearth-reply-template,
// the character counter, Preview, posting with an idempotency key, and quoting.

import { api, html, newKey } from './api.js';
import { insertComment } from './tree.js';
import { adopt, currentToken, forget } from './session.js';
import { announce, errorText, showError } from './messages.js';
import { on } from './frame.js';

/** Ids of comments posted from this iframe: their live echo is already in the page. */
export const ownIds = new Set();

let root;
let cfg;
let main = null;
let replySeq = 0;
let articleText = '';

export const codePoints = text => [...text.normalize('NFC')].length;

/** Updates "N of M characters used" for the form holding this textarea. */
export function count(textarea) {
  const form = textarea.form;
  const used = form && form.querySelector('[data-hearth-used]');
  if (!used) return;
  const n = codePoints(textarea.value);
  used.textContent = String(n);
  const over = n > cfg.maxBody;
  used.parentElement.classList.toggle('hearth-over', over);
  if (over) textarea.setAttribute('aria-invalid', 'true'); else textarea.removeAttribute('aria-invalid');
}

/** Hides the name fields once the server knows who writes (anonymous identities too). */
export function applySession(scope = root) {
  const signed = Boolean(currentToken());
  for (const f of scope.querySelectorAll('form[data-hearth-composer] [data-hearth-name-field]')) f.hidden = signed;
}

export function bindComposer(rootEl, config) {
  root = rootEl;
  cfg = config;
  main = document.getElementById('hearth-composer') || root.querySelector('form[data-hearth-composer]');
  if (main) addArticleQuote(main);
  root.addEventListener('input', e => { if (e.target.matches('textarea')) count(e.target); });
  root.addEventListener('submit', e => {
    if (!e.target.matches('form[data-hearth-composer]')) return;
    e.preventDefault();
    post(e.target);
  });
  root.addEventListener('click', e => {
    const t = e.target.closest('button');
    if (!t || !root.contains(t)) return;
    if (t.matches('[data-hearth-preview]')) togglePreview(t.form, t);
    else if (t.matches('[data-hearth-reply]')) openReply(t.closest('li.hearth-item'), true);
    else if (t.matches('[data-hearth-cancel]')) closeReply(t.form);
    else if (t.matches('[data-hearth-quote]')) quoteComment(t.closest('article'));
  });
  // Remember a selection before a click on Quote could disturb it.
  root.addEventListener('pointerdown', e => {
    if (e.target.closest('[data-hearth-quote]')) pendingSelection = selectedIn(e.target.closest('article'));
  });
  root.addEventListener('keydown', e => {
    const form = e.target.closest && e.target.closest('form.hearth-reply-form');
    if (e.key === 'Escape' && form) { e.preventDefault(); closeReply(form); }
  });
  on('selection', d => {
    articleText = typeof d.text === 'string' ? d.text.trim() : '';
    const btn = main && main.querySelector('[data-hearth-quote-article]');
    if (btn) btn.hidden = !articleText;
  });
  for (const t of root.querySelectorAll('form[data-hearth-composer] textarea')) count(t);
}

function addArticleQuote(form) {
  const btn = document.createElement('button');
  btn.type = 'button';
  btn.hidden = true;
  btn.dataset.hearthQuoteArticle = '';
  btn.textContent = 'Quote the article';
  btn.addEventListener('click', () => { if (articleText) insertQuote(form, articleText); });
  (form.querySelector('.hearth-form-actions') || form).append(btn);
}

// ---- reply forms ----

/** The reply form under this comment, cloned from the template when none is open. */
function openReply(li, focus) {
  if (!li) return null;
  let form = li.querySelector(':scope > form.hearth-reply-form');
  const tpl = document.getElementById('hearth-reply-template');
  if (!form && tpl) {
    const frag = tpl.content.cloneNode(true);
    const suffix = `-reply-${li.dataset.commentId}-${++replySeq}`;
    for (const el of frag.querySelectorAll('[id]')) el.id += suffix;
    for (const el of frag.querySelectorAll('label[for]')) el.htmlFor += suffix;
    for (const attr of ['aria-describedby', 'aria-labelledby', 'aria-controls']) {
      for (const el of frag.querySelectorAll(`[${attr}]`)) {
        el.setAttribute(attr, el.getAttribute(attr).split(/\s+/).map(id => id + suffix).join(' '));
      }
    }
    form = frag.querySelector('form');
    form.classList.add('hearth-reply-form');
    form.dataset.replyTo = li.dataset.commentId;
    if (form.elements.parentId) form.elements.parentId.value = li.dataset.commentId;
    li.querySelector(':scope > article').after(frag);
    applySession(form);
    count(form.elements.body);
  }
  if (form && focus) form.elements.body.focus();
  return form;
}

function closeReply(form) {
  if (!form || !form.classList.contains('hearth-reply-form')) return;
  const li = form.closest('li.hearth-item');
  form.remove();
  const btn = li && li.querySelector(':scope > article [data-hearth-reply]');
  if (btn) btn.focus();
}

// ---- quoting ----

let pendingSelection = '';

function selectedIn(article) {
  const body = article && article.querySelector('.hearth-body');
  const sel = getSelection();
  if (!body || !sel || sel.isCollapsed || !sel.rangeCount) return '';
  return body.contains(sel.getRangeAt(0).commonAncestorContainer) ? sel.toString() : '';
}

function quoteComment(article) {
  const body = article && article.querySelector('.hearth-body');
  if (!body) return;
  const text = selectedIn(article) || pendingSelection || body.innerText;
  pendingSelection = '';
  const form = openReply(article.closest('li.hearth-item'), false) || main;
  if (form) insertQuote(form, text);
}

/** Appends "> " lines and a blank line, then puts the cursor after them. */
export function insertQuote(form, text) {
  const ta = form.elements.body;
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim().split('\n');
  const quoted = lines.map(l => (l.trim() ? `> ${l}` : '>')).join('\n') + '\n\n';
  const v = ta.value;
  const gap = !v || v.endsWith('\n\n') ? '' : v.endsWith('\n') ? '\n' : '\n\n';
  ta.value = v + gap + quoted;
  showEditor(form);
  count(ta);
  ta.focus();
  ta.setSelectionRange(ta.value.length, ta.value.length);
}

// ---- preview ----

function showEditor(form) {
  const out = form.querySelector('[data-hearth-preview-output]');
  if (!out || out.hidden) return;
  out.hidden = true;
  form.elements.body.closest('.hearth-field').hidden = false;
  const btn = form.querySelector('[data-hearth-preview]');
  if (btn) btn.textContent = 'Preview';
}

async function togglePreview(form, btn) {
  const out = form.querySelector('[data-hearth-preview-output]');
  const ta = form.elements.body;
  if (!out) return;
  if (!out.hidden) { showEditor(form); ta.focus(); return; }
  showError(form, '');
  if (!ta.value.trim()) { showError(form, 'Write something first.'); ta.focus(); return; }
  btn.disabled = true;
  try {
    const res = await api('POST', '/api/v1/preview', { site: cfg.site, body: ta.value });
    out.innerHTML = res.html; // sanitized by the server's one policy
    out.hidden = false;
    ta.closest('.hearth-field').hidden = true;
    btn.textContent = 'Edit text';
  } catch (err) {
    showError(form, errorText(err));
  } finally {
    btn.disabled = false;
  }
}

// ---- posting ----

const numeric = id => (/^\d+$/.test(id) ? Number(id) : id);

function check(form) {
  const ta = form.elements.body;
  const n = codePoints(ta.value);
  if (!ta.value.trim()) return ['Write something first.', ta];
  if (n > cfg.maxBody) return [`Your comment is ${n} characters long; the limit is ${cfg.maxBody}.`, ta];
  if (currentToken()) return null;
  if (!cfg.allowAnonymous) return ['Sign in to comment.', null];
  const name = form.elements.name;
  if (name && !name.value.trim()) return ['Please enter your name.', name];
  return null;
}

async function post(form) {
  if (form.dataset.busy) return;
  showError(form, '');
  const problem = check(form);
  if (problem) {
    showError(form, problem[0]);
    if (problem[1]) { showEditor(form); problem[1].focus(); }
    return;
  }
  const parentId = form.elements.parentId && form.elements.parentId.value ? form.elements.parentId.value : null;
  const payload = { site: cfg.site, page: cfg.pageRef, body: form.elements.body.value };
  if (parentId) payload.parentId = numeric(parentId);
  if (!currentToken() && form.elements.name) payload.author = { name: form.elements.name.value.trim() };
  // The same text again (a retry after a failure) reuses its key, so it is never posted twice.
  const sig = JSON.stringify(payload);
  if (!form.attempt || form.attempt.sig !== sig) form.attempt = { sig, key: newKey() };

  const submit = form.querySelector('button[type=submit]');
  form.dataset.busy = '1';
  if (submit) submit.disabled = true;
  let res;
  try {
    res = await api('POST', '/api/v1/comments', payload, { 'Idempotency-Key': form.attempt.key });
  } catch (err) {
    if (err.code === 'invalid_token' || err.code === 'wrong_site') forget();
    showError(form, errorText(err));
    return;
  } finally {
    delete form.dataset.busy;
    if (submit) submit.disabled = false;
  }
  form.attempt = null;
  const id = String(res.id);
  ownIds.add(id);
  if (res.ownerToken) await adopt(res.ownerToken);
  if (!document.getElementById(`comment-${id}`)) {
    try {
      insertComment(await html(`/embed/comments/${id}`), { parentId, own: true });
    } catch { /* shown on the next load */ }
  }
  const pending = res.status === 'pending' || res.heldForReview === true;
  const article = document.querySelector(`#comment-${id} > article`);
  if (form === main) {
    form.elements.body.value = '';
    showEditor(form);
    count(form.elements.body);
  } else {
    form.remove();
  }
  if (article) {
    article.tabIndex = -1;
    article.focus();
  } else if (form === main) {
    form.elements.body.focus();
  } else {
    const reply = document.querySelector(`#comment-${parentId} > article [data-hearth-reply]`);
    if (reply) reply.focus();
  }
  announce(pending ? 'Your comment is awaiting moderation' : 'Your comment was posted', article || main);
}

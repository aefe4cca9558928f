// What a reader does to one comment besides replying: vote, edit and delete their
// own, report others'. Results come back as the server's fragment for that comment.

import { api, html } from './api.js';
import { replaceComment, removeComment } from './tree.js';
import { adopt, currentToken, currentUser, forget, isAccount } from './session.js';
import { announce, errorText, showError } from './messages.js';
import { count } from './composer.js';
import { framed, post } from './frame.js';

let root;
let cfg;
let votes = {};
let ownTimer = 0;

const articleOf = id => document.querySelector(`#comment-${id} > article`);
const idOf = el => el.closest('li.hearth-item').dataset.commentId;

export function bindActions(rootEl, config) {
  root = rootEl;
  cfg = config;
  root.addEventListener('click', e => {
    const t = e.target.closest('button');
    if (!t || !root.contains(t) || t.closest('dialog')) return;
    if (t.matches('[data-hearth-vote]')) vote(t);
    else if (t.matches('[data-hearth-edit]')) startEdit(t.closest('article'));
    else if (t.matches('[data-hearth-edit-cancel]')) endEdit(t.form, true);
    else if (t.matches('[data-hearth-delete]')) openDialog('hearth-delete-dialog', t);
    else if (t.matches('[data-hearth-report]')) openReport(t);
  });
  root.addEventListener('submit', e => {
    if (e.target.matches('[data-hearth-edit-form]')) { e.preventDefault(); saveEdit(e.target); }
  });
  root.addEventListener('keydown', e => {
    const form = e.key === 'Escape' && e.target.closest && e.target.closest('[data-hearth-edit-form]');
    if (form) { e.preventDefault(); endEdit(form, true); }
  });
  bindDialogs();
}

// ---- own comments: Edit and Delete while the edit window is open ----

/** Shows Edit/Delete on the reader's comments still inside the edit window. */
export function refreshOwn() {
  clearTimeout(ownTimer);
  const me = currentUser();
  const now = Date.now();
  let next = Infinity;
  for (const article of root.querySelectorAll('article[data-author-id]')) {
    const until = Date.parse(article.dataset.createdAt) + cfg.editWindow * 1000;
    const mine = Boolean(me) && String(me.id) === article.dataset.authorId && !article.closest('[data-status=deleted]');
    const open = mine && until > now;
    for (const b of article.querySelectorAll('[data-hearth-edit], [data-hearth-delete]')) {
      const show = b.matches('[data-hearth-edit]') ? open : mine;
      if (b.hidden === show) b.hidden = !show;
    }
    if (open) next = Math.min(next, until);
  }
  if (next < Infinity) ownTimer = setTimeout(refreshOwn, Math.min(next - now + 100, 2 ** 31 - 1));
}

// ---- votes ----

export async function loadVotes() {
  votes = {};
  if (cfg.voting !== 'off' && isAccount()) {
    try {
      votes = (await api('GET', `/api/v1/votes?site=${encodeURIComponent(cfg.site)}&page=${encodeURIComponent(cfg.page)}`)).votes || {};
    } catch { /* highlighting only */ }
  }
  applyVotes();
}

/** Sets aria-pressed from the reader's votes (fragments from the server always say false). */
export function applyVotes(scope = root) {
  for (const b of scope.querySelectorAll('[data-hearth-vote]')) {
    const li = b.closest('li.hearth-item');
    const pressed = String(votes[li && li.dataset.commentId] || 0) === b.dataset.hearthVote;
    if (b.getAttribute('aria-pressed') !== String(pressed)) b.setAttribute('aria-pressed', String(pressed));
  }
}

async function vote(btn) {
  const article = btn.closest('article');
  if (!isAccount()) { announce('Sign in with an account to vote.', btn); return; }
  const id = idOf(btn);
  const value = btn.getAttribute('aria-pressed') === 'true' ? 0 : Number(btn.dataset.hearthVote);
  btn.disabled = true;
  try {
    const res = await api('PUT', `/api/v1/comments/${id}/vote`, { value });
    votes[id] = res.vote;
    const score = article.querySelector('[data-hearth-score]');
    if (score && res.score != null) score.textContent = String(res.score);
    applyVotes(article);
  } catch (err) {
    if (err.code === 'invalid_token') forget();
    announce(errorText(err, 'vote'), btn);
  } finally {
    btn.disabled = false;
  }
}

// ---- edit ----

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

async function startEdit(article) {
  const body = article.querySelector('.hearth-body');
  if (!body || article.querySelector('[data-hearth-edit-form]')) return;
  const id = idOf(article);
  const editBtn = article.querySelector('[data-hearth-edit]');
  let source;
  try {
    source = (await api('GET', `/api/v1/comments/${id}`)).body;
  } catch (err) {
    announce(errorText(err, 'edit'), editBtn);
    return;
  }
  const tid = `hearth-edit-${id}`;
  const ta = el('textarea', { id: tid, name: 'body', rows: '5' });
  ta.value = source;
  const form = el('form', { class: 'hearth-edit', 'data-hearth-edit-form': '', novalidate: '' },
    el('div', { class: 'hearth-field' }, el('label', { for: tid }, 'Edit your comment'), ta),
    el('p', { class: 'hearth-counter', 'data-hearth-counter': '' }, el('span', { 'data-hearth-used': '' }, '0'), ` of ${cfg.maxBody} characters used`),
    el('div', { class: 'hearth-form-actions' },
      el('button', { type: 'submit', class: 'hearth-primary' }, 'Save'),
      el('button', { type: 'button', 'data-hearth-edit-cancel': '' }, 'Cancel')),
    el('p', { class: 'hearth-form-error', 'data-hearth-error': '', role: 'alert' }));
  body.hidden = true;
  const actions = article.querySelector('.hearth-actions');
  if (actions) actions.hidden = true;
  body.after(form);
  count(ta);
  ta.focus();
}

function endEdit(form, focusEdit) {
  const article = form.closest('article');
  form.remove();
  article.querySelector('.hearth-body').hidden = false;
  const actions = article.querySelector('.hearth-actions');
  if (actions) actions.hidden = false;
  const btn = article.querySelector('[data-hearth-edit]');
  if (focusEdit && btn && !btn.hidden) btn.focus();
}

async function saveEdit(form) {
  const article = form.closest('article');
  const id = idOf(article);
  const text = form.elements.body.value;
  showError(form, '');
  if (!text.trim()) { showError(form, 'Write something first.'); return; }
  const save = form.querySelector('button[type=submit]');
  save.disabled = true;
  let res;
  try {
    res = await api('PATCH', `/api/v1/comments/${id}`, { body: text });
  } catch (err) {
    if (err.code === 'invalid_token') forget();
    showError(form, errorText(err, 'edit'));
    save.disabled = false;
    return;
  }
  try {
    replaceComment(id, await html(`/embed/comments/${id}`));
  } catch {
    if (res && res.html != null) article.querySelector('.hearth-body').innerHTML = res.html; // sanitized by the server
    endEdit(form, false);
  }
  const now = articleOf(id);
  if (now) { now.tabIndex = -1; now.focus(); }
  announce('Your comment was saved.', now);
}

// ---- dialogs: delete and report ----

let target = null; // {id, button}

function openDialog(dialogId, button) {
  const dialog = document.getElementById(dialogId);
  if (!dialog) return null;
  target = { id: idOf(button), button };
  showError(dialog, '');
  if (!dialog.open) dialog.showModal();
  // The iframe is as tall as the thread: put the dialog beside the comment, not mid-iframe,
  // but wholly inside the frame (which grows while the dialog is open if it must).
  if (framed()) {
    const height = dialog.offsetHeight + 16;
    document.body.style.minHeight = `${height}px`;
    const room = Math.max(document.documentElement.scrollHeight, height) - height;
    const top = Math.min(Math.max(8, Math.round(button.getBoundingClientRect().top - 120)), Math.max(8, room));
    dialog.style.marginTop = `${top}px`;
    post('scroll', { offset: Math.max(0, top - 24) });
  }
  return dialog;
}

function closeDialog(dialog, focusEl) {
  dialog.returnFocus = focusEl;
  dialog.close();
  document.body.style.minHeight = '';
}

function bindDialogs() {
  for (const id of ['hearth-delete-dialog', 'hearth-report-dialog']) {
    const dialog = document.getElementById(id);
    if (!dialog) continue;
    // Our own messages say what is missing, in the dialog's alert.
    for (const form of dialog.querySelectorAll('form')) form.noValidate = true;
    dialog.addEventListener('click', e => {
      if (e.target.closest('[data-hearth-close]')) closeDialog(dialog, target && target.button);
    });
    dialog.addEventListener('close', () => {
      const f = dialog.returnFocus || (target && target.button);
      dialog.returnFocus = null;
      if (f && f.isConnected) f.focus();
    });
    dialog.addEventListener('submit', e => {
      e.preventDefault();
      if (id === 'hearth-delete-dialog') remove(dialog); else report(dialog);
    });
  }
}

async function remove(dialog) {
  const { id, button } = target;
  const btn = dialog.querySelector('button[type=submit]');
  btn.disabled = true;
  try {
    await api('DELETE', `/api/v1/comments/${id}`);
  } catch (err) {
    btn.disabled = false;
    if (err.code === 'invalid_token') forget();
    closeDialog(dialog, button);
    announce(errorText(err, 'delete'), button);
    return;
  }
  btn.disabled = false;
  try {
    replaceComment(id, await html(`/embed/comments/${id}`));
  } catch (err) {
    if (err.status === 404) removeComment(id, 'deleted');
  }
  const article = articleOf(id);
  if (article) article.tabIndex = -1;
  const composer = document.querySelector('form[data-hearth-composer] textarea');
  closeDialog(dialog, article || composer || root.querySelector('.hearth-count'));
  announce('Your comment was deleted.', article);
}

function openReport(button) {
  const dialog = openDialog('hearth-report-dialog', button);
  if (!dialog) return;
  const form = dialog.querySelector('form');
  form.reset();
  showError(dialog, '');
  const signed = Boolean(currentToken());
  const nameField = dialog.querySelector('[data-hearth-name-field]');
  if (nameField) nameField.hidden = signed || !cfg.allowAnonymous;
  if (!signed && !cfg.allowAnonymous) showError(dialog, 'Sign in to report comments.');
}

async function report(dialog) {
  const form = dialog.querySelector('form');
  const { id, button } = target;
  const reason = form.elements.reason.value;
  const note = form.elements.note ? form.elements.note.value.trim() : '';
  const fail = (text, field) => { showError(dialog, text); if (field) field.focus(); };
  if (!reason) return fail('Choose what is wrong with the comment.', form.querySelector('input[name=reason]'));
  if ((reason === 'illegal' || reason === 'other') && !note) return fail('Add a note for the moderators.', form.elements.note);
  const send = form.querySelector('button[type=submit]');
  send.disabled = true;
  try {
    if (!currentToken()) {
      if (!cfg.allowAnonymous) return fail('Sign in to report comments.');
      const name = form.elements.name && form.elements.name.value.trim();
      if (!name) return fail('Please enter your name.', form.elements.name);
      const who = await api('POST', '/api/v1/auth/anonymous', { site: cfg.site, name });
      await adopt(who.token, who.user);
    }
    const answer = await api('POST', `/api/v1/comments/${id}/reports`, note ? { reason, note } : { reason });
    closeDialog(dialog, button);
    announce(answer && answer.alreadyReported ? 'You have already reported this comment.'
      : 'Thank you. The moderators will look at it.', button);
  } catch (err) {
    if (err.code === 'already_reported') {
      closeDialog(dialog, button);
      announce('You have already reported this comment.', button);
      return;
    }
    if (err.code === 'invalid_token') forget();
    fail(err.code === 'unauthorized' || err.code === 'invalid_token' ? 'Sign in to report comments.' : errorText(err, 'report'));
  } finally {
    send.disabled = false;
  }
}

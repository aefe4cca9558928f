// Hearth moderator workspace: keyboard shortcuts, actions without reloading, live notices.
// Every action is also a plain form, so the page works without this script.
(function () {
  'use strict';
  var body = document.body;
  var site = body.dataset.site;
  var queue = body.dataset.queue;
  var csrfMeta = document.querySelector('meta[name="hearth-csrf"]');
  var csrf = csrfMeta ? csrfMeta.content : '';
  var help = document.getElementById('help');
  var promptBox = document.getElementById('prompt');
  var live = document.getElementById('live');
  var current = -1;

  function items() { return Array.prototype.slice.call(document.querySelectorAll('#items .item')); }

  function focusAt(index) {
    var list = items();
    if (list.length === 0) { current = -1; return; }
    current = Math.max(0, Math.min(index, list.length - 1));
    list.forEach(function (item, i) {
      if (i === current) { item.setAttribute('aria-current', 'true'); } else { item.removeAttribute('aria-current'); }
    });
    list[current].focus({ preventScroll: true });
    list[current].scrollIntoView({ block: 'nearest' });
  }

  function focused() { var list = items(); return current >= 0 ? list[current] : null; }

  function bump(name, delta) {
    var count = document.querySelector('.count[data-queue="' + name + '"]');
    if (count) { count.textContent = String(Math.max(0, Number(count.textContent) + delta)); }
  }

  function say(text) { live.textContent = text; }

  // Posts an item's form with fetch; on success the item leaves the list and the counts follow.
  function act(item, action, fields) {
    var form = item.querySelector('form[data-action="' + action + '"]');
    if (!form) { return; }
    var data = new URLSearchParams(new FormData(form));
    Object.keys(fields || {}).forEach(function (key) { data.set(key, fields[key]); });
    fetch(form.action, {
      method: 'POST', credentials: 'same-origin', body: data,
      headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf }
    }).then(function (response) {
      return response.json().then(function (json) { return { ok: response.ok, json: json }; });
    }).then(function (answer) {
      if (!answer.ok) { say('Not done: ' + (answer.json.message || answer.json.error)); return; }
      var index = items().indexOf(item);
      item.remove();
      bump(queue, -1);
      if (action === 'approve') { bump('approved', 1); }
      if (action === 'reject') { bump('rejected', 1); }
      say(action === 'ban' ? 'Author banned.' : 'Comment ' + answer.json.status + '.');
      focusAt(index);
    }).catch(function () { say('Network error; nothing changed. Try again.'); });
  }

  // A small in-page prompt: an optional reason, and for a ban the "reject all" choice.
  function ask(title, withRejectAll, done) {
    document.getElementById('prompt-title').textContent = title;
    document.getElementById('prompt-reason').value = '';
    document.getElementById('prompt-reject-all').checked = false;
    document.getElementById('prompt-reject-all-row').hidden = !withRejectAll;
    promptBox.returnValue = '';
    promptBox.onclose = function () {
      promptBox.onclose = null;
      if (promptBox.returnValue !== 'ok') { return; }
      done(document.getElementById('prompt-reason').value, document.getElementById('prompt-reject-all').checked);
    };
    promptBox.showModal();
    document.getElementById('prompt-reason').focus();
  }

  function toggleHelp() {
    if (help.open) { help.close(); } else { help.showModal(); }
  }

  document.getElementById('help-button').addEventListener('click', toggleHelp);

  // Ctrl+Enter-free form submission keeps the OK button's value as the dialog's answer.
  document.getElementById('prompt-reason').addEventListener('keydown', function (event) {
    if (event.key === 'Enter') { event.preventDefault(); promptBox.close('ok'); }
  });

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    if (promptBox.open) { return; }
    var tag = event.target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') { return; }
    if (event.key === '?') { event.preventDefault(); toggleHelp(); return; }
    if (help.open) { return; }
    var item = focused();
    switch (event.key) {
      case 'j': focusAt(current + 1); break;
      case 'k': focusAt(current < 0 ? 0 : current - 1); break;
      case 'a': if (item) { act(item, 'approve'); } break;
      case 'r': if (item) { ask('Reject this comment', false, function (reason) { act(item, 'reject', { reason: reason }); }); } break;
      case 'b':
        if (item && item.querySelector('form[data-action="ban"]')) {
          ask('Ban this author?', true, function (reason, all) {
            act(item, 'ban', { reason: reason, rejectComments: all ? 'true' : '' });
          });
        }
        break;
      case 'x':
        if (item) { var box = item.querySelector('input[type="checkbox"][name="id"]'); box.checked = !box.checked; }
        break;
      default: return;
    }
    event.preventDefault();
  });

  function bindClicks() {
    items().forEach(function (item) {
      if (item.dataset.bound) { return; }
      item.dataset.bound = '1';
      item.addEventListener('click', function () { focusAt(items().indexOf(item)); });
    });
  }
  bindClicks();

  // Live: new held comments, reports and hidden comments appear in the list without a reload.
  // The queue is fetched again from the server (the same rendering, escaping and checks as a
  // reload) and its items and counts are swapped in; the focused item keeps its focus.
  var fresh = 0;
  var refreshing = null;
  function refreshList() {
    refreshing = null;
    fetch(location.pathname + location.search, { credentials: 'same-origin', headers: { Accept: 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, 'text/html');
        var next = page.getElementById('items');
        if (!next) { return; }
        var keep = focused() ? focused().getAttribute('data-id') : null;
        document.getElementById('items').replaceChildren.apply(document.getElementById('items'),
          Array.prototype.slice.call(next.childNodes).map(function (node) { return document.importNode(node, true); }));
        page.querySelectorAll('.count[data-queue]').forEach(function (count) {
          var here = document.querySelector('.count[data-queue="' + count.getAttribute('data-queue') + '"]');
          if (here) { here.textContent = count.textContent; }
        });
        var empty = document.querySelector('.empty');
        if (empty && items().length > 0) { empty.remove(); }
        bindClicks();
        var list = items();
        var index = keep ? list.findIndex(function (item) { return item.getAttribute('data-id') === keep; }) : -1;
        if (index >= 0) { current = index; focusAt(index); } else if (current >= list.length) { focusAt(list.length - 1); }
        say(fresh + (fresh === 1 ? ' new item' : ' new items') + ' since you opened this queue');
      })
      .catch(function () { say('New items arrived; reload the page to see them.'); });
  }

  function connect() {
    if (!site || !window.WebSocket) { return; }
    var socket = new WebSocket((location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/live');
    socket.onopen = function () { socket.send(JSON.stringify({ type: 'subscribe', site: site, queue: 'moderation' })); };
    socket.onmessage = function (message) {
      var frame;
      try { frame = JSON.parse(message.data); } catch (e) { return; }
      if (frame.type !== 'event') { return; }
      var held = frame.kind === 'comment.created' && frame.comment && frame.comment.status === 'pending';
      if (held || frame.kind === 'report.created' || frame.kind === 'comment.hidden') {
        fresh += 1;
        if (!refreshing) { refreshing = setTimeout(refreshList, 250); }
      }
    };
    socket.onclose = function () { setTimeout(connect, 5000); };
  }
  connect();
}());

/* Hearth loader, see docs/embedding.md. Adds no CSS to the host page. */
(() => {
  'use strict';
  const w = window, d = document, SELF = /\/embed\.js([?#]|$)/, THREADS = '#hearth-thread,[data-hearth-thread]';
  if (w.Hearth && w.Hearth.reload) return; // included twice: the first copy owns the page
  let me = d.currentScript;
  if (!me || !SELF.test(me.src)) me = [...d.querySelectorAll('script[src]')].filter(s => SELF.test(s.src)).pop();
  if (!me) return;
  const H = new URL(me.src, location.href).origin, enc = encodeURIComponent;
  const frames = [];
  let seq = 0, started = false, sso = null, pending = null, timer = 0, target = hashComment();
  const frameOf = test => frames.find(test);

  function hashComment() {
    const m = /^#comment-(\d+)$/.exec(location.hash);
    return m ? m[1] : '';
  }

  // Holds the iframe's token when its own storage is blocked.
  function storage(site, value) {
    const key = 'hearth.token.' + site;
    try {
      if (value === undefined) return localStorage.getItem(key);
      value ? localStorage.setItem(key, value) : localStorage.removeItem(key);
    } catch (e) { /* blocked here too */ }
    return null;
  }

  function query(a) {
    return [['site', a.site], ['page', a.page || location.pathname], ['url', a.url || location.href.split('#')[0]],
      ['title', a.title || d.title], ['origin', location.origin], ['theme', /^(light|dark)$/.test(a.theme) ? a.theme : 'auto'],
      ['accent', a.accent], ['font', a.font && a.font.replace(/["']/g, '')], ['radius', a.radius && parseInt(a.radius)]]
      .filter(p => p[1] || p[1] === 0).map(p => p[0] + '=' + enc(p[1])).join('&');
  }

  function load(f) {
    f.ready = false;
    f.key = query(f.a);
    f.comment = target;
    f.iframe.src = H + '/embed/thread?' + f.key + '&frame=' + f.id + (target ? '&comment=' + target : '');
  }

  function create(f, eager) {
    const i = f.iframe = d.createElement('iframe');
    i.title = 'Comments';
    i.loading = eager ? 'eager' : 'lazy';
    i.style.cssText = 'display:block;width:100%;min-height:200px;border:0';
    // comment=ID of another thread is an error page: then show the thread from its start.
    i.onload = () => setTimeout(() => { if (!f.ready && f.comment && f.iframe === i) { target = ''; load(f); } }, 2000);
    load(f);
    f.el.textContent = '';
    f.el.appendChild(i);
  }

  function post(f, type, data) {
    if (f.ready) f.iframe.contentWindow.postMessage(Object.assign({}, data, {hearth: 1, frame: f.id, type}), H);
  }

  function reveal(f, offset) {
    w.scrollTo(w.pageXOffset, f.iframe.getBoundingClientRect().top + w.pageYOffset + (+offset || 0));
  }

  // Scroll again while heights settle, for 3 s or until the reader scrolls.
  function settle() {
    if (pending && Date.now() - pending.t < 3000 && pending.f.iframe) reveal(pending.f, pending.offset);
  }
  ['wheel', 'touchstart', 'keydown'].forEach(t => w.addEventListener(t, () => { pending = null; }, {passive: true}));

  const io = w.IntersectionObserver && new IntersectionObserver(es => es.forEach(e => {
    const f = e.isIntersecting && frameOf(x => x.el === e.target);
    if (f && !f.iframe) { io.unobserve(f.el); create(f); }
  }), {rootMargin: '600px'});

  function scan() {
    started = true;
    for (let n = frames.length; n--;) {
      if (!frames[n].el.isConnected) io && io.unobserve(frames.splice(n, 1)[0].el);
    }
    d.querySelectorAll(THREADS).forEach(el => {
      let f = frameOf(x => x.el === el);
      if (!f) {
        if (!el.dataset.site) return console.warn('Hearth: no data-site on', el);
        frames.push(f = {el, a: el.dataset, id: 'hearth-' + ++seq});
        io && !target ? io.observe(el) : create(f, true);
      } else if (f.iframe && (f.key !== query(f.a) || !el.contains(f.iframe))) {
        f.iframe.remove();
        f.id = 'hearth-' + ++seq;
        create(f, true);
      }
    });
    counts();
  }

  // One request per site (and per 100 pages).
  function counts() {
    const bySite = new Map(), first = d.querySelector(THREADS), fallback = (first || me).dataset.site;
    d.querySelectorAll('[data-hearth-count]').forEach(el => {
      const site = el.dataset.site || fallback, key = el.dataset.hearthCount, pages = bySite.get(site) || new Map();
      if (site && key) bySite.set(site, pages.set(key, (pages.get(key) || []).concat(el)));
    });
    bySite.forEach((pages, site) => {
      const keys = [...pages.keys()];
      for (let i = 0; i < keys.length; i += 100) {
        fetch(H + '/api/v1/counts?site=' + enc(site) + keys.slice(i, i + 100).map(k => '&page=' + enc(k)).join(''),
          {credentials: 'omit'})
          .then(r => r.ok ? r.json() : Promise.reject(r.status))
          .then(body => pages.forEach((els, key) => {
            const n = (body.counts || {})[key];
            if (typeof n === 'number') els.forEach(el => { el.textContent = n + (n === 1 ? ' comment' : ' comments'); });
          }))
          .catch(e => console.warn('Hearth counts:', e));
      }
    });
  }

  w.addEventListener('message', e => {
    const m = e.data, f = e.origin === H && m && m.hearth === 1 && frameOf(x => x.iframe && x.iframe.contentWindow === e.source);
    if (!f || m.frame !== f.id) return;
    if (m.type === 'ready') {
      f.ready = true;
      post(f, 'init', {stored: storage(f.a.site), sso: sso !== null ? sso || null : f.a.ssoToken || null, theme: f.a.theme || 'auto'});
      if (f.sel) post(f, 'selection', {text: f.sel});
    } else if (m.type === 'height' && m.height >= 0) {
      f.iframe.style.height = Math.ceil(m.height) + 'px';
      f.iframe.style.minHeight = '0';
      settle();
    } else if (m.type === 'permalink' && /^\d+$/.test(m.id)) {
      pending = null;
      history.replaceState(history.state, '', '#comment-' + m.id);
      reveal(f, m.offset);
    } else if (m.type === 'store') {
      storage(f.a.site, typeof m.value === 'string' ? m.value : '');
    } else if (m.type === 'scroll') {
      pending = m.settle ? {f, offset: m.offset, t: Date.now()} : null;
      reveal(f, m.offset);
    }
  });

  w.addEventListener('hashchange', () => {
    if (!(target = hashComment())) return;
    frames.forEach(f => {
      if (!f.iframe) return io && io.unobserve(f.el), create(f, true);
      f.iframe.loading = 'eager';
      load(f);
    });
  });

  d.addEventListener('selectionchange', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const s = w.getSelection();
      frames.forEach(f => {
        let root = null, text = '';
        try { root = f.a.quoteFrom && d.querySelector(f.a.quoteFrom); } catch (e) { /* bad selector */ }
        if (!root) return;
        if (s && s.rangeCount && !s.isCollapsed && root.contains(s.getRangeAt(0).commonAncestorContainer)) {
          text = s.toString().trim().slice(0, 2000).replace(/[\ud800-\udbff]$/, '');
        }
        if (text !== (f.sel || '')) post(f, 'selection', {text: f.sel = text});
      });
    }, 250);
  });

  w.Hearth = {
    sso(token) {
      sso = token || '';
      if (token) frames.forEach(f => post(f, 'sso', {token}));
    },
    signOut() {
      sso = '';
      frames.forEach(f => { storage(f.a.site, ''); post(f, 'signout', {}); });
    },
    reload() {
      if (started) scan();
    },
  };

  d.readyState === 'loading' ? d.addEventListener('DOMContentLoaded', scan) : scan();
})();

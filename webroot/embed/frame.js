// The iframe's half of the host protocol (embed.js is the other half).
// We only ever post to the origin the server vouched for in data-origin, and only
// listen to our direct parent on that origin, for our own frame id.

let origin = '';
let frameId = '';
const handlers = {};

export const framed = () => Boolean(origin) && window.parent !== window;

/** Posts {hearth: 1, frame, type, ...data} to the host page, never with "*". */
export function post(type, data = {}) {
  if (!framed()) return;
  window.parent.postMessage({ ...data, hearth: 1, frame: frameId, type }, origin);
}

/** Registers what to do with a host message: init, sso, selection, signout. */
export function on(type, fn) { handlers[type] = fn; }

/** Asks the host to bring a point of this iframe (document coordinates) into view. */
// settle: the host keeps the point in view while the frame's height changes (a permalink on load).
export function reveal(el, settle = false) {
  const offset = Math.max(0, Math.round(el.getBoundingClientRect().top + window.scrollY - 16));
  if (framed()) post('scroll', { offset, settle });
  else el.scrollIntoView({ block: 'nearest' });
}

export function startFrame(root) {
  origin = root.dataset.origin || '';
  frameId = root.dataset.frame || '';
  window.addEventListener('message', event => {
    const data = event.data;
    if (!framed() || event.origin !== origin || event.source !== window.parent) return;
    if (!data || data.hearth !== 1 || String(data.frame ?? '') !== frameId) return;
    const fn = Object.hasOwn(handlers, data.type) ? handlers[data.type] : null;
    if (fn) fn(data);
  });
  if (!framed()) return;
  let last = 0;
  const measure = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) { last = height; post('height', { height }); }
  };
  new ResizeObserver(measure).observe(document.documentElement);
  post('ready');
  measure();
}

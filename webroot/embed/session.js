// Who is reading: the bearer token (iframe localStorage, else relayed to the host
// page with `store`), the user it belongs to, sign-in through the first-party popup,
// SSO exchange and sign-out. Other modules subscribe with onSession().

import { api, useToken } from './api.js';
import { post } from './frame.js';

let site = '';
let key = '';
let token = null;
let user = null;
const listeners = [];

export const currentToken = () => token;
export const currentUser = () => user;
/** Accounts may vote; anonymous identities may not. */
export const isAccount = () => Boolean(user && user.kind !== 'anonymous');
export function onSession(fn) { listeners.push(fn); }
const changed = () => listeners.forEach(fn => fn(user));

export function initSession(root) {
  site = root.dataset.site;
  key = `hearth.token.${site}`;
  useToken(currentToken);
  try { token = localStorage.getItem(key); } catch { token = null; }
}

function remember(value) {
  try {
    if (value) localStorage.setItem(key, value); else localStorage.removeItem(key);
    if (value) return;
  } catch { /* third-party storage blocked: the host keeps it */ }
  post('store', { value });
}

/** Adopts a token (and its user, when known) as the session. */
export async function adopt(newToken, newUser) {
  token = newToken;
  remember(newToken);
  user = newUser || null;
  if (!user) await refresh();
  else changed();
}

/** Asks the server who the token belongs to; an unusable token is forgotten. */
export async function refresh() {
  const asked = token;
  if (!asked) { user = null; changed(); return; }
  let who = null;
  try {
    who = (await api('GET', '/api/v1/auth/me')).user;
  } catch (err) {
    if (asked === token && err.status === 401) forget();
    if (err.status === 401) return;
  }
  if (asked !== token) return; // another sign-in won meanwhile
  user = who;
  changed();
}

/** Drops the session locally (the server already refused the token, or logout). */
export function forget() {
  token = null;
  user = null;
  remember(null);
  changed();
}

/** A token relayed back by the host (`init.stored`), used when we hold none. */
export function useStored(stored) {
  if (stored && !token) { token = stored; return true; }
  return false;
}

/** Exchanges the site's SSO JWT for a Hearth token; on failure keeps what we had. */
export async function exchangeSso(jwt) {
  try {
    const res = await api('POST', '/api/v1/auth/sso', { site, token: jwt });
    await adopt(res.token, res.user);
    return true;
  } catch {
    return false; // e.g. sso_token_replayed after a reload: the stored token still holds
  }
}

export async function signOut() {
  if (token) {
    try { await api('POST', '/api/v1/auth/logout'); } catch { /* revoked or offline: forget anyway */ }
  }
  forget();
}

/**
 * Opens the sign-in popup and resolves once it reports success. Only the popup we
 * opened, on our own origin, carrying the nonce we made, is believed.
 */
export function signIn() {
  const nonce = [...crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, '0')).join('');
  const url = `/embed/signin?site=${encodeURIComponent(site)}&nonce=${nonce}`;
  const left = Math.max(0, (screen.width - 420) / 2);
  const top = Math.max(0, (screen.height - 640) / 2);
  const popup = window.open(url, 'hearth-signin', `popup,width=420,height=640,left=${left},top=${top}`);
  if (!popup) return Promise.reject(new Error('popup_blocked'));
  return new Promise(resolve => {
    const receive = async event => {
      const d = event.data;
      if (event.origin !== location.origin || event.source !== popup) return;
      if (!d || d.hearth !== 1 || d.type !== 'signed-in' || d.nonce !== nonce || !d.token) return;
      window.removeEventListener('message', receive);
      await adopt(d.token, d.user);
      resolve(user);
    };
    window.addEventListener('message', receive);
  });
}

// Talks to Hearth's JSON API and fragment routes (same origin as this iframe).
// Every failure becomes an ApiError whose `code` is the server's stable code,
// or "network" when the server could not be reached.

export class ApiError extends Error {
  constructor(status, body = {}) {
    super(body.message || 'Something went wrong. Try again.');
    this.status = status;
    this.code = body.error || 'unknown';
    this.body = body;
  }
}

let currentToken = () => null;
/** The session module tells us where the bearer token lives. */
export function useToken(fn) { currentToken = fn; }

async function send(method, path, { json, headers = {}, accept = 'application/json' } = {}) {
  const h = { Accept: accept, ...headers };
  const token = currentToken();
  if (token) h.Authorization = `Bearer ${token}`;
  if (json !== undefined) h['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(path, { method, headers: h, body: json === undefined ? undefined : JSON.stringify(json), credentials: 'omit' });
  } catch {
    throw new ApiError(0, { error: 'network' });
  }
  if (res.ok) return res;
  let body = {};
  try { body = await res.json(); } catch { /* not JSON: keep the status */ }
  if (!body.error) body.error = res.status >= 500 ? 'server_error' : 'http_' + res.status;
  const retry = Number(res.headers.get('Retry-After'));
  if (body.retryAfter == null && retry) body.retryAfter = retry;
  throw new ApiError(res.status, body);
}

/** A JSON call; resolves to the parsed answer (null for 204). */
export async function api(method, path, json, headers) {
  const res = await send(method, path, { json, headers });
  return res.status === 204 ? null : res.json();
}

/** A server-rendered HTML fragment (a comment's <li>, a page of threads). */
export async function html(path) {
  const res = await send('GET', path, { accept: 'text/html' });
  return res.text();
}

/** Parses fetched HTML into a detached document, never running its scripts. */
export function parse(text) {
  return new DOMParser().parseFromString(text, 'text/html');
}

/** One idempotency key; randomUUID needs a secure context, so fall back to raw bytes. */
export function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map(b => b.toString(16).padStart(2, '0')).join('');
}

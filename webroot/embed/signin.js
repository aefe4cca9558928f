// The first-party sign-in popup: log in or sign up, then hand the token to the
// iframe that opened us (same origin, with its nonce) and close.

const main = document.querySelector('.hearth-signin-page');
const site = main ? main.dataset.site : '';
const nonce = main ? main.dataset.nonce : '';

function message(err, form) {
  const b = err.body || {};
  switch (b.error) {
    case 'network': return 'Could not reach the comments server. Check your connection and try again.';
    case 'invalid_credentials': return 'That username and password do not match.';
    case 'username_taken': return 'That username is taken. Choose another.';
    case 'rate_limited': {
      const wait = Math.max(1, Math.ceil(Number(b.retryAfter) || 60));
      const minutes = Math.ceil(wait / 60);
      return wait > 90 ? `Too many attempts. Try again in ${minutes} minutes.` : `Too many attempts. Try again in ${wait} seconds.`;
    }
    default: return b.message || (form.matches('[data-hearth-signup]') ? 'Could not create the account.' : 'Could not sign you in.');
  }
}

async function send(path, body) {
  let res;
  try {
    res = await fetch(path, {
      method: 'POST', credentials: 'omit',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw { body: { error: 'network' } };
  }
  const data = await res.json().catch(() => ({}));
  if (!res.ok) throw { body: data };
  return data;
}

function missing(form, names) {
  for (const name of names) {
    const input = form.elements[name];
    if (!input.value.trim()) {
      const label = form.querySelector(`label[for="${input.id}"]`);
      return [input, `Enter your ${(label ? label.textContent : name).toLowerCase()}.`];
    }
  }
  return null;
}

async function submit(form, path, names) {
  const alert = form.querySelector('[data-hearth-error]');
  alert.textContent = '';
  const gap = missing(form, names);
  if (gap) { alert.textContent = gap[1]; gap[0].focus(); return; }
  const body = { site };
  for (const name of names) body[name] = name === 'password' ? form.elements[name].value : form.elements[name].value.trim();
  const button = form.querySelector('button[type=submit]');
  button.disabled = true;
  try {
    const { token, user } = await send(path, body);
    if (!window.opener) {
      alert.textContent = 'You are signed in. Close this window and go back to the comments.';
      return;
    }
    window.opener.postMessage({ hearth: 1, type: 'signed-in', nonce, token, user }, location.origin);
    window.close();
  } catch (err) {
    alert.textContent = message(err, form);
    const field = err.body && err.body.field && form.elements[err.body.field];
    (field || form.elements[names[0]]).focus();
  } finally {
    button.disabled = false;
  }
}

document.querySelector('[data-hearth-login]')?.addEventListener('submit', e => {
  e.preventDefault();
  submit(e.target, '/api/v1/auth/login', ['username', 'password']);
});
document.querySelector('[data-hearth-signup]')?.addEventListener('submit', e => {
  e.preventDefault();
  submit(e.target, '/api/v1/auth/signup', ['username', 'email', 'password']);
});

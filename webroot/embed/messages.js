// Human sentences for the API's stable error codes, and the page's one polite
// announcer, which also shows its sentence as a small note beside the thing it is about.

const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What to tell the reader about a failed call; `action` words the sign-in hints. */
export function errorText(err, action = 'comment') {
  const b = err.body || {};
  switch (err.code) {
    case 'network':
      return 'Could not reach the comments server. Check your connection and try again.';
    case 'rate_limited': {
      const wait = Math.max(1, Math.ceil(Number(b.retryAfter) || 10));
      return `You're posting quickly. Try again in ${plural(wait, 'second')}.`;
    }
    case 'page_closed': return 'Comments are closed.';
    case 'duplicate_comment': return 'You already posted this comment.';
    case 'invalid_token':
    case 'wrong_site':
      return `Your sign-in has expired. Sign in again to ${action}.`;
    case 'account_required': return 'Sign in with an account to vote.';
    case 'unauthorized':
    case 'anonymous_not_allowed':
      return `Sign in to ${action}.`;
    case 'already_reported': return 'You have already reported this comment.';
    case 'own_comment':
      return action === 'vote' ? 'You cannot vote on your own comment.' : 'You cannot report your own comment.';
    case 'edit_window_closed': return 'The time for editing this comment is over.';
    case 'body_empty': return 'Write something first.';
    case 'database_unavailable':
    case 'server_error':
      return 'The comments server had a problem. Try again in a moment.';
    case 'missing_field':
      if (/name/.test(b.field || '')) return 'Please enter your name.';
      return b.message || err.message;
    default:
      // body_too_long, banned, suspended and the rest: the server words them best.
      return b.message || err.message;
  }
}

let announcer = null;
let root = null;
let clearTimer = 0;
export function setAnnouncer(el, rootEl) { announcer = el; root = rootEl; }

/**
 * Speaks politely (cleared first, so the same sentence twice is heard twice). With
 * `near`, the sentence also shows just below that element: in a tall iframe a
 * sighted reader would not otherwise see it.
 */
export function announce(text, near) {
  if (!announcer) return;
  announcer.textContent = '';
  announcer.style.top = near
    ? `${Math.round(near.getBoundingClientRect().bottom - root.getBoundingClientRect().top + 4)}px` : '';
  clearTimeout(clearTimer);
  setTimeout(() => {
    announcer.textContent = text;
    clearTimer = setTimeout(() => { if (announcer.textContent === text) announcer.textContent = ''; }, 8000);
  }, 50);
}

/** Shows (or clears) a form's alert. */
export function showError(form, text) {
  const box = form.querySelector('[data-hearth-error]');
  if (box) box.textContent = text || '';
}

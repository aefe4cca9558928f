// The mixed load and what it was told: every acknowledged comment, its last acknowledged text,
// its moderation status and every acknowledged vote, so the end can check nothing went missing.
import { randomUUID, createHmac, randomBytes } from 'node:crypto';

const REASONS = ['spam', 'abusive', 'offensive', 'off_topic'];
const pick = (items) => items[Math.floor(Math.random() * items.length)];

export class Load {
  constructor({ http, site, adminToken, pages, pageSize, writers, voters, counts }) {
    Object.assign(this, { http, site, adminToken, pageSize });
    this.record = (kind, response) => counts().record(kind, response);
    this.nextPage = 0;
    this.active = [];
    this.retiredPages = new Set();
    this.perPage = new Map(); // page -> comments posted there
    for (let i = 0; i < pages; i++) this.addPage();
    this.writers = Array.from({ length: writers }, (_, i) => ({ name: `Writer ${i}`, token: null, busy: false, reports: 0 }));
    this.voterCount = voters;
    this.voters = [];
    this.comments = new Map(); // id -> {page, writer, stable, body, status, busy, votes: Map}
    this.stable = []; // ids open to replies, edits and votes
    this.moderatable = []; // ids open to reports and decisions
    this.retries = { sent: 0, sameId: 0, otherId: 0, failed: 0 };
    this.sso = randomBytes(32).toString('base64url');
  }

  addPage() {
    const key = `p${this.nextPage++}`;
    this.active.push(key);
    this.perPage.set(key, 0);
  }

  /** Retires a full page: reads and subscribers move on, so no page grows without end. */
  retireIfFull(page) {
    if (this.perPage.get(page) >= this.pageSize && this.active.includes(page)) {
      this.active = this.active.filter((p) => p !== page);
      this.retiredPages.add(page);
      this.addPage();
    }
  }

  /** The site (flood limits off, reports never auto-hide, a week's edit window) and the voters' accounts. */
  async setup(origin) {
    const settings = { commentIntervalSeconds: 0, duplicateWindowSeconds: 0, newAccountDailyLimit: 100000,
      editWindowSeconds: 604800, reportHideThreshold: 1000, maxLinks: 10, ssoSecret: this.sso };
    const created = await this.http.request('POST', '/api/v1/sites', { token: this.adminToken,
      json: { id: this.site, name: 'Soak', origins: [origin], settings } });
    if (created.status !== 201) throw new Error(`creating site ${this.site}: ${created.status} ${created.body}`);
    for (let i = 0; i < this.voterCount; i++) {
      const signIn = await this.http.request('POST', '/api/v1/auth/sso', { json: { site: this.site, token: this.jwt(i) } });
      if (signIn.status !== 200) throw new Error(`SSO sign-in of voter ${i}: ${signIn.status} ${signIn.body}`);
      this.voters.push({ token: signIn.json.token, busy: false });
    }
  }

  jwt(i) {
    const now = Math.floor(Date.now() / 1000);
    const part = (v) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ aud: this.site, sub: `voter-${i}`,
      name: `Voter ${i}`, iat: now, exp: now + 600 })}`;
    return `${unsigned}.${createHmac('sha256', this.sso).update(unsigned).digest('base64url')}`;
  }

  async read() {
    if (Math.random() < 0.15 && this.stable.length) {
      const id = pick(this.stable);
      this.record('read', await this.http.request('GET', `/api/v1/comments/${id}`));
      return;
    }
    const sort = pick(['oldest', 'newest', 'top']);
    const response = await this.http.request('GET', `/api/v1/threads?site=${this.site}&page=${pick(this.active)}&sort=${sort}`);
    // A page nobody has written on yet is a 404 by contract, not an error of the server.
    this.record('read', response.status === 404 && response.json?.error === 'page_not_found'
      ? { ...response, status: 200 } : response);
  }

  /** One new comment, with an Idempotency-Key; a tenth are sent twice on purpose, failures up to 3 times. */
  async post() {
    const writer = pick(this.writers.filter((w) => !w.busy));
    if (!writer) return;
    writer.busy = true;
    const page = pick(this.active);
    const parents = this.stable.filter((id) => this.comments.get(id).page === page);
    const parentId = parents.length && Math.random() < 0.35 ? pick(parents) : undefined;
    const body = `Soak comment ${randomUUID()} on ${page}, *said* once.`;
    const json = { site: this.site, page: { key: page, title: `Soak page ${page}` }, body,
      ...(parentId ? { parentId } : {}), ...(writer.token ? {} : { author: { name: writer.name } }) };
    const key = randomUUID();
    // A retry must be the same request: the writer's first post has no token yet, so neither has its retry.
    const token = writer.token;
    let response;
    for (let attempt = 0; attempt < 3; attempt++) {
      response = await this.http.request('POST', '/api/v1/comments', { json, token,
        headers: { 'Idempotency-Key': key } });
      this.record('write', response);
      if (response.status === 201 || (typeof response.status === 'number' && response.status < 500)) break;
    }
    if (response.status === 201) {
      const id = response.json.id;
      if (response.json.ownerToken) writer.token = response.json.ownerToken;
      // Auto-moderation may hold a comment (e.g. from a writer whose recent comments were mostly
      // rejected): it is then pending, readable by its author, and only moderation moves it on.
      const status = response.json.status;
      const stable = status === 'visible' && Math.random() < 0.8;
      this.comments.set(id, { page, writer, stable, body, status, busy: false, votes: new Map() });
      (stable ? this.stable : this.moderatable).push(id);
      this.perPage.set(page, this.perPage.get(page) + 1);
      this.retireIfFull(page);
      if (Math.random() < 0.1) {
        this.retries.sent++;
        const again = await this.http.request('POST', '/api/v1/comments', { json, token,
          headers: { 'Idempotency-Key': key } });
        this.record('write', again);
        if (again.status !== 201) this.retries.failed++;
        else if (again.json.id === id) this.retries.sameId++;
        else this.retries.otherId++;
      }
    }
    writer.busy = false;
  }

  async edit() {
    const id = this.idle(this.stable);
    if (!id) return;
    const comment = this.comments.get(id);
    comment.busy = true;
    const body = `Soak comment edited ${randomUUID()}.`;
    const response = await this.http.request('PATCH', `/api/v1/comments/${id}`, { json: { body }, token: comment.writer.token });
    this.record('write', response);
    if (response.status === 200) comment.body = body;
    comment.busy = false;
  }

  async vote() {
    const voter = pick(this.voters.filter((v) => !v.busy));
    const id = this.stable.length ? pick(this.stable) : null;
    if (!voter || !id) return;
    voter.busy = true;
    const value = pick([1, 1, -1, 0]);
    const response = await this.http.request('PUT', `/api/v1/comments/${id}/vote`, { json: { value }, token: voter.token });
    this.record('write', response);
    if (response.status === 200) this.comments.get(id).votes.set(voter, value);
    voter.busy = false;
  }

  async report() {
    const id = this.idle(this.moderatable, (c) => c.status === 'visible');
    const comment = id && this.comments.get(id);
    const reporter = comment && pick(this.writers.filter((w) => w.token && w !== comment.writer && w.reports < 25));
    if (!reporter) return;
    comment.busy = true;
    reporter.reports++;
    const response = await this.http.request('POST', `/api/v1/comments/${id}/reports`,
      { json: { reason: pick(REASONS) }, token: reporter.token });
    this.record('write', response);
    comment.busy = false;
  }

  /** Half the time from the reported queue, as a moderator works; else any comment open to decisions. */
  async moderate() {
    let id = null;
    if (Math.random() < 0.5) {
      const queue = await this.http.request('GET', `/api/v1/moderation/queue?site=${this.site}&queue=reported&limit=20`,
        { token: this.adminToken });
      this.record('read', queue);
      const ids = (queue.json?.items ?? []).map((item) => item.comment.id).filter((i) => this.comments.get(i)?.busy === false);
      id = ids.length ? pick(ids) : null;
    }
    id ??= this.idle(this.moderatable);
    if (!id) return;
    const comment = this.comments.get(id);
    comment.busy = true;
    const decision = comment.status === 'rejected' || Math.random() < 0.5 ? 'approve' : 'reject';
    const response = await this.http.request('POST', `/api/v1/moderation/comments/${id}/${decision}`,
      { json: { reason: 'soak' }, token: this.adminToken });
    this.record('write', response);
    if (response.status === 200) comment.status = decision === 'approve' ? 'visible' : 'rejected';
    comment.busy = false;
  }

  idle(ids, also = () => true) {
    for (let tries = 0; tries < 20 && ids.length; tries++) {
      const id = pick(ids);
      const c = this.comments.get(id);
      if (!c.busy && also(c)) return id;
    }
    return null;
  }
}

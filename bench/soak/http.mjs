// A small keep-alive HTTP client for the soak: every call resolves (never throws) with
// {status, body, json, ms}; status is a number, or 'timeout' / 'neterr' when no answer came.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export class Http {
  constructor(base, { maxSockets = 48, timeoutMs = 30_000 } = {}) {
    this.url = new URL(base);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
    this.timeoutMs = timeoutMs;
  }

  request(method, path, { json, token, headers = {} } = {}) {
    const started = performance.now();
    const body = json === undefined ? null : Buffer.from(JSON.stringify(json));
    const head = { Accept: 'application/json', ...headers };
    if (body) {
      head['Content-Type'] = 'application/json';
      head['Content-Length'] = body.length;
    }
    if (token) head.Authorization = `Bearer ${token}`;
    return new Promise((resolve) => {
      let settled = false;
      const done = (status, text) => {
        if (settled) return;
        settled = true;
        let parsed;
        if (text && text.startsWith('{')) {
          try { parsed = JSON.parse(text); } catch { parsed = undefined; }
        }
        const ended = performance.now();
        resolve({ status, body: text ?? '', json: parsed, ms: ended - started, started, ended });
      };
      const req = http.request({
        host: this.url.hostname, port: this.url.port || 80, method, path, headers: head, agent: this.agent,
      }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => done(res.statusCode, Buffer.concat(chunks).toString('utf8')));
        res.on('error', () => done('neterr'));
      });
      req.setTimeout(this.timeoutMs, () => { req.destroy(); done('timeout'); });
      req.on('error', () => done('neterr'));
      if (body) req.write(body);
      req.end();
    });
  }

  close() {
    this.agent.destroy();
  }
}

/** The value of one sample in Prometheus text, summed over every series of that name matching `labels`. */
export function promValue(text, name, labels = {}) {
  let sum = 0;
  let found = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== ' ' && rest[0] !== '{') continue;
    if (!Object.entries(labels).every(([k, v]) => rest.includes(`${k}="${v}"`))) continue;
    const value = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) {
      sum += value;
      found = true;
    }
  }
  return found ? sum : null;
}

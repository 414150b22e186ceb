/**
 * Random and malformed API requests from a small seeded generator (fast-check is not installed):
 * the same seed gives the same requests, so a failure can be replayed with FAULTS_SEED.
 */

/** mulberry32: a tiny, good-enough PRNG returning numbers in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FuzzRequest {
  method: string;
  path: string;
  /** Which signed-in user sends it; undefined for anonymous. */
  as: string | undefined;
  headers: Record<string, string>;
  /** Sent as is (may be malformed JSON or not JSON at all). */
  body: string | undefined;
  /** Send a wrong CSRF token instead of the session's. */
  wrongCsrf: boolean;
}

export interface FuzzContext {
  /** Path templates and methods from /api/openapi.json, e.g. ['POST', '/api/cases/{id}/actions/{action}']. */
  routes: Array<[string, string]>;
  /** Ids of real cases, so some requests reach the workflow's own validators. */
  caseIds: string[];
  logins: string[];
}

const NASTY = [
  '', ' ', '..', '../..', '%00', '%zz', '%', '\u0000', 'null', 'undefined', 'NaN', '-1', '0', '1e309', '0x10', '9'.repeat(40),
  '__proto__', 'constructor', 'prototype', "' OR 1=1 --", '"; drop table cases; --', '<script>alert(1)</script>', '日本語', '🙂',
  'a'.repeat(5000), 'verifikasi', 'keputusan', 'initiator', 'sekda', 'admin', 'persetujuan-umum', '2026-02-30', '2026-12-31T00:00:00Z',
];
const KEYS = [
  'stepId', 'comment', 'data', 'to', 'from', 'until', 'title', 'login', 'password', 'definition', 'changeNote', 'name', 'nip',
  'unitId', 'positionId', 'key', 'version', 'steps', 'status', '__proto__', 'constructor', 'actor', 'roles',
];
const ACTIONS = ['approve', 'reject', 'return', 'delegate', 'reassign', 'comment', 'withdraw', 'resubmit', 'extend-wait', 'end-wait'];
const QUERY_KEYS = ['limit', 'cursor', 'scope', 'status', 'process', 'search', 'unitId', 'vacant', 'version'];
const EXTRA_METHODS = ['PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

export function fuzzRequests(seed: number, count: number, context: FuzzContext): FuzzRequest[] {
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const chance = (p: number) => random() < p;

  const text = (): string => (chance(0.6) ? pick(NASTY) : Array.from({ length: int(30) }, () => String.fromCharCode(32 + int(95))).join(''));
  const value = (depth: number): unknown => {
    const kind = int(depth > 3 ? 5 : 8);
    switch (kind) {
      case 0: return text();
      case 1: return pick([0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 42]);
      case 2: return chance(0.5);
      case 3: return null;
      case 4: return pick(NASTY);
      case 5: return Array.from({ length: int(4) }, () => value(depth + 1));
      default: return object(depth + 1);
    }
  };
  const object = (depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < int(5); i++) out[pick(KEYS)] = value(depth);
    return out;
  };
  const segment = (param: string): string => {
    if (param === 'action') return chance(0.8) ? pick(ACTIONS) : encodeURIComponent(text());
    if (param === 'id' && context.caseIds.length > 0 && chance(0.6)) return pick(context.caseIds);
    if (param === 'key' && chance(0.5)) return 'persetujuan-umum';
    if (chance(0.3)) return String(int(2000));
    // Sometimes raw (possibly malformed percent-encoding), mostly encoded.
    return chance(0.2) ? pick(['%zz', '%', '..', '%E0%A4%A', 'a%00b']) : encodeURIComponent(text());
  };
  const body = (template: string): string | undefined => {
    // Near-valid case starts: odd titles and form data travel into the workflow and its projection.
    if (template.endsWith('/cases') && chance(0.5)) return JSON.stringify({ title: text(), data: object(1) });
    switch (int(10)) {
      case 0: return undefined;
      case 1: return pick(['{', '{"stepId":}', '[1,2', 'nul', '"unterminated', '{"a":1}{"b":2}', '\u0000', '']);
      case 2: return JSON.stringify('x'.repeat(1_100_000));
      case 3: return `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
      case 4: return JSON.stringify(value(0));
      // Near-valid decisions, so the workflow's validators see odd data too.
      case 5:
      case 6: return JSON.stringify({ stepId: pick(['verifikasi', 'keputusan', text()]), ...(chance(0.5) ? { comment: text() } : {}), ...(chance(0.5) ? { data: value(1) } : {}), ...(chance(0.3) ? { to: pick(['initiator', 'verifikasi', 'sekda', text()]) } : {}) });
      default: return JSON.stringify(object(0));
    }
  };

  const requests: FuzzRequest[] = [];
  for (let i = 0; i < count; i++) {
    const [documented, template] = chance(0.05) ? ['GET', `/api/${encodeURIComponent(text())}`] : pick(context.routes);
    const method = chance(0.1) ? pick(EXTRA_METHODS) : documented;
    let path = template.replace(/\{(\w+)\}/g, (_m, param: string) => segment(param));
    if (chance(0.4)) {
      const query = Array.from({ length: 1 + int(3) }, () => `${pick(QUERY_KEYS)}=${chance(0.2) ? pick(['%zz', '']) : encodeURIComponent(text())}`);
      path += `?${query.join('&')}`;
    }
    const headers: Record<string, string> = {};
    if (chance(0.8)) headers['Content-Type'] = chance(0.85) ? 'application/json' : pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'application/json; charset=latin1']);
    if (chance(0.3)) headers['Idempotency-Key'] = chance(0.7) ? `fuzz-${int(50)}` : pick(['', ' ', 'a b', 'x'.repeat(300), '🙂']).replace(/[^\x20-\x7e]/g, '?');
    if (chance(0.3)) headers['Accept-Language'] = pick(['en', 'id', 'fr', '*', 'en-US,en;q=0.5', 'x'.repeat(100)]);
    requests.push({
      method,
      path,
      as: chance(0.15) ? undefined : pick(context.logins),
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : body(template),
      wrongCsrf: chance(0.05),
    });
  }
  return requests;
}

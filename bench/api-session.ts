import http from 'node:http';
import { performance } from 'node:perf_hooks';

/** A signed-in API user: the session cookie and the CSRF token every write must echo. */
export interface ApiSession {
  login: string;
  cookie: string;
  csrf: string;
}

export interface ApiAnswer<T> {
  status: number;
  body: T;
  /** Wall time of the request, from sending to the parsed body. */
  ms: number;
  /** The server's own account of its phases (the Server-Timing header), in ms by phase. */
  phases: Record<string, number>;
  /** The first Set-Cookie header, if any. */
  setCookie?: string;
}

/** `a;dur=1.5, b;dur=2` → { a: 1.5, b: 2 }. */
export function parseServerTiming(header: string | null): Record<string, number> {
  const phases: Record<string, number> = {};
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().split(';');
    const dur = params.map((p) => p.trim()).find((p) => p.startsWith('dur='));
    if (name && dur) phases[name] = Number(dur.slice(4));
  }
  return phases;
}

export const DEMO_PASSWORD = 'alur-demo';

/** Signs a demo user in over HTTP, as the web UI does. */
export async function signIn(baseUrl: string, login: string): Promise<ApiSession> {
  const res = await apiCall<{ csrfToken?: string }>(baseUrl, undefined, 'POST', '/api/auth/login', { login, password: DEMO_PASSWORD });
  const cookie = res.setCookie?.split(';')[0];
  if (res.status !== 200 || !cookie || !res.body.csrfToken) throw new Error(`sign-in as ${login} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { login, cookie, csrf: res.body.csrfToken };
}

/**
 * Connections kept open between requests, as a browser keeps them. node:http rather than fetch:
 * fetch (undici's WHATWG streams) cost this process 2-3 times the CPU per request, and on a 2-core
 * machine the load generator's CPU is taken from the server it measures.
 */
const agent = new http.Agent({ keepAlive: true });

/** One request over the kept-alive connections: status, headers and the body as text. */
function send(url: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method, agent, headers: body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** One JSON request with the session's cookie and CSRF header. */
export async function apiCall<T>(
  baseUrl: string, session: ApiSession | undefined, method: string, path: string,
  body?: unknown, headers: Record<string, string> = {},
): Promise<ApiAnswer<T>> {
  const start = performance.now();
  const attempt = () => send(`${baseUrl}${path}`, method, {
    ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    ...(session ? { Cookie: session.cookie, 'X-CSRF-Token': session.csrf } : {}),
    ...headers,
  }, body === undefined ? undefined : JSON.stringify(body));
  let res: Awaited<ReturnType<typeof send>>;
  try {
    res = await attempt();
  } catch (err) {
    // A kept-alive connection the server closed while this process was busy: a GET may go again.
    if (method !== 'GET') throw err;
    res = await attempt();
  }
  const ms = performance.now() - start;
  const timing = res.headers['server-timing'];
  return {
    status: res.status,
    body: (res.text ? JSON.parse(res.text) : undefined) as T,
    ms,
    phases: parseServerTiming(Array.isArray(timing) ? timing.join(', ') : timing ?? null),
    ...(res.headers['set-cookie']?.[0] ? { setCookie: res.headers['set-cookie'][0] } : {}),
  };
}

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
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { csrfToken?: string };
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 200 || !cookie || !body.csrfToken) throw new Error(`sign-in as ${login} failed: ${res.status} ${JSON.stringify(body)}`);
  return { login, cookie, csrf: body.csrfToken };
}

/** One JSON request with the session's cookie and CSRF header. */
export async function apiCall<T>(
  baseUrl: string, session: ApiSession | undefined, method: string, path: string,
  body?: unknown, headers: Record<string, string> = {},
): Promise<ApiAnswer<T>> {
  const start = performance.now();
  const send = () => fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...(session ? { Cookie: session.cookie, 'X-CSRF-Token': session.csrf } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let res: Response;
  try {
    res = await send();
  } catch (err) {
    // A kept-alive connection the server closed while this process was busy: a GET may go again.
    if (method !== 'GET') throw err;
    res = await send();
  }
  const text = await res.text();
  const ms = performance.now() - start;
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, ms, phases: parseServerTiming(res.headers.get('server-timing')) };
}

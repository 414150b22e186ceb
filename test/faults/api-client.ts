import type { Server } from 'node:http';
import path from 'node:path';
import type { Express } from 'express';
import { createLogger } from '../../config';
import { DEMO_PASSWORD } from '../../db';
import { createApp } from '../../server/app';
import type { Harness } from '../integration/harness';
import { requireEnv } from '../integration/test-env';

/**
 * The harness's API again, but logging its errors where the test can show them: a 500 should
 * come with its cause in the failure message.
 */
export function appWithErrorLog(h: Harness): { app: Express; errors: string[] } {
  const errors: string[] = [];
  const destination = {
    write: (line: string) => {
      const entry = JSON.parse(line) as { method?: string; url?: string; err?: { type?: string; message?: string } };
      errors.push(`${entry.method ?? ''} ${entry.url?.slice(0, 120) ?? ''}: ${entry.err?.type ?? ''} ${entry.err?.message?.slice(0, 200) ?? ''}`);
    },
  };
  const app = createApp({
    client: h.client, connection: h.connection, taskQueue: h.taskQueue, db: h.db,
    webDir: path.join(requireEnv('ALUR_TEST_TMP'), 'no-web'), logger: createLogger('faults', 'error', destination),
  });
  return { app, errors };
}

/** The app listening on a free port, so many clients can use real connections at once. */
export interface Listening {
  baseUrl: string;
  close(): Promise<void>;
}

export async function listen(app: Express): Promise<Listening> {
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

export interface Session {
  login: string;
  cookie: string;
  csrf: string;
}

export interface Answer {
  status: number;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  body: unknown;
  text: string;
}

export interface ErrorBody {
  error?: { code?: string };
  case?: { status?: string; current?: { stepId?: string } | null };
  id?: string;
  items?: Array<Record<string, unknown>>;
}

/** Signs a demo user in over HTTP, as the web UI does. */
export async function signIn(baseUrl: string, login: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { csrfToken?: string };
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (res.status !== 200 || !cookie || !body.csrfToken) throw new Error(`sign-in as ${login} failed: ${res.status}`);
  return { login, cookie, csrf: body.csrfToken };
}

/** A request as a signed-in user (cookie and CSRF header) or anonymously; `rawBody` is sent as is. */
export async function call(
  baseUrl: string, session: Session | undefined, method: string, path: string,
  options: { json?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {
    ...(options.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...(session ? { Cookie: session.cookie, 'X-CSRF-Token': session.csrf } : {}),
    ...options.headers,
  };
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    body: options.rawBody ?? (options.json !== undefined ? JSON.stringify(options.json) : undefined),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON (e.g. a static file); keep the text.
  }
  return { status: res.status, body, text };
}

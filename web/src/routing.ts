import { useEffect, useSyncExternalStore } from 'react';

export type Route =
  | { name: 'inbox' }
  | { name: 'requests' }
  | { name: 'start' }
  | { name: 'start-form'; processKey: string }
  | { name: 'case'; id: string }
  | { name: 'forms' }
  | { name: 'form-editor'; key: string; version: number }
  | { name: 'processes' }
  | { name: 'process'; key: string }
  | { name: 'admin-users' }
  | { name: 'admin-calendar' }
  | { name: 'admin-election-freeze' }
  | { name: 'absence' }
  | { name: 'dashboard' }
  | { name: 'jp-report' }
  | { name: 'not-found' };

const PATTERNS: Array<[RegExp, (param: string) => Route]> = [
  [/^\/start\/([^/]+)\/?$/, (processKey) => ({ name: 'start-form', processKey })],
  [/^\/cases\/([^/]+)\/?$/, (id) => ({ name: 'case', id })],
  [/^\/processes\/([^/]+)\/?$/, (key) => ({ name: 'process', key })],
];

const FORM_EDITOR = /^\/forms\/([^/]+)\/(\d+)\/?$/;

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  if (path === '/') return { name: 'inbox' };
  if (path === '/requests') return { name: 'requests' };
  if (path === '/start') return { name: 'start' };
  if (path === '/forms') return { name: 'forms' };
  if (path === '/processes') return { name: 'processes' };
  if (path === '/admin/users') return { name: 'admin-users' };
  if (path === '/admin/calendar') return { name: 'admin-calendar' };
  if (path === '/admin/election-freeze') return { name: 'admin-election-freeze' };
  if (path === '/absence') return { name: 'absence' };
  if (path === '/dashboard') return { name: 'dashboard' };
  if (path === '/dashboard/jp') return { name: 'jp-report' };
  const editor = FORM_EDITOR.exec(path);
  if (editor?.[1] && editor[2]) {
    try {
      return { name: 'form-editor', key: decodeURIComponent(editor[1]), version: Number(editor[2]) };
    } catch {
      return { name: 'not-found' };
    }
  }
  for (const [pattern, build] of PATTERNS) {
    const param = pattern.exec(path)?.[1];
    if (param === undefined) continue;
    try {
      return build(decodeURIComponent(param));
    } catch {
      return { name: 'not-found' };
    }
  }
  return { name: 'not-found' };
}

export const inboxHref = (): string => '#/';
export const requestsHref = (): string => '#/requests';
export const startHref = (): string => '#/start';
export const startFormHref = (processKey: string): string => `#/start/${encodeURIComponent(processKey)}`;
export const formsHref = (): string => '#/forms';
export const formEditorHref = (key: string, version: number): string => `#/forms/${encodeURIComponent(key)}/${version}`;
export const processesHref = (): string => '#/processes';
export const processHref = (key: string): string => `#/processes/${encodeURIComponent(key)}`;
export const caseHref = (id: string): string => `#/cases/${encodeURIComponent(id)}`;
export const adminUsersHref = (): string => '#/admin/users';
export const adminCalendarHref = (): string => '#/admin/calendar';
export const adminElectionFreezeHref = (): string => '#/admin/election-freeze';
export const absenceHref = (): string => '#/absence';
export const dashboardHref = (): string => '#/dashboard';
export const jpReportHref = (): string => '#/dashboard/jp';

export function navigate(href: string): void {
  window.location.hash = href;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current hash; parse it with `parseHash` (kept as a string so snapshots compare stably). */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

/** Sets the tab title to "<page> — Alur". */
export function useDocumentTitle(page: string | null): void {
  useEffect(() => {
    document.title = page ? `${page} — Alur` : 'Alur';
  }, [page]);
}

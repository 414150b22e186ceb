import { useEffect, useSyncExternalStore } from 'react';
import type { MouseEvent } from 'react';

/**
 * The portal's pages live under /lapor with real paths (no hash), so the status link a citizen
 * keeps or shares reads plainly: /lapor/status/<code>. The API server answers every path under
 * /lapor with this page; the Vite dev server serves it as /lapor.html.
 */
export type PortalRoute =
  | { name: 'report' }
  | { name: 'lookup' }
  | { name: 'status'; code: string }
  | { name: 'not-found' };

const BASE = '/lapor';

export function parsePath(pathname: string): PortalRoute {
  const path = pathname.replace(/\/+$/, '');
  if (path === BASE || path === '/lapor.html') return { name: 'report' };
  if (path === `${BASE}/status`) return { name: 'lookup' };
  const status = /^\/lapor\/status\/([^/]+)$/.exec(path);
  if (status?.[1]) {
    try {
      return { name: 'status', code: decodeURIComponent(status[1]) };
    } catch {
      return { name: 'not-found' };
    }
  }
  return { name: 'not-found' };
}

export const reportHref = (): string => BASE;
export const lookupHref = (): string => `${BASE}/status`;
export const statusHref = (code: string): string => `${BASE}/status/${encodeURIComponent(code)}`;

const listeners = new Set<() => void>();

export function navigate(href: string): void {
  if (href === window.location.pathname) return;
  window.history.pushState(null, '', href);
  for (const listener of listeners) listener();
}

/** For links inside the portal: an ordinary click navigates without reloading; others (new tab) are left alone. */
export function followLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? BASE);
}

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('popstate', onChange);
  };
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}

/** Sets the tab title to "<page> — <portal>". */
export function useDocumentTitle(page: string, portal: string): void {
  useEffect(() => {
    document.title = `${page} — ${portal}`;
  }, [page, portal]);
}

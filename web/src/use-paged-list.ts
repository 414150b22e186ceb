import { useEffect, useEffectEvent, useState } from 'react';
import { asApiError, isAbortError } from './api';
import type { ApiError, Page } from './api';
import { useI18n } from './i18n';

export interface PagedList<T> {
  items: T[];
  loading: boolean;
  /** True once the first page has arrived. */
  loaded: boolean;
  error: ApiError | null;
  hasMore: boolean;
  loadMore: () => void;
  retry: () => void;
}

/**
 * A list read page by page with the API's cursors. `filterKey` names the query: when it changes,
 * the list starts again from the first page. A language switch does not refetch.
 */
export function usePagedList<T>(
  fetchPage: (cursor: string | null, signal?: AbortSignal) => Promise<Page<T>>,
  filterKey: string,
): PagedList<T> {
  const { lang } = useI18n();
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [reloadCount, setReloadCount] = useState(0);

  async function load(cursor: string | null, signal?: AbortSignal) {
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(cursor, signal);
      setItems((previous) => (cursor ? [...previous, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
      setLoaded(true);
    } catch (caught) {
      if (isAbortError(caught)) return;
      setError(asApiError(caught, lang));
    }
    setLoading(false);
  }

  const loadFirst = useEffectEvent((signal: AbortSignal) => {
    setItems([]);
    setLoaded(false);
    return load(null, signal);
  });

  useEffect(() => {
    const controller = new AbortController();
    void loadFirst(controller.signal);
    return () => controller.abort();
  }, [filterKey, reloadCount]);

  return {
    items,
    loading,
    loaded,
    error,
    hasMore: loaded && nextCursor !== null,
    loadMore: () => {
      if (nextCursor && !loading) void load(nextCursor);
    },
    // A failed "load more" retries the same page; a failed first load starts over.
    retry: () => {
      if (loaded && nextCursor) void load(nextCursor);
      else setReloadCount((count) => count + 1);
    },
  };
}

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import * as api from './api';
import type { ApiError, ProcessDefinition, ProcessSummary } from './api';
import { useI18n } from './i18n';

interface Catalogue {
  /** null until the list has loaded. */
  processes: ProcessSummary[] | null;
  error: ApiError | null;
  /**
   * One request per (key, version) for the whole visit: a version never changes. The latest
   * version is cached only until the list shows a newer one.
   */
  definition: (key: string, version?: number) => Promise<ProcessDefinition>;
  /** Reads the list again (one request at a time); resolves when it has answered, even with an error. */
  refresh: () => Promise<void>;
  /** A version this tab just published: the list and "latest" show it at once. */
  published: (definition: ProcessDefinition) => void;
}

const Context = createContext<Catalogue | null>(null);

/** The processes this user sees, and a cache of definitions; lives as long as the session. */
export function ProcessCatalogueProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const [processes, setProcesses] = useState<ProcessSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const definitions = useRef(new Map<string, Promise<ProcessDefinition>>());
  const pending = useRef<Promise<void> | null>(null);

  /** Forgets "latest" of the processes whose version moved on, so the next reader asks again. */
  const forgetOutdated = useCallback((list: readonly Pick<ProcessSummary, 'key' | 'version'>[]) => {
    for (const { key, version } of list) {
      const cached = definitions.current.get(latestKey(key));
      void cached?.then((latest) => {
        if (latest.version < version && definitions.current.get(latestKey(key)) === cached) definitions.current.delete(latestKey(key));
      }, () => undefined);
    }
  }, []);

  // The list carries both languages, so a language switch does not refetch it.
  const langAtLoad = useRef(lang);
  const refresh = useCallback((): Promise<void> => {
    pending.current ??= api
      .listProcesses(langAtLoad.current)
      .then(
        (list) => {
          forgetOutdated(list);
          setProcesses(list);
          setError(null);
        },
        (caught: unknown) => setError(api.asApiError(caught, langAtLoad.current)),
      )
      .finally(() => {
        pending.current = null;
      });
    return pending.current;
  }, [forgetOutdated]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const published = useCallback((definition: ProcessDefinition) => {
    definitions.current.set(`${definition.key}@${definition.version}`, Promise.resolve(definition));
    definitions.current.set(latestKey(definition.key), Promise.resolve(definition));
    // Who may start it is the server's to say: the next reading of the list (any start page) brings it.
    setProcesses((list) => list?.map((p) => (p.key === definition.key && p.version < definition.version
      ? { key: p.key, version: definition.version, name: definition.name, canStart: p.canStart, ...(definition.description ? { description: definition.description } : {}) }
      : p)) ?? null);
  }, []);

  const value = useMemo<Catalogue>(
    () => ({
      processes,
      error,
      refresh,
      published,
      definition: (key, version) => {
        const cacheKey = version === undefined ? latestKey(key) : `${key}@${version}`;
        let found = definitions.current.get(cacheKey);
        if (!found) {
          found = api.getDefinition(lang, key, version);
          // A failure is not cached: the next caller tries again.
          found.catch(() => definitions.current.delete(cacheKey));
          definitions.current.set(cacheKey, found);
        }
        return found;
      },
    }),
    [processes, error, lang, refresh, published],
  );

  return <Context value={value}>{children}</Context>;
}

function latestKey(key: string): string {
  return `${key}@latest`;
}

export function useProcessCatalogue(): Catalogue {
  const value = useContext(Context);
  if (!value) throw new Error('useProcessCatalogue must be used inside <ProcessCatalogueProvider>');
  return value;
}

/**
 * The process list, read again whenever the calling page opens: an administrator (in this tab or
 * elsewhere) may have published a new version since. Until that answer arrives, `fresh` is false
 * and `processes` is what the session knew before.
 */
export function useFreshProcesses(): { processes: ProcessSummary[] | null; error: ApiError | null; fresh: boolean } {
  const { processes, error, refresh } = useProcessCatalogue();
  const [fresh, setFresh] = useState(false);
  useEffect(() => {
    let active = true;
    void refresh().then(() => active && setFresh(true));
    return () => {
      active = false;
    };
  }, [refresh]);
  return { processes, error, fresh };
}

/** Loads one definition (latest when `version` is absent); null while loading. */
export function useDefinition(key: string | null, version?: number): { definition: ProcessDefinition | null; error: ApiError | null } {
  const { definition } = useProcessCatalogue();
  const { lang } = useI18n();
  const [state, setState] = useState<{ for: string; definition: ProcessDefinition | null; error: ApiError | null }>({
    for: '',
    definition: null,
    error: null,
  });
  const wanted = key ? `${key}@${version ?? 'latest'}` : '';

  useEffect(() => {
    if (!key) return;
    let active = true;
    definition(key, version).then(
      (loaded) => active && setState({ for: wanted, definition: loaded, error: null }),
      (caught: unknown) => active && setState({ for: wanted, definition: null, error: api.asApiError(caught, lang) }),
    );
    return () => {
      active = false;
    };
    // A language switch runs this again, but the definition comes from the cache.
  }, [definition, key, version, wanted, lang]);

  return state.for === wanted ? { definition: state.definition, error: state.error } : { definition: null, error: null };
}

/** The pseudo-step a case sits in while its initiator revises it after a return. */
export const REVISION_STEP = '$revision';

/** The name of a step of a definition in the UI language, or its id when unknown. */
export function stepName(definition: ProcessDefinition | null, stepId: string, pick: (text: api.Localized | undefined, fallback?: string) => string): string {
  const step = definition?.steps.find((s) => s.id === stepId);
  return step ? pick(step.name, stepId) : stepId;
}

/** A process's name from the catalogue in the UI language, or its key while the catalogue loads. */
export function useProcessName(): (key: string) => string {
  const { pick } = useI18n();
  const { processes } = useProcessCatalogue();
  return (key) => pick(processes?.find((p) => p.key === key)?.name, key);
}

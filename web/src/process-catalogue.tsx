import { createContext, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import * as api from './api';
import type { ApiError, ProcessDefinition, ProcessSummary } from './api';
import { useI18n } from './i18n';

interface Catalogue {
  /** null until the list has loaded. */
  processes: ProcessSummary[] | null;
  error: ApiError | null;
  /** One request per (key, version) for the whole visit: definitions are immutable per version. */
  definition: (key: string, version?: number) => Promise<ProcessDefinition>;
}

const Context = createContext<Catalogue | null>(null);

/** The processes this user sees, and a cache of definitions; lives as long as the session. */
export function ProcessCatalogueProvider({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const [processes, setProcesses] = useState<ProcessSummary[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const definitions = useRef(new Map<string, Promise<ProcessDefinition>>());

  // The list carries both languages, so a language switch does not refetch it.
  const langAtLoad = useRef(lang);
  useEffect(() => {
    const controller = new AbortController();
    api
      .listProcesses(langAtLoad.current, controller.signal)
      .then(setProcesses)
      .catch((caught: unknown) => {
        if (!api.isAbortError(caught)) setError(api.asApiError(caught, langAtLoad.current));
      });
    return () => controller.abort();
  }, []);

  const value = useMemo<Catalogue>(
    () => ({
      processes,
      error,
      definition: (key, version) => {
        const cacheKey = `${key}@${version ?? 'latest'}`;
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
    [processes, error, lang],
  );

  return <Context value={value}>{children}</Context>;
}

export function useProcessCatalogue(): Catalogue {
  const value = useContext(Context);
  if (!value) throw new Error('useProcessCatalogue must be used inside <ProcessCatalogueProvider>');
  return value;
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

import { useEffect, useState } from 'react';
import { asApiError, getForm, isAbortError } from '../api';
import type { ApiError, FormRef, FormVersion } from '../api';
import { useI18n } from '../i18n';

/** The exact form version a case or step is pinned to; null while loading or without a ref. */
export function useFormVersion(ref: FormRef | null | undefined): { form: FormVersion | null; error: ApiError | null } {
  const { lang } = useI18n();
  const [state, setState] = useState<{ form: FormVersion | null; error: ApiError | null }>({ form: null, error: null });
  const key = ref?.key;
  const version = ref?.version;
  useEffect(() => {
    if (!key || !version) return;
    const abort = new AbortController();
    getForm(lang, key, version, abort.signal).then(
      (form) => setState({ form, error: null }),
      (caught: unknown) => {
        if (!isAbortError(caught)) setState({ form: null, error: asApiError(caught, lang) });
      },
    );
    return () => abort.abort();
  }, [lang, key, version]);
  return key ? state : { form: null, error: null };
}

import { useEffect, useState } from 'react';
import { asApiError } from '../../api';
import { useI18n } from '../../i18n';
import { flattenUnits, listUnits, type FlatUnit } from './registry-client';

// The unit tree changes rarely; one request per page load serves every picker on it.
let cached: Promise<FlatUnit[]> | null = null;

/** The unit tree, flattened in tree order with depths; `error` when it could not be read. */
export function useUnits(): { units: FlatUnit[] | null; error: string | null } {
  const { lang } = useI18n();
  const [units, setUnits] = useState<FlatUnit[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    cached ??= listUnits(lang).then((tree) => flattenUnits(tree));
    cached.then(
      (flat) => live && setUnits(flat),
      (caught: unknown) => {
        cached = null;
        if (live) setError(asApiError(caught, lang).message);
      },
    );
    return () => {
      live = false;
    };
  }, [lang]);
  return { units, error };
}

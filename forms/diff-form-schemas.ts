export interface FormChange {
  /** Dot path of the field, e.g. "alamat.kota". */
  field: string;
  change: 'added' | 'removed' | 'changed' | 'now-required' | 'no-longer-required';
  before?: unknown;
  after?: unknown;
}

type Schema = { properties?: Record<string, unknown>; required?: string[] } & Record<string, unknown>;

/** What changed between two versions of a form, field by field: what an administrator reviews before publishing. */
export function diffFormSchemas(before: object, after: object): FormChange[] {
  const changes: FormChange[] = [];
  compare(before as Schema, after as Schema, '', changes);
  return changes;
}

function compare(a: Schema, b: Schema, prefix: string, changes: FormChange[]): void {
  const aProps = a.properties ?? {};
  const bProps = b.properties ?? {};
  const name = (key: string) => (prefix ? `${prefix}.${key}` : key);
  for (const key of Object.keys(aProps)) {
    if (!(key in bProps)) changes.push({ field: name(key), change: 'removed', before: aProps[key] });
  }
  for (const [key, next] of Object.entries(bProps)) {
    const prev = aProps[key];
    if (prev === undefined) {
      changes.push({ field: name(key), change: 'added', after: next });
      continue;
    }
    const prevNested = prev as Schema;
    const nextNested = next as Schema;
    if (prevNested.properties || nextNested.properties) {
      compare(prevNested, nextNested, name(key), changes);
      const { properties: _p, required: _r, ...restPrev } = prevNested;
      const { properties: _q, required: _s, ...restNext } = nextNested;
      if (JSON.stringify(restPrev) !== JSON.stringify(restNext)) changes.push({ field: name(key), change: 'changed', before: restPrev, after: restNext });
    } else if (JSON.stringify(prev) !== JSON.stringify(next)) {
      changes.push({ field: name(key), change: 'changed', before: prev, after: next });
    }
  }
  const aReq = new Set(a.required ?? []);
  const bReq = new Set(b.required ?? []);
  for (const key of bReq) if (!aReq.has(key)) changes.push({ field: name(key), change: 'now-required' });
  for (const key of aReq) if (!bReq.has(key)) changes.push({ field: name(key), change: 'no-longer-required' });
}

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The values a step form takes from its case: every top-level field whose uiSchema says
 * `ui:options.defaultFrom: "data.<path>"` gets the case data at that path, when there is one
 * (e.g. the rotation verifier's "a blocking check failed" from `data.checks.blocking`).
 */
export function caseDataDefaults(uiSchema: Json, caseData: Json): Json {
  const out: Json = {};
  for (const [field, ui] of Object.entries(uiSchema)) {
    const from = isRecord(ui) && isRecord(ui['ui:options']) ? ui['ui:options'].defaultFrom : undefined;
    if (typeof from !== 'string' || !from.startsWith('data.')) continue;
    const value = from.split('.').slice(1).reduce<unknown>((node, key) => (isRecord(node) ? node[key] : undefined), caseData);
    if (value !== undefined && value !== null) out[field] = value;
  }
  return out;
}

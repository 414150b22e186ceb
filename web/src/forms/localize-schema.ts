import type { Lang } from '../messages';

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The schema as a reader of `lang` sees it: schemas are written in Bahasa Indonesia and
 * `translations.en` holds, by field path ("a.b"), the English title, description and enum labels.
 */
export function localizeSchema(schema: Json, translations: Json, lang: Lang): Json {
  const byPath = lang === 'id' ? undefined : translations[lang];
  if (!isRecord(byPath)) return schema;
  const walk = (node: Json, path: string): Json => {
    const text = path ? byPath[path] : undefined;
    const out: Json = { ...node };
    if (isRecord(text)) {
      for (const name of ['title', 'description', 'enumNames'] as const) {
        if (text[name] !== undefined) out[name] = text[name];
      }
    }
    if (isRecord(node.properties)) {
      const properties: Json = {};
      for (const [name, child] of Object.entries(node.properties)) {
        properties[name] = isRecord(child) ? walk(child, path ? `${path}.${name}` : name) : child;
      }
      out.properties = properties;
    }
    return out;
  };
  return walk(schema, '');
}

/**
 * The uiSchema with `ui:enumNames` for every enum the schema labels with `enumNames` (our forms'
 * labelled choices): react-jsonschema-form 6 reads labels only from the uiSchema, and would
 * otherwise show the raw codes. Labels the uiSchema sets itself win.
 */
export function withEnumLabels(schema: Json, uiSchema: Json): Json {
  const walk = (node: Json, ui: Json): Json => {
    const out: Json = { ...ui };
    if (Array.isArray(node.enum) && Array.isArray(node.enumNames) && out['ui:enumNames'] === undefined) out['ui:enumNames'] = node.enumNames;
    if (isRecord(node.properties)) {
      for (const [name, child] of Object.entries(node.properties)) {
        if (!isRecord(child)) continue;
        const labelled = walk(child, isRecord(ui[name]) ? ui[name] : {});
        if (Object.keys(labelled).length > 0) out[name] = labelled;
      }
    }
    if (isRecord(node.items)) {
      const labelled = walk(node.items, isRecord(ui.items) ? ui.items : {});
      if (Object.keys(labelled).length > 0) out.items = labelled;
    }
    return out;
  };
  return walk(schema, uiSchema);
}

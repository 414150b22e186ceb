import type { JsonObject } from '../../api';
import { isPickerKind } from './picker-widget';

/**
 * The uiSchema with `ui:widget: "picker"` on every field (at any depth, array items included)
 * whose `ui:options.picker` names a known picker and that has no widget of its own.
 */
export function withPickerWidgets(uiSchema: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(uiSchema)) {
    out[key] = key.startsWith('ui:') || !isObject(value) ? value : withPickerWidgets(value);
  }
  const options = uiSchema['ui:options'];
  if (isObject(options) && isPickerKind(options.picker) && out['ui:widget'] === undefined) out['ui:widget'] = 'picker';
  return out;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

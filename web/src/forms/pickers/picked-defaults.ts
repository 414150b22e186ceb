import type { JsonObject } from '../../api';
import type { PickedEntity } from './picker-context';

/**
 * The form data with every top-level field whose `ui:options.defaultFrom` reads from the picked
 * entity ("employee.unit.id", "position.unitId") set from it: picking an employee fills their
 * current unit, picking a position its unit.
 */
export function withPickedDefaults(uiSchema: JsonObject, data: JsonObject, picked: PickedEntity): JsonObject {
  const source: JsonObject = picked.kind === 'position' ? { ...picked.entity, unitId: picked.entity.unit.id } : { ...picked.entity };
  const out = { ...data };
  for (const [field, ui] of Object.entries(uiSchema)) {
    const from = isObject(ui) && isObject(ui['ui:options']) ? ui['ui:options'].defaultFrom : undefined;
    if (typeof from !== 'string' || !from.startsWith(`${picked.kind}.`)) continue;
    const value = from.split('.').slice(1).reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), source);
    if (value !== undefined && value !== null) out[field] = value;
  }
  return out;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

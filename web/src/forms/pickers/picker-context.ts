import type { Registry } from '@rjsf/utils';
import type { EmployeeOption, PositionOption } from './registry-client';

/** What a picker reports when a person picks a registry entity, so the form can fill fields derived from it. */
export type PickedEntity = { kind: 'employee'; entity: EmployeeOption } | { kind: 'position'; entity: PositionOption };

/** The rjsf `formContext` a form hands its pickers. */
export interface PickerFormContext {
  onPicked?: (picked: PickedEntity) => void;
}

export function pickerContextOf(registry: Registry): PickerFormContext {
  return (registry.formContext ?? {}) as PickerFormContext;
}

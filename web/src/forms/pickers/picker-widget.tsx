import './pickers.css';
import type { WidgetProps } from '@rjsf/utils';
import { EmployeePicker } from './employee-picker';
import { PositionPicker } from './position-picker';
import { UnitPicker } from './unit-picker';

export const PICKERS = { employee: EmployeePicker, position: PositionPicker, unit: UnitPicker } as const;
export type PickerKind = keyof typeof PICKERS;

export function isPickerKind(value: unknown): value is PickerKind {
  return typeof value === 'string' && Object.hasOwn(PICKERS, value);
}

/** The rjsf widget behind `ui:options.picker`: the registry picker the option names. */
export function PickerWidget(props: WidgetProps) {
  const kind = props.options.picker;
  if (!isPickerKind(kind)) throw new Error(`unknown picker: ${String(kind)}`);
  const Picker = PICKERS[kind];
  return <Picker {...props} />;
}

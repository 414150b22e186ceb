export { PickerWidget } from './picker-widget';
export type { PickedEntity, PickerFormContext } from './picker-context';
export { withPickedDefaults } from './picked-defaults';
export type { EmployeeOption } from './registry-client';
export { withPickerWidgets } from './with-picker-widgets';

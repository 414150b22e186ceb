import { useId } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { useI18n } from '../../i18n';
import { UnitCombobox } from './unit-combobox';
import { useUnits } from './use-units';

/** `ui:options.picker: "unit"`: a searchable select of the unit tree; stores the unit id. */
export function UnitPicker({ id, value, required, disabled, readonly, onChange, onBlur, rawErrors }: WidgetProps) {
  const { t } = useI18n();
  const hintId = useId();
  const { units } = useUnits();
  const unitId = typeof value === 'number' ? value : null;

  if (readonly || disabled) {
    return (
      <p id={id} className="picker-readonly">
        {units?.find((u) => u.id === unitId)?.name ?? unitId ?? '—'}
      </p>
    );
  }
  return (
    <div className="picker picker-unit">
      <UnitCombobox
        id={id}
        unitId={unitId}
        onPick={(unit) => onChange(unit.id)}
        required={required}
        invalid={Boolean(rawErrors?.length)}
        describedBy={hintId}
        onBlur={() => onBlur(id, value)}
      />
      <p id={hintId} className="hint">
        {t('picker.unit.hint')}
      </p>
    </div>
  );
}

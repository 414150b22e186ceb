import { useEffect, useId, useState } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { asApiError } from '../../api';
import { useI18n } from '../../i18n';
import { pickerContextOf } from './picker-context';
import { listPositions, type PositionOption } from './registry-client';
import { UnitCombobox } from './unit-combobox';

/** `ui:options.picker: "position"`: choose a unit, then one of its positions (vacant ones marked); stores the position id. */
export function PositionPicker({ id, value, required, disabled, readonly, onChange, onBlur, rawErrors, registry }: WidgetProps) {
  const { t, lang } = useI18n();
  const unitInputId = useId();
  const hintId = useId();
  const [unitId, setUnitId] = useState<number | null>(null);
  const [positions, setPositions] = useState<PositionOption[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const positionId = typeof value === 'number' ? value : null;

  useEffect(() => {
    if (unitId === null) return;
    const controller = new AbortController();
    setPositions(null);
    setError(null);
    listPositions(lang, unitId, controller.signal)
      // The unit's own positions; sub-units are chosen in the unit list.
      .then((found) => setPositions(found.filter((p) => p.unit.id === unitId)))
      .catch((caught: unknown) => {
        if (!controller.signal.aborted) setError(asApiError(caught, lang).message);
      });
    return () => controller.abort();
  }, [unitId, lang]);

  const chosen = positions?.find((p) => p.id === positionId) ?? null;

  if (readonly || disabled) {
    return (
      <p id={id} className="picker-readonly">
        {chosen?.name ?? positionId ?? '—'}
      </p>
    );
  }

  const label = (position: PositionOption) =>
    `${position.name}${position.eselon ? ` (${position.eselon})` : ''} — ${position.vacant ? t('picker.position.vacant') : t('picker.position.heldBy', { name: position.holder?.name ?? '—' })}`;

  return (
    <div className="picker picker-position">
      <div className="picker-step">
        <label htmlFor={unitInputId}>{t('picker.position.unit')}</label>
        <UnitCombobox
          id={unitInputId}
          unitId={unitId}
          onPick={(unit) => {
            setUnitId(unit.id);
            if (positionId !== null) onChange(undefined);
          }}
        />
      </div>
      {/* The field's own label (rjsf's, pointing at `id`) names this select. */}
      <div className="picker-step">
        <select
          id={id}
          value={positionId === null ? '' : String(positionId)}
          required={required}
          disabled={unitId === null || positions === null}
          aria-invalid={rawErrors?.length ? true : undefined}
          aria-describedby={hintId}
          onBlur={() => onBlur(id, value)}
          onChange={(event) => {
            const position = positions?.find((p) => String(p.id) === event.target.value);
            onChange(position ? position.id : undefined);
            if (position) pickerContextOf(registry).onPicked?.({ kind: 'position', entity: position });
          }}
        >
          <option value="">{unitId === null ? t('picker.position.chooseUnitFirst') : positions === null ? t('picker.searching') : t('picker.position.choose')}</option>
          {positions?.map((position) => (
            <option key={position.id} value={position.id}>
              {label(position)}
            </option>
          ))}
        </select>
      </div>
      <p id={hintId} className="hint" role="status">
        {error ?? (positions?.length === 0 ? t('picker.position.none') : chosen ? `${t('picker.selected')} ${label(chosen)}` : t('picker.position.hint'))}
      </p>
    </div>
  );
}

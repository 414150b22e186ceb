import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';
import { Combobox } from './combobox';
import type { FlatUnit } from './registry-client';
import { useUnits } from './use-units';

const MAX_OPTIONS = 50;

export interface UnitComboboxProps {
  id: string;
  unitId: number | null;
  onPick: (unit: FlatUnit) => void;
  required?: boolean | undefined;
  invalid?: boolean | undefined;
  describedBy?: string | undefined;
  onBlur?: (() => void) | undefined;
}

/** A searchable list of the unit tree (by name or code), indented by depth. */
export function UnitCombobox(props: UnitComboboxProps) {
  const { t } = useI18n();
  const { units, error } = useUnits();
  const [text, setText] = useState('');
  const selected = units?.find((u) => u.id === props.unitId) ?? null;

  // Show the chosen unit's name, also when the value was set from outside (a picked employee's unit).
  useEffect(() => {
    if (selected) setText(selected.name);
  }, [selected]);

  const needle = text.trim().toLowerCase();
  const filtering = needle !== '' && needle !== selected?.name.toLowerCase();
  const matches = (units ?? []).filter((u) => !filtering || u.name.toLowerCase().includes(needle) || u.code.toLowerCase().includes(needle)).slice(0, MAX_OPTIONS);

  return (
    <Combobox
      id={props.id}
      text={text}
      onTextChange={setText}
      placeholder={t('picker.unit.placeholder')}
      options={matches.map((unit) => ({
        key: String(unit.id),
        content: (
          <span className="picker-entity" style={{ paddingInlineStart: `${Math.min(unit.depth, 4) * 0.75}rem` }}>
            {unit.name} <span className="picker-nip">{unit.code}</span>
          </span>
        ),
      }))}
      status={error ?? (units === null ? t('picker.searching') : matches.length === 0 ? t('picker.noResults') : undefined)}
      required={props.required}
      invalid={props.invalid}
      describedBy={props.describedBy}
      onBlur={() => {
        // Leaving half-typed text would hide which unit is actually chosen.
        setText(selected?.name ?? '');
        props.onBlur?.();
      }}
      onSelect={(key) => {
        const unit = units?.find((u) => String(u.id) === key);
        if (!unit) return;
        setText(unit.name);
        props.onPick(unit);
      }}
    />
  );
}

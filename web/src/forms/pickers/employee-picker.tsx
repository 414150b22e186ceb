import { useEffect, useId, useState } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { asApiError, isAbortError } from '../../api';
import { useI18n } from '../../i18n';
import { Combobox } from './combobox';
import { pickerContextOf } from './picker-context';
import { searchEmployees, type EmployeeOption } from './registry-client';
import { useDebouncedValue } from './use-debounced-value';

/** Fewer characters than this match too many people to be worth asking about. */
const MIN_SEARCH = 2;

/**
 * `ui:options.picker: "employee"`: a type-ahead over the registry by NIP or name. Stores the NIP
 * for a string field (format "nip") and the employee's id for an integer one.
 */
export function EmployeePicker({ id, value, required, disabled, readonly, onChange, onBlur, schema, rawErrors, registry }: WidgetProps) {
  const { t, lang } = useI18n();
  const hintId = useId();
  const storesId = schema.type === 'integer' || schema.type === 'number';
  const [text, setText] = useState('');
  const [options, setOptions] = useState<EmployeeOption[]>([]);
  const [status, setStatus] = useState<string | undefined>();
  const [selected, setSelected] = useState<EmployeeOption | null>(null);
  const search = useDebouncedValue(text.trim(), 250);

  const valueKey = value === undefined || value === null || value === '' ? null : String(value);
  const matchesValue = (employee: EmployeeOption) => (storesId ? String(employee.id) === valueKey : employee.nip === valueKey);

  useEffect(() => {
    if (search.length < MIN_SEARCH) {
      setOptions([]);
      setStatus(search ? t('picker.typeMore') : undefined);
      return;
    }
    const controller = new AbortController();
    setStatus(t('picker.searching'));
    searchEmployees(lang, search, controller.signal)
      .then((found) => {
        setOptions(found);
        setStatus(found.length === 0 ? t('picker.noResults') : undefined);
      })
      .catch((caught: unknown) => {
        if (!isAbortError(caught)) setStatus(asApiError(caught, lang).message);
      });
    return () => controller.abort();
  }, [search, lang, t]);

  // A value set from outside (a suggested candidate, saved data): look the person up by NIP to show who it is.
  useEffect(() => {
    if (!valueKey || storesId || selected?.nip === valueKey) return;
    const controller = new AbortController();
    searchEmployees(lang, valueKey, controller.signal)
      .then((found) => setSelected(found.find((e) => e.nip === valueKey) ?? null))
      .catch(() => undefined);
    return () => controller.abort();
  }, [valueKey, storesId, selected, lang]);

  const shown = selected && matchesValue(selected) ? selected : null;

  if (readonly || disabled) {
    return (
      <p id={id} className="picker-readonly">
        {shown ? <EmployeeLine employee={shown} /> : (valueKey ?? '—')}
      </p>
    );
  }

  return (
    <div className="picker picker-employee">
      <Combobox
        id={id}
        text={text}
        onTextChange={setText}
        placeholder={t('picker.employee.placeholder')}
        options={options.map((employee) => ({ key: String(employee.id), content: <EmployeeLine employee={employee} /> }))}
        status={status}
        required={required}
        invalid={Boolean(rawErrors?.length)}
        describedBy={hintId}
        onBlur={() => onBlur(id, value)}
        onSelect={(key) => {
          const employee = options.find((e) => String(e.id) === key);
          if (!employee) return;
          setSelected(employee);
          setText('');
          onChange(storesId ? employee.id : employee.nip);
          pickerContextOf(registry).onPicked?.({ kind: 'employee', entity: employee });
        }}
      />
      <p id={hintId} className="hint" aria-live="polite">
        {shown ? (
          <>
            {t('picker.selected')} <EmployeeLine employee={shown} />
          </>
        ) : valueKey ? (
          t('picker.employee.value', { value: valueKey })
        ) : (
          t('picker.employee.hint')
        )}
      </p>
    </div>
  );
}

function EmployeeLine({ employee }: { employee: EmployeeOption }) {
  return (
    <span className="picker-entity">
      <strong>{employee.name}</strong> <span className="picker-nip">{employee.nip}</span>
      <span className="picker-detail">
        {employee.position?.name ?? '—'} · {employee.unit.name}
      </span>
    </span>
  );
}

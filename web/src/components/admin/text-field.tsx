import type { ReactNode } from 'react';
import { FieldError } from '../error-notice';

interface TextFieldProps {
  /** The id of the input; its hint and error take ids derived from it. */
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'password' | 'date' | 'email' | 'search';
  /** The server's messages for this field, shown right under it. */
  errors?: readonly string[] | undefined;
  hint?: ReactNode;
  autoComplete?: string;
  /** A textarea of this many rows instead of an input. */
  rows?: number;
}

/** A labelled input with its hint and the server's messages, tied together for screen readers. */
export function TextField({ id, name, label, value, onChange, type = 'text', errors, hint, autoComplete = 'off', rows }: TextFieldProps) {
  const invalid = Boolean(errors && errors.length > 0);
  const describedBy = [hint ? `${id}-hint` : null, invalid ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id, name, value, autoComplete,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint admin-hint">{hint}</p>}
      {rows ? (
        <textarea {...common} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />
      )}
      <FieldError id={`${id}-error`} messages={errors} />
    </div>
  );
}

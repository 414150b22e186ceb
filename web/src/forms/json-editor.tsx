import { useId, useRef } from 'react';
import { useI18n } from '../i18n';

export interface JsonEditorError {
  line: number | null;
  message: string;
}

/** The 1-based line where a JSON pointer's last segment is written in `text`, found key by key. */
export function lineOfPointer(text: string, pointer: string): number | null {
  const segments = pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let at = 0;
  for (const segment of segments) {
    if (/^\d+$/.test(segment)) continue;
    const found = text.indexOf(JSON.stringify(segment), at);
    if (found < 0) break;
    at = found;
  }
  return at === 0 && segments.length > 0 ? null : text.slice(0, at).split('\n').length;
}

/** The line of a JSON.parse error, when the engine says where (Chromium gives a position). */
export function lineOfSyntaxError(text: string, message: string): number | null {
  const line = /line (\d+)/.exec(message);
  if (line?.[1]) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  return position?.[1] ? text.slice(0, Number(position[1])).split('\n').length : null;
}

interface JsonEditorProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: JsonEditorError[];
  readOnly: boolean;
  name: string;
}

/** A plain textarea with line numbers and its errors, each with its line, under it. */
export function JsonEditor({ label, value, onChange, errors, readOnly, name }: JsonEditorProps) {
  const { t } = useI18n();
  const id = useId();
  const gutter = useRef<HTMLPreElement>(null);
  const lines = value.split('\n').length;
  const errorLines = new Set(errors.map((e) => e.line));
  return (
    <div className="json-editor field">
      <label htmlFor={id}>{label}</label>
      <div className="json-editor-body">
        <pre ref={gutter} className="json-gutter" aria-hidden="true">
          {Array.from({ length: lines }, (_, i) => (
            <span key={i} className={errorLines.has(i + 1) ? 'json-gutter-error' : undefined}>
              {i + 1}
              {'\n'}
            </span>
          ))}
        </pre>
        <textarea
          id={id}
          name={name}
          spellCheck={false}
          value={value}
          readOnly={readOnly}
          rows={Math.min(Math.max(lines, 12), 30)}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={errors.length > 0 ? `${id}-errors` : undefined}
          onScroll={(event) => {
            if (gutter.current) gutter.current.scrollTop = event.currentTarget.scrollTop;
          }}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
      {errors.length > 0 && (
        <ul id={`${id}-errors`} className="field-error json-errors">
          {errors.map((error, i) => (
            <li key={i}>
              {error.line !== null && <strong>{t('editor.line', { n: error.line })}: </strong>}
              {error.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { useId, useState } from 'react';
import type { WidgetProps } from '@rjsf/utils';
import { asApiError, attachmentHref, uploadAttachment } from '../api';
import { useI18n } from '../i18n';

/** A file input for `format: "attachment"`: uploads at once and keeps the returned id as the value. */
export function AttachmentWidget({ id, value, required, disabled, readonly, onChange, label }: WidgetProps) {
  const { t, lang } = useI18n();
  const statusId = useId();
  const [name, setName] = useState<string | null>(null);
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'uploading' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const current = typeof value === 'string' && value ? value : null;

  async function upload(file: File) {
    setState({ kind: 'uploading' });
    try {
      const stored = await uploadAttachment(lang, file);
      setName(stored.name);
      setState({ kind: 'idle' });
      onChange(stored.id);
    } catch (caught) {
      setState({ kind: 'failed', message: asApiError(caught, lang).message });
    }
  }

  return (
    <div className="attachment-widget">
      <input
        id={id}
        type="file"
        accept="application/pdf,image/png,image/jpeg"
        required={required}
        disabled={disabled || readonly || state.kind === 'uploading'}
        aria-label={label}
        aria-describedby={statusId}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void upload(file);
        }}
      />
      <p id={statusId} className="hint" role="status">
        {state.kind === 'uploading' && t('attachment.uploading')}
        {state.kind === 'failed' && <span className="field-error">{state.message}</span>}
        {state.kind === 'idle' && current && (
          <>
            {t('attachment.stored')}{' '}
            <a href={attachmentHref(current)} target="_blank" rel="noreferrer">
              {name ?? t('attachment.open')}
            </a>
          </>
        )}
      </p>
    </div>
  );
}

import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { asApiError, errorSchemaOf, newIdempotencyKey, startCase } from '../api';
import type { ApiError } from '../api';
import { useI18n } from '../i18n';
import { withPickedDefaults, type PickedEntity } from '../forms/pickers';
import { SchemaForm } from '../forms/schema-form';
import { useFormVersion } from '../forms/use-form-version';
import { useDefinition, useFreshProcesses } from '../process-catalogue';
import { caseHref, navigate, startHref, useDocumentTitle } from '../routing';
import { ErrorNotice, FieldError } from './error-notice';
import { RotationCandidates, type RotationCandidate } from './rotation-candidates';

// Field errors the server may name; `data` and `keterangan` both belong to the notes input.
const INLINE_FIELDS = ['title', 'data', 'keterangan'] as const;
/** The rotation process (processes/defaults/rotasi.ts): its start form lists suggested candidates for the target position. */
const ROTATION_PROCESS = 'rotasi-jabatan';

/**
 * The start form of a process: a title, then the process's start form (its pinned JSON-Schema
 * version) or, for a process without one, free-text notes sent as `data.keterangan`. The form is
 * that of the newest published version: the list is read afresh when the page opens, and the
 * definition of the version it names is loaded.
 */
export function StartForm({ processKey }: { processKey: string }) {
  const { t, lang, pick } = useI18n();
  const { processes, fresh } = useFreshProcesses();
  const ids = useId();
  const [title, setTitle] = useState('');
  const [notes, setNotes] = useState('');
  const [formData, setFormData] = useState<unknown>({});
  const process = processes?.find((p) => p.key === processKey);
  // Only the list as read now names the version to show.
  const { definition, error: definitionError } = useDefinition(fresh && process ? processKey : null, process?.version);
  const { form, error: formError } = useFormVersion(definition?.startForm);
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // State updates are async; this ref stops a fast double click from sending twice.
  const inFlight = useRef(false);

  const fields = (formData ?? {}) as Record<string, unknown>;

  // A picked employee or position fills the fields derived from it (`ui:options.defaultFrom`).
  function applyPicked(picked: PickedEntity, extra: Record<string, unknown> = {}) {
    setFormData((previous: unknown) => ({ ...withPickedDefaults(form?.uiSchema ?? {}, (previous ?? {}) as Record<string, unknown>, picked), ...extra }));
  }

  function pickCandidate(candidate: RotationCandidate) {
    applyPicked({ kind: 'employee', entity: { ...candidate.employee, pangkat: null } }, { employeeNip: candidate.employee.nip });
  }
  const name = pick(process?.name, processKey);
  useDocumentTitle(t('start.formTitle', { process: name }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (inFlight.current) return;
    inFlight.current = true;
    setSubmitting(true);
    setError(null);
    try {
      const trimmedTitle = title.trim();
      const trimmedNotes = notes.trim();
      const started = await startCase(
        lang,
        processKey,
        {
          ...(trimmedTitle ? { title: trimmedTitle } : {}),
          data: form ? ((formData ?? {}) as Record<string, unknown>) : trimmedNotes ? { keterangan: trimmedNotes } : {},
        },
        newIdempotencyKey(),
      );
      navigate(caseHref(started.kind === 'started' ? started.case.id : started.id));
    } catch (caught) {
      setError(asApiError(caught, lang));
      setSubmitting(false);
    } finally {
      inFlight.current = false;
    }
  }

  const back = (
    <p>
      <a href={startHref()} className="back-link">
        <span aria-hidden="true">← </span>
        {t('start.back')}
      </a>
    </p>
  );

  if (fresh && processes && (!process || !process.canStart)) {
    return (
      <>
        {back}
        <p className="notice notice-error">{t('start.unknownProcess')}</p>
      </>
    );
  }

  const titleErrors = error?.fields.title;
  const notesErrors = error ? [...(error.fields.data ?? []), ...(error.fields.keterangan ?? [])] : [];

  return (
    <>
      {back}
      <form className="card form-narrow" onSubmit={handleSubmit} noValidate aria-labelledby={`${ids}-heading`}>
        <h1 id={`${ids}-heading`}>{t('start.formTitle', { process: name })}</h1>
        {definition && <p className="muted start-form-version">{t('start.version', { n: definition.version })}</p>}
        {process?.description && <p className="muted">{pick(process.description)}</p>}

        <div className="field">
          <label htmlFor={`${ids}-title`}>
            {t('start.titleLabel')} <span className="hint">{t('field.optional')}</span>
          </label>
          <input
            id={`${ids}-title`}
            name="title"
            type="text"
            autoComplete="off"
            maxLength={200}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            aria-invalid={titleErrors ? true : undefined}
            aria-describedby={`${ids}-title-hint${titleErrors ? ` ${ids}-title-error` : ''}`}
          />
          <p id={`${ids}-title-hint`} className="hint">
            {t('start.titleHint')}
          </p>
          <FieldError id={`${ids}-title-error`} messages={titleErrors} />
        </div>

        {!definition ? (
          definitionError ? <ErrorNotice error={definitionError} /> : <p className="muted" role="status">{t('caseForm.loading')}</p>
        ) : definition.startForm ? (
          <section className="case-form" aria-label={t('caseForm.title')}>
            <ErrorNotice error={formError} />
            {form ? (
              <>
              <SchemaForm
                schema={form.schema}
                uiSchema={form.uiSchema}
                translations={form.translations}
                formData={formData}
                onChange={setFormData}
                extraErrors={errorSchemaOf(error)}
                idPrefix="start"
                embedded
                pickerContext={{ onPicked: (picked) => applyPicked(picked) }}
              >
                <span />
              </SchemaForm>
              {processKey === ROTATION_PROCESS && (
                <RotationCandidates
                  positionId={typeof fields.targetPositionId === 'number' ? fields.targetPositionId : null}
                  pickedNip={typeof fields.employeeNip === 'string' ? fields.employeeNip : null}
                  onPick={pickCandidate}
                />
              )}
              </>
            ) : (
              !formError && <p className="muted">{t('caseForm.loading')}</p>
            )}
          </section>
        ) : (
          <div className="field">
            <label htmlFor={`${ids}-notes`}>
              {t('start.notesLabel')} <span className="hint">{t('field.optional')}</span>
            </label>
            <textarea
              id={`${ids}-notes`}
              name="keterangan"
              rows={5}
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
              aria-invalid={notesErrors.length > 0 ? true : undefined}
              aria-describedby={notesErrors.length > 0 ? `${ids}-notes-error` : undefined}
            />
            <FieldError id={`${ids}-notes-error`} messages={notesErrors} />
          </div>
        )}

        <ErrorNotice error={error} title={t('start.failed')} inlineFields={form && error ? [...INLINE_FIELDS, ...Object.keys(error.fields)] : INLINE_FIELDS} />

        <button type="submit" className="button-primary" disabled={submitting}>
          {submitting ? t('start.submitting') : t('start.submit')}
        </button>
      </form>
    </>
  );
}

import { Component, useEffect, useId, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import {
  archiveForm, asApiError, diffForm, errorSchemaOf, getForm, isAbortError, listForms, publishForm, saveFormDraft, schemaProblemsOf, validateFormData,
} from '../api';
import type { ApiError, FormChange, FormVersion, JsonObject } from '../api';
import { FIELD_TYPES, fieldsOf, newFieldName, withFields } from '../forms/form-fields';
import type { BuilderField } from '../forms/form-fields';
import { JsonEditor, lineOfPointer, lineOfSyntaxError } from '../forms/json-editor';
import type { JsonEditorError } from '../forms/json-editor';
import { SchemaForm } from '../forms/schema-form';
import { useI18n } from '../i18n';
import { formsHref, useDocumentTitle } from '../routing';
import { ErrorNotice } from './error-notice';

type Parsed = { ok: true; value: JsonObject } | { ok: false; error: JsonEditorError };

function parseObject(text: string): Parsed {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: { line: 1, message: '{ }' } };
    return { ok: true, value: value as JsonObject };
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught);
    return { ok: false, error: { line: lineOfSyntaxError(text, message), message } };
  }
}

const pretty = (value: unknown): string => JSON.stringify(value, null, 2);

/** The draft editor: builder, JSON editors and live preview side by side; save, test, publish, diff. */
export function FormEditor({ formKey, version }: { formKey: string; version: number }) {
  const { t, lang } = useI18n();
  useDocumentTitle(t('editor.title', { key: formKey, version }));
  const [form, setForm] = useState<FormVersion | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    getForm(lang, formKey, version, abort.signal)
      .then(setForm)
      .catch((caught: unknown) => {
        if (!isAbortError(caught)) setLoadError(asApiError(caught, lang));
      });
    return () => abort.abort();
  }, [lang, formKey, version]);

  return (
    <>
      <p>
        <a href={formsHref()} className="back-link"><span aria-hidden="true">← </span>{t('editor.back')}</a>
      </p>
      <ErrorNotice error={loadError} />
      {form && <Editor key={`${form.key}-${form.version}`} initial={form} />}
    </>
  );
}

function Editor({ initial }: { initial: FormVersion }) {
  const { t, lang, pick } = useI18n();
  const ids = useId();
  const [form, setForm] = useState(initial);
  const [schemaText, setSchemaText] = useState(pretty(initial.schema));
  const [uiText, setUiText] = useState(pretty(initial.uiSchema));
  const [translations, setTranslations] = useState<JsonObject>(initial.translations);
  const [previewData, setPreviewData] = useState<unknown>({});
  const [serverErrors, setServerErrors] = useState<JsonObject | undefined>(undefined);
  const [problems, setProblems] = useState<ApiError | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);
  const [changeNote, setChangeNote] = useState('');
  const frozen = form.status !== 'draft';

  const schema = useMemo(() => parseObject(schemaText), [schemaText]);
  const ui = useMemo(() => parseObject(uiText), [uiText]);
  const fields = useMemo(() => (schema.ok ? fieldsOf(schema.value, translations) : null), [schema, translations]);

  const schemaErrors: JsonEditorError[] = [
    ...(schema.ok ? [] : [{ line: schema.error.line, message: t('editor.jsonError', { message: schema.error.message }) }]),
    ...(problems ? schemaProblemsOf(problems).filter((p) => !p.pointer.startsWith('/uiSchema')).map((p) => ({ line: lineOfPointer(schemaText, p.pointer), message: `${p.pointer || '/'} — ${pick(p.message)}` })) : []),
  ];
  const uiErrors: JsonEditorError[] = ui.ok ? [] : [{ line: ui.error.line, message: t('editor.jsonError', { message: ui.error.message }) }];

  function updateFields(next: BuilderField[]) {
    if (!schema.ok) return;
    const result = withFields(schema.value, translations, next);
    setSchemaText(pretty(result.schema));
    setTranslations(result.translations);
  }

  async function save(): Promise<boolean> {
    if (!schema.ok || !ui.ok) return false;
    setFailure(null);
    setProblems(null);
    try {
      const saved = await saveFormDraft(lang, form.key, form.version, { title: form.title, schema: schema.value, uiSchema: ui.value, translations });
      setForm(saved);
      return true;
    } catch (caught) {
      const error = asApiError(caught, lang);
      if (error.code === 'FORM_SCHEMA_INVALID') setProblems(error);
      setFailure(error);
      return false;
    }
  }

  async function act(work: () => Promise<void>) {
    setBusy(true);
    setNotice('');
    try {
      await work();
    } finally {
      setBusy(false);
    }
  }

  const onSave = () => act(async () => {
    if (await save()) setNotice(t('editor.saved'));
  });

  const onTestSubmit = () => act(async () => {
    setServerErrors(undefined);
    if (!frozen && !(await save())) return;
    try {
      await validateFormData(lang, form.key, form.version, previewData ?? {});
      setNotice(t('editor.testPassed'));
    } catch (caught) {
      const error = asApiError(caught, lang);
      setServerErrors(errorSchemaOf(error));
      setFailure(error);
    }
  });

  const onPublish = () => act(async () => {
    if (!(await save())) return;
    try {
      const published = await publishForm(lang, form.key, form.version, changeNote.trim());
      setForm(published);
      setNotice(t('editor.published', { version: published.version }));
    } catch (caught) {
      setFailure(asApiError(caught, lang));
    }
  });

  const onArchive = () => act(async () => {
    try {
      setForm(await archiveForm(lang, form.key, form.version));
    } catch (caught) {
      setFailure(asApiError(caught, lang));
    }
  });

  return (
    <>
      <h1>
        {pick(form.title, form.key)} <span className="muted">v{form.version}</span>{' '}
        <span className={`form-status form-status-${form.status}`}>{t(`forms.status.${form.status}`)}</span>
      </h1>
      {frozen && <p className="notice">{t('editor.frozen')}</p>}
      <p className="muted" role="status">{notice}</p>
      <ErrorNotice error={failure} title={failure?.code === 'FORM_INVALID' ? t('editor.testFailed') : t('editor.saveFailed')} inlineFields={failure?.code === 'FORM_INVALID' ? Object.keys(failure.fields) : []} />

      <div className="form-editor">
        <section className="card" aria-labelledby={`${ids}-builder`}>
          <h2 id={`${ids}-builder`}>{t('editor.builder')}</h2>
          {fields ? <FieldBuilder fields={fields} onChange={updateFields} readOnly={frozen} /> : <p className="muted">{schemaErrors[0]?.message}</p>}
        </section>

        <section className="card" aria-labelledby={`${ids}-json`}>
          <h2 id={`${ids}-json`} className="visually-hidden">{t('editor.schema')}</h2>
          <JsonEditor name="schema" label={t('editor.schema')} value={schemaText} onChange={setSchemaText} errors={schemaErrors} readOnly={frozen} />
          <JsonEditor name="uiSchema" label={t('editor.uiSchema')} value={uiText} onChange={setUiText} errors={uiErrors} readOnly={frozen} />
        </section>

        <section className="card form-preview" aria-labelledby={`${ids}-preview`}>
          <h2 id={`${ids}-preview`}>{t('editor.preview')}</h2>
          {schema.ok && ui.ok && (
            <PreviewBoundary key={schemaText + uiText}>
              <SchemaForm
                schema={schema.value}
                uiSchema={ui.value}
                translations={translations}
                formData={previewData}
                onChange={setPreviewData}
                extraErrors={serverErrors}
                liveValidate
                idPrefix="preview"
              >
                <button type="button" className="button-secondary" disabled={busy} onClick={() => void onTestSubmit()}>
                  {t('editor.testSubmit')}
                </button>
              </SchemaForm>
            </PreviewBoundary>
          )}
        </section>
      </div>

      {!frozen && (
        <section className="card form-narrow" aria-labelledby={`${ids}-publish`}>
          <h2 id={`${ids}-publish`} className="visually-hidden">{t('editor.publish')}</h2>
          <div className="button-row">
            <button type="button" className="button-secondary" disabled={busy || !schema.ok || !ui.ok} onClick={() => void onSave()}>
              {busy ? t('editor.saving') : t('editor.save')}
            </button>
          </div>
          <div className="field">
            <label htmlFor={`${ids}-note`}>{t('editor.changeNote')}</label>
            <input id={`${ids}-note`} name="changeNote" value={changeNote} onChange={(e) => setChangeNote(e.target.value)} />
          </div>
          <button type="button" className="button-primary" disabled={busy || !schema.ok || !ui.ok} onClick={() => void onPublish()}>
            {t('editor.publish')}
          </button>
        </section>
      )}
      {form.status === 'published' && (
        <p>
          <button type="button" className="button-secondary" disabled={busy} onClick={() => void onArchive()}>{t('editor.archive')}</button>
        </p>
      )}
      <DiffPanel formKey={form.key} version={form.version} />
    </>
  );
}

class PreviewBoundary extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null };
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  override render() {
    return this.state.error ? <PreviewBroken message={this.state.error} /> : this.props.children;
  }
}

function PreviewBroken({ message }: { message: string }) {
  const { t } = useI18n();
  return <p className="notice notice-error">{t('editor.previewBroken', { message })}</p>;
}

function FieldBuilder({ fields, onChange, readOnly }: { fields: BuilderField[]; onChange: (fields: BuilderField[]) => void; readOnly: boolean }) {
  const { t } = useI18n();
  const set = (index: number, patch: Partial<BuilderField>) => onChange(fields.map((f, i) => (i === index ? { ...f, ...patch } : f)));
  const move = (index: number, by: number) => {
    const next = [...fields];
    const [field] = next.splice(index, 1);
    if (field) next.splice(index + by, 0, field);
    onChange(next);
  };
  return (
    <>
      {fields.length === 0 && <p className="muted">{t('builder.none')}</p>}
      <ol className="builder-fields">
        {fields.map((field, index) => (
          <li key={index} className="builder-field">
            <fieldset disabled={readOnly}>
              <legend>{field.titleId || field.name}</legend>
              <BuilderInput label={t('builder.name')} name="name" value={field.name} onChange={(name) => set(index, { name: name.replace(/[^A-Za-z0-9_]/g, '') })} />
              <div className="field">
                <label htmlFor={`type-${index}`}>{t('builder.type')}</label>
                <select id={`type-${index}`} value={field.type} onChange={(e) => set(index, { type: e.target.value as BuilderField['type'], format: '' })}>
                  {FIELD_TYPES.map((type) => <option key={type} value={type}>{t(`builder.type.${type}`)}</option>)}
                </select>
              </div>
              <BuilderInput label={t('builder.titleId')} name="titleId" value={field.titleId} onChange={(titleId) => set(index, { titleId })} />
              <BuilderInput label={t('builder.titleEn')} name="titleEn" value={field.titleEn} onChange={(titleEn) => set(index, { titleEn })} />
              <div className="field field-check">
                <input id={`required-${index}`} type="checkbox" checked={field.required} onChange={(e) => set(index, { required: e.target.checked })} />
                <label htmlFor={`required-${index}`}>{t('builder.required')}</label>
              </div>
              {(field.type === 'text' || field.type === 'number' || field.type === 'integer') && (
                <div className="builder-range">
                  <BuilderInput label={t('builder.min')} name="min" type="number" value={field.min === null ? '' : String(field.min)} onChange={(v) => set(index, { min: v === '' ? null : Number(v) })} />
                  <BuilderInput label={t('builder.max')} name="max" type="number" value={field.max === null ? '' : String(field.max)} onChange={(v) => set(index, { max: v === '' ? null : Number(v) })} />
                </div>
              )}
              {field.type === 'text' && (
                <div className="field">
                  <label htmlFor={`format-${index}`}>{t('builder.format')}</label>
                  <select id={`format-${index}`} value={field.format} onChange={(e) => set(index, { format: e.target.value })}>
                    <option value="">{t('builder.noFormat')}</option>
                    {['email', 'uri', 'nip-pppk', 'eselon'].map((f) => <option key={f} value={f}>{f}</option>)}
                  </select>
                </div>
              )}
              {field.type === 'choice' && (
                <div className="field">
                  <label htmlFor={`options-${index}`}>{t('builder.options')}</label>
                  <textarea id={`options-${index}`} rows={3} value={field.options.join('\n')} onChange={(e) => set(index, { options: e.target.value.split('\n') })} />
                </div>
              )}
              <div className="button-row">
                <button type="button" className="button-secondary button-small" disabled={index === 0} onClick={() => move(index, -1)}>{t('builder.up')}</button>
                <button type="button" className="button-secondary button-small" disabled={index === fields.length - 1} onClick={() => move(index, 1)}>{t('builder.down')}</button>
                <button type="button" className="button-reject button-small" onClick={() => onChange(fields.filter((_, i) => i !== index))}>{t('builder.remove')}</button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      {!readOnly && (
        <button
          type="button"
          className="button-secondary"
          onClick={() => onChange([...fields, { name: newFieldName(fields), type: 'text', titleId: '', titleEn: '', required: false, min: null, max: null, format: '', options: [] }])}
        >
          {t('builder.add')}
        </button>
      )}
    </>
  );
}

function BuilderInput({ label, name, value, onChange, type = 'text' }: { label: string; name: string; value: string; onChange: (v: string) => void; type?: 'text' | 'number' }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={name} type={type} value={value} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function DiffPanel({ formKey, version }: { formKey: string; version: number }) {
  const { t, lang } = useI18n();
  const ids = useId();
  const [versions, setVersions] = useState<number[]>([]);
  const [from, setFrom] = useState(Math.max(1, version - 1));
  const [to, setTo] = useState(version);
  const [changes, setChanges] = useState<FormChange[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    listForms(lang, abort.signal)
      .then((forms) => setVersions(forms.find((f) => f.key === formKey)?.versions.map((v) => v.version) ?? []))
      .catch(() => undefined);
    return () => abort.abort();
  }, [lang, formKey]);

  if (versions.length < 2) return null;
  const select = (label: string, value: number, set: (n: number) => void, name: string) => (
    <div className="field">
      <label htmlFor={`${ids}-${name}`}>{label}</label>
      <select id={`${ids}-${name}`} value={value} onChange={(e) => set(Number(e.target.value))}>
        {versions.map((v) => <option key={v} value={v}>v{v}</option>)}
      </select>
    </div>
  );
  return (
    <section className="card form-narrow" aria-labelledby={`${ids}-h`}>
      <h2 id={`${ids}-h`}>{t('editor.diff')}</h2>
      <div className="builder-range">
        {select(t('editor.diffFrom'), from, setFrom, 'from')}
        {select(t('editor.diffTo'), to, setTo, 'to')}
      </div>
      <button
        type="button"
        className="button-secondary"
        onClick={() => {
          setError(null);
          diffForm(lang, formKey, from, to).then(setChanges, (caught: unknown) => setError(asApiError(caught, lang)));
        }}
      >
        {t('editor.diffShow')}
      </button>
      <ErrorNotice error={error} />
      {changes && changes.length === 0 && <p className="muted">{t('editor.diffNone')}</p>}
      {changes && changes.length > 0 && (
        <ul className="form-diff">
          {changes.map((c, i) => (
            <li key={i} className={`form-diff-${c.change}`}>
              <code>{c.field}</code> {t(`editor.change.${c.change}`)}
              {c.change === 'changed' && <span className="muted"> ({JSON.stringify(c.before)} → {JSON.stringify(c.after)})</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}


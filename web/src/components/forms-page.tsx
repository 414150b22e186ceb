import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { asApiError, createFormDraft, formWhereUsed, getForm, isAbortError, listForms } from '../api';
import type { ApiError, FormSummary, FormUse } from '../api';
import { useI18n } from '../i18n';
import { PersonName } from '../people';
import { formEditorHref, navigate, useDocumentTitle } from '../routing';
import { ErrorNotice, FieldError } from './error-notice';

/** Administrators' list of forms: versions, status, where each is used; and a new form. */
export function FormsPage() {
  const { t, lang, pick } = useI18n();
  useDocumentTitle(t('forms.title'));
  const [forms, setForms] = useState<FormSummary[] | null>(null);
  const [uses, setUses] = useState<Record<string, FormUse[]>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  useEffect(() => {
    const abort = new AbortController();
    listForms(lang, abort.signal)
      .then(async (items) => {
        setForms(items);
        const entries = await Promise.all(items.map(async (f) => [f.key, await formWhereUsed(lang, f.key, abort.signal)] as const));
        setUses(Object.fromEntries(entries));
      })
      .catch((caught: unknown) => {
        if (!isAbortError(caught)) setError(asApiError(caught, lang));
      });
    return () => abort.abort();
  }, [lang]);

  // A new version starts as a copy of the published one.
  async function newVersion(form: FormSummary) {
    setBusy(form.key);
    try {
      const from = await getForm(lang, form.key, form.publishedVersion ?? form.latestVersion);
      const draft = await createFormDraft(lang, {
        key: form.key, title: from.title, schema: from.schema, uiSchema: from.uiSchema, translations: from.translations,
      });
      navigate(formEditorHref(draft.key, draft.version));
    } catch (caught) {
      setError(asApiError(caught, lang));
      setBusy(null);
    }
  }

  return (
    <>
      <h1>{t('forms.title')}</h1>
      <p className="muted">{t('forms.intro')}</p>
      <ErrorNotice error={error} />
      {!forms && !error && <p className="muted" role="status">{t('list.loading')}</p>}
      {forms && forms.length === 0 && <p className="card muted">{t('forms.none')}</p>}
      {forms && forms.length > 0 && (
        <ul className="forms-list">
          {forms.map((form) => {
            const draft = form.versions.find((v) => v.status === 'draft');
            return (
              <li key={form.key} className="card">
                <h2>{pick(form.title, form.key)}</h2>
                <p className="muted"><code>{form.key}</code></p>
                <table className="forms-versions">
                  <caption className="visually-hidden">{t('forms.versions')}</caption>
                  <tbody>
                    {form.versions.map((v) => (
                      <tr key={v.version}>
                        <td><a href={formEditorHref(form.key, v.version)}>v{v.version}</a></td>
                        <td><span className={`form-status form-status-${v.status}`}>{t(`forms.status.${v.status}`)}</span></td>
                        <td><PersonName login={v.author} /></td>
                        <td>{v.changeNote ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p>
                  <strong>{t('forms.whereUsed')}: </strong>
                  {(uses[form.key] ?? []).length === 0
                    ? t('forms.notUsed')
                    : (uses[form.key] ?? [])
                        .map((u) => t('forms.usedAt', { process: u.process, processVersion: u.processVersion, step: u.stepId ?? t('forms.startStep'), formVersion: u.formVersion }))
                        .join('; ')}
                </p>
                {!draft && form.publishedVersion !== null && (
                  <button type="button" className="button-secondary" disabled={busy !== null} onClick={() => void newVersion(form)}>
                    {t('forms.newVersion', { version: form.publishedVersion })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <NewFormCard />
    </>
  );
}

function NewFormCard() {
  const { t, lang } = useI18n();
  const id = useId();
  const [key, setKey] = useState('');
  const [titleId, setTitleId] = useState('');
  const [titleEn, setTitleEn] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const draft = await createFormDraft(lang, {
        key: key.trim(), title: { id: titleId.trim(), en: titleEn.trim() || titleId.trim() }, schema: { type: 'object', properties: {} },
      });
      navigate(formEditorHref(draft.key, draft.version));
    } catch (caught) {
      setError(asApiError(caught, lang));
      setBusy(false);
    }
  }

  const input = (name: string, label: string, value: string, set: (v: string) => void) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} name={name} value={value} autoComplete="off" onChange={(e) => set(e.target.value)} />
      <FieldError id={`${id}-${name}-error`} messages={error?.fields[name]} />
    </div>
  );

  return (
    <form className="card form-narrow" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('forms.new')}</h2>
      {input('key', t('forms.key'), key, setKey)}
      {input('titleId', t('forms.titleId'), titleId, setTitleId)}
      {input('titleEn', t('forms.titleEn'), titleEn, setTitleEn)}
      <ErrorNotice error={error} inlineFields={['key']} />
      <button type="submit" className="button-primary" disabled={busy}>{t('forms.create')}</button>
    </form>
  );
}

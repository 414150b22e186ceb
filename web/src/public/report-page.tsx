import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import { isAbortError, listUnits, PortalError, submitReport } from './api';
import type { FeedbackReceipt, FeedbackReport, FeedbackUnit, FieldErrors } from './api';
import { usePortalI18n } from './i18n';
import { REPORT_TOPICS, REPORT_TYPES } from './messages';
import type { ReportTopic, ReportType } from './messages';
import { describedBy, ErrorNotice, FieldError } from './notices';
import { ReceiptPanel } from './receipt-panel';
import { useDocumentTitle } from './routing';

const MESSAGE_MAX = 4000;
/** The report form's fields in the order they appear, for moving focus to the first problem. */
const FIELD_ORDER = ['type', 'category', 'unitId', 'message', 'anonymous', 'confidential', 'reporterName', 'contactEmail'] as const;

interface Draft {
  type: ReportType | '';
  category: ReportTopic | '';
  unitId: string;
  message: string;
  anonymous: boolean;
  confidential: boolean;
  reporterName: string;
  contactEmail: string;
  website: string;
}

const EMPTY_DRAFT: Draft = {
  type: '', category: '', unitId: '', message: '', anonymous: false, confidential: false, reporterName: '', contactEmail: '', website: '',
};

type Units = { kind: 'loading' } | { kind: 'ready'; items: FeedbackUnit[] } | { kind: 'failed' };

/** The report form; once the report is received, its tracking code instead. */
export function ReportPage() {
  const { t } = usePortalI18n();
  const [receipt, setReceipt] = useState<FeedbackReceipt | null>(null);
  useDocumentTitle(receipt ? t('receipt.title') : t('report.title'), t('portal.name'));
  if (receipt) return <ReceiptPanel receipt={receipt} onAnother={() => setReceipt(null)} />;
  return <ReportForm onReceived={setReceipt} />;
}

function ReportForm({ onReceived }: { onReceived: (receipt: FeedbackReceipt) => void }) {
  const { t, lang } = usePortalI18n();
  const ids = useId();
  const fieldId = (name: string) => `${ids}-${name}`;
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT);
  const [units, setUnits] = useState<Units>({ kind: 'loading' });
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<PortalError | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    listUnits(lang, controller.signal).then(
      (answer) => setUnits({ kind: 'ready', items: answer.items }),
      (caught: unknown) => {
        if (!isAbortError(caught)) setUnits({ kind: 'failed' });
      },
    );
    return () => controller.abort();
    // The list does not depend on the language: loaded once.
  }, []);

  // A refusal moves focus to the first field it names, whose message screen readers then read.
  useEffect(() => {
    if (!error) return;
    const first = FIELD_ORDER.find((name) => error.fields[name]);
    if (!first) return;
    const target = first === 'type' ? fieldId(`type-${draft.type || REPORT_TYPES[0]}`) : fieldId(first);
    document.getElementById(target)?.focus();
    // Only a new refusal moves focus, not typing afterwards.
  }, [error]);

  const update = <K extends keyof Draft>(name: K, value: Draft[K]) => setDraft((current) => ({ ...current, [name]: value }));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    // What is missing is named here; every other rule (length, e-mail, the OPD) is the server's, shown the same way.
    const missing: FieldErrors = {};
    if (!draft.type) missing.type = [t('field.choose')];
    if (!draft.category) missing.category = [t('field.choose')];
    if (!draft.message.trim()) missing.message = [t('field.missing')];
    if (!draft.type || !draft.category || Object.keys(missing).length > 0) {
      setError(new PortalError(0, 'VALIDATION_FAILED', t('form.fixFields'), missing));
      return;
    }
    const report: FeedbackReport = {
      type: draft.type,
      category: draft.category,
      message: draft.message,
      anonymous: draft.anonymous,
      confidential: draft.confidential,
      website: draft.website,
      ...(draft.unitId ? { unitId: Number(draft.unitId) } : {}),
      // An anonymous report sends no identity at all.
      ...(!draft.anonymous && draft.reporterName.trim() ? { reporterName: draft.reporterName.trim() } : {}),
      ...(!draft.anonymous && draft.contactEmail.trim() ? { contactEmail: draft.contactEmail.trim() } : {}),
    };
    setError(null);
    setSubmitting(true);
    try {
      onReceived(await submitReport(lang, report));
    } catch (caught) {
      setError(caught instanceof PortalError ? caught : new PortalError(0, 'CLIENT_ERROR', t('error.title')));
      setSubmitting(false);
    }
  }

  const errorsOf = (name: string) => error?.fields[name];
  const errorId = (name: string) => (errorsOf(name) ? `${fieldId(name)}-error` : undefined);
  const invalid = (name: string) => (errorsOf(name) ? true : undefined);

  return (
    <form className="card" onSubmit={handleSubmit} noValidate aria-labelledby={`${ids}-heading`}>
      <h1 id={`${ids}-heading`} tabIndex={-1}>
        {t('report.title')}
      </h1>
      <p>{t('report.intro')}</p>
      <p className="hint">{t('report.requiredNote')}</p>

      <fieldset className="field" aria-describedby={errorId('type')}>
        <legend>
          {t('report.type')} <span className="tag">{t('field.required')}</span>
        </legend>
        <div className="choices">
          {REPORT_TYPES.map((type) => (
            <div className="choice" key={type}>
              <input
                id={fieldId(`type-${type}`)}
                type="radio"
                name="type"
                value={type}
                checked={draft.type === type}
                onChange={() => update('type', type)}
                aria-invalid={invalid('type')}
                aria-describedby={describedBy(`${fieldId(`type-${type}`)}-hint`, errorId('type'))}
              />
              <div>
                <label className="choice-title" htmlFor={fieldId(`type-${type}`)}>
                  {t(`report.type.${type}`)}
                </label>
                <p className="hint" id={`${fieldId(`type-${type}`)}-hint`}>
                  {t(`report.type.${type}.hint`)}
                </p>
              </div>
            </div>
          ))}
        </div>
        <FieldError id={`${fieldId('type')}-error`} messages={errorsOf('type')} />
      </fieldset>

      <div className="field">
        <label htmlFor={fieldId('category')}>
          {t('report.category')} <span className="tag">{t('field.required')}</span>
        </label>
        <select
          id={fieldId('category')}
          name="category"
          value={draft.category}
          onChange={(event) => update('category', event.target.value as ReportTopic | '')}
          aria-required="true"
          aria-invalid={invalid('category')}
          aria-describedby={errorId('category')}
        >
          <option value="">{t('report.categoryChoose')}</option>
          {REPORT_TOPICS.map((topic) => (
            <option key={topic} value={topic}>
              {t(`report.category.${topic}`)}
            </option>
          ))}
        </select>
        <FieldError id={`${fieldId('category')}-error`} messages={errorsOf('category')} />
      </div>

      <div className="field">
        <label htmlFor={fieldId('unitId')}>
          {t('report.unit')} <span className="tag">{t('field.optional')}</span>
        </label>
        <select
          id={fieldId('unitId')}
          name="unitId"
          value={draft.unitId}
          onChange={(event) => update('unitId', event.target.value)}
          aria-invalid={invalid('unitId')}
          aria-describedby={describedBy(`${fieldId('unitId')}-hint`, errorId('unitId'))}
          aria-busy={units.kind === 'loading' ? true : undefined}
        >
          <option value="">{units.kind === 'loading' ? t('report.unitLoading') : t('report.unitNone')}</option>
          {units.kind === 'ready' &&
            units.items.map((unit) => (
              <option key={unit.id} value={String(unit.id)}>
                {unit.name}
              </option>
            ))}
        </select>
        <p className="hint" id={`${fieldId('unitId')}-hint`}>
          {units.kind === 'failed' ? t('report.unitUnavailable') : t('report.unitHint')}
        </p>
        <FieldError id={`${fieldId('unitId')}-error`} messages={errorsOf('unitId')} />
      </div>

      <div className="field">
        <label htmlFor={fieldId('message')}>
          {t('report.message')} <span className="tag">{t('field.required')}</span>
        </label>
        <textarea
          id={fieldId('message')}
          name="message"
          rows={7}
          maxLength={MESSAGE_MAX}
          value={draft.message}
          onChange={(event) => update('message', event.target.value)}
          aria-required="true"
          aria-invalid={invalid('message')}
          aria-describedby={describedBy(`${fieldId('message')}-hint`, errorId('message'))}
        />
        <p className="hint" id={`${fieldId('message')}-hint`}>
          {t('report.messageHint')} <span className="counter">{t('report.messageCount', { n: draft.message.length, max: MESSAGE_MAX })}</span>
        </p>
        <FieldError id={`${fieldId('message')}-error`} messages={errorsOf('message')} />
      </div>

      <fieldset className="field">
        <legend>{t('report.privacy')}</legend>
        <div className="check">
          <input
            id={fieldId('anonymous')}
            type="checkbox"
            name="anonymous"
            checked={draft.anonymous}
            onChange={(event) => update('anonymous', event.target.checked)}
            aria-invalid={invalid('anonymous')}
            aria-describedby={describedBy(`${fieldId('anonymous')}-hint`, errorId('anonymous'))}
          />
          <label htmlFor={fieldId('anonymous')}>{t('report.anonymous')}</label>
        </div>
        <p className="hint check-hint" id={`${fieldId('anonymous')}-hint`}>
          {t('report.anonymousHint')}
        </p>
        <FieldError id={`${fieldId('anonymous')}-error`} messages={errorsOf('anonymous')} />
        <div className="check">
          <input
            id={fieldId('confidential')}
            type="checkbox"
            name="confidential"
            checked={draft.confidential}
            onChange={(event) => update('confidential', event.target.checked)}
            aria-invalid={invalid('confidential')}
            aria-describedby={describedBy(`${fieldId('confidential')}-hint`, errorId('confidential'))}
          />
          <label htmlFor={fieldId('confidential')}>{t('report.confidential')}</label>
        </div>
        <p className="hint check-hint" id={`${fieldId('confidential')}-hint`}>
          {t('report.confidentialHint')}
        </p>
        <FieldError id={`${fieldId('confidential')}-error`} messages={errorsOf('confidential')} />
      </fieldset>

      {!draft.anonymous && (
        <>
          <div className="field">
            <label htmlFor={fieldId('reporterName')}>
              {t('report.name')} <span className="tag">{t('field.optional')}</span>
            </label>
            <input
              id={fieldId('reporterName')}
              name="reporterName"
              type="text"
              autoComplete="name"
              maxLength={200}
              value={draft.reporterName}
              onChange={(event) => update('reporterName', event.target.value)}
              aria-invalid={invalid('reporterName')}
              aria-describedby={errorId('reporterName')}
            />
            <FieldError id={`${fieldId('reporterName')}-error`} messages={errorsOf('reporterName')} />
          </div>
          <div className="field">
            <label htmlFor={fieldId('contactEmail')}>
              {t('report.email')} <span className="tag">{t('field.optional')}</span>
            </label>
            <input
              id={fieldId('contactEmail')}
              name="contactEmail"
              type="email"
              inputMode="email"
              autoComplete="email"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={254}
              value={draft.contactEmail}
              onChange={(event) => update('contactEmail', event.target.value)}
              aria-invalid={invalid('contactEmail')}
              aria-describedby={describedBy(`${fieldId('contactEmail')}-hint`, errorId('contactEmail'))}
            />
            <p className="hint" id={`${fieldId('contactEmail')}-hint`}>
              {t('report.emailHint')}
            </p>
            <FieldError id={`${fieldId('contactEmail')}-error`} messages={errorsOf('contactEmail')} />
          </div>
        </>
      )}

      {/* The honeypot: off-screen, out of the tab order and hidden from screen readers; only bots fill it. */}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={fieldId('website')}>{t('report.honeypot')}</label>
        <input
          id={fieldId('website')}
          name="website"
          type="text"
          tabIndex={-1}
          autoComplete="off"
          value={draft.website}
          onChange={(event) => update('website', event.target.value)}
        />
      </div>

      <ErrorNotice error={error} title={t('report.failed')} inlineFields={FIELD_ORDER} afterFailure={t('report.keptDraft')} />

      <button type="submit" className="button-primary button-block" disabled={submitting}>
        {submitting ? t('report.submitting') : t('report.submit')}
      </button>
    </form>
  );
}

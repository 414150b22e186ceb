import type { FormRef } from '../api';
import { SchemaForm } from '../forms/schema-form';
import { useFormVersion } from '../forms/use-form-version';
import { useI18n } from '../i18n';
import { ErrorNotice } from './error-notice';

/** The case's data as the start form it was started with (that exact version) shows it, read-only. */
export function CaseFormData({ formRef, data }: { formRef: FormRef; data: Record<string, unknown> }) {
  const { t } = useI18n();
  const { form, error } = useFormVersion(formRef);
  return (
    <section className="case-form-data" aria-label={t('caseForm.title')}>
      <h2 className="label-heading">{t('caseForm.title')}</h2>
      <p className="hint">{t('caseForm.version', { key: formRef.key, version: formRef.version })}</p>
      <ErrorNotice error={error} />
      {form ? (
        <SchemaForm schema={form.schema} uiSchema={form.uiSchema} translations={form.translations} formData={data} readonly idPrefix="case-data">
          <span />
        </SchemaForm>
      ) : (
        !error && <p className="muted">{t('caseForm.loading')}</p>
      )}
    </section>
  );
}

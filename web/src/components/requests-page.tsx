import { useId, useState } from 'react';
import { listCases } from '../api';
import type { CaseStatus, CaseSummary } from '../api';
import { useI18n } from '../i18n';
import { useProcessName } from '../process-catalogue';
import { caseHref, startHref, useDocumentTitle } from '../routing';
import { usePagedList } from '../use-paged-list';
import { ErrorNotice } from './error-notice';
import { StatusBadge } from './status-badge';
import { StepName } from './step-name';

const PAGE_SIZE = 20;
const STATUSES: readonly CaseStatus[] = ['open', 'approved', 'rejected', 'withdrawn', 'expired'];

export function RequestsPage() {
  const { t, lang, formatDate } = useI18n();
  const ids = useId();
  const [status, setStatus] = useState<CaseStatus | null>(null);
  const processName = useProcessName();
  useDocumentTitle(t('requests.title'));

  const cases = usePagedList<CaseSummary>(
    (cursor, signal) => listCases(lang, { scope: 'mine', limit: PAGE_SIZE, cursor, status }, signal),
    status ?? '',
  );

  return (
    <>
      <div className="page-heading">
        <h1 id={`${ids}-heading`}>{t('requests.title')}</h1>
        <a className="button-link" href={startHref()}>
          {t('requests.start')}
        </a>
      </div>
      <p className="muted">{t('requests.intro')}</p>

      <div className="field field-inline">
        <label htmlFor={`${ids}-status`}>{t('requests.filter')}</label>
        <select
          id={`${ids}-status`}
          value={status ?? ''}
          onChange={(event) => setStatus((event.target.value || null) as CaseStatus | null)}
        >
          <option value="">{t('requests.allStatuses')}</option>
          {STATUSES.map((value) => (
            <option key={value} value={value}>
              {t(`status.${value}`)}
            </option>
          ))}
        </select>
      </div>

      <section className="card" aria-labelledby={`${ids}-heading`}>
        {cases.loaded && cases.items.length === 0 && (
          <p className="muted">{status ? t('requests.emptyFiltered') : t('requests.empty')}</p>
        )}
        {cases.items.length > 0 && (
          <ul className="item-list">
            {cases.items.map((item) => (
              <li key={item.id} className="case-row">
                <a href={caseHref(item.id)} className="item-link">
                  {item.title || t('list.untitled')}
                </a>
                <div className="item-meta">
                  <StatusBadge status={item.status} />
                  <span>{processName(item.process)}</span>
                  {item.status === 'open' && item.currentStep && (
                    <span>
                      {t('requests.currentStep')}: <StepName processKey={item.process} stepId={item.currentStep} />
                    </span>
                  )}
                </div>
                <div className="item-meta muted">
                  <span>{t('list.created', { date: formatDate(item.createdAt) })}</span>
                  <span>{t('list.updated', { date: formatDate(item.updatedAt) })}</span>
                </div>
              </li>
            ))}
          </ul>
        )}
        <p className="muted" role="status">
          {cases.loading ? t('list.loading') : ''}
        </p>
        <ErrorNotice error={cases.error} onRetry={cases.retry} />
        {cases.hasMore && !cases.error && (
          <button type="button" className="button-secondary" disabled={cases.loading} onClick={cases.loadMore}>
            {t('list.loadMore')}
          </button>
        )}
      </section>
    </>
  );
}

import { useEffect, useEffectEvent, useState } from 'react';
import type { FormEvent } from 'react';
import { asApiError, isAbortError } from '../../api';
import type { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { dashboardHref, useDocumentTitle } from '../../routing';
import { ErrorNotice } from '../error-notice';
import { BarChart } from './bar-chart';
import { useChartFormat } from './chart-format';
import { getJpReport } from './dashboard-api';
import type { JpReport, JpUnitSummary } from './dashboard-api';
import './dashboard.css';

const PAGE_SIZE = 20;

interface Query {
  year: number;
  unitId: number | null;
  offset: number;
}

/** The 20-JP report (GET /api/training/jp-report): compliance per OPD and the employees below the yearly right, page by page. */
export function JpReportPage() {
  const { t, lang } = useI18n();
  const format = useChartFormat();
  useDocumentTitle(t('jp.title'));
  const [query, setQuery] = useState<Query>({ year: new Date().getFullYear(), unitId: null, offset: 0 });
  const [draft, setDraft] = useState({ year: String(query.year), unitId: '' });
  const [report, setReport] = useState<JpReport | null>(null);
  // The OPDs to filter by, from the unfiltered report: a filtered one lists only the chosen OPD.
  const [opds, setOpds] = useState<JpUnitSummary[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);

  const load = useEffectEvent(async (signal: AbortSignal) => {
    setLoading(true);
    setError(null);
    try {
      const loaded = await getJpReport(lang, { year: query.year, unitId: query.unitId, limit: PAGE_SIZE, offset: query.offset }, signal);
      setReport(loaded);
      if (query.unitId === null) setOpds([...loaded.units].sort((a, b) => a.name.localeCompare(b.name, lang)));
    } catch (caught) {
      if (isAbortError(caught)) return;
      setError(asApiError(caught, lang));
    }
    setLoading(false);
  });

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [query, reloads]);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const year = Number(draft.year);
    setQuery({ year: Number.isInteger(year) ? year : query.year, unitId: draft.unitId ? Number(draft.unitId) : null, offset: 0 });
  }

  const opdName = new Map(opds.map((u) => [u.unitId, u.name]));
  const below = report?.below;
  const first = below && below.total > 0 ? below.offset + 1 : 0;
  const last = below ? Math.min(below.offset + below.items.length, below.total) : 0;

  return (
    <>
      <p className="back-link">
        <a href={dashboardHref()}>{t('jp.back')}</a>
      </p>
      <h1>{t('jp.title')}</h1>
      <p className="muted">{t('jp.intro')}</p>

      <form className="card dashboard-period" onSubmit={apply} aria-label={t('jp.filter')}>
        <div className="field">
          <label htmlFor="jp-year">{t('jp.year')}</label>
          <input id="jp-year" type="number" inputMode="numeric" min={2000} max={2100} value={draft.year}
            onChange={(e) => setDraft({ ...draft, year: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="jp-unit">{t('jp.unit')}</label>
          <select id="jp-unit" value={draft.unitId} onChange={(e) => setDraft({ ...draft, unitId: e.target.value })}>
            <option value="">{t('jp.allUnits')}</option>
            {opds.map((u) => (
              <option key={u.unitId} value={u.unitId}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button-primary" disabled={loading}>
          {t('jp.show')}
        </button>
      </form>

      <p className="muted" role="status">
        {loading ? t('list.loading') : ''}
      </p>
      <ErrorNotice error={error} onRetry={() => setReloads((n) => n + 1)} />

      {report && (
        <>
          <section className="card dashboard-section" aria-labelledby="jp-compliance">
            <h2 id="jp-compliance">{t('jp.compliance', { year: report.year })}</h2>
            <dl className="stat-tiles">
              <div className="stat-tile">
                <dt>{t('jp.employees')}</dt>
                <dd>{format.number(report.summary.employees)}</dd>
              </div>
              <div className={report.summary.below > 0 ? 'stat-tile stat-alert' : 'stat-tile'}>
                <dt>{t('jp.belowCount', { threshold: report.threshold })}</dt>
                <dd>{format.number(report.summary.below)}</dd>
              </div>
              <div className="stat-tile">
                <dt>{t('dashboard.compliance')}</dt>
                <dd>{format.percent(report.summary.compliancePct)}</dd>
              </div>
            </dl>
            <BarChart title={t('dashboard.jpByOpd')} category={t('dashboard.opd')} series={[{ label: t('dashboard.compliance'), tone: 'primary' }]}
              rows={report.units.map((u) => ({ key: String(u.unitId), label: u.name, values: [u.compliancePct] }))}
              max={100} format={format.percent} empty={t('dashboard.noEmployees')} />
          </section>

          <section className="card dashboard-section" aria-labelledby="jp-below">
            <h2 id="jp-below">{t('jp.belowTitle', { threshold: report.threshold })}</h2>
            {report.below.total === 0 ? (
              <p className="muted">{t('jp.noneBelow', { threshold: report.threshold })}</p>
            ) : (
              <>
                <div className="table-scroll">
                  <table className="data-table">
                    <caption className="visually-hidden">{t('jp.belowTitle', { threshold: report.threshold })}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('jp.name')}</th>
                        <th scope="col">{t('jp.nip')}</th>
                        <th scope="col">{t('dashboard.opd')}</th>
                        <th scope="col" className="numeric">
                          {t('jp.jp')}
                        </th>
                        <th scope="col" className="numeric">
                          {t('jp.missing')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {report.below.items.map((item) => (
                        <tr key={item.employeeId}>
                          <th scope="row">{item.name}</th>
                          <td className="nip">{item.nip}</td>
                          <td>{item.opdUnitId === null ? '—' : opdName.get(item.opdUnitId) ?? report.units.find((u) => u.unitId === item.opdUnitId)?.name ?? '—'}</td>
                          <td className="numeric">{format.number(item.jp)}</td>
                          <td className="numeric">{format.number(item.missing)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <nav className="pager" aria-label={t('jp.pages')}>
                  <button type="button" className="button-secondary" disabled={loading || report.below.offset === 0}
                    onClick={() => setQuery({ ...query, offset: Math.max(0, query.offset - PAGE_SIZE) })}>
                    {t('jp.previous')}
                  </button>
                  <span>{t('jp.showing', { first: format.number(first), last: format.number(last), total: format.number(report.below.total) })}</span>
                  <button type="button" className="button-secondary" disabled={loading || last >= report.below.total}
                    onClick={() => setQuery({ ...query, offset: query.offset + PAGE_SIZE })}>
                    {t('jp.next')}
                  </button>
                </nav>
              </>
            )}
          </section>
        </>
      )}
    </>
  );
}

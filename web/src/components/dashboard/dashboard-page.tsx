import { useEffect, useEffectEvent, useState } from 'react';
import type { FormEvent } from 'react';
import { asApiError, isAbortError } from '../../api';
import type { ApiError } from '../../api';
import { useI18n } from '../../i18n';
import { jpReportHref, useDocumentTitle } from '../../routing';
import { ErrorNotice } from '../error-notice';
import { BarChart } from './bar-chart';
import type { BarRow } from './bar-chart';
import { useChartFormat } from './chart-format';
import { getDashboard } from './dashboard-api';
import type { Dashboard, DashboardCounts, DashboardUnit } from './dashboard-api';
import { Histogram } from './histogram';
import './dashboard.css';

interface Period {
  from?: string;
  to?: string;
}

/** The dashboard of issue 7: open cases, deadline breaches, cycle times, 20-JP compliance and IKM, per process and OPD. */
export function DashboardPage() {
  const { t, lang, formatDate } = useI18n();
  useDocumentTitle(t('dashboard.title'));
  const [period, setPeriod] = useState<Period>({});
  const [draft, setDraft] = useState<{ from: string; to: string }>({ from: '', to: '' });
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [reloads, setReloads] = useState(0);

  const load = useEffectEvent(async (signal: AbortSignal) => {
    setLoading(true);
    setError(null);
    try {
      const loaded = await getDashboard(lang, period, signal);
      setData(loaded);
      // The inputs show the period the server applied, defaults included.
      setDraft(loaded.period);
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
  }, [period, reloads]);

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPeriod({ ...(draft.from ? { from: draft.from } : {}), ...(draft.to ? { to: draft.to } : {}) });
  }

  return (
    <>
      <h1 id="dashboard-heading">{t('dashboard.title')}</h1>
      <p className="muted">
        {data?.scope.unit ? t('dashboard.scopeUnit', { unit: data.scope.unit.name }) : t('dashboard.scopeAll')}
      </p>

      <form className="card dashboard-period" onSubmit={apply} aria-label={t('dashboard.period')}>
        <div className="field">
          <label htmlFor="dashboard-from">{t('dashboard.from')}</label>
          <input id="dashboard-from" type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
        </div>
        <div className="field">
          <label htmlFor="dashboard-to">{t('dashboard.to')}</label>
          <input id="dashboard-to" type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
        </div>
        <button type="submit" className="button-primary" disabled={loading}>
          {t('dashboard.apply')}
        </button>
      </form>

      <p className="muted" role="status">
        {loading ? t('list.loading') : data ? t('dashboard.generated', { date: formatDate(data.generatedAt) }) : ''}
      </p>
      <ErrorNotice error={error} onRetry={() => setReloads((n) => n + 1)} />
      {data && <DashboardFigures data={data} />}
    </>
  );
}

function DashboardFigures({ data }: { data: Dashboard }) {
  const { t, pick, formatDay } = useI18n();
  const format = useChartFormat();
  const closed = data.cycleTime.processes.reduce((sum, p) => sum + p.count, 0);
  const unitName = (unit: DashboardUnit | null) => unit?.name ?? t('dashboard.unknownUnit');
  const byProcess = (counts: DashboardCounts): BarRow[] =>
    counts.byProcess.map((row) => ({ key: row.process, label: pick(row.name, row.process), values: [row.count] }));
  const byOpd = (counts: DashboardCounts): BarRow[] =>
    counts.byOpd.map((row) => ({ key: String(row.unit?.id ?? 'none'), label: unitName(row.unit), values: [row.count] }));
  const breachSeries = [
    { label: t('dashboard.overdue'), tone: 'alert' as const },
    { label: t('dashboard.escalated'), tone: 'accent' as const },
    { label: t('dashboard.deemed'), tone: 'primary' as const },
  ];
  const { overdue, escalated, deemed } = data.breaches;
  const durationSeries = [
    { label: t('dashboard.p50'), tone: 'primary' as const },
    { label: t('dashboard.p90'), tone: 'accent' as const },
  ];
  const buckets = [...data.cycleTime.bucketDays, undefined].map((_, i) => format.bucket(data.cycleTime.bucketDays, i));
  const stepProcesses = [...new Set(data.cycleTime.steps.map((s) => s.process))];
  const period = { from: formatDay(data.period.from), to: formatDay(data.period.to) };

  return (
    <>
      <section aria-labelledby="dashboard-summary">
        <h2 id="dashboard-summary" className="visually-hidden">
          {t('dashboard.summary')}
        </h2>
        <dl className="stat-tiles">
          <Stat label={t('dashboard.openNow')} value={format.number(data.openCases.total)} />
          <Stat label={t('dashboard.overdueNow')} value={format.number(overdue.total)} alert={overdue.total > 0} />
          <Stat label={t('dashboard.escalatedInPeriod')} value={format.number(escalated.total)} />
          <Stat label={t('dashboard.deemedInPeriod')} value={format.number(deemed.total)} />
          <Stat label={t('dashboard.closedInPeriod')} value={format.number(closed)} />
        </dl>
        <p className="muted">{t('dashboard.periodNote', period)}</p>
      </section>

      <section className="card dashboard-section" aria-labelledby="dashboard-open">
        <h2 id="dashboard-open">{t('dashboard.openTitle')}</h2>
        <div className="chart-grid">
          <BarChart title={t('dashboard.byProcess')} category={t('dashboard.process')} series={[{ label: t('dashboard.cases'), tone: 'primary' }]}
            rows={byProcess(data.openCases)} format={format.number} empty={t('dashboard.noOpen')} />
          <BarChart title={t('dashboard.byOpd')} category={t('dashboard.opd')} series={[{ label: t('dashboard.cases'), tone: 'primary' }]}
            rows={byOpd(data.openCases)} format={format.number} empty={t('dashboard.noOpen')} />
        </div>
      </section>

      <section className="card dashboard-section" aria-labelledby="dashboard-breaches">
        <h2 id="dashboard-breaches">{t('dashboard.breachesTitle')}</h2>
        <p className="muted">{t('dashboard.breachesIntro')}</p>
        <div className="chart-grid">
          <BarChart title={t('dashboard.byProcess')} category={t('dashboard.process')} series={breachSeries}
            rows={mergeCounts([overdue, escalated, deemed].map((c) => c.byProcess), (row) => row.process, (row) => pick(row.name, row.process))}
            format={format.number} empty={t('dashboard.noBreaches')} />
          <BarChart title={t('dashboard.byOpd')} category={t('dashboard.opd')} series={breachSeries}
            rows={mergeCounts([overdue, escalated, deemed].map((c) => c.byOpd), (row) => String(row.unit?.id ?? 'none'), (row) => unitName(row.unit))}
            format={format.number} empty={t('dashboard.noBreaches')} />
        </div>
      </section>

      <section className="card dashboard-section" aria-labelledby="dashboard-cycle">
        <h2 id="dashboard-cycle">{t('dashboard.cycleTitle')}</h2>
        <p className="muted">{t('dashboard.cycleIntro')}</p>
        <BarChart title={t('dashboard.cycleByProcess')} category={t('dashboard.process')} series={durationSeries}
          rows={data.cycleTime.processes.map((p) => ({
            key: p.process, label: t('dashboard.withCases', { name: pick(p.name, p.process), n: format.number(p.count) }), values: [p.p50Seconds, p.p90Seconds],
          }))}
          format={format.duration} empty={t('dashboard.noClosed')} />
        {data.cycleTime.processes.length > 0 && (
          <div className="chart-grid">
            {data.cycleTime.processes.map((p) => (
              <Histogram key={p.process} title={t('dashboard.histogram', { name: pick(p.name, p.process) })} category={t('dashboard.bucketDays')}
                bucketLabels={buckets} counts={p.histogram} format={format.number} />
            ))}
          </div>
        )}
        <h3>{t('dashboard.cycleBySteps')}</h3>
        {stepProcesses.length === 0 && <p className="muted">{t('dashboard.noSteps')}</p>}
        <div className="chart-grid">
          {stepProcesses.map((process) => {
            const steps = data.cycleTime.steps.filter((s) => s.process === process);
            return (
              <BarChart key={process} title={pick(steps[0]?.processName, process)} category={t('dashboard.step')} series={durationSeries}
                rows={steps.map((s) => ({
                  key: s.stepId,
                  label: t('dashboard.withVisits', {
                    name: s.name ? pick(s.name, s.stepId) : s.kind === 'revision' ? t('steps.kind.revision') : s.stepId,
                    n: format.number(s.count),
                  }),
                  values: [s.p50Seconds, s.p90Seconds],
                }))}
                format={format.duration} empty={t('dashboard.noSteps')} />
            );
          })}
        </div>
      </section>

      <section className="card dashboard-section" aria-labelledby="dashboard-jp">
        <h2 id="dashboard-jp">{t('dashboard.jpTitle', { threshold: data.jp.threshold, year: data.jp.year })}</h2>
        <p>
          {t('dashboard.jpSummary', {
            pct: format.percent(data.jp.summary.compliancePct),
            met: format.number(data.jp.summary.employees - data.jp.summary.below),
            employees: format.number(data.jp.summary.employees),
            threshold: data.jp.threshold,
          })}{' '}
          <a href={jpReportHref()}>{t('dashboard.jpOpen')}</a>
        </p>
        <BarChart title={t('dashboard.jpByOpd')} category={t('dashboard.opd')} series={[{ label: t('dashboard.compliance'), tone: 'primary' }]}
          rows={data.jp.units.map((u) => ({ key: String(u.unitId), label: u.name, values: [u.compliancePct] }))}
          max={100} format={format.percent} empty={t('dashboard.noEmployees')} />
      </section>

      <section className="card dashboard-section" aria-labelledby="dashboard-ikm">
        <h2 id="dashboard-ikm">{t('dashboard.ikmTitle')}</h2>
        <p>
          {data.satisfaction.overall
            ? t('dashboard.ikmOverall', {
                ikm: format.number(data.satisfaction.overall.ikm),
                grade: data.satisfaction.overall.grade,
                performance: pick(data.satisfaction.overall.performance),
                ratings: format.number(data.satisfaction.overall.ratings),
              })
            : t('dashboard.noRatings')}
        </p>
        <BarChart title={t('dashboard.ikmByOpd')} category={t('dashboard.opd')} series={[{ label: t('dashboard.ikm'), tone: 'primary' }]}
          rows={data.satisfaction.units.map((u) => ({
            key: String(u.unit?.id ?? 'none'),
            label: t('dashboard.ikmUnit', { unit: unitName(u.unit), grade: u.grade, ratings: format.number(u.ratings) }),
            values: [u.ikm],
          }))}
          max={100} format={format.number} empty={t('dashboard.noRatings')} />
      </section>
    </>
  );
}

function Stat({ label, value, alert = false }: { label: string; value: string; alert?: boolean }) {
  return (
    <div className={alert ? 'stat-tile stat-alert' : 'stat-tile'}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

/** Rows of several breakdowns side by side (one value per breakdown), in the order each key first appears. */
function mergeCounts<R extends { count: number }>(lists: R[][], keyOf: (row: R) => string, labelOf: (row: R) => string): BarRow[] {
  const merged = new Map<string, BarRow>();
  lists.forEach((rows, i) => {
    for (const row of rows) {
      const key = keyOf(row);
      const entry = merged.get(key) ?? { key, label: labelOf(row), values: lists.map(() => 0) };
      entry.values[i] = row.count;
      merged.set(key, entry);
    }
  });
  return [...merged.values()];
}

import { useEffect, useId, useRef, useState } from 'react';
import { getStatus, isAbortError, PortalError } from './api';
import type { FeedbackStatus, FeedbackStatusView } from './api';
import { usePortalI18n } from './i18n';
import type { MessageKey } from './messages';
import { LookupForm } from './lookup-page';
import { ErrorNotice } from './notices';
import { RatingForm } from './rating-form';
import { useDocumentTitle } from './routing';

/** After a rating, the report closes a moment later; the page looks again this often, this many times. */
const RECORDING_POLL_MS = 1000;
const RECORDING_POLLS = 10;

const PROGRESS: ReadonlyArray<{ key: MessageKey; statuses: readonly FeedbackStatus[] }> = [
  { key: 'status.progress.received', statuses: ['RECEIVED', 'NEEDS_INFORMATION'] },
  { key: 'status.progress.followUp', statuses: ['IN_PROGRESS'] },
  { key: 'status.progress.answered', statuses: ['ANSWERED'] },
  { key: 'status.progress.closed', statuses: ['CLOSED'] },
];
/** Verification ended the report without an answer. */
const ENDED: readonly FeedbackStatus[] = ['NOT_IN_REMIT', 'ARCHIVED'];

/** Where a report stands, its deadlines and, once published, the answer and the rating form. */
export function StatusPage({ code }: { code: string }) {
  const { t, lang, pick, formatDate } = usePortalI18n();
  const ids = useId();
  const [view, setView] = useState<FeedbackStatusView | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<PortalError | null>(null);
  const [refusal, setRefusal] = useState<PortalError | null>(null);
  const [reloads, setReloads] = useState(0);
  const [thanked, setThanked] = useState(false);
  const polls = useRef(0);
  const thanks = useRef<HTMLParagraphElement>(null);
  useDocumentTitle(`${t('status.title')} ${code}`, t('portal.name'));

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    getStatus(lang, code, controller.signal).then(
      (answer) => {
        setView(answer);
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (isAbortError(caught)) return;
        setError(caught instanceof PortalError ? caught : new PortalError(0, 'CLIENT_ERROR', t('error.title')));
        setLoading(false);
      },
    );
    return () => controller.abort();
    // Errors are read in the language of the moment they occur; switching language does not reload.
  }, [code, reloads]);

  // The rating is accepted before the report has closed: look again until the page shows it rated.
  const recording = thanked && view !== null && view.rating.ratedAt === null;
  useEffect(() => {
    if (!recording || loading || polls.current >= RECORDING_POLLS) return;
    const timer = window.setTimeout(() => {
      polls.current += 1;
      setReloads((n) => n + 1);
    }, RECORDING_POLL_MS);
    return () => window.clearTimeout(timer);
  }, [recording, loading]);

  useEffect(() => {
    if (thanked) thanks.current?.focus();
  }, [thanked]);

  function rated(next: FeedbackStatusView) {
    setView(next);
    setRefusal(null);
    setThanked(true);
  }

  function refused(next: PortalError) {
    setRefusal(next);
    setReloads((n) => n + 1);
  }

  const heading = (
    <h1 id={`${ids}-heading`} tabIndex={-1}>
      {t('status.title')}
    </h1>
  );

  if (!view) {
    return (
      <section className="card" aria-labelledby={`${ids}-heading`}>
        {heading}
        {loading && (
          <p className="muted" role="status">
            {t('status.loading')}
          </p>
        )}
        <ErrorNotice error={error} title={error?.status === 404 ? t('status.notFound') : t('status.failed')} />
        {error?.status === 404 && <LookupForm initial={code} />}
      </section>
    );
  }

  const stepIndex = PROGRESS.findIndex((step) => step.statuses.includes(view.status));
  const closed = view.status === 'CLOSED';

  return (
    <section className="card status" aria-labelledby={`${ids}-heading`}>
      <div className="status-head">
        {heading}
        <button type="button" className="button-secondary" onClick={() => setReloads((n) => n + 1)} disabled={loading}>
          {t('status.refresh')}
        </button>
      </div>

      <p className="stage" aria-live="polite">
        {pick(view.stage)}
      </p>

      <dl className="facts">
        <dt>{t('status.code')}</dt>
        <dd>
          <code className="code-inline">{view.trackingCode}</code>
        </dd>
        <dt>{t('status.type')}</dt>
        <dd>{pick(view.type.label)}</dd>
        <dt>{t('status.category')}</dt>
        <dd>{pick(view.category.label)}</dd>
        <dt>{t('status.submitted')}</dt>
        <dd>{formatDate(view.submittedAt)}</dd>
        <dt>{t('status.since')}</dt>
        <dd>{formatDate(view.since)}</dd>
        {view.dueAt && (
          <>
            {/* Once answered, the only deadline left is the citizen's own: the rating's. */}
            <dt>{view.status === 'ANSWERED' ? t('status.dueRating') : t('status.due')}</dt>
            <dd>{formatDate(view.dueAt)}</dd>
          </>
        )}
        {view.handlingUnit && (
          <>
            <dt>{t('status.unit')}</dt>
            <dd>{view.handlingUnit.name}</dd>
          </>
        )}
        {view.resolution && (
          <>
            <dt>{t('status.resolution')}</dt>
            <dd>
              {view.resolution.workingDays === null
                ? pick(view.resolution.label)
                : t('status.resolutionDays', { label: pick(view.resolution.label), n: view.resolution.workingDays })}
            </dd>
          </>
        )}
      </dl>

      <h2>{t('status.progress')}</h2>
      {ENDED.includes(view.status) ? (
        <p>{t('status.progress.ended')}</p>
      ) : (
        <ol className="progress">
          {PROGRESS.map((step, index) => {
            const done = closed || index < stepIndex;
            const current = !closed && index === stepIndex;
            return (
              <li key={step.key} className={done ? 'progress-done' : current ? 'progress-current' : undefined} aria-current={current ? 'step' : undefined}>
                {t(step.key)}
                {(done || current) && (
                  <span className="visually-hidden"> ({done ? t('status.progress.done') : t('status.progress.current')})</span>
                )}
              </li>
            );
          })}
        </ol>
      )}

      {view.note && (
        <>
          <h2>{t('status.note')}</h2>
          <p className="prose">{view.note}</p>
        </>
      )}

      <h2>{t('status.message')}</h2>
      {view.message ? <p className="prose">{view.message}</p> : <p className="muted">{t('status.messageHidden')}</p>}

      <h2>{t('status.answer')}</h2>
      {view.answer ? (
        <div className="answer">
          <p className="prose">{view.answer.text}</p>
          <p className="muted">{t('status.answeredAt', { date: formatDate(view.answer.answeredAt) })}</p>
        </div>
      ) : (
        <p className="muted">{t('status.noAnswer')}</p>
      )}

      {thanked && (
        <p className="notice notice-ok" role="status" tabIndex={-1} ref={thanks}>
          {t('rating.thanks')}
        </p>
      )}
      <ErrorNotice error={refusal} title={t('rating.failed')} />
      {view.rating.ratedAt ? (
        <p className="rated">{t('status.rated', { date: formatDate(view.rating.ratedAt) })}</p>
      ) : recording ? (
        <p className="muted">{t('rating.recording')}</p>
      ) : view.rating.open ? (
        <RatingForm code={view.trackingCode} onRated={rated} onRefused={refused} />
      ) : (
        closed && <p className="muted">{t('status.closedUnrated')}</p>
      )}
    </section>
  );
}

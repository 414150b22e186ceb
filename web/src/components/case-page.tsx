import { useEffect, useEffectEvent, useState } from 'react';
import { asApiError, getCase, isAbortError, mergeTimeline } from '../api';
import type { ApiError, CaseDetail, CaseView } from '../api';
import { useI18n } from '../i18n';
import { PersonName, usePeople } from '../people';
import { useDefinition } from '../process-catalogue';
import { inboxHref, useDocumentTitle } from '../routing';
import { ADMIN_ROLE, useUser } from '../session';
import { ActionPanel } from './action-panel';
import { CaseFormData } from './case-form-data';
import { CaseSteps } from './case-steps';
import { CaseTimeline, loginsOfEvent } from './case-timeline';
import { CurrentStepPanel } from './current-step-panel';
import { ErrorNotice } from './error-notice';
import { StatusBadge } from './status-badge';

const TEMPORAL_UI = 'http://localhost:8233';
/** A case that answered 202 may not be readable for a moment: retry this many times. */
const STARTING_RETRIES = 5;

/** Render with `key={caseId}` so that opening another case starts from fresh state. */
export function CasePage({ caseId }: { caseId: string }) {
  const { t, lang } = useI18n();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [loadError, setLoadError] = useState<ApiError | null>(null);
  const [reloadCount, setReloadCount] = useState(0);
  useDocumentTitle(detail?.title ?? null);

  async function load(signal?: AbortSignal): Promise<void> {
    try {
      setDetail(await getCase(lang, caseId, signal));
      setLoadError(null);
    } catch (caught) {
      if (!isAbortError(caught)) setLoadError(asApiError(caught, lang));
    }
  }

  const loadOnOpen = useEffectEvent(async (signal: AbortSignal) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        setDetail(await getCase(lang, caseId, signal));
        setLoadError(null);
        return;
      } catch (caught) {
        if (isAbortError(caught)) return;
        const error = asApiError(caught, lang);
        // Just started (202): the case may not be readable yet; a worker answers within moments.
        const starting = error.status === 404 || error.status === 503;
        if (!starting || attempt >= STARTING_RETRIES) {
          setLoadError(error);
          return;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 500 * (attempt + 1)));
      if (signal.aborted) return;
    }
  });

  useEffect(() => {
    const controller = new AbortController();
    void loadOnOpen(controller.signal);
    return () => controller.abort();
  }, [caseId, reloadCount]);

  if (!detail) {
    return (
      <>
        <BackLink />
        {!loadError && (
          <p className="muted" role="status">
            {t('case.loading')}
          </p>
        )}
        <ErrorNotice error={loadError} onRetry={() => setReloadCount((count) => count + 1)} />
      </>
    );
  }

  // An action answers with the case but not its timeline: show the answer now, then read it all.
  function afterAction(view: CaseView) {
    setDetail((previous) => (previous ? { ...previous, ...view, timeline: mergeTimeline(previous.timeline, view.events) } : previous));
    void load();
  }

  return (
    <>
      <BackLink />
      <CaseContent detail={detail} onAction={afterAction} onReload={() => load()} loadError={loadError} />
    </>
  );
}

interface CaseContentProps {
  detail: CaseDetail;
  loadError: ApiError | null;
  onAction: (view: CaseView) => void;
  onReload: () => Promise<void>;
}

function CaseContent({ detail, loadError, onAction, onReload }: CaseContentProps) {
  const { t, pick, formatDate } = useI18n();
  const user = useUser();
  const { definition, error: definitionError } = useDefinition(detail.process.key, detail.process.version);
  // Every name the page shows, asked for at once; the panels below find them known or on the way.
  usePeople(loginsOfCase(detail));
  const notes = typeof detail.data.keterangan === 'string' ? detail.data.keterangan : null;
  // A closed case still names the end step it reached; that is history, not a step in progress.
  const current = detail.status === 'open' ? detail.current : null;

  return (
    <article className="case">
      <header className="card case-header">
        <h1>{detail.title}</h1>
        <div className="item-meta">
          <StatusBadge status={detail.status} />
        </div>
        {detail.fromProjection && (
          <p className="notice notice-info" role="status">
            {t('case.projection')}{' '}
            <button type="button" className="button-link-inline" onClick={() => void onReload()}>
              {t('case.reload')}
            </button>
          </p>
        )}
        <dl className="facts">
          <div>
            <dt>{t('case.process')}</dt>
            <dd>
              {t('case.processVersion', { name: pick(detail.process.name, detail.process.key), version: detail.process.version })}
            </dd>
          </div>
          <div>
            <dt>{t('case.initiator')}</dt>
            <dd>
              <PersonName login={detail.initiator.userId} />
            </dd>
          </div>
          <div>
            <dt>{t('case.created')}</dt>
            <dd>{formatDate(detail.createdAt)}</dd>
          </div>
          <div>
            <dt>{detail.closedAt ? t('case.closed') : t('case.updated')}</dt>
            <dd>{formatDate(detail.closedAt ?? detail.updatedAt)}</dd>
          </div>
        </dl>
        {notes && (
          <div className="case-notes">
            <h2 className="label-heading">{t('case.notes')}</h2>
            <p>{notes}</p>
          </div>
        )}
        {definition?.startForm && <CaseFormData formRef={definition.startForm} data={detail.data} />}
        {user.roles.includes(ADMIN_ROLE) && (
          <p>
            <a href={`${TEMPORAL_UI}/namespaces/default/workflows/${encodeURIComponent(detail.id)}`} target="_blank" rel="noreferrer">
              {t('case.temporal')}
            </a>
          </p>
        )}
        <ErrorNotice error={loadError} />
      </header>

      <div className="case-layout">
        <div className="case-main">
          {current && <CurrentStepPanel current={current} />}
          <ActionPanel view={detail} definition={definition} onDone={onAction} onConflict={onReload} />
          {definition || definitionError ? (
            <CaseTimeline events={detail.timeline} definition={definition} />
          ) : (
            <p className="muted">{t('list.loading')}</p>
          )}
        </div>
        <CaseSteps definition={definition} error={definitionError} current={current} timeline={detail.timeline} />
      </div>
    </article>
  );
}

/** The logins a case page shows: its initiator, who holds and decided the current step, and who acted in its history. */
function loginsOfCase(detail: CaseDetail): string[] {
  const current = detail.current;
  return [
    detail.initiator.userId,
    ...(current?.assignees.flatMap((a) => [a.userId, a.substituteFor, a.delegatedBy]) ?? []),
    ...(current?.decisions.map((d) => d.userId) ?? []),
    ...detail.timeline.flatMap(loginsOfEvent),
  ].filter((login): login is string => Boolean(login));
}

function BackLink() {
  const { t } = useI18n();
  return (
    <p>
      <a href={inboxHref()} className="back-link">
        <span aria-hidden="true">← </span>
        {t('page.toInbox')}
      </a>
    </p>
  );
}

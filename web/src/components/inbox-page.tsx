import { useEffect, useEffectEvent, useState } from 'react';
import { getTaskCounts, isAbortError, listTasks } from '../api';
import type { TaskCounts, TaskSummary } from '../api';
import { useI18n } from '../i18n';
import { usePeople } from '../people';
import { useProcessName } from '../process-catalogue';
import { caseHref, useDocumentTitle } from '../routing';
import { usePagedList } from '../use-paged-list';
import { DeadlineBadge } from './deadline-badge';
import { ErrorNotice } from './error-notice';
import { StepName } from './step-name';

const PAGE_SIZE = 20;

export function InboxPage() {
  const { t, lang } = useI18n();
  const [process, setProcess] = useState<string | null>(null);
  const [counts, setCounts] = useState<TaskCounts | null>(null);
  const processName = useProcessName();
  useDocumentTitle(t('inbox.title'));

  const tasks = usePagedList<TaskSummary>(
    (cursor, signal) => listTasks(lang, { limit: PAGE_SIZE, cursor, process }, signal),
    process ?? '',
  );

  // Counts are a summary beside the list; without them the list still works, so errors stay quiet.
  const loadCounts = useEffectEvent(async (signal: AbortSignal) => {
    try {
      setCounts(await getTaskCounts(lang, signal));
    } catch (caught) {
      if (!isAbortError(caught)) setCounts(null);
    }
  });
  useEffect(() => {
    const controller = new AbortController();
    void loadCounts(controller.signal);
    return () => controller.abort();
  }, []);

  const filters = counts ? Object.entries(counts.byProcess).sort(([a], [b]) => processName(a).localeCompare(processName(b))) : [];

  return (
    <>
      <h1 id="inbox-heading">{t('inbox.title')}</h1>
      <p className="muted">{t('inbox.intro')}</p>

      {counts && counts.total > 0 && (
        <div className="filter-chips" role="group" aria-label={t('inbox.filter')}>
          <button type="button" aria-pressed={process === null} onClick={() => setProcess(null)}>
            {t('inbox.filterAll', { n: counts.total })}
          </button>
          {filters.map(([key, n]) => (
            <button key={key} type="button" aria-pressed={process === key} onClick={() => setProcess(key)}>
              {t('inbox.filterOne', { process: processName(key), n })}
            </button>
          ))}
        </div>
      )}

      <section className="card" aria-labelledby="inbox-heading">
        {tasks.loaded && tasks.items.length === 0 && (
          <p className="muted">{process ? t('inbox.emptyFiltered') : t('inbox.empty')}</p>
        )}
        {tasks.items.length > 0 && (
          <ul className="item-list">
            {tasks.items.map((task) => (
              <TaskRow key={task.id} task={task} processName={processName(task.process)} />
            ))}
          </ul>
        )}
        <p className="muted" role="status">
          {tasks.loading ? t('list.loading') : ''}
        </p>
        <ErrorNotice error={tasks.error} onRetry={tasks.retry} />
        {tasks.hasMore && !tasks.error && (
          <button type="button" className="button-secondary" disabled={tasks.loading} onClick={tasks.loadMore}>
            {t('list.loadMore')}
          </button>
        )}
      </section>
    </>
  );
}

function TaskRow({ task, processName }: { task: TaskSummary; processName: string }) {
  const { t, formatDate } = useI18n();
  const { nameOf } = usePeople([task.substituteFor]);
  return (
    <li className="task-row">
      <a href={caseHref(task.caseId)} className="item-link">
        {task.title || t('list.untitled')}
      </a>
      <div className="item-meta">
        <span>{processName}</span>
        <span>
          {t('inbox.step')}: <StepName processKey={task.process} stepId={task.stepId} />
        </span>
        {task.substituteFor && (
          <span className="badge badge-substitute" title={task.substituteFor}>
            {t('inbox.substituteFor', { user: nameOf(task.substituteFor) })}
          </span>
        )}
      </div>
      <div className="item-meta">
        <DeadlineBadge dueAt={task.dueAt} />
        <span className="muted">{t('inbox.received', { date: formatDate(task.createdAt) })}</span>
      </div>
    </li>
  );
}

import type { CurrentStep } from '../api';
import { useI18n } from '../i18n';
import { PersonName, usePeople } from '../people';
import { REVISION_STEP } from '../process-catalogue';
import { DeadlineBadge } from './deadline-badge';
import { OutcomeBadge } from './outcome-badge';

/** Who holds the current step, until when, and what they decided so far. */
export function CurrentStepPanel({ current }: { current: CurrentStep }) {
  const { t, pick, formatDate } = useI18n();
  const name = current.stepId === REVISION_STEP ? t('current.revision') : pick(current.name, current.stepId);
  const { nameOf } = usePeople([
    ...current.assignees.flatMap((a) => [a.userId, a.substituteFor, a.delegatedBy]),
    ...current.decisions.map((d) => d.userId),
  ]);

  return (
    <section className="card current-step" aria-labelledby="current-step-heading">
      <h2 id="current-step-heading">
        {t('current.title')}: {name}
      </h2>
      <p className="item-meta muted">
        <span>{t(`steps.kind.${current.kind}`)}</span>
        {current.visit > 1 && <span>{t('current.visit', { n: current.visit })}</span>}
        <span>{t('current.started', { date: formatDate(current.startedAt) })}</span>
      </p>

      <dl className="facts">
        <div>
          <dt>{t('current.assignees')}</dt>
          <dd>
            {current.assignees.length === 0 ? (
              <span className="muted">{t('current.noAssignees')}</span>
            ) : (
              <ul className="plain-list">
                {current.assignees.map((assignee) => (
                  <li key={assignee.userId} className="assignee">
                    <PersonName login={assignee.userId} />
                    {assignee.substituteFor && (
                      <span className="badge badge-substitute" title={assignee.substituteFor}>
                        {t('current.substituteFor', { user: nameOf(assignee.substituteFor) })}
                      </span>
                    )}
                    {assignee.delegatedBy && (
                      <span className="muted" title={assignee.delegatedBy}> ({t('current.delegatedBy', { user: nameOf(assignee.delegatedBy) })})</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        {(current.deadline || current.kind === 'approval' || current.kind === 'task') && (
          <div>
            <dt>{t('current.deadline')}</dt>
            <dd>
              <DeadlineBadge dueAt={current.deadline} showNone labelled={false} />
            </dd>
          </div>
        )}
        {current.waitUntil && (
          <div>
            <dt>{t('steps.kind.wait')}</dt>
            <dd>{t('current.waitUntil', { date: formatDate(current.waitUntil) })}</dd>
          </div>
        )}
      </dl>

      {(current.kind === 'approval' || current.kind === 'task') && (
        <>
          <h3>{t('current.decisions')}</h3>
          {current.decisions.length === 0 ? (
            <p className="muted">{t('current.noDecisions')}</p>
          ) : (
            <ul className="plain-list decisions">
              {current.decisions.map((decision) => (
                <li key={`${decision.userId}-${decision.at}`}>
                  <OutcomeBadge outcome={decision.outcome} />{' '}
                  <strong>
                    <PersonName login={decision.userId} />
                  </strong>{' '}
                  <span className="muted">{formatDate(decision.at)}</span>
                  {decision.comment && <blockquote>{decision.comment}</blockquote>}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

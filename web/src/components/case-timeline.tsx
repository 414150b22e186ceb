import type { ProcessDefinition, TimelineEvent } from '../api';
import { useI18n } from '../i18n';
import type { I18n } from '../i18n';
import { knownKey } from '../messages';
import { REVISION_STEP, stepName } from '../process-catalogue';

/** Every event of the case, oldest first: who, when, what, and the comment. */
export function CaseTimeline({ events, definition }: { events: TimelineEvent[]; definition: ProcessDefinition | null }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;

  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('timeline.title')}</h2>
      {events.length === 0 ? (
        <p className="muted">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline">
          {events.map((event) => (
            <li
              key={event.seq}
              className={`timeline-event event-${event.type.replace('.', '-')}${event.outcome ? ` outcome-${event.outcome}` : ''}`}
              data-event-type={event.type}
            >
              <p className="timeline-what">{describeEvent(event, definition, i18n)}</p>
              <p className="timeline-meta muted">
                <time dateTime={event.occurredAt}>{formatDate(event.occurredAt)}</time>
                {' · '}
                {event.actor ? t('timeline.by', { actor: event.actor }) : t('timeline.system')}
              </p>
              {event.comment && <blockquote>{event.comment}</blockquote>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function list(value: unknown, nobody: string): string {
  return Array.isArray(value) && value.length > 0 ? value.map(String).join(', ') : nobody;
}

/** One readable sentence per event type, in the UI language. */
export function describeEvent(event: TimelineEvent, definition: ProcessDefinition | null, { t, pick, formatDate }: I18n): string {
  const details = event.details ?? {};
  const step = (id: string | null) =>
    !id ? '' : id === REVISION_STEP ? t('steps.kind.revision') : stepName(definition, id, pick);
  const outcome = (value: unknown) => {
    const key = knownKey(`outcome.${text(value)}`);
    return key ? t(key) : text(value);
  };
  const date = (value: unknown) => (text(value) ? formatDate(text(value)) : '');
  const nobody = t('event.nobody');

  switch (event.type) {
    case 'case.started':
      return t('event.case.started');
    case 'step.entered':
      return t('event.step.entered', { step: step(event.stepId) });
    case 'step.assigned':
      return t('event.step.assigned', { users: list(details.assignees, nobody) });
    case 'step.unassigned':
      return t('event.step.unassigned', { step: step(event.stepId) });
    case 'step.decided':
      return t('event.step.decided', { step: step(event.stepId), outcome: outcome(event.outcome) });
    case 'step.returned':
      return t('event.step.returned', {
        target: details.to === 'initiator' ? t('returnTarget.initiator') : step(text(details.to)),
      });
    case 'step.delegated':
      return t('event.step.delegated', { to: text(details.to) });
    case 'step.reassigned':
      return t('event.step.reassigned', { from: text(details.from), to: text(details.to) });
    case 'step.reminded':
      return t('event.step.reminded', { users: list(details.recipients, nobody) });
    case 'step.escalated':
      return t('event.step.escalated', { users: list(details.to, nobody) });
    case 'task.substituted':
      return t('event.task.substituted', { to: text(details.to), for: text(details.for) });
    case 'branch.taken':
      return t('event.branch.taken', { step: step(event.stepId), next: step(text(details.next)) });
    case 'effect.applied':
      return t('event.effect.applied', { step: step(event.stepId) });
    case 'wait.started':
      return t('event.wait.started', { date: date(details.until) });
    case 'wait.extended':
      return t('event.wait.extended', { date: date(details.until) });
    case 'wait.ended_early':
      return t('event.wait.ended_early');
    case 'wait.finished':
      return t('event.wait.finished');
    case 'case.commented':
      return t('event.case.commented');
    case 'case.withdrawn':
      return t('event.case.withdrawn');
    case 'case.resubmitted':
      return t('event.case.resubmitted');
    case 'case.closed':
      return t('event.case.closed', { outcome: outcome(event.outcome) });
    default:
      return t('event.unknown', { type: event.type });
  }
}

import type { ProcessDefinition, TimelineEvent } from '../api';
import { useI18n } from '../i18n';
import type { I18n } from '../i18n';
import { knownKey } from '../messages';
import { usePeople } from '../people';
import type { People } from '../people';
import { REVISION_STEP, stepName } from '../process-catalogue';

/** Every event of the case, oldest first: who, when, what, and the comment. */
export function CaseTimeline({ events, definition }: { events: TimelineEvent[]; definition: ProcessDefinition | null }) {
  const i18n = useI18n();
  const { t, formatDate } = i18n;
  const people = usePeople(events.flatMap(loginsOfEvent));

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
              <p className="timeline-what">{describeEvent(event, definition, i18n, people.nameOf)}</p>
              <p className="timeline-meta muted">
                <time dateTime={event.occurredAt}>{formatDate(event.occurredAt)}</time>
                {' · '}
                {event.actor ? (
                  <span className="timeline-actor" data-login={event.actor} title={event.actor}>
                    {t('timeline.by', { actor: people.nameOf(event.actor) })}
                  </span>
                ) : (
                  t('timeline.system')
                )}
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

function texts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** The logins an event names: its actor and the people in its details (as describeEvent reads them). */
export function loginsOfEvent(event: Pick<TimelineEvent, 'type' | 'actor' | 'details'>): string[] {
  const details = event.details ?? {};
  const named: Record<string, readonly string[]> = {
    'step.assigned': ['assignees'],
    'step.delegated': ['to'],
    'step.reassigned': ['from', 'to'],
    'step.reminded': ['recipients'],
    'step.escalated': ['to'],
    'task.substituted': ['to', 'for'],
  };
  return [...(event.actor ? [event.actor] : []), ...(named[event.type] ?? []).flatMap((field) => texts(details[field]))];
}

/** One readable sentence per event type, in the UI language, people by name. */
export function describeEvent(
  event: TimelineEvent, definition: ProcessDefinition | null, { t, pick, formatDate }: I18n, nameOf: People['nameOf'] = (login) => login,
): string {
  const details = event.details ?? {};
  const person = (value: unknown) => nameOf(text(value));
  const list = (value: unknown, nobody: string) => {
    const logins = texts(value);
    return logins.length > 0 ? logins.map(nameOf).join(', ') : nobody;
  };
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
      return t('event.step.delegated', { to: person(details.to) });
    case 'step.reassigned':
      return t('event.step.reassigned', { from: person(details.from), to: person(details.to) });
    case 'step.reminded':
      return t('event.step.reminded', { users: list(details.recipients, nobody) });
    case 'step.escalated':
      return t('event.step.escalated', { users: list(details.to, nobody) });
    case 'task.substituted':
      return t('event.task.substituted', { to: person(details.to), for: person(details.for) });
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

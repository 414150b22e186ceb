import type { CaseEventRecord, CaseView } from '../workflows/case';

/** What a person is told about, in the app and (unless they opted out) by e-mail. */
export const NOTIFICATION_KINDS = [
  'task.assigned', 'task.reminder', 'task.escalated', 'task.delegated', 'case.decided', 'case.returned', 'case.closed',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface PendingNotification {
  id: string;
  userLogin: string;
  kind: NotificationKind;
  stepId: string | null;
  actor: string | null;
  params: Record<string, unknown>;
}

/**
 * The notifications a batch of case events causes. Pure: the projection calls it inside its
 * transaction, and each notification's id comes from its event, so a replayed batch adds nothing.
 */
export function notificationsFor(view: CaseView, events: CaseEventRecord[]): PendingNotification[] {
  const out: PendingNotification[] = [];
  const initiator = view.initiator.userId;
  const stepName = (stepId: string | null) => (stepId && view.current?.stepId === stepId ? view.current.name : null);
  const add = (event: CaseEventRecord, userLogin: unknown, kind: NotificationKind, params: Record<string, unknown> = {}) => {
    if (typeof userLogin !== 'string' || !userLogin || userLogin === event.actor) return;
    out.push({
      id: `${view.id}/${event.seq}/${userLogin}/${kind}`,
      userLogin,
      kind,
      stepId: event.stepId,
      actor: event.actor,
      params: { stepName: stepName(event.stepId), ...params },
    });
  };
  const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
  for (const event of events) {
    const details = event.details ?? {};
    switch (event.type) {
      case 'step.assigned':
        for (const login of list(details.assignees)) {
          const assignment = view.current?.assignees.find((a) => a.userId === login);
          add(event, login, 'task.assigned', { deadline: details.deadline ?? null, substituteFor: assignment?.substituteFor ?? null });
        }
        break;
      case 'step.reassigned':
        add(event, details.to, 'task.assigned', { deadline: view.current?.deadline ?? null, reassignedFrom: details.from ?? null });
        break;
      case 'step.reminded':
        for (const login of list(details.recipients)) add(event, login, 'task.reminder', { deadline: details.deadline ?? null });
        break;
      case 'step.escalated':
        for (const login of list(details.to)) add(event, login, 'task.escalated', { overdueSince: details.overdueSince ?? null });
        break;
      case 'step.delegated':
        add(event, details.to, 'task.delegated', { comment: event.comment });
        break;
      case 'step.decided':
        add(event, initiator, 'case.decided', { outcome: event.outcome, comment: event.comment });
        break;
      case 'step.returned':
        if (details.to === 'initiator') add(event, initiator, 'case.returned', { comment: event.comment });
        break;
      case 'case.closed':
        add(event, initiator, 'case.closed', { outcome: event.outcome });
        break;
    }
  }
  return out;
}

import type { I18n } from '../../i18n';
import { knownKey } from '../../messages';
import type { AssigneeRule, DeadlineSpec, Step } from '../../../../processes/model';
import type { StepLink } from './process-layout';

type T = I18n['t'];

export function durationText(t: T, spec: DeadlineSpec): string {
  if ('workingDays' in spec) return t('processes.duration.workingDays', { n: spec.workingDays });
  if ('calendarDays' in spec) return t('processes.duration.calendarDays', { n: spec.calendarDays });
  if ('seconds' in spec) return t('processes.duration.seconds', { n: spec.seconds });
  return t('processes.duration.workingDaysFrom', { path: spec.workingDaysFrom });
}

export function roleText(t: T, role: string): string {
  const key = knownKey(`role.${role}`);
  return key ? t(key) : role;
}

/** Who a rule names, in words; `nameOf` turns a named user's login into their name. */
export function assigneeText(t: T, rule: AssigneeRule, nameOf: (login: string) => string = (login) => login): string {
  switch (rule.kind) {
    case 'role':
      return roleText(t, rule.role);
    case 'unitHead':
      return t('processes.assignee.unitHead');
    case 'committee':
      return t('processes.assignee.committee', { committee: rule.committee });
    case 'user':
      return t('processes.assignee.user', { user: nameOf(rule.userId) });
    case 'initiator':
      return t('processes.assignee.initiator');
  }
}

/** "Approval" / "End · approved": what kind of step it is, in the UI language. */
export function kindText(t: T, step: Step): string {
  const kind = t(`processes.kind.${step.kind}`);
  return step.kind === 'end' ? `${kind} · ${t(`processes.outcome.${step.outcome}`)}` : kind;
}

/** The deadline and the assignees of a human step; null for the others. */
export function humanSummary(t: T, step: Step, nameOf?: (login: string) => string): { deadline: string; assignees: string } | null {
  if (step.kind !== 'approval' && step.kind !== 'task') return null;
  return {
    deadline: step.deadline ? t('processes.deadline', { duration: durationText(t, step.deadline) }) : t('processes.noDeadline'),
    assignees: step.assignees.map((a) => assigneeText(t, a, nameOf)).join(', '),
  };
}

export function linkLabel(t: T, link: StepLink): string {
  return link.kind === 'case' ? t('processes.link.case', { n: link.caseNumber ?? 1 }) : t(`processes.link.${link.kind}`);
}

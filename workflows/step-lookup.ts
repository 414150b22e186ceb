/**
 * A step's lookup handed in by the caller of a request. Entering a human step needs its holders
 * (the assignee rules resolved against the registry) and, for its deadline, the working-day
 * calendar. The case looks them up itself with a local activity; but the API, which reads the
 * registry anyway, can look them up just before it sends a decision and hand them in with the
 * request, so that the case enters the next step in the same workflow task and the decision is
 * answered without waiting for a lookup. Pure code: the workflow sandbox and the API share it.
 */
import type { AssigneeRule, UnitSource } from '../processes/model';
import type { WorkingCalendar } from './working-days';

/** What of a case the assignee rules read. */
export interface LookupContext {
  initiator: { userId: string; unitId: string | null };
  subjectUnitId: string | null;
  data: Record<string, unknown>;
}

export interface ResolvedAssignee {
  userId: string;
  /** Set when the rules named an absent user and this is their substitute. */
  substituteFor?: string;
}

export interface StepLookup {
  /** The step looked up: the case uses the lookup only when it enters this very step. */
  stepId: string;
  /**
   * What the lookup read of the case (lookupBasis of the step's rules): the case uses it only when
   * its own basis is the same, e.g. not when the decision's form data changed the unit a rule reads.
   */
  basis: string;
  /** The rules' holders in the rules' order, substitutes applied (as the resolveAssignees activity answers). */
  assignees: ResolvedAssignee[];
  /** The working-day calendar as stored at `at`; present when the step has a deadline. */
  calendar?: WorkingCalendar;
  /** When it was looked up (ISO 8601). */
  at: string;
}

/** A handed-in lookup older than this (by the case's clock) is not used: the case looks up again. */
export const STEP_LOOKUP_FRESH_MS = 60_000;

/** The unit a rule's unit source names for this case, or null. */
export function unitOf(source: UnitSource, context: LookupContext): string | null {
  switch (source.from) {
    case 'subject': return context.subjectUnitId;
    case 'initiator': return context.initiator.unitId;
    case 'field': {
      const value = readPath(context.data, source.path);
      return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
    }
  }
}

/** Everything the resolution of `rules` reads of the case, as one comparable string. */
export function lookupBasis(rules: AssigneeRule[], context: LookupContext): string {
  const units = rules.map((rule) => (rule.kind === 'role' && rule.unit) || rule.kind === 'unitHead' ? unitOf(rule.unit as UnitSource, context) : null);
  const initiator = rules.some((rule) => rule.kind === 'initiator') ? context.initiator.userId : null;
  return JSON.stringify({ rules, units, initiator });
}

/**
 * Whether resolving `rules` reads anything of the case (a unit, the initiator). When it does not,
 * lookupBasis reads nothing of the case either, so a caller may look the step up without it.
 */
export function readsCase(rules: AssigneeRule[]): boolean {
  return rules.some((rule) => rule.kind === 'initiator' || rule.kind === 'unitHead' || (rule.kind === 'role' && rule.unit !== undefined));
}

/** A handed-in lookup's shape, checked before the case trusts it (it arrives in a request). */
export function isStepLookup(value: unknown): value is StepLookup {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<StepLookup>;
  return typeof v.stepId === 'string' && typeof v.basis === 'string' && typeof v.at === 'string' && !Number.isNaN(Date.parse(v.at))
    && Array.isArray(v.assignees)
    && v.assignees.every((a) => typeof a === 'object' && a !== null && typeof a.userId === 'string' && a.userId !== ''
      && (a.substituteFor === undefined || typeof a.substituteFor === 'string'))
    && (v.calendar === undefined || (typeof v.calendar === 'object' && v.calendar !== null && Array.isArray(v.calendar.holidays)
      && Array.isArray(v.calendar.weekend) && typeof v.calendar.utcOffsetMinutes === 'number'));
}

export function readPath(data: Record<string, unknown>, path: string): unknown {
  let value: unknown = data;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

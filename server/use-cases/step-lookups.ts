import { CaseRecord, columnOf, jsonFromRow, knexStatements, type Database } from '../../db';
import { createRegistryDirectory, loadRegistryCalendar } from '../../activities/directory';
import { lookUpStep } from '../../activities/case-engine';
import type { Logger } from '../../config';
import type { ProcessDefinition, Step } from '../../processes/model';
import type { CaseView } from '../../workflows/case';
import { readsCase, type LookupContext, type StepLookup } from '../../workflows/step-lookup';
import type { WorkingCalendar } from '../../workflows/working-days';

/**
 * The API's side of a handed-in step lookup (workflows/step-lookup.ts, ENGINE_V4_PATCH): before it
 * sends a decision (or starts a case), the API looks up the human step the request leads to, so
 * that the case enters that step without a lookup of its own and the decision is answered at once.
 * A lookup is only ever a shortcut: when it cannot be had (another kind of step, a database error)
 * the request goes without one and the case looks the step up itself.
 */
export interface StepLookups {
  /** The lookup of `step` for a case in `context`; undefined when the step needs none or it failed (logged to `logger`). */
  forStep(step: Step | undefined, context: LookupContext | (() => Promise<LookupContext | undefined>), logger?: Logger): Promise<StepLookup | undefined>;
}

/** How long the API reuses the working-day calendar it read (the case itself reuses one for 15 minutes). */
export const API_CALENDAR_REUSE_MS = 60_000;

export function registryStepLookups(db: Database): StepLookups {
  const directory = createRegistryDirectory(db);
  let calendar: { value: Promise<WorkingCalendar>; until: number } | undefined;
  const currentCalendar = (): Promise<WorkingCalendar> => {
    const now = Date.now();
    if (!calendar || now >= calendar.until) {
      const value = loadRegistryCalendar(db);
      calendar = { value, until: now + API_CALENDAR_REUSE_MS };
      // A failed read is not kept.
      value.catch(() => {
        if (calendar?.value === value) calendar = undefined;
      });
    }
    return calendar.value;
  };
  return {
    async forStep(step, context, logger) {
      if (!step || (step.kind !== 'approval' && step.kind !== 'task')) return undefined;
      try {
        const resolved = typeof context === 'function' ? (readsCase(step.assignees) ? await context() : NO_CASE) : context;
        if (!resolved) return undefined;
        return await lookUpStep({ directory, calendar: currentCalendar }, step, resolved);
      } catch (err) {
        logger?.warn({ err, stepId: step.id }, 'the step lookup failed; the case looks the step up itself');
        return undefined;
      }
    },
  };
}

/** For rules that read nothing of the case (lookupBasis then reads nothing either). */
const NO_CASE: LookupContext = { initiator: { userId: '', unitId: null }, subjectUnitId: null, data: {} };

/**
 * The step a decision leads to when it ends the current step: approving an approval step (or
 * submitting a task), rejecting, or returning to an earlier step. Undefined when it leads nowhere
 * a lookup helps (back to the initiator) or the step is unknown.
 */
export function stepAfter(
  definition: ProcessDefinition, currentStepId: string, action: 'approve' | 'reject' | 'return', returnTo?: string,
): Step | undefined {
  const current = definition.steps.find((step) => step.id === currentStepId);
  let next: string | undefined;
  if (current?.kind === 'approval') {
    next = action === 'approve' ? current.next.approved : action === 'reject' ? current.next.rejected : returnTo;
  } else if (current?.kind === 'task') {
    next = action === 'approve' ? current.next : action === 'return' ? returnTo : undefined;
  }
  return next === undefined || next === 'initiator' ? undefined : definition.steps.find((step) => step.id === next);
}

/**
 * What the assignee rules read of a case as projected, with a decision's form data merged in as
 * the case merges it; undefined when the case is not projected.
 */
export async function projectedLookupContext(db: Database, caseId: string, decisionData?: Record<string, unknown>): Promise<LookupContext | undefined> {
  const em = db.em();
  const statements = knexStatements(em);
  const [row] = await statements.all<{ state: CaseView | string }>(statements.table(CaseRecord)
    .select({ state: columnOf(em, CaseRecord, 'state') })
    .where(columnOf(em, CaseRecord, 'id'), caseId)
    .limit(1));
  if (!row) return undefined;
  const view = jsonFromRow(row.state);
  return {
    initiator: view.initiator,
    subjectUnitId: view.subject?.unitId ?? null,
    data: decisionData ? { ...view.data, ...decisionData } : view.data,
  };
}

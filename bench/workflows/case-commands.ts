import { CancellationScope, isCancellation, sleep, upsertSearchAttributes } from '@temporalio/workflow';
import { caseSearchAttributes } from '../../workflows/search-attributes';

/** About the size of a three-step case's view, which each of its Updates answers with. */
export const CASE_VIEW_BYTES = 3_000;

/** How long a bench step's deadline timer runs: long enough never to fire during a run. */
const DEADLINE = '5 days';

/**
 * The Temporal commands a case issues on each step change, without any of Alur's work: it upserts
 * Alur's search attributes (process, status, current step, assignees), cancels the timer of the step
 * it leaves, and starts one for the step it enters when that step has something to fire (a reminder
 * or an escalation; a plain deadline needs no timer). The engine's share of a decision is what a
 * case costs over these.
 */
export class CaseCommands {
  private deadline: CancellationScope | undefined;
  readonly view = 'x'.repeat(CASE_VIEW_BYTES);

  /** A step change: to `step` (with a timer or not) while the case is open, or to its end. */
  stepTo(step: number, open: boolean, timer: boolean): void {
    upsertSearchAttributes([
      { key: caseSearchAttributes.process, value: 'bench' },
      { key: caseSearchAttributes.status, value: open ? 'open' : 'approved' },
      { key: caseSearchAttributes.currentStep, value: open ? `step-${step}` : '' },
      { key: caseSearchAttributes.assignees, value: open ? [`approver-${step}`] : [] },
    ]);
    this.deadline?.cancel();
    this.deadline = undefined;
    if (!open || !timer) return;
    const scope = new CancellationScope();
    this.deadline = scope;
    scope.run(() => sleep(DEADLINE)).catch((err: unknown) => {
      if (!isCancellation(err)) throw err;
    });
  }
}

import { condition, defineSignal, defineUpdate, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { BaselineActivities } from '../baseline-activities';
import { CaseCommands } from './case-commands';

/** The decision-latency baseline: an Update that does nothing but answer. */
export const bumpUpdate = defineUpdate<number, [number]>('bump');
/**
 * The same with the shape of a decision whose case looks its next step up itself: the handler waits
 * for one local activity (the assignee lookup) before it answers. Shows what Temporal alone costs
 * for that; a decision whose lookup the API hands in (ENGINE_V4_PATCH) waits for none.
 */
export const bumpAfterLookupUpdate = defineUpdate<number, [number]>('bumpAfterLookup');
/**
 * The same with the Temporal commands a decision makes a case issue (its search attributes upserted,
 * the timer of the step it leaves cancelled) and an answer of a case view's size: Temporal's own
 * cost of a decision, without Alur's. Each also starts a timer, for the next to cancel: one command
 * more than the measured decision (the bench's second step has no timer), so Alur's share is, if
 * anything, understated.
 */
export const bumpWithCaseCommandsUpdate = defineUpdate<string, [number]>('bumpWithCaseCommands');
export const stopSignal = defineSignal('stop');

const { lookup } = proxyLocalActivities<BaselineActivities>({ startToCloseTimeout: '30 seconds' });

export async function counterWorkflow(): Promise<number> {
  let total = 0;
  let stopped = false;
  setHandler(bumpUpdate, (by) => {
    total += by;
    return total;
  });
  setHandler(bumpAfterLookupUpdate, async (by) => {
    const found = await lookup(total);
    total += by;
    return found.length > 0 ? total : -1;
  });
  const commands = new CaseCommands();
  setHandler(bumpWithCaseCommandsUpdate, (by) => {
    total += by;
    commands.stepTo(total, true, true);
    return commands.view;
  });
  setHandler(stopSignal, () => {
    stopped = true;
  });
  await condition(() => stopped);
  return total;
}

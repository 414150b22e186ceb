import { condition, defineSignal, defineUpdate, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { BaselineActivities } from '../baseline-activities';

/** The decision-latency baseline: an Update that does nothing but answer. */
export const bumpUpdate = defineUpdate<number, [number]>('bump');
/**
 * The same with the shape of a decision whose case looks its next step up itself: the handler waits
 * for one local activity (the assignee lookup) before it answers. Shows what Temporal alone costs
 * for that; a decision whose lookup the API hands in (ENGINE_V4_PATCH) waits for none.
 */
export const bumpAfterLookupUpdate = defineUpdate<number, [number]>('bumpAfterLookup');
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
  setHandler(stopSignal, () => {
    stopped = true;
  });
  await condition(() => stopped);
  return total;
}

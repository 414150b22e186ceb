import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

/** The decision-latency baseline: an Update that does nothing but answer. */
export const bumpUpdate = defineUpdate<number, [number]>('bump');
export const stopSignal = defineSignal('stop');

export async function counterWorkflow(): Promise<number> {
  let total = 0;
  let stopped = false;
  setHandler(bumpUpdate, (by) => {
    total += by;
    return total;
  });
  setHandler(stopSignal, () => {
    stopped = true;
  });
  await condition(() => stopped);
  return total;
}

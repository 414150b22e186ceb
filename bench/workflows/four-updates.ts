import { allHandlersFinished, condition, defineUpdate, setHandler } from '@temporalio/workflow';

/** One of the round trips a three-step case makes: its start, then each of its three decisions. */
export const stepUpdate = defineUpdate<number, []>('step');

/** How many Updates a three-step case answers: the one that comes with its start, and three decisions. */
export const CASE_ROUND_TRIPS = 4;

/**
 * The engine-overhead reference with the same Temporal round trips as a three-step case: started
 * with an Update, then three more Updates, each answered at once, and done after the last.
 */
export async function fourUpdatesWorkflow(): Promise<number> {
  let answered = 0;
  setHandler(stepUpdate, () => {
    answered += 1;
    return answered;
  });
  await condition(() => answered >= CASE_ROUND_TRIPS && allHandlersFinished());
  return answered;
}

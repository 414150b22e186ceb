import { allHandlersFinished, condition, defineUpdate, setHandler } from '@temporalio/workflow';
import { CaseCommands } from './case-commands';

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

/** The same round trips, each answered with a case's commands and a view of a case's size. */
export const caseStepUpdate = defineUpdate<string, []>('caseStep');

/**
 * The engine-overhead reference closest to a case that Temporal alone can make: a three-step case's
 * round trips, and on each the commands a case issues (search attributes upserted, the first step's
 * timer started and cancelled), answered with as many bytes as a case's view. What Alur adds beyond this
 * is HTTP, sign-in, forms, lookups and the projection.
 */
export async function caseCommandsWorkflow(): Promise<string> {
  const commands = new CaseCommands();
  let answered = 0;
  setHandler(caseStepUpdate, () => {
    answered += 1;
    // As the bench's three-step process: only its first step reminds and escalates.
    commands.stepTo(answered, answered < CASE_ROUND_TRIPS, answered === 1);
    return commands.view;
  });
  await condition(() => answered >= CASE_ROUND_TRIPS && allHandlersFinished());
  return commands.view;
}

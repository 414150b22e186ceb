/**
 * Sends the e-mail outbox. One long-running workflow per task queue: it calls the mail activity
 * (retried by Temporal when the database is away), sleeps when nothing is due, and continues as
 * new now and then to keep its history short. Decisions never wait for mail.
 */
import { continueAsNew, proxyActivities, sleep } from '@temporalio/workflow';
import type { MailActivities } from '../activities/mail';

export interface MailDispatcherInput {
  /** How long to sleep when nothing is due. */
  idleSeconds: number;
}

const { sendPendingMail } = proxyActivities<MailActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const PASSES_PER_RUN = 200;

export async function mailDispatcher(input: MailDispatcherInput): Promise<void> {
  for (let pass = 0; pass < PASSES_PER_RUN; pass++) {
    const result = await sendPendingMail({ batch: 25 });
    if (result.due === 0 || result.sent === 0) await sleep(`${input.idleSeconds} seconds`);
  }
  await continueAsNew<typeof mailDispatcher>(input);
}

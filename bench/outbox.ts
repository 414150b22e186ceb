import { MailMessage, type Database } from '../db';

/**
 * What `outboxDrained` found: e-mails due when it began (of `total` in the outbox, sent or not),
 * how many were still due when it gave up, and how long it waited.
 */
export interface OutboxDrain {
  queued: number;
  total: number;
  left: number;
  seconds: number;
}

/**
 * Waits until the worker has sent every e-mail that is due: a workload's cases leave their
 * notifications queued (a three-step case sends 7), and their sending would otherwise fall on the
 * next workload's measurements. Gives up after `timeoutMs`, saying how many were left.
 */
export async function outboxDrained(db: Database, log: (line: string) => void, timeoutMs = 300_000): Promise<OutboxDrain> {
  const started = Date.now();
  const due = () => db.em().count(MailMessage, { status: 'pending', nextAttemptAt: { $lte: new Date() } });
  let left = await due();
  const queued = left;
  const total = await db.em().count(MailMessage, {});
  if (queued === 0) return { queued, total, left, seconds: 0 };
  while (left > 0 && Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    left = await due();
  }
  const seconds = (Date.now() - started) / 1000;
  log(left === 0
    ? `outbox: ${queued.toLocaleString('en-US')} queued e-mails sent in ${seconds.toFixed(1)} s before measuring`
    : `outbox: ${left.toLocaleString('en-US')} of ${queued.toLocaleString('en-US')} e-mails still due after ${timeoutMs / 1000} s; measuring anyway`);
  return { queued, total, left, seconds };
}

import { MailMessage, type Database } from '../db';

/**
 * Waits until the worker has sent every e-mail that is due: a workload's cases leave their
 * notifications queued (a three-step case sends 7), and their sending would otherwise fall on the
 * next workload's measurements. Gives up after `timeoutMs`, saying how many were left.
 */
export async function outboxDrained(db: Database, log: (line: string) => void, timeoutMs = 300_000): Promise<void> {
  const started = Date.now();
  const due = () => db.em().count(MailMessage, { status: 'pending', nextAttemptAt: { $lte: new Date() } });
  let left = await due();
  if (left === 0) return;
  const queued = left;
  while (left > 0 && Date.now() - started < timeoutMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    left = await due();
  }
  log(left === 0
    ? `outbox: ${queued.toLocaleString('en-US')} queued e-mails sent in ${((Date.now() - started) / 1000).toFixed(1)} s before measuring`
    : `outbox: ${left.toLocaleString('en-US')} of ${queued.toLocaleString('en-US')} e-mails still due after ${timeoutMs / 1000} s; measuring anyway`);
}

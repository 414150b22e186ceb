import { FeedbackTicket, type FeedbackStatus } from '../../db';
import type { EffectContext } from '../case-engine';
import { dataId } from './case-data';

/**
 * The ticket a feedback case handles: named by `ticketId` in the case data, and only when it
 * belongs to this case, so a case started by other means cannot touch someone else's ticket.
 */
export async function caseTicket(ctx: EffectContext): Promise<FeedbackTicket | null> {
  const id = dataId(ctx.data, 'ticketId');
  return id ? ctx.em.findOne(FeedbackTicket, { id, caseId: ctx.caseId }) : null;
}

/** Moves the ticket's public status; closing statuses also stamp when it closed. */
export function moveTicket(ticket: FeedbackTicket, status: FeedbackStatus, fields: Partial<FeedbackTicket> = {}): void {
  const now = new Date();
  Object.assign(ticket, {
    ...fields,
    status,
    statusChangedAt: now,
    ...(status === 'CLOSED' || status === 'NOT_IN_REMIT' || status === 'ARCHIVED' ? { closedAt: now } : {}),
  });
}

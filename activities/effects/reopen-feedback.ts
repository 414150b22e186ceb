import type { EffectHandler } from '../case-engine';
import { caseTicket, moveTicket } from './feedback-ticket';

/** `reopenFeedback`: the reporter supplied what was missing; the ticket is back with its verifier. */
export const reopenFeedback: EffectHandler = async (ctx) => {
  const ticket = await caseTicket(ctx);
  if (ticket) {
    moveTicket(ticket, 'RECEIVED', { publicNote: null });
    await ctx.em.flush();
  }
  return { data: { feedbackStatus: 'RECEIVED' } };
};

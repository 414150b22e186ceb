import type { EffectHandler } from '../case-engine';
import { caseTicket, moveTicket } from './feedback-ticket';

/**
 * `archiveFeedback`: deferred feedback whose missing information never came is archived; the
 * verifier's note (what was asked for) stays on the status page.
 */
export const archiveFeedback: EffectHandler = async (ctx) => {
  const ticket = await caseTicket(ctx);
  if (ticket) {
    moveTicket(ticket, 'ARCHIVED');
    await ctx.em.flush();
  }
  return { data: { feedbackStatus: 'ARCHIVED' } };
};

import { FeedbackRating } from '../../db';
import { SKM_ELEMENTS, type SkmElement } from '../../forms/defaults/feedback-forms';
import type { EffectHandler } from '../case-engine';
import { dataText } from './case-data';
import { caseTicket, moveTicket } from './feedback-ticket';

/**
 * `closeFeedback`: the citizen's step is over. With a rating in the case data (all nine SKM
 * elements), it is stored for the satisfaction index of the OPD that answered; without one (the
 * rating period passed in silence), the ticket simply closes.
 */
export const closeFeedback: EffectHandler = async (ctx) => {
  const ticket = await caseTicket(ctx);
  const scores = skmScores(ctx.data);
  if (!ticket) return { data: { feedbackRated: false } };
  if (scores && !(await ctx.em.count(FeedbackRating, { ticketId: ticket.id }))) {
    ctx.em.create(FeedbackRating, {
      ticketId: ticket.id,
      caseId: ctx.caseId,
      unitId: ticket.handlingUnitId ?? ticket.unitId,
      ...scores,
      comment: dataText(ctx.data, 'ratingComment') ?? null,
      ratedAt: new Date(),
    });
  }
  moveTicket(ticket, 'CLOSED');
  await ctx.em.flush();
  return { data: { feedbackRated: scores !== null } };
};

function skmScores(data: Record<string, unknown>): Record<SkmElement, number> | null {
  const scores = {} as Record<SkmElement, number>;
  for (const element of SKM_ELEMENTS) {
    const value = data[element];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 4) return null;
    scores[element] = value;
  }
  return scores;
}

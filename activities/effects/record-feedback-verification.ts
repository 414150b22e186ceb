import type { FeedbackStatus } from '../../db';
import { FEEDBACK_RESOLUTION_DAYS, type FeedbackResolutionCategory, type FeedbackVerification } from '../../forms/defaults/feedback-forms';
import type { EffectHandler } from '../case-engine';
import { dataId, dataText } from './case-data';
import { caseTicket, moveTicket } from './feedback-ticket';

const STATUS_OF: Record<FeedbackVerification, FeedbackStatus> = {
  DITERIMA: 'IN_PROGRESS',
  DITUNDA: 'NEEDS_INFORMATION',
  BUKAN_KEWENANGAN: 'NOT_IN_REMIT',
  DIARSIPKAN: 'ARCHIVED',
};

/**
 * `recordFeedbackVerification`: the verifier's verdict reaches the ticket's public status with the
 * note meant for the citizen. Accepted feedback is dispatched: the ticket names the OPD that
 * handles it, and the case gets `resolutionDays` (by the category the verifier picked), which the
 * resolution step's deadline reads.
 */
export const recordFeedbackVerification: EffectHandler = async (ctx) => {
  const verification = dataText(ctx.data, 'verification') as FeedbackVerification | undefined;
  const status = verification ? STATUS_OF[verification] : undefined;
  const category = dataText(ctx.data, 'resolutionCategory');
  const resolutionDays = verification === 'DITERIMA' && category && category in FEEDBACK_RESOLUTION_DAYS
    ? FEEDBACK_RESOLUTION_DAYS[category as FeedbackResolutionCategory]
    : null;
  const ticket = await caseTicket(ctx);
  const handlingUnitId = dataId(ctx.data, 'handlingUnitId') ?? ticket?.unitId ?? null;
  if (ticket && status) {
    moveTicket(ticket, status, {
      publicNote: dataText(ctx.data, 'publicNote') ?? null,
      ...(verification === 'DITERIMA' ? { handlingUnitId, resolutionCategory: category ?? null, resolutionDays } : {}),
    });
    await ctx.em.flush();
  }
  return {
    data: {
      feedbackStatus: status ?? null,
      ...(verification === 'DITERIMA' ? { handlingUnitId, resolutionDays } : {}),
    },
  };
};

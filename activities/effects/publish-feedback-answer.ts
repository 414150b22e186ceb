import { MailMessage } from '../../db';
import type { EffectHandler } from '../case-engine';
import { dataText } from './case-data';
import { caseTicket, moveTicket } from './feedback-ticket';

/**
 * `publishFeedbackAnswer`: the OPD's answer goes on the ticket, where the citizen's status page
 * shows it and the rating opens. A reporter who left an e-mail address is told, through the
 * outbox (one mail per ticket, whatever retries happen).
 */
export const publishFeedbackAnswer: EffectHandler = async (ctx) => {
  const answer = dataText(ctx.data, 'answer');
  const ticket = await caseTicket(ctx);
  if (!ticket || !answer) return { data: { answerPublished: false } };
  const now = new Date();
  moveTicket(ticket, 'ANSWERED', { answer, answeredAt: now });
  if (ticket.contactEmail && !ticket.anonymous) {
    const id = `feedback-answer-${ticket.id}`;
    if (!(await ctx.em.count(MailMessage, { id }))) {
      ctx.em.create(MailMessage, {
        id,
        toAddress: ticket.contactEmail,
        language: 'id',
        subject: `Jawaban atas laporan Anda ${ticket.trackingCode} / The answer to your report`,
        text: [
          `Laporan Anda dengan kode ${ticket.trackingCode} sudah dijawab. Lihat jawabannya dan beri penilaian dengan kode tersebut.`,
          '',
          `Your report with the code ${ticket.trackingCode} has been answered. Use the code to read the answer and rate it.`,
        ].join('\n'),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: now,
        sentAt: null,
      });
    }
  }
  await ctx.em.flush();
  return { data: { answerPublished: true, answeredAt: now.toISOString() } };
};

import { EntitySchema } from '@mikro-orm/core';
import { FEEDBACK_TYPE_CODES } from '../../forms/defaults/feedback-forms';

export const FEEDBACK_TYPES = FEEDBACK_TYPE_CODES;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

/**
 * Where a ticket stands, as the citizen's status page shows it. The case's effects keep it in step
 * with the case: RECEIVED at submission, then the verifier's verdict (IN_PROGRESS, NEEDS_INFORMATION,
 * NOT_IN_REMIT, ARCHIVED), ANSWERED once the OPD's answer is published, CLOSED after the rating (or
 * when the rating period passes).
 */
export const FEEDBACK_STATUSES = ['RECEIVED', 'NEEDS_INFORMATION', 'IN_PROGRESS', 'ANSWERED', 'CLOSED', 'NOT_IN_REMIT', 'ARCHIVED'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/**
 * A citizen's submission. The tracking code is what the citizen keeps; anonymous tickets carry no
 * contact, and confidential ones are shown only to the feedback admins of the unit. The reporter's
 * identity lives only here, never in the case data that every participant of the case can read.
 */
export class FeedbackTicket {
  id!: number;
  trackingCode!: string;
  type!: FeedbackType;
  category!: string;
  anonymous!: boolean;
  confidential!: boolean;
  /** Null when anonymous. */
  reporterName!: string | null;
  contactEmail!: string | null;
  message!: string;
  /** The OPD the citizen addressed, if any. */
  unitId!: number | null;
  status!: FeedbackStatus;
  createdAt!: Date;
  /** The case that handles the ticket. */
  caseId!: string | null;
  /** The OPD the verifier dispatched the ticket to. */
  handlingUnitId!: number | null;
  resolutionCategory!: string | null;
  resolutionDays!: number | null;
  /** The verifier's message to the citizen (what is missing, or why nothing more will happen). */
  publicNote!: string | null;
  /** The OPD's published answer. */
  answer!: string | null;
  answeredAt!: Date | null;
  statusChangedAt!: Date | null;
  closedAt!: Date | null;
}

export const FeedbackTicketSchema = new EntitySchema<FeedbackTicket>({
  class: FeedbackTicket,
  tableName: 'feedback_tickets',
  indexes: [{ properties: ['unitId', 'status', 'createdAt'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    trackingCode: { type: 'string', length: 20, unique: true },
    type: { type: 'string', length: 30 },
    category: { type: 'string', length: 60 },
    anonymous: { type: 'boolean' },
    confidential: { type: 'boolean' },
    reporterName: { type: 'string', length: 200, nullable: true },
    contactEmail: { type: 'string', length: 254, nullable: true },
    message: { type: 'text' },
    unitId: { type: 'integer', nullable: true },
    status: { type: 'string', length: 30 },
    createdAt: { type: 'datetime' },
    caseId: { type: 'string', length: 200, nullable: true },
    handlingUnitId: { type: 'integer', nullable: true },
    resolutionCategory: { type: 'string', length: 30, nullable: true },
    resolutionDays: { type: 'integer', nullable: true },
    publicNote: { type: 'text', nullable: true },
    answer: { type: 'text', nullable: true },
    answeredAt: { type: 'datetime', nullable: true },
    statusChangedAt: { type: 'datetime', nullable: true },
    closedAt: { type: 'datetime', nullable: true },
  },
});

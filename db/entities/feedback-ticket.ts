import { EntitySchema } from '@mikro-orm/core';

export const FEEDBACK_TYPES = ['ASPIRASI', 'PENGADUAN', 'PERMINTAAN_INFORMASI'] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

/**
 * A citizen's submission. The tracking code is what the citizen keeps; anonymous tickets carry no
 * contact, and confidential ones are shown only to the feedback admins of the unit.
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
  unitId!: number | null;
  status!: string;
  createdAt!: Date;
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
  },
});

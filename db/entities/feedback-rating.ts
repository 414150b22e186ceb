import { EntitySchema } from '@mikro-orm/core';

/**
 * A citizen's rating of the answer to their ticket on the nine SKM elements (PermenPANRB
 * 14/2017), each 1 (not good) to 4 (very good); at most one per ticket. `unitId` is the OPD that
 * answered, the unit the satisfaction index counts it for.
 */
export class FeedbackRating {
  id!: number;
  ticketId!: number;
  caseId!: string;
  unitId!: number | null;
  requirements!: number;
  procedure!: number;
  serviceTime!: number;
  cost!: number;
  product!: number;
  staffCompetence!: number;
  staffBehaviour!: number;
  complaintHandling!: number;
  facilities!: number;
  comment!: string | null;
  ratedAt!: Date;
}

export const FeedbackRatingSchema = new EntitySchema<FeedbackRating>({
  class: FeedbackRating,
  tableName: 'feedback_ratings',
  indexes: [{ properties: ['unitId', 'ratedAt'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    ticketId: { type: 'integer', unique: true },
    caseId: { type: 'string', length: 200 },
    unitId: { type: 'integer', nullable: true },
    requirements: { type: 'smallint' },
    procedure: { type: 'smallint' },
    serviceTime: { type: 'smallint' },
    cost: { type: 'smallint' },
    product: { type: 'smallint' },
    staffCompetence: { type: 'smallint' },
    staffBehaviour: { type: 'smallint' },
    complaintHandling: { type: 'smallint' },
    facilities: { type: 'smallint' },
    comment: { type: 'text', nullable: true },
    ratedAt: { type: 'datetime' },
  },
});

import { EntitySchema } from '@mikro-orm/core';

/** One entry of a case's append-only audit log. (caseId, seq) is unique, so re-recording is a no-op. */
export class CaseEvent {
  id!: number;
  caseId!: string;
  seq!: number;
  type!: string;
  stepId!: string | null;
  actor!: string | null;
  outcome!: string | null;
  comment!: string | null;
  details!: Record<string, unknown> | null;
  occurredAt!: Date;
}

export const CaseEventSchema = new EntitySchema<CaseEvent>({
  class: CaseEvent,
  tableName: 'case_events',
  uniques: [{ properties: ['caseId', 'seq'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    caseId: { type: 'string', length: 200, index: true },
    seq: { type: 'integer' },
    type: { type: 'string', length: 60 },
    stepId: { type: 'string', length: 100, nullable: true },
    actor: { type: 'string', length: 200, nullable: true },
    outcome: { type: 'string', length: 40, nullable: true },
    comment: { type: 'text', nullable: true },
    details: { type: 'json', nullable: true },
    occurredAt: { type: 'datetime' },
  },
});

import { EntitySchema } from '@mikro-orm/core';

/** A case as the inbox and lists see it: a projection of the case workflow's state. */
export class CaseRecord {
  /** The Temporal workflow id. */
  id!: string;
  process!: string;
  title!: string;
  status!: string;
  currentStep!: string | null;
  /** Login of the user who started the case. */
  initiator!: string | null;
  subjectUnitId!: string | null;
  /** Projection sequence number: a snapshot is applied only if it is newer than the stored one. */
  version!: number;
  state!: Record<string, unknown>;
  createdAt!: Date;
  updatedAt!: Date;
  closedAt!: Date | null;
}

export const CaseRecordSchema = new EntitySchema<CaseRecord>({
  class: CaseRecord,
  tableName: 'cases',
  properties: {
    id: { type: 'string', primary: true, length: 200 },
    process: { type: 'string', length: 100 },
    title: { type: 'string', length: 500 },
    status: { type: 'string', length: 40 },
    currentStep: { type: 'string', length: 100, nullable: true },
    initiator: { type: 'string', length: 100, nullable: true },
    subjectUnitId: { type: 'string', length: 40, nullable: true },
    version: { type: 'integer' },
    state: { type: 'json' },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    closedAt: { type: 'datetime', nullable: true },
  },
});

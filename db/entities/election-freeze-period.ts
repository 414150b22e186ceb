import { EntitySchema } from '@mikro-orm/core';

/**
 * A period in which officials may not be replaced without the written approval of the Minister of
 * Home Affairs (UU 10/2016 art. 71 and 162). Both days count. Windows never overlap.
 */
export class ElectionFreezePeriod {
  id!: number;
  /** YYYY-MM-DD */
  startDate!: string;
  /** YYYY-MM-DD, not before startDate. */
  endDate!: string;
  /** Why the window exists and its legal basis, e.g. the KPU decision that set the candidate pairs. */
  reason!: string;
  createdAt!: Date;
  createdBy!: string;
  updatedAt!: Date;
  updatedBy!: string;
}

export const ElectionFreezePeriodSchema = new EntitySchema<ElectionFreezePeriod>({
  class: ElectionFreezePeriod,
  tableName: 'election_freeze_periods',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    startDate: { type: 'date', index: true },
    endDate: { type: 'date' },
    reason: { type: 'text' },
    createdAt: { type: 'datetime' },
    createdBy: { type: 'string', length: 100 },
    updatedAt: { type: 'datetime' },
    updatedBy: { type: 'string', length: 100 },
  },
});

import { BigIntType, EntitySchema } from '@mikro-orm/core';

export const BUDGET_KINDS = ['TRAINING'] as const;
export type BudgetKind = (typeof BUDGET_KINDS)[number];

/** A unit's budget for one purpose and year, in whole rupiah. Available = allocated − reserved − spent. */
export class BudgetLine {
  id!: number;
  unitId!: number;
  year!: number;
  kind!: BudgetKind;
  amountAllocated!: number;
  amountReserved!: number;
  amountSpent!: number;
}

// bigint columns: a large OPD's budget exceeds 2^31 rupiah; as JS numbers they stay exact to 2^53.
export const BudgetLineSchema = new EntitySchema<BudgetLine>({
  class: BudgetLine,
  tableName: 'budget_lines',
  uniques: [{ properties: ['unitId', 'year', 'kind'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    unitId: { type: 'integer' },
    year: { type: 'integer' },
    kind: { type: 'string', length: 30 },
    amountAllocated: { type: new BigIntType('number') },
    amountReserved: { type: new BigIntType('number') },
    amountSpent: { type: new BigIntType('number') },
  },
});

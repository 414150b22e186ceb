import { BigIntType, EntitySchema } from '@mikro-orm/core';

export const BUDGET_RESERVATION_STATUSES = ['RESERVED', 'RELEASED', 'SPENT'] as const;
export type BudgetReservationStatus = (typeof BUDGET_RESERVATION_STATUSES)[number];

/**
 * Money a case holds on a budget line: reserved when a training nomination passes the budget
 * check, released when the case ends unapproved (a compensation), spent when the completion report
 * comes in. One per case, so a retried effect can never reserve twice; the line's
 * `amountReserved` / `amountSpent` move in the same transaction as this row.
 */
export class BudgetReservation {
  id!: number;
  caseId!: string;
  budgetLineId!: number;
  amount!: number;
  /** What was actually spent, once SPENT. */
  amountSpent!: number | null;
  status!: BudgetReservationStatus;
  createdAt!: Date;
  settledAt!: Date | null;
}

export const BudgetReservationSchema = new EntitySchema<BudgetReservation>({
  class: BudgetReservation,
  tableName: 'budget_reservations',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    caseId: { type: 'string', length: 200, unique: true },
    budgetLineId: { type: 'integer', index: true },
    amount: { type: new BigIntType('number') },
    amountSpent: { type: new BigIntType('number'), nullable: true },
    status: { type: 'string', length: 10 },
    createdAt: { type: 'datetime' },
    settledAt: { type: 'datetime', nullable: true },
  },
});

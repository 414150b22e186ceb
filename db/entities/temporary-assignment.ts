import { EntitySchema, type Opt } from '@mikro-orm/core';

export const TEMPORARY_ASSIGNMENT_KINDS = ['PLT', 'PLH', 'DARURAT'] as const;
/** Plt: covers a permanently absent official; Plh: a temporarily absent one; DARURAT: an emergency task force. */
export type TemporaryAssignmentKind = (typeof TEMPORARY_ASSIGNMENT_KINDS)[number];

export const TEMPORARY_ASSIGNMENT_STATUSES = ['ACTIVE', 'ENDED'] as const;
export type TemporaryAssignmentStatus = (typeof TEMPORARY_ASSIGNMENT_STATUSES)[number];

/** Why an assignment ended: its end date came, or a manager ended it early. */
export type TemporaryAssignmentEndReason = 'EXPIRED' | 'ENDED_EARLY';

/**
 * One employee's temporary assignment by order (surat perintah): Plt / Plh of a post, or a place
 * in an emergency task force. The employee keeps their own position; the row is what is in force
 * while ACTIVE. Written by the penugasan-sementara case (one row per appointee) and ended by it.
 */
export class TemporaryAssignment {
  id!: number;
  caseId!: string;
  kind!: TemporaryAssignmentKind;
  employeeId!: number;
  /** The post covered (Plt / Plh); null for a task force. */
  positionId!: number | null;
  unitId!: number;
  taskForceName!: string | null;
  orderNumber!: string | null;
  orderDate!: string | null;
  startDate!: string;
  /** The planned last day; an extension moves it (at most once for a Plt). */
  endDate!: string;
  status!: TemporaryAssignmentStatus;
  /** How many times the end was extended. */
  extensions!: Opt<number>;
  endedOn!: string | null;
  endReason!: TemporaryAssignmentEndReason | null;
  createdAt!: Date;
}

export const TemporaryAssignmentSchema = new EntitySchema<TemporaryAssignment>({
  class: TemporaryAssignment,
  tableName: 'temporary_assignments',
  uniques: [{ properties: ['caseId', 'employeeId'] }],
  indexes: [{ properties: ['employeeId', 'status'] }, { properties: ['positionId', 'status'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    caseId: { type: 'string', length: 200 },
    kind: { type: 'string', length: 10 },
    employeeId: { type: 'integer' },
    positionId: { type: 'integer', nullable: true },
    unitId: { type: 'integer' },
    taskForceName: { type: 'string', length: 200, nullable: true },
    orderNumber: { type: 'string', length: 100, nullable: true },
    orderDate: { type: 'date', nullable: true },
    startDate: { type: 'date' },
    endDate: { type: 'date' },
    status: { type: 'string', length: 10 },
    extensions: { type: 'integer', default: 0 },
    endedOn: { type: 'date', nullable: true },
    endReason: { type: 'string', length: 20, nullable: true },
    createdAt: { type: 'datetime' },
  },
});

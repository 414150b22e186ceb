import { EntitySchema } from '@mikro-orm/core';

/** Hukuman disiplin levels (PP 94/2021). */
export const SANCTION_LEVELS = ['RINGAN', 'SEDANG', 'BERAT'] as const;
export type SanctionLevel = (typeof SANCTION_LEVELS)[number];

/** A sanction is in force on the days from startDate to endDate inclusive (open-ended when endDate is null). */
export class DisciplinarySanction {
  id!: number;
  employeeId!: number;
  level!: SanctionLevel;
  description!: string;
  startDate!: string;
  endDate!: string | null;
}

export const DisciplinarySanctionSchema = new EntitySchema<DisciplinarySanction>({
  class: DisciplinarySanction,
  tableName: 'disciplinary_sanctions',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    employeeId: { type: 'integer', index: true },
    level: { type: 'string', length: 10 },
    description: { type: 'text' },
    startDate: { type: 'date' },
    endDate: { type: 'date', nullable: true },
  },
});

import { EntitySchema } from '@mikro-orm/core';
import type { Golongan } from '../../forms';

export const EDUCATION_LEVELS = ['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'] as const;
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];

export type Gender = 'M' | 'F';

/** A PNS in the registry. Dates are calendar days, YYYY-MM-DD. */
export class Employee {
  id!: number;
  nip!: string;
  name!: string;
  gender!: Gender;
  birthDate!: string;
  golongan!: Golongan;
  tmtGolongan!: string;
  positionId!: number | null;
  tmtJabatan!: string | null;
  unitId!: number;
  educationLevel!: EducationLevel;
  educationMajor!: string | null;
  competencies!: string[];
  /** Date of the last pelantikan (inauguration) into a structural post, for the 2-year JPT rule. */
  lastInaugurationDate!: string | null;
}

export const EmployeeSchema = new EntitySchema<Employee>({
  class: Employee,
  tableName: 'employees',
  indexes: [
    { properties: ['name', 'id'] },
    { properties: ['unitId', 'name', 'id'] },
    { properties: ['positionId'] },
  ],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    nip: { type: 'string', length: 18, unique: true },
    name: { type: 'string', length: 200 },
    gender: { type: 'string', length: 1 },
    birthDate: { type: 'date' },
    golongan: { type: 'string', length: 5 },
    tmtGolongan: { type: 'date' },
    positionId: { type: 'integer', nullable: true },
    tmtJabatan: { type: 'date', nullable: true },
    unitId: { type: 'integer' },
    educationLevel: { type: 'string', length: 4 },
    educationMajor: { type: 'string', length: 200, nullable: true },
    competencies: { type: 'json' },
    lastInaugurationDate: { type: 'date', nullable: true },
  },
});

import { EntitySchema } from '@mikro-orm/core';

export const TRAINING_KINDS = ['LATSAR', 'PKP', 'PKA', 'PKN_II', 'TEKNIS', 'FUNGSIONAL', 'SEMINAR', 'TUGAS_BELAJAR', 'IZIN_BELAJAR'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

/** A completed training; `year` is the year its JP count towards (the 20 JP a year right). */
export class TrainingRecord {
  id!: number;
  employeeId!: number;
  title!: string;
  kind!: TrainingKind;
  jpHours!: number;
  startDate!: string;
  endDate!: string;
  year!: number;
}

export const TrainingRecordSchema = new EntitySchema<TrainingRecord>({
  class: TrainingRecord,
  tableName: 'training_records',
  indexes: [{ properties: ['employeeId', 'year'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    employeeId: { type: 'integer' },
    title: { type: 'string', length: 300 },
    kind: { type: 'string', length: 20 },
    jpHours: { type: 'integer' },
    startDate: { type: 'date' },
    endDate: { type: 'date' },
    year: { type: 'integer' },
  },
});

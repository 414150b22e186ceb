import { EntitySchema } from '@mikro-orm/core';
import type { Eselon } from '../../forms';

export const JENIS_JABATAN = ['JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS', 'FUNGSIONAL', 'PELAKSANA'] as const;
export type JenisJabatan = (typeof JENIS_JABATAN)[number];

/** Levels of a jabatan fungsional: keahlian (ahli) and keterampilan (terampil). */
export const FUNCTIONAL_LEVELS = [
  'AHLI_PERTAMA', 'AHLI_MUDA', 'AHLI_MADYA', 'AHLI_UTAMA', 'PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA',
] as const;
export type FunctionalLevel = (typeof FUNCTIONAL_LEVELS)[number];

/**
 * One seat (formasi) in a unit, held by at most one employee. Vacant when holderEmployeeId is null.
 * holderEmployeeId has no foreign key (employees reference positions); registry effects keep it
 * and employees.position_id in step.
 */
export class Position {
  id!: number;
  name!: string;
  jenisJabatan!: JenisJabatan;
  eselon!: Eselon | null;
  functionalLevel!: FunctionalLevel | null;
  unitId!: number;
  holderEmployeeId!: number | null;
}

export const PositionSchema = new EntitySchema<Position>({
  class: Position,
  tableName: 'positions',
  indexes: [{ properties: ['unitId', 'holderEmployeeId'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    name: { type: 'string', length: 200 },
    jenisJabatan: { type: 'string', length: 20 },
    eselon: { type: 'string', length: 5, nullable: true },
    functionalLevel: { type: 'string', length: 20, nullable: true },
    unitId: { type: 'integer' },
    holderEmployeeId: { type: 'integer', nullable: true, index: true },
  },
});

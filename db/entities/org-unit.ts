import { EntitySchema } from '@mikro-orm/core';

/** Kinds of unit in a pemerintah daerah's tree; the root is the government itself. */
export const ORG_UNIT_TYPES = [
  'PEMERINTAH_DAERAH', 'SEKRETARIAT', 'DINAS', 'BADAN', 'INSPEKTORAT', 'SATUAN', 'KECAMATAN', 'KELURAHAN',
  'ASISTEN', 'BAGIAN', 'BIDANG', 'SUBBIDANG', 'SEKSI', 'SUBBAGIAN',
] as const;
export type OrgUnitType = (typeof ORG_UNIT_TYPES)[number];

/**
 * A unit of the organisation tree. The OPDs are the children of the root. `headPositionId` has no
 * foreign key: positions reference units too, and a cycle of constraints cannot be created in one
 * pass on both databases.
 */
export class OrgUnit {
  id!: number;
  code!: string;
  type!: OrgUnitType;
  name!: string;
  parentId!: number | null;
  headPositionId!: number | null;
}

export const OrgUnitSchema = new EntitySchema<OrgUnit>({
  class: OrgUnit,
  tableName: 'org_units',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    code: { type: 'string', length: 40, unique: true },
    type: { type: 'string', length: 30 },
    name: { type: 'string', length: 200 },
    parentId: { type: 'integer', nullable: true, index: true },
    headPositionId: { type: 'integer', nullable: true },
  },
});

import { EntitySchema } from '@mikro-orm/core';

/** A standing committee such as the TPK (Tim Penilai Kinerja PNS). */
export class Committee {
  id!: number;
  code!: string;
  name!: string;
}

export const CommitteeSchema = new EntitySchema<Committee>({
  class: Committee,
  tableName: 'committees',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    code: { type: 'string', length: 40, unique: true },
    name: { type: 'string', length: 200 },
  },
});

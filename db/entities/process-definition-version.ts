import { EntitySchema } from '@mikro-orm/core';

/** One version of a process definition. Published versions are immutable; cases carry a snapshot. */
export class ProcessDefinitionVersion {
  id!: number;
  key!: string;
  version!: number;
  status!: 'draft' | 'published' | 'archived';
  definition!: Record<string, unknown>;
  changeNote!: string | null;
  createdBy!: string | null;
  createdAt!: Date;
  publishedAt!: Date | null;
}

export const ProcessDefinitionVersionSchema = new EntitySchema<ProcessDefinitionVersion>({
  class: ProcessDefinitionVersion,
  tableName: 'process_definitions',
  uniques: [{ properties: ['key', 'version'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    key: { type: 'string', length: 100 },
    version: { type: 'integer' },
    status: { type: 'string', length: 20 },
    definition: { type: 'json' },
    changeNote: { type: 'text', nullable: true },
    createdBy: { type: 'string', length: 100, nullable: true },
    createdAt: { type: 'datetime' },
    publishedAt: { type: 'datetime', nullable: true },
  },
});

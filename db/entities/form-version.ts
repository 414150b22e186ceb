import { EntitySchema } from '@mikro-orm/core';

export type FormStatus = 'draft' | 'published' | 'archived';

/**
 * One version of a form: a JSON Schema, its UI schema and translations. Publishing freezes it;
 * a step references (key, version), so a later version never changes what a running case asks.
 */
export class FormVersion {
  id!: number;
  key!: string;
  version!: number;
  status!: FormStatus;
  title!: { id: string; en: string };
  schema!: Record<string, unknown>;
  uiSchema!: Record<string, unknown>;
  /** Per language: titles, descriptions and enum labels by field path. */
  translations!: Record<string, unknown>;
  author!: string | null;
  changeNote!: string | null;
  createdAt!: Date;
  updatedAt!: Date;
  publishedAt!: Date | null;
}

export const FormVersionSchema = new EntitySchema<FormVersion>({
  class: FormVersion,
  tableName: 'form_versions',
  uniques: [{ properties: ['key', 'version'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    key: { type: 'string', length: 100 },
    version: { type: 'integer' },
    status: { type: 'string', length: 20 },
    title: { type: 'json' },
    schema: { type: 'json' },
    uiSchema: { type: 'json' },
    translations: { type: 'json' },
    author: { type: 'string', length: 100, nullable: true },
    changeNote: { type: 'text', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
    publishedAt: { type: 'datetime', nullable: true },
  },
});

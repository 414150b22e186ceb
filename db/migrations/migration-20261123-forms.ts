import { Migration } from '@mikro-orm/migrations';
import { addSchemaSql } from './schema-sql';

export class Migration20261123Forms extends Migration {
  override async up(): Promise<void> {
    addSchemaSql(this, this.getKnex().schema.createTable('form_versions', (t) => {
      t.increments('id').primary();
      t.string('key', 100).notNullable();
      t.integer('version').notNullable();
      t.string('status', 20).notNullable();
      t.json('title').notNullable();
      t.json('schema').notNullable();
      t.json('ui_schema').notNullable();
      t.json('translations').notNullable();
      t.string('author', 100).nullable();
      t.text('change_note').nullable();
      t.datetime('created_at', { useTz: true }).notNullable();
      t.datetime('updated_at', { useTz: true }).notNullable();
      t.datetime('published_at', { useTz: true }).nullable();
      t.unique(['key', 'version'], { indexName: 'form_versions_key_version_unique' });
    }));
  }

  override async down(): Promise<void> {
    addSchemaSql(this, this.getKnex().schema.dropTable('form_versions'));
  }
}

import { Migration } from '@mikro-orm/migrations';
import { addSchemaSql } from './schema-sql';

/** Publications the API promised for the Updates it sends (db/entities/pending-publication.ts). */
export class Migration20261127PendingPublications extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex();
    addSchemaSql(this, knex.schema.createTable('pending_publications', (t) => {
      t.string('id', 100).primary();
      t.string('case_id', 200).notNullable();
      t.integer('after_version').notNullable();
      t.datetime('created_at', { useTz: true }).notNullable();
      t.index(['created_at'], 'pending_publications_created_idx');
    }));
  }

  override async down(): Promise<void> {
    addSchemaSql(this, this.getKnex().schema.dropTable('pending_publications'));
  }
}

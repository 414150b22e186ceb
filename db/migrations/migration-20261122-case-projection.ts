import { Migration } from '@mikro-orm/migrations';
import { addSchemaSql } from './schema-sql';

/**
 * Migrations are written with knex's schema builder so one migration produces the right DDL for
 * both SQLite and PostgreSQL.
 */
export class Migration20261122CaseProjection extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex();
    addSchemaSql(this,
      knex.schema.createTable('cases', (t) => {
        t.string('id', 200).primary();
        t.string('process', 100).notNullable();
        t.string('title', 500).notNullable();
        t.string('status', 40).notNullable();
        t.string('current_step', 100).nullable();
        t.integer('version').notNullable();
        t.json('state').notNullable();
        t.datetime('created_at', { useTz: true }).notNullable();
        t.datetime('updated_at', { useTz: true }).notNullable();
        t.datetime('closed_at', { useTz: true }).nullable();
        t.index(['status', 'updated_at', 'id'], 'cases_status_updated_idx');
        t.index(['created_at', 'id'], 'cases_created_idx');
      }),
    );
    addSchemaSql(this,
      knex.schema.createTable('case_events', (t) => {
        t.increments('id').primary();
        t.string('case_id', 200).notNullable();
        t.integer('seq').notNullable();
        t.string('type', 60).notNullable();
        t.string('step_id', 100).nullable();
        t.string('actor', 200).nullable();
        t.string('outcome', 40).nullable();
        t.text('comment').nullable();
        t.datetime('occurred_at', { useTz: true }).notNullable();
        t.unique(['case_id', 'seq'], { indexName: 'case_events_case_seq_unique' });
      }),
    );
  }

  override async down(): Promise<void> {
    addSchemaSql(this, this.getKnex().schema.dropTable('case_events'));
    addSchemaSql(this, this.getKnex().schema.dropTable('cases'));
  }
}

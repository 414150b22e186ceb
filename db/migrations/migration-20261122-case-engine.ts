import { Migration } from '@mikro-orm/migrations';
import { addSchemaSql } from './schema-sql';

/** The case engine's tables: the inbox, effect idempotency records, versioned process definitions. */
export class Migration20261122CaseEngine extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex();
    addSchemaSql(this, knex.schema.alterTable('case_events', (t) => {
      t.json('details').nullable();
    }));
    addSchemaSql(this, knex.schema.createTable('case_tasks', (t) => {
      t.string('id', 400).primary();
      t.string('case_id', 200).notNullable();
      t.string('process_key', 100).notNullable();
      t.string('step_id', 100).notNullable();
      t.integer('visit').notNullable();
      t.string('user_id', 100).notNullable();
      t.string('substitute_for', 100).nullable();
      t.string('status', 20).notNullable();
      t.datetime('created_at', { useTz: true }).notNullable();
      t.datetime('due_at', { useTz: true }).nullable();
      t.datetime('closed_at', { useTz: true }).nullable();
      t.index(['user_id', 'status', 'due_at', 'id'], 'case_tasks_inbox_idx');
      t.index(['case_id', 'status'], 'case_tasks_case_idx');
    }));
    addSchemaSql(this, knex.schema.createTable('effect_applications', (t) => {
      t.string('key', 400).primary();
      t.string('case_id', 200).notNullable();
      t.string('effect', 100).notNullable();
      t.json('result').nullable();
      t.datetime('applied_at', { useTz: true }).notNullable();
    }));
    addSchemaSql(this, knex.schema.createTable('process_definitions', (t) => {
      t.increments('id').primary();
      t.string('key', 100).notNullable();
      t.integer('version').notNullable();
      t.string('status', 20).notNullable();
      t.json('definition').notNullable();
      t.text('change_note').nullable();
      t.string('created_by', 100).nullable();
      t.datetime('created_at', { useTz: true }).notNullable();
      t.datetime('published_at', { useTz: true }).nullable();
      t.unique(['key', 'version'], { indexName: 'process_definitions_key_version_unique' });
    }));
  }

  override async down(): Promise<void> {
    const knex = this.getKnex();
    addSchemaSql(this, knex.schema.dropTable('process_definitions'));
    addSchemaSql(this, knex.schema.dropTable('effect_applications'));
    addSchemaSql(this, knex.schema.dropTable('case_tasks'));
    addSchemaSql(this, knex.schema.alterTable('case_events', (t) => t.dropColumn('details')));
  }
}

import { Migration } from '@mikro-orm/migrations';
import { addSchemaSql } from './schema-sql';

/**
 * Election-freeze windows as data (they were only the ALUR_ELECTION_FREEZE variable, which still
 * applies while this table is empty), and who last changed a user or a calendar day.
 */
export class Migration20261126ElectionFreeze extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex();
    addSchemaSql(this, knex.schema.createTable('election_freeze_periods', (t) => {
      t.increments('id').primary();
      t.date('start_date').notNullable();
      t.date('end_date').notNullable();
      t.text('reason').notNullable();
      t.datetime('created_at', { useTz: true }).notNullable();
      t.string('created_by', 100).notNullable();
      t.datetime('updated_at', { useTz: true }).notNullable();
      t.string('updated_by', 100).notNullable();
      t.index(['start_date'], 'election_freeze_periods_start_idx');
    }));
    for (const table of ['users', 'calendar_days']) {
      addSchemaSql(this, knex.schema.alterTable(table, (t) => {
        t.datetime('updated_at', { useTz: true }).nullable();
        t.string('updated_by', 100).nullable();
      }));
    }
  }

  override async down(): Promise<void> {
    const knex = this.getKnex();
    for (const table of ['calendar_days', 'users']) {
      addSchemaSql(this, knex.schema.alterTable(table, (t) => {
        t.dropColumn('updated_by');
        t.dropColumn('updated_at');
      }));
    }
    addSchemaSql(this, knex.schema.dropTable('election_freeze_periods'));
  }
}

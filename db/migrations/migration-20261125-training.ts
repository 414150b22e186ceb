import { Migration } from '@mikro-orm/migrations';
import { addSchemaSql } from './schema-sql';

/** Budget reservations of training nominations (reserve, release, spend). */
export class Migration20261125Training extends Migration {
  override async up(): Promise<void> {
    addSchemaSql(this, this.getKnex().schema.createTable('budget_reservations', (t) => {
      t.increments('id').primary();
      t.string('case_id', 200).notNullable().unique({ indexName: 'budget_reservations_case_unique' });
      t.integer('budget_line_id').notNullable().references('id').inTable('budget_lines').withKeyName('budget_reservations_line_fk');
      t.bigInteger('amount').notNullable();
      t.bigInteger('amount_spent').nullable();
      t.string('status', 10).notNullable();
      t.datetime('created_at', { useTz: true }).notNullable();
      t.datetime('settled_at', { useTz: true }).nullable();
      t.index(['budget_line_id'], 'budget_reservations_line_idx');
    }));
  }

  override async down(): Promise<void> {
    addSchemaSql(this, this.getKnex().schema.dropTable('budget_reservations'));
  }
}

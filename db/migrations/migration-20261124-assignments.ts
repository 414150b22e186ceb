import { Migration } from '@mikro-orm/migrations';
import { addSchemaSql } from './schema-sql';

/** Temporary assignments (Plt / Plh / emergency task forces), written and ended by their cases. */
export class Migration20261124Assignments extends Migration {
  override async up(): Promise<void> {
    addSchemaSql(this, this.getKnex().schema.createTable('temporary_assignments', (t) => {
      t.increments('id').primary();
      t.string('case_id', 200).notNullable();
      t.string('kind', 10).notNullable();
      t.integer('employee_id').notNullable().references('id').inTable('employees').withKeyName('temporary_assignments_employee_fk');
      t.integer('position_id').nullable().references('id').inTable('positions').withKeyName('temporary_assignments_position_fk');
      t.integer('unit_id').notNullable().references('id').inTable('org_units').withKeyName('temporary_assignments_unit_fk');
      t.string('task_force_name', 200).nullable();
      t.string('order_number', 100).nullable();
      t.date('order_date').nullable();
      t.date('start_date').notNullable();
      t.date('end_date').notNullable();
      t.string('status', 10).notNullable();
      t.integer('extensions').notNullable().defaultTo(0);
      t.date('ended_on').nullable();
      t.string('end_reason', 20).nullable();
      t.datetime('created_at', { useTz: true }).notNullable();
      // One row per appointee of a case: a retried effect cannot add a second.
      t.unique(['case_id', 'employee_id'], { indexName: 'temporary_assignments_case_employee_unique' });
      // "Who is acting in this post now" and "what is this employee assigned to now".
      t.index(['position_id', 'status'], 'temporary_assignments_position_status_idx');
      t.index(['employee_id', 'status'], 'temporary_assignments_employee_status_idx');
    }));
  }

  override async down(): Promise<void> {
    addSchemaSql(this, this.getKnex().schema.dropTable('temporary_assignments'));
  }
}

import { Migration } from '@mikro-orm/migrations';
import { addSchemaSql } from './schema-sql';

/**
 * The registry: organisation tree, positions, employees and their records, users and committees,
 * the working-day calendar, budget lines, attachments and feedback tickets.
 *
 * Two back-references have no foreign key: org_units.head_position_id and
 * positions.holder_employee_id. Positions reference units and employees reference positions, and
 * a cycle of constraints cannot be created with plain CREATE TABLE on both SQLite and PostgreSQL.
 */
export class Migration20261123Registry extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex();
    const add = (builder: ReturnType<typeof knex.schema.createTable>) => addSchemaSql(this, builder);

    add(knex.schema.createTable('org_units', (t) => {
      t.increments('id').primary();
      t.string('code', 40).notNullable().unique({ indexName: 'org_units_code_unique' });
      t.string('type', 30).notNullable();
      t.string('name', 200).notNullable();
      t.integer('parent_id').nullable().references('id').inTable('org_units').withKeyName('org_units_parent_fk');
      t.integer('head_position_id').nullable();
      t.index(['parent_id'], 'org_units_parent_idx');
    }));

    add(knex.schema.createTable('positions', (t) => {
      t.increments('id').primary();
      t.string('name', 200).notNullable();
      t.string('jenis_jabatan', 20).notNullable();
      t.string('eselon', 5).nullable();
      t.string('functional_level', 20).nullable();
      t.integer('unit_id').notNullable().references('id').inTable('org_units').withKeyName('positions_unit_fk');
      t.integer('holder_employee_id').nullable();
      // Vacant seats of a unit: unit_id = ? and holder_employee_id is null.
      t.index(['unit_id', 'holder_employee_id'], 'positions_unit_holder_idx');
      t.index(['holder_employee_id'], 'positions_holder_idx');
    }));

    add(knex.schema.createTable('employees', (t) => {
      t.increments('id').primary();
      t.string('nip', 18).notNullable().unique({ indexName: 'employees_nip_unique' });
      t.string('name', 200).notNullable();
      t.string('gender', 1).notNullable();
      t.date('birth_date').notNullable();
      t.string('golongan', 5).notNullable();
      t.date('tmt_golongan').notNullable();
      t.integer('position_id').nullable().references('id').inTable('positions').withKeyName('employees_position_fk');
      t.date('tmt_jabatan').nullable();
      t.integer('unit_id').notNullable().references('id').inTable('org_units').withKeyName('employees_unit_fk');
      t.string('education_level', 4).notNullable();
      t.string('education_major', 200).nullable();
      t.json('competencies').notNullable();
      t.date('last_inauguration_date').nullable();
      // Keyset pagination: everyone by name, or one unit's staff by name.
      t.index(['name', 'id'], 'employees_name_idx');
      t.index(['unit_id', 'name', 'id'], 'employees_unit_name_idx');
      t.index(['position_id'], 'employees_position_idx');
    }));

    add(knex.schema.createTable('skp_ratings', (t) => {
      t.increments('id').primary();
      t.integer('employee_id').notNullable().references('id').inTable('employees').withKeyName('skp_ratings_employee_fk');
      t.integer('year').notNullable();
      t.string('rating', 20).notNullable();
      t.unique(['employee_id', 'year'], { indexName: 'skp_ratings_employee_year_unique' });
    }));

    add(knex.schema.createTable('disciplinary_sanctions', (t) => {
      t.increments('id').primary();
      t.integer('employee_id').notNullable().references('id').inTable('employees').withKeyName('disciplinary_sanctions_employee_fk');
      t.string('level', 10).notNullable();
      t.text('description').notNullable();
      t.date('start_date').notNullable();
      t.date('end_date').nullable();
      t.index(['employee_id'], 'disciplinary_sanctions_employee_idx');
    }));

    add(knex.schema.createTable('training_records', (t) => {
      t.increments('id').primary();
      t.integer('employee_id').notNullable().references('id').inTable('employees').withKeyName('training_records_employee_fk');
      t.string('title', 300).notNullable();
      t.string('kind', 20).notNullable();
      t.integer('jp_hours').notNullable();
      t.date('start_date').notNullable();
      t.date('end_date').notNullable();
      t.integer('year').notNullable();
      t.index(['employee_id', 'year'], 'training_records_employee_year_idx');
    }));

    add(knex.schema.createTable('users', (t) => {
      t.increments('id').primary();
      t.string('login', 100).notNullable().unique({ indexName: 'users_login_unique' });
      t.string('display_name', 200).notNullable();
      t.string('password_hash', 255).notNullable();
      t.json('roles').notNullable();
      t.integer('unit_scope_id').nullable().references('id').inTable('org_units').withKeyName('users_unit_scope_fk');
      t.integer('employee_id').nullable().references('id').inTable('employees').withKeyName('users_employee_fk');
      t.string('language', 2).notNullable().defaultTo('id');
      t.date('absence_start').nullable();
      t.date('absence_end').nullable();
      t.integer('substitute_user_id').nullable().references('id').inTable('users').withKeyName('users_substitute_fk');
      t.boolean('active').notNullable().defaultTo(true);
      t.index(['employee_id'], 'users_employee_idx');
    }));

    add(knex.schema.createTable('committees', (t) => {
      t.increments('id').primary();
      t.string('code', 40).notNullable().unique({ indexName: 'committees_code_unique' });
      t.string('name', 200).notNullable();
    }));

    add(knex.schema.createTable('committee_members', (t) => {
      t.increments('id').primary();
      t.integer('committee_id').notNullable().references('id').inTable('committees').withKeyName('committee_members_committee_fk');
      t.integer('user_id').notNullable().references('id').inTable('users').withKeyName('committee_members_user_fk');
      t.string('role', 20).notNullable();
      t.unique(['committee_id', 'user_id'], { indexName: 'committee_members_committee_user_unique' });
      t.index(['user_id'], 'committee_members_user_idx');
    }));

    add(knex.schema.createTable('calendar_days', (t) => {
      t.increments('id').primary();
      t.date('date').notNullable().unique({ indexName: 'calendar_days_date_unique' });
      t.string('kind', 20).notNullable();
      t.string('name_id', 200).notNullable();
      t.string('name_en', 200).notNullable();
    }));

    add(knex.schema.createTable('budget_lines', (t) => {
      t.increments('id').primary();
      t.integer('unit_id').notNullable().references('id').inTable('org_units').withKeyName('budget_lines_unit_fk');
      t.integer('year').notNullable();
      t.string('kind', 30).notNullable();
      t.bigInteger('amount_allocated').notNullable();
      t.bigInteger('amount_reserved').notNullable().defaultTo(0);
      t.bigInteger('amount_spent').notNullable().defaultTo(0);
      t.unique(['unit_id', 'year', 'kind'], { indexName: 'budget_lines_unit_year_kind_unique' });
    }));

    add(knex.schema.createTable('attachments', (t) => {
      t.string('id', 36).primary();
      t.string('original_name', 255).notNullable();
      t.string('media_type', 255).notNullable();
      t.bigInteger('size_bytes').notNullable();
      t.string('sha256', 64).notNullable();
      t.string('storage_path', 500).notNullable();
      t.integer('uploaded_by_user_id').nullable().references('id').inTable('users').withKeyName('attachments_uploaded_by_fk');
      t.datetime('created_at', { useTz: true }).notNullable();
      t.index(['sha256'], 'attachments_sha256_idx');
    }));

    add(knex.schema.createTable('feedback_tickets', (t) => {
      t.increments('id').primary();
      t.string('tracking_code', 20).notNullable().unique({ indexName: 'feedback_tickets_tracking_code_unique' });
      t.string('type', 30).notNullable();
      t.string('category', 60).notNullable();
      t.boolean('anonymous').notNullable();
      t.boolean('confidential').notNullable();
      t.string('reporter_name', 200).nullable();
      t.string('contact_email', 254).nullable();
      t.text('message').notNullable();
      t.integer('unit_id').nullable().references('id').inTable('org_units').withKeyName('feedback_tickets_unit_fk');
      t.string('status', 30).notNullable();
      t.datetime('created_at', { useTz: true }).notNullable();
      t.index(['unit_id', 'status', 'created_at'], 'feedback_tickets_unit_status_idx');
    }));
  }

  override async down(): Promise<void> {
    const knex = this.getKnex();
    for (const table of [
      'feedback_tickets', 'attachments', 'budget_lines', 'calendar_days', 'committee_members', 'committees',
      'users', 'training_records', 'disciplinary_sanctions', 'skp_ratings', 'employees', 'positions', 'org_units',
    ]) {
      addSchemaSql(this, knex.schema.dropTable(table));
    }
  }
}

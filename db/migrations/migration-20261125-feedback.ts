import { Migration } from '@mikro-orm/migrations';
import { addSchemaSql } from './schema-sql';

const TICKET_COLUMNS = [
  'case_id', 'handling_unit_id', 'resolution_category', 'resolution_days', 'public_note', 'answer', 'answered_at', 'status_changed_at', 'closed_at',
] as const;

/**
 * Public feedback (process 4): a ticket knows its case, where it was dispatched, its resolution
 * category, the verifier's note to the citizen and the published answer; citizens' ratings on the
 * nine SKM elements, one per ticket, feed the satisfaction index (IKM) per OPD.
 */
export class Migration20261125Feedback extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex();
    // Plain added columns (no foreign keys): SQLite adds them in place, without rebuilding the table.
    addSchemaSql(this, knex.schema.alterTable('feedback_tickets', (t) => {
      t.string('case_id', 200).nullable();
      t.integer('handling_unit_id').nullable();
      t.string('resolution_category', 30).nullable();
      t.integer('resolution_days').nullable();
      t.text('public_note').nullable();
      t.text('answer').nullable();
      t.datetime('answered_at', { useTz: true }).nullable();
      t.datetime('status_changed_at', { useTz: true }).nullable();
      t.datetime('closed_at', { useTz: true }).nullable();
      t.index(['case_id'], 'feedback_tickets_case_idx');
    }));
    addSchemaSql(this, knex.schema.createTable('feedback_ratings', (t) => {
      t.increments('id').primary();
      t.integer('ticket_id').notNullable().references('id').inTable('feedback_tickets').withKeyName('feedback_ratings_ticket_fk');
      t.string('case_id', 200).notNullable();
      t.integer('unit_id').nullable().references('id').inTable('org_units').withKeyName('feedback_ratings_unit_fk');
      for (const element of ['requirements', 'procedure', 'service_time', 'cost', 'product', 'staff_competence', 'staff_behaviour', 'complaint_handling', 'facilities']) {
        t.smallint(element).notNullable();
        t.check(`${element} between 1 and 4`, [], `feedback_ratings_${element}_range`);
      }
      t.text('comment').nullable();
      t.datetime('rated_at', { useTz: true }).notNullable();
      // One rating per ticket: a replayed or repeated close cannot count twice.
      t.unique(['ticket_id'], { indexName: 'feedback_ratings_ticket_unique' });
      // The satisfaction index: ratings of one OPD in one year.
      t.index(['unit_id', 'rated_at'], 'feedback_ratings_unit_rated_idx');
    }));
  }

  override async down(): Promise<void> {
    const knex = this.getKnex();
    addSchemaSql(this, knex.schema.dropTable('feedback_ratings'));
    this.addSql('drop index feedback_tickets_case_idx');
    // Written out: knex rebuilds a SQLite table to drop a column, in statements it cannot list.
    for (const column of TICKET_COLUMNS) this.addSql(`alter table feedback_tickets drop column ${column}`);
  }
}

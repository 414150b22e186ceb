import { Migration } from '@mikro-orm/migrations';
import { addSchemaSql } from './schema-sql';

/** In-app notifications, the e-mail outbox, and each user's address and e-mail preferences. */
export class Migration20261124Notifications extends Migration {
  override async up(): Promise<void> {
    const knex = this.getKnex();
    addSchemaSql(this, knex.schema.alterTable('users', (t) => {
      t.string('email', 200).nullable();
      t.json('email_opt_out').notNullable().defaultTo('[]');
    }));
    addSchemaSql(this, knex.schema.createTable('notifications', (t) => {
      t.string('id', 500).primary();
      t.string('user_login', 100).notNullable();
      t.string('kind', 40).notNullable();
      t.string('case_id', 200).notNullable();
      t.string('case_title', 500).notNullable();
      t.string('step_id', 100).nullable();
      t.string('actor', 100).nullable();
      t.json('params').notNullable();
      t.datetime('created_at', { useTz: true }).notNullable();
      t.datetime('read_at', { useTz: true }).nullable();
      t.index(['user_login', 'created_at', 'id'], 'notifications_user_idx');
    }));
    addSchemaSql(this, knex.schema.createTable('mail_outbox', (t) => {
      t.string('id', 500).primary();
      t.string('to_address', 200).notNullable();
      t.string('language', 2).notNullable();
      t.string('subject', 500).notNullable();
      t.text('text').notNullable();
      t.string('status', 20).notNullable();
      t.integer('attempts').notNullable();
      t.datetime('next_attempt_at', { useTz: true }).notNullable();
      t.text('last_error').nullable();
      t.datetime('created_at', { useTz: true }).notNullable();
      t.datetime('sent_at', { useTz: true }).nullable();
      t.index(['status', 'next_attempt_at'], 'mail_outbox_due_idx');
    }));
  }

  override async down(): Promise<void> {
    const knex = this.getKnex();
    addSchemaSql(this, knex.schema.dropTable('mail_outbox'));
    addSchemaSql(this, knex.schema.dropTable('notifications'));
    addSchemaSql(this, knex.schema.alterTable('users', (t) => {
      t.dropColumn('email_opt_out');
      t.dropColumn('email');
    }));
  }
}

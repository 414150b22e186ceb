import { Migration } from '@mikro-orm/migrations';
import { addSchemaSql } from './schema-sql';

export class Migration20261123Sessions extends Migration {
  override async up(): Promise<void> {
    addSchemaSql(this, this.getKnex().schema.createTable('sessions', (t) => {
      t.string('id', 64).primary();
      t.integer('user_id').notNullable();
      t.string('csrf_token', 64).notNullable();
      t.datetime('created_at', { useTz: true }).notNullable();
      t.datetime('expires_at', { useTz: true }).notNullable();
      t.index(['user_id'], 'sessions_user_idx');
      t.index(['expires_at'], 'sessions_expires_idx');
    }));
  }

  override async down(): Promise<void> {
    addSchemaSql(this, this.getKnex().schema.dropTable('sessions'));
  }
}

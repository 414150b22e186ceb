import { Migration } from '@mikro-orm/migrations';
import { addSchemaSql } from './schema-sql';

/**
 * The inbox is read newest first by (user, status, created_at, id); the first index keyed on
 * due_at could not serve that order, so deep pages scanned (the inbox benchmark showed 3× at 100k).
 */
export class Migration20261124InboxIndex extends Migration {
  override async up(): Promise<void> {
    addSchemaSql(this, this.getKnex().schema.alterTable('case_tasks', (t) => {
      t.dropIndex(['user_id', 'status', 'due_at', 'id'], 'case_tasks_inbox_idx');
      t.index(['user_id', 'status', 'created_at', 'id'], 'case_tasks_inbox_created_idx');
      t.index(['user_id', 'status', 'due_at'], 'case_tasks_inbox_due_idx');
    }));
  }

  override async down(): Promise<void> {
    addSchemaSql(this, this.getKnex().schema.alterTable('case_tasks', (t) => {
      t.dropIndex(['user_id', 'status', 'due_at'], 'case_tasks_inbox_due_idx');
      t.dropIndex(['user_id', 'status', 'created_at', 'id'], 'case_tasks_inbox_created_idx');
      t.index(['user_id', 'status', 'due_at', 'id'], 'case_tasks_inbox_idx');
    }));
  }
}

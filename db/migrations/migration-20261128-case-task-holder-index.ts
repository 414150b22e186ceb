import { Migration } from '@mikro-orm/migrations';
import { addSchemaSql } from './schema-sql';

/**
 * Every action on a case first checks whether the user holds or held a task on it
 * (`case_id = ? and user_id = ?`). With only the (case_id, status) and the inbox's (user_id, …)
 * indexes, SQLite chose the inbox index and walked all of the user's tasks: an approver with
 * thousands of tasks paid for each of them on every decision. This index answers the check
 * from its two keys.
 */
export class Migration20261128CaseTaskHolderIndex extends Migration {
  override async up(): Promise<void> {
    addSchemaSql(this, this.getKnex().schema.alterTable('case_tasks', (t) => {
      t.index(['case_id', 'user_id'], 'case_tasks_case_user_idx');
    }));
  }

  override async down(): Promise<void> {
    addSchemaSql(this, this.getKnex().schema.alterTable('case_tasks', (t) => {
      t.dropIndex(['case_id', 'user_id'], 'case_tasks_case_user_idx');
    }));
  }
}

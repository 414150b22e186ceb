import { Migration } from '@mikro-orm/migrations';
import { addSchemaSql } from './schema-sql';

/** Who started a case and which unit it concerns, for "my requests" and unit-scoped access. */
export class Migration20261123CaseAccess extends Migration {
  override async up(): Promise<void> {
    addSchemaSql(this, this.getKnex().schema.alterTable('cases', (t) => {
      t.string('initiator', 100).nullable();
      t.string('subject_unit_id', 40).nullable();
      t.index(['initiator', 'created_at', 'id'], 'cases_initiator_idx');
    }));
  }

  override async down(): Promise<void> {
    addSchemaSql(this, this.getKnex().schema.alterTable('cases', (t) => {
      t.dropIndex(['initiator', 'created_at', 'id'], 'cases_initiator_idx');
      t.dropColumn('initiator');
      t.dropColumn('subject_unit_id');
    }));
  }
}

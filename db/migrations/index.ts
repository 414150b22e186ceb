import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122CaseEngine } from './migration-20261122-case-engine';
import { Migration20261122CaseProjection } from './migration-20261122-case-projection';
import { Migration20261123Registry } from './migration-20261123-registry';
import { Migration20261123Sessions } from './migration-20261123-sessions';
import { Migration20261123CaseAccess } from './migration-20261123-case-access';
import { Migration20261123Forms } from './migration-20261123-forms';
import { Migration20261124Notifications } from './migration-20261124-notifications';
import { Migration20261124InboxIndex } from './migration-20261124-inbox-index';
import { Migration20261124Assignments } from './migration-20261124-assignments';
import { Migration20261125Feedback } from './migration-20261125-feedback';

import { Migration20261125Training } from './migration-20261125-training';
import { Migration20261127PendingPublications } from './migration-20261127-pending-publications';
import { Migration20261126ElectionFreeze } from './migration-20261126-election-freeze';
import { Migration20261128CaseTaskHolderIndex } from './migration-20261128-case-task-holder-index';
/** Every migration, in order. Listed explicitly so they run the same under tsx, Jest and a build. */
export const migrations: MigrationObject[] = [
  { name: 'Migration20261122CaseProjection', class: Migration20261122CaseProjection },
  { name: 'Migration20261122CaseEngine', class: Migration20261122CaseEngine },
  { name: 'Migration20261123Registry', class: Migration20261123Registry },
  { name: 'Migration20261123Sessions', class: Migration20261123Sessions },
  { name: 'Migration20261123CaseAccess', class: Migration20261123CaseAccess },
  { name: 'Migration20261123Forms', class: Migration20261123Forms },
  { name: 'Migration20261124Notifications', class: Migration20261124Notifications },
  { name: 'Migration20261124InboxIndex', class: Migration20261124InboxIndex },
  { name: 'Migration20261124Assignments', class: Migration20261124Assignments },
  { name: 'Migration20261125Feedback', class: Migration20261125Feedback },
  { name: 'Migration20261125Training', class: Migration20261125Training },
  { name: 'Migration20261126ElectionFreeze', class: Migration20261126ElectionFreeze },
  { name: 'Migration20261127PendingPublications', class: Migration20261127PendingPublications },
  { name: 'Migration20261128CaseTaskHolderIndex', class: Migration20261128CaseTaskHolderIndex },
];

import { EntitySchema } from '@mikro-orm/core';

/**
 * One in-app notification. Its id is derived from the case event that caused it, so projecting
 * the same event twice never notifies twice.
 */
export class Notification {
  /** `${caseId}/${seq}/${userLogin}/${kind}` */
  id!: string;
  userLogin!: string;
  kind!: string;
  caseId!: string;
  caseTitle!: string;
  stepId!: string | null;
  actor!: string | null;
  params!: Record<string, unknown>;
  createdAt!: Date;
  readAt!: Date | null;
}

export const NotificationSchema = new EntitySchema<Notification>({
  class: Notification,
  tableName: 'notifications',
  properties: {
    id: { type: 'string', primary: true, length: 500 },
    userLogin: { type: 'string', length: 100 },
    kind: { type: 'string', length: 40 },
    caseId: { type: 'string', length: 200 },
    caseTitle: { type: 'string', length: 500 },
    stepId: { type: 'string', length: 100, nullable: true },
    actor: { type: 'string', length: 100, nullable: true },
    params: { type: 'json' },
    createdAt: { type: 'datetime' },
    readAt: { type: 'datetime', nullable: true },
  },
});

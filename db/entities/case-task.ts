import { EntitySchema } from '@mikro-orm/core';

/**
 * One user's task on one visit of a case step: the inbox. Written only by the case projection;
 * an open task closes when its holder decides, the step moves on, or the task is handed over.
 */
export class CaseTask {
  /** `${caseId}/${stepId}/${visit}/${userId}`: re-projecting the same task is a no-op. */
  id!: string;
  caseId!: string;
  processKey!: string;
  stepId!: string;
  visit!: number;
  userId!: string;
  /** The absent colleague this user substitutes for, when the task reached them that way. */
  substituteFor!: string | null;
  status!: 'open' | 'closed';
  createdAt!: Date;
  dueAt!: Date | null;
  closedAt!: Date | null;
}

export const CaseTaskSchema = new EntitySchema<CaseTask>({
  class: CaseTask,
  tableName: 'case_tasks',
  properties: {
    id: { type: 'string', primary: true, length: 400 },
    caseId: { type: 'string', length: 200 },
    processKey: { type: 'string', length: 100 },
    stepId: { type: 'string', length: 100 },
    visit: { type: 'integer' },
    userId: { type: 'string', length: 100 },
    substituteFor: { type: 'string', length: 100, nullable: true },
    status: { type: 'string', length: 20 },
    createdAt: { type: 'datetime' },
    dueAt: { type: 'datetime', nullable: true },
    closedAt: { type: 'datetime', nullable: true },
  },
});

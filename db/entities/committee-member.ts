import { EntitySchema } from '@mikro-orm/core';

export const COMMITTEE_ROLES = ['CHAIR', 'MEMBER', 'SECRETARY'] as const;
export type CommitteeRole = (typeof COMMITTEE_ROLES)[number];

export class CommitteeMember {
  id!: number;
  committeeId!: number;
  userId!: number;
  role!: CommitteeRole;
}

export const CommitteeMemberSchema = new EntitySchema<CommitteeMember>({
  class: CommitteeMember,
  tableName: 'committee_members',
  uniques: [{ properties: ['committeeId', 'userId'] }],
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    committeeId: { type: 'integer' },
    userId: { type: 'integer', index: true },
    role: { type: 'string', length: 20 },
  },
});

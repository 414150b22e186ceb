import { EntitySchema, type Opt } from '@mikro-orm/core';
import type { Role } from '../roles';

export type Language = 'id' | 'en';

/**
 * A person who signs in. unitScopeId limits unit-scoped roles (kepala_opd, feedback_admin) to one
 * unit and its sub-units. While absent (absenceStart..absenceEnd, inclusive), new tasks go to the
 * substitute.
 */
export class User {
  id!: number;
  login!: string;
  displayName!: string;
  /** argon2id, in the PHC string format. */
  passwordHash!: string;
  roles!: Role[];
  unitScopeId!: number | null;
  employeeId!: number | null;
  language!: Language;
  /** Where e-mail notifications go; null: in-app only. */
  email!: string | null;
  /** Notification kinds this user does not want by e-mail (in-app ones always arrive). */
  emailOptOut!: Opt<string[]>;
  absenceStart!: string | null;
  absenceEnd!: string | null;
  substituteUserId!: number | null;
  active!: boolean;
  /** When and by whom (login) the account was last changed by an administrator or its owner; null for seeded users. */
  updatedAt?: Date | null;
  updatedBy?: string | null;
}

export const UserSchema = new EntitySchema<User>({
  class: User,
  tableName: 'users',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    login: { type: 'string', length: 100, unique: true },
    displayName: { type: 'string', length: 200 },
    passwordHash: { type: 'string', length: 255, hidden: true },
    roles: { type: 'json' },
    unitScopeId: { type: 'integer', nullable: true },
    employeeId: { type: 'integer', nullable: true, index: true },
    language: { type: 'string', length: 2, default: 'id' },
    email: { type: 'string', length: 200, nullable: true },
    emailOptOut: { type: 'json', default: '[]' },
    absenceStart: { type: 'date', nullable: true },
    absenceEnd: { type: 'date', nullable: true },
    substituteUserId: { type: 'integer', nullable: true },
    active: { type: 'boolean', default: true },
    updatedAt: { type: 'datetime', nullable: true },
    updatedBy: { type: 'string', length: 100, nullable: true },
  },
});

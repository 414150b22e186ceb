import { EntitySchema } from '@mikro-orm/core';

/**
 * A signed-in browser. The cookie carries a random token; only its SHA-256 is stored, so a copy
 * of the database does not let anyone sign in.
 */
export class Session {
  /** SHA-256 (hex) of the cookie's token. */
  id!: string;
  userId!: number;
  /** Sent back by the client in X-CSRF-Token on every cookie-authenticated write. */
  csrfToken!: string;
  createdAt!: Date;
  expiresAt!: Date;
}

export const SessionSchema = new EntitySchema<Session>({
  class: Session,
  tableName: 'sessions',
  properties: {
    id: { type: 'string', primary: true, length: 64 },
    userId: { type: 'integer', index: true },
    csrfToken: { type: 'string', length: 64 },
    createdAt: { type: 'datetime' },
    expiresAt: { type: 'datetime', index: true },
  },
});

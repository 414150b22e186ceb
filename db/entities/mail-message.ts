import { EntitySchema } from '@mikro-orm/core';

/**
 * An e-mail waiting to be sent (the outbox). Written in the same transaction as the case
 * projection that caused it, so no notification is lost; sent by the mail activity, which marks
 * it sent, so none goes out twice.
 */
export class MailMessage {
  /** The notification's id: one mail per notification. */
  id!: string;
  toAddress!: string;
  language!: 'id' | 'en';
  subject!: string;
  text!: string;
  status!: 'pending' | 'sent';
  attempts!: number;
  nextAttemptAt!: Date;
  lastError!: string | null;
  createdAt!: Date;
  sentAt!: Date | null;
}

export const MailMessageSchema = new EntitySchema<MailMessage>({
  class: MailMessage,
  tableName: 'mail_outbox',
  properties: {
    id: { type: 'string', primary: true, length: 500 },
    toAddress: { type: 'string', length: 200 },
    language: { type: 'string', length: 2 },
    subject: { type: 'string', length: 500 },
    text: { type: 'text' },
    status: { type: 'string', length: 20 },
    attempts: { type: 'integer' },
    nextAttemptAt: { type: 'datetime' },
    lastError: { type: 'text', nullable: true },
    createdAt: { type: 'datetime' },
    sentAt: { type: 'datetime', nullable: true },
  },
});

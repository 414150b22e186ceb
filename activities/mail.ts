import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Knex } from '@mikro-orm/knex';
import { MailMessage, columnOf, columnsOf, knexStatements, type Database } from '../db';

export interface MailSettings {
  /** Unset: mail is written to DATA_DIR/outbox as .eml files, so a new user sees what would be sent. */
  smtp?: { host: string; port: number; secure: boolean; user?: string; password?: string };
  from: string;
  outboxDir: string;
}

export interface OutgoingMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
}

export function createMailTransport(settings: MailSettings): MailTransport {
  if (settings.smtp) {
    const transporter: Transporter = nodemailer.createTransport({
      host: settings.smtp.host,
      port: settings.smtp.port,
      secure: settings.smtp.secure,
      ...(settings.smtp.user ? { auth: { user: settings.smtp.user, pass: settings.smtp.password ?? '' } } : {}),
      connectionTimeout: 10_000,
      socketTimeout: 20_000,
    });
    return { send: async (mail) => void (await transporter.sendMail({ from: settings.from, ...mail })) };
  }
  const writer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let outboxMade: Promise<unknown> | undefined;
  return {
    send: async (mail) => {
      const info = await writer.sendMail({ from: settings.from, ...mail });
      // Made once per process; a failure is tried again with the next mail.
      outboxMade ??= fs.mkdir(settings.outboxDir, { recursive: true }).catch((err: unknown) => {
        outboxMade = undefined;
        throw err;
      });
      await outboxMade;
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${createHash('sha1').update(mail.messageId).digest('hex').slice(0, 10)}.eml`;
      await fs.writeFile(path.join(settings.outboxDir, name), info.message as Buffer);
    },
  };
}

/** How long a failed mail waits before its next try: 30 s (by default), doubling, at most an hour. */
export function retryDelayMs(attempts: number, baseMs = 30_000): number {
  return Math.min(60 * 60 * 1000, baseMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * The mail activity: sends the outbox's due messages. A failing server delays mail but loses none
 * (the row stays pending with its next try); a sent row is marked at once, so none goes out twice.
 */
export function createMailActivities(deps: { db: Database; transport: MailTransport; retryBaseMs?: number }) {
  return {
    async sendPendingMail(input: { batch: number }): Promise<{ sent: number; failed: number; due: number }> {
      // Plain statements built with the ORM's knex (no unit of work): a read, then one UPDATE per
      // mail right after its send.
      const em = deps.db.em();
      const statements = knexStatements(em);
      const column = (property: keyof MailMessage & string) => columnOf(em, MailMessage, property);
      const isDue = (qb: Knex.QueryBuilder) => qb
        .where(column('status'), 'pending')
        .andWhere(column('nextAttemptAt'), '<=', columnsOf(em, MailMessage, { nextAttemptAt: new Date() })[column('nextAttemptAt')] as Knex.Value);
      const due = await statements.all<Pick<MailMessage, 'id' | 'toAddress' | 'subject' | 'text' | 'attempts'>>(isDue(statements.table(MailMessage)
        .select({ id: column('id'), toAddress: column('toAddress'), subject: column('subject'), text: column('text'), attempts: column('attempts') }))
        .orderBy([column('createdAt'), column('id')])
        .limit(input.batch));
      let sent = 0;
      let failed = 0;
      for (const mail of due) {
        let outcome: Partial<MailMessage>;
        const attempts = Number(mail.attempts) + 1;
        try {
          await deps.transport.send({
            // Stable per notification: a mail server or client can drop a rare duplicate after a crash.
            messageId: `<${createHash('sha256').update(mail.id).digest('hex').slice(0, 32)}@alur>`,
            to: mail.toAddress,
            subject: mail.subject,
            text: mail.text,
          });
          outcome = { status: 'sent', sentAt: new Date(), attempts, lastError: null };
          sent += 1;
        } catch (err) {
          outcome = {
            attempts,
            nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts, deps.retryBaseMs)),
            lastError: err instanceof Error ? err.message.slice(0, 1000) : String(err),
          };
          failed += 1;
        }
        await statements.run(statements.table(MailMessage).where(column('id'), mail.id).update(columnsOf(em, MailMessage, outcome)));
      }
      const [left] = await statements.all<{ due: number | string }>(isDue(statements.table(MailMessage).count({ due: '*' })));
      return { sent, failed, due: Number(left?.due ?? 0) };
    },
  };
}

export type MailActivities = ReturnType<typeof createMailActivities>;

import type { EntityManager } from '@mikro-orm/knex';
import { booleanFromRow, CaseEvent, CaseRecord, CaseTask, columnOf, columnsOf, jsonFromRow, knexStatements, MailMessage, Notification, PendingPublication, User, type KnexStatements } from '../db';
import type { Logger } from '../config';
import type { CaseEventRecord, CaseView } from '../workflows/case';
import { openTasksOf, versionOf, type OpenTask } from '../workflows/projection';
import { notificationText } from './notification-messages';
import { notificationsFor } from './notifications';

export interface RecordCaseInput {
  caseId: string;
  /** The case's event sequence number at this snapshot; an older snapshot never overwrites a newer one. */
  version: number;
  view: CaseView;
  /** The events to publish: those not yet published as far as the publisher knows (more is harmless). */
  events: CaseEventRecord[];
  openTasks: OpenTask[];
}

export interface ProjectionOptions {
  /** The app's address, for links in e-mails. */
  appUrl: string;
  /** Logs each event of the snapshot (with the request id that caused it); every publisher passes one. */
  logger?: Logger;
  /** A publication promise this snapshot keeps (db/pending-publications.ts): forgotten in the same transaction. */
  keepsPromise?: string;
}

/**
 * A snapshot the workflow answered with (an Update's result), as a projection input; its events
 * after `sinceVersion`, the version the publisher last read (earlier ones are published already).
 */
export function projectionOf(view: CaseView, sinceVersion = 0): RecordCaseInput {
  const events = view.events.filter((e) => e.seq > sinceVersion);
  return { caseId: view.id, version: versionOf(view), view, events, openTasks: openTasksOf(view) };
}

/**
 * Projects a case snapshot into the case row, its open tasks (the inbox), its audit log and the
 * notifications its events cause. Both the workflow (through an activity, for every change) and
 * the API (right after an Update, so the user reads their own decision) publish snapshots, in any
 * order and any number of times: events and notifications are keyed, and the row and the inbox
 * move only forward, by a compare-and-set on the version, so an older snapshot never overwrites a
 * newer one. Returns whether this snapshot was the newest.
 */
export async function projectCase(em: EntityManager, input: RecordCaseInput, options: ProjectionOptions): Promise<boolean> {
  return em.transactional(async (tx) => {
    const { view } = input;
    // Built with the ORM's knex: every decision and case start is published through these statements,
    // and MikroORM's entity query builder cost more than the statements themselves.
    const write = knexStatements(tx);
    const fields = {
      status: view.status,
      currentStep: view.status === 'open' ? (view.current?.stepId ?? null) : null,
      version: input.version,
      state: view as unknown as Record<string, unknown>,
      updatedAt: new Date(view.updatedAt),
      closedAt: view.closedAt ? new Date(view.closedAt) : null,
    };
    // The first statement writes, so SQLite takes its write lock at once (waiting its busy timeout
    // for another writer) instead of upgrading a read snapshot, which fails at once when another
    // process (the worker, the API) wrote meanwhile.
    if (options.keepsPromise) {
      await write.run(write.table(PendingPublication).where(columnOf(tx, PendingPublication, 'id'), options.keepsPromise).delete());
    }
    const updated = await write.run(write.table(CaseRecord)
      .where(columnOf(tx, CaseRecord, 'id'), input.caseId)
      .andWhere(columnOf(tx, CaseRecord, 'version'), '<', input.version)
      .update(columnsOf(tx, CaseRecord, fields)));
    let fresh = updated > 0;
    if (!fresh) {
      const inserted = await write.run(write.table(CaseRecord)
        .insert(columnsOf(tx, CaseRecord, {
          id: input.caseId,
          process: view.process.key,
          title: view.title,
          initiator: view.initiator.userId,
          subjectUnitId: view.subject?.unitId ?? null,
          createdAt: new Date(view.createdAt),
          ...fields,
        }))
        .onConflict(columnOf(tx, CaseRecord, 'id'))
        .ignore());
      fresh = inserted > 0;
    }
    // Logged by whoever publishes them (an event the API and the workflow both publish is logged
    // twice), each with the request id that caused it.
    for (const e of input.events) {
      options.logger?.info({ caseId: input.caseId, seq: e.seq, event: e.type, stepId: e.stepId, actor: e.actor, requestId: e.requestId }, 'case event recorded');
    }
    // A snapshot at least this new is stored, and whoever stored it stored every event up to it
    // (with their notifications) in the same transaction: nothing is left to do.
    if (!fresh) return false;
    const { events } = input;
    if (events.length > 0) {
      await write.run(write.table(CaseEvent)
        .insert(events.map((e) => columnsOf(tx, CaseEvent, {
          caseId: input.caseId,
          seq: e.seq,
          type: e.type,
          stepId: e.stepId,
          actor: e.actor,
          outcome: e.outcome,
          comment: e.comment,
          details: e.details ?? null,
          occurredAt: new Date(e.occurredAt),
        })))
        .onConflict([columnOf(tx, CaseEvent, 'caseId'), columnOf(tx, CaseEvent, 'seq')])
        .ignore());
      await recordNotifications(tx, write, input, options.appUrl);
    }
    // The inbox: every open task the snapshot no longer has closes (one statement), and the ones it
    // has are inserted unless they exist (a task id names its case, step, visit and holder).
    const wanted = new Map(input.openTasks.map((t) => [`${input.caseId}/${t.stepId}/${t.visit}/${t.userId}`, t]));
    const closing = write.table(CaseTask)
      .where(columnOf(tx, CaseTask, 'caseId'), input.caseId)
      .andWhere(columnOf(tx, CaseTask, 'status'), 'open');
    if (wanted.size > 0) closing.whereNotIn(columnOf(tx, CaseTask, 'id'), [...wanted.keys()]);
    await write.run(closing.update(columnsOf(tx, CaseTask, { status: 'closed', closedAt: new Date(view.updatedAt) })));
    if (wanted.size > 0) {
      await write.run(write.table(CaseTask)
        .insert([...wanted].map(([id, t]) => columnsOf(tx, CaseTask, {
          id,
          caseId: input.caseId,
          processKey: view.process.key,
          stepId: t.stepId,
          visit: t.visit,
          userId: t.userId,
          substituteFor: t.substituteFor,
          status: 'open',
          createdAt: new Date(view.updatedAt),
          dueAt: t.dueAt ? new Date(t.dueAt) : null,
          closedAt: null,
        })))
        .onConflict(columnOf(tx, CaseTask, 'id'))
        .ignore());
    }
    return true;
  });
}

async function recordNotifications(tx: EntityManager, write: KnexStatements, input: RecordCaseInput, appUrl: string): Promise<void> {
  const pending = notificationsFor(input.view, input.events);
  if (pending.length === 0) return;
  const now = new Date();
  await write.run(write.table(Notification)
    .insert(pending.map((n) => columnsOf(tx, Notification, {
      id: n.id, userLogin: n.userLogin, kind: n.kind, caseId: input.caseId, caseTitle: input.view.title,
      stepId: n.stepId, actor: n.actor, params: n.params, createdAt: now, readAt: null,
    })))
    .onConflict(columnOf(tx, Notification, 'id'))
    .ignore());
  // The recipients, and the people the messages name (who acted, whom a substitute stands in for).
  const named = pending.flatMap((n) => [n.actor, typeof n.params.substituteFor === 'string' ? n.params.substituteFor : null]);
  const logins = [...new Set([...pending.map((n) => n.userLogin), ...named.filter((l): l is string => Boolean(l))])];
  const users = new Map((await recipients(tx, write, logins)).map((u) => [u.login, u]));
  const nameOf = (login: string) => users.get(login)?.displayName ?? login;
  const mails = pending.flatMap((n) => {
    const user = users.get(n.userLogin);
    if (!user?.active || !user.email || user.emailOptOut.includes(n.kind)) return [];
    const text = notificationText(n.kind, { caseId: input.caseId, caseTitle: input.view.title, actor: n.actor, params: n.params }, user.language, appUrl, nameOf);
    return [columnsOf(tx, MailMessage, {
      id: n.id, toAddress: user.email, language: user.language, subject: text.subject, text: text.text,
      status: 'pending', attempts: 0, nextAttemptAt: now, lastError: null, createdAt: now, sentAt: null,
    })];
  });
  if (mails.length > 0) await write.run(write.table(MailMessage).insert(mails).onConflict(columnOf(tx, MailMessage, 'id')).ignore());
}

type Recipient = Pick<User, 'login' | 'displayName' | 'active' | 'email' | 'emailOptOut' | 'language'>;

/** What the notifications need of the named users: plain values, no managed entities. */
async function recipients(tx: EntityManager, write: KnexStatements, logins: string[]): Promise<Recipient[]> {
  const column = (property: keyof Recipient) => columnOf(tx, User, property);
  type Row = Omit<Recipient, 'active' | 'emailOptOut'> & { active: unknown; emailOptOut: string[] | string };
  const rows = await write.all<Row>(write.table(User)
    .select({
      login: column('login'), displayName: column('displayName'), active: column('active'),
      email: column('email'), emailOptOut: column('emailOptOut'), language: column('language'),
    })
    .whereIn(column('login'), logins));
  return rows.map((row) => ({ ...row, active: booleanFromRow(row.active), emailOptOut: jsonFromRow(row.emailOptOut) }));
}

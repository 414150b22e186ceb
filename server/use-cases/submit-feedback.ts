import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { Client } from '@temporalio/client';
import type { EntityManager } from '@mikro-orm/knex';
import { FeedbackTicket, OrgUnit, type FeedbackType } from '../../db';
import { FEEDBACK_PUBLIC_USER, publicFeedback } from '../../processes/defaults/pengaduan';
import { isUnavailable } from '../errors';
import { ensurePublicUser } from '../feedback/public-user';
import { newTrackingCode } from '../feedback/tracking-code';
import { startCase } from './start-case';

/** A citizen's report, already validated against the report form. */
export interface FeedbackSubmission {
  type: FeedbackType;
  category: string;
  unitId?: number;
  message: string;
  reporterName?: string;
  contactEmail?: string;
  anonymous?: boolean;
  confidential?: boolean;
}

export interface SubmitFeedbackDeps {
  client: Client;
  taskQueue: string;
  em: EntityManager;
  /** The unit whose feedback admins verify reports that name no OPD (the central desk). */
  centralUnitCode: string;
}

/** The case could not be started; the ticket was removed again and the citizen holds no code. */
export class FeedbackNotReceivedError extends Error {
  constructor(override readonly cause: unknown) {
    super('The feedback case could not be started');
    this.name = 'FeedbackNotReceivedError';
  }
}

const START_ATTEMPTS = 3;

/**
 * Stores a citizen's report as a ticket and starts its case; returns the tracking code.
 *
 * Nothing may be lost and no code may lead nowhere. The ticket is written first, with the id its
 * case will have, so the case's effects always find it. Starting the case is the commit point: it
 * is retried while Temporal is unreachable (safe, because the case id is fixed and a start that
 * already happened is reused), and when it still fails the ticket is deleted and the citizen gets
 * a 503 without a code. If a start that reported failure did in fact happen, that case runs
 * without a ticket: its effects find none and change nothing, and staff still see the report.
 */
export async function submitFeedback(deps: SubmitFeedbackDeps, input: FeedbackSubmission): Promise<FeedbackTicket> {
  const { em } = deps;
  await ensurePublicUser(em);
  const anonymous = input.anonymous === true;
  const caseId = `${publicFeedback.key}-${randomUUID()}`;
  const ticket = await insertTicket(em, {
    type: input.type,
    category: input.category,
    anonymous,
    confidential: input.confidential === true,
    // Anonymous means not stored at all, whatever was sent.
    reporterName: anonymous ? null : input.reporterName?.trim() || null,
    contactEmail: anonymous ? null : input.contactEmail?.trim() || null,
    message: input.message.trim(),
    unitId: input.unitId ?? null,
    caseId,
  });

  const central = input.unitId === undefined ? await em.findOne(OrgUnit, { code: deps.centralUnitCode }) : null;
  // Without a receiving unit the verification step finds no admin and goes to the administrators.
  const receivingUnitId = input.unitId ?? central?.id;
  // The reporter's identity stays on the ticket: every participant of the case can read its data.
  const data: Record<string, unknown> = {
    ticketId: ticket.id,
    type: ticket.type,
    category: ticket.category,
    message: ticket.message,
    anonymous: ticket.anonymous,
    confidential: ticket.confidential,
    ...(ticket.unitId !== null ? { unitId: ticket.unitId } : {}),
    ...(receivingUnitId !== undefined ? { receivingUnitId } : {}),
  };
  for (let attempt = 1; ; attempt++) {
    try {
      await startCase({ client: deps.client, taskQueue: deps.taskQueue, em }, {
        processKey: publicFeedback.key,
        initiator: { userId: FEEDBACK_PUBLIC_USER, unitId: null },
        title: `${titleOf(ticket.type)} #${ticket.id}`,
        data,
        caseId,
      });
      return ticket;
    } catch (err) {
      if (isUnavailable(err) && attempt < START_ATTEMPTS) {
        await sleep(250 * attempt);
        continue;
      }
      await em.nativeDelete(FeedbackTicket, { id: ticket.id });
      throw new FeedbackNotReceivedError(err);
    }
  }
}

type NewTicket = Pick<FeedbackTicket, 'type' | 'category' | 'anonymous' | 'confidential' | 'reporterName' | 'contactEmail' | 'message' | 'unitId' | 'caseId'>;

/** Inserts the ticket under a fresh tracking code; a code already taken (about never) draws another. */
async function insertTicket(em: EntityManager, fields: NewTicket): Promise<FeedbackTicket> {
  for (let attempt = 1; ; attempt++) {
    const now = new Date();
    const ticket = em.create(FeedbackTicket, {
      ...fields,
      trackingCode: newTrackingCode(),
      status: 'RECEIVED',
      createdAt: now,
      statusChangedAt: now,
      handlingUnitId: null,
      resolutionCategory: null,
      resolutionDays: null,
      publicNote: null,
      answer: null,
      answeredAt: null,
      closedAt: null,
    });
    try {
      await em.flush();
      return ticket;
    } catch (err) {
      if (!(err instanceof UniqueConstraintViolationException) || attempt >= 3) throw err;
      em.clear();
    }
  }
}

function titleOf(type: FeedbackType): string {
  return { ASPIRASI: 'Aspirasi masyarakat', PENGADUAN: 'Pengaduan masyarakat', PERMINTAAN_INFORMASI: 'Permintaan informasi' }[type];
}

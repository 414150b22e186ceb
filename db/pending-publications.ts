import { randomUUID } from 'node:crypto';
import { PendingPublication } from './entities/pending-publication';
import type { Database } from './orm';
import { columnsOf, knexStatements } from './raw-values';

/**
 * Records the API's promise to publish the answer of the Update it is about to send (see
 * db/entities/pending-publication.ts). Written before the Update, so that a crash between the
 * answer and its publication leaves a row for the worker's sweeper.
 */
export async function promisePublication(db: Database, input: { caseId: string; afterVersion: number }): Promise<string> {
  const id = randomUUID();
  // Built with the ORM's knex: written before every decision and case start (see db/raw-values.ts).
  const em = db.em();
  const write = knexStatements(em);
  await write.run(write.table(PendingPublication).insert(columnsOf(em, PendingPublication, {
    id, caseId: input.caseId, afterVersion: input.afterVersion, createdAt: new Date(),
  })));
  return id;
}

/** The promise is kept (the answer is published by the API or the worker's sweeper) or void (the request was refused): forget it. */
export async function forgetPublication(db: Database, id: string): Promise<void> {
  await db.em().nativeDelete(PendingPublication, { id });
}

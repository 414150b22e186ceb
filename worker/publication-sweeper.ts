import type { Client } from '@temporalio/client';
import { projectCase, projectionOf } from '../activities/case-projection';
import type { Logger } from '../config';
import { forgetPublication, PendingPublication, type Database } from '../db';
import { caseViewQuery, type caseWorkflow } from '../workflows/case';
import { versionOf } from '../workflows/projection';

export interface SweeperDeps {
  db: Database;
  client: Client;
  appUrl: string;
  logger?: Logger;
}

export interface SweepOptions {
  /** A promise younger than this is still the API's to keep. */
  olderThanMs: number;
  /** A promise whose request never showed in the case (refused, or lost with Temporal) is dropped after this. */
  giveUpAfterMs: number;
  /** Promises handled per sweep. */
  batch: number;
}

export const DEFAULT_SWEEP: SweepOptions = { olderThanMs: 10_000, giveUpAfterMs: 5 * 60_000, batch: 50 };

const QUERY_DEADLINE_MS = 5_000;

/**
 * Keeps the publication promises the API could not keep (it died, or the database was away, between
 * an Update's answer and its publication): reads each case's current state from its workflow and
 * publishes it, as the API would have. Publishing is convergent, so a promise the API keeps while
 * this runs, or two workers sweeping at once, publish nothing twice. A promise is forgotten once
 * the case has moved past the version it was made at, or after `giveUpAfterMs` (its request was
 * refused or never arrived; the case's state is published then anyway).
 */
export async function sweepPendingPublications(deps: SweeperDeps, options: SweepOptions = DEFAULT_SWEEP): Promise<{ published: number; waiting: number }> {
  const now = Date.now();
  const due = await deps.db.em().find(PendingPublication, { createdAt: { $lt: new Date(now - options.olderThanMs) } }, {
    orderBy: { createdAt: 'asc' }, limit: options.batch,
  });
  let published = 0;
  let waiting = 0;
  for (const promise of due) {
    const expired = now - promise.createdAt.getTime() >= options.giveUpAfterMs;
    let view;
    try {
      const handle = deps.client.workflow.getHandle<typeof caseWorkflow>(promise.caseId);
      view = await deps.client.connection.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => handle.query(caseViewQuery));
    } catch (err) {
      if (err instanceof Error && err.name === 'WorkflowNotFoundError') {
        await forgetPublication(deps.db, promise.id);
      } else {
        waiting += 1;
        deps.logger?.warn({ caseId: promise.caseId, err: String(err) }, 'a pending publication waits: its case could not be read');
      }
      continue;
    }
    if (versionOf(view) <= promise.afterVersion && !expired) {
      waiting += 1; // the Update has not been applied yet (or not at all): look again later
      continue;
    }
    await projectCase(deps.db.em(), projectionOf(view, promise.afterVersion), {
      appUrl: deps.appUrl, keepsPromise: promise.id, ...(deps.logger ? { logger: deps.logger } : {}),
    });
    published += 1;
  }
  return { published, waiting };
}

/** Sweeps every `everyMs` until stopped; a failed sweep (the database away) is retried on the next tick. */
export function startPublicationSweeper(deps: SweeperDeps, everyMs = 5_000, options: SweepOptions = DEFAULT_SWEEP): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        const result = await sweepPendingPublications(deps, options);
        if (result.published > 0) deps.logger?.warn({ published: result.published }, 'published answers the API had not published');
      } catch (err) {
        deps.logger?.warn({ err: String(err) }, 'sweeping pending publications failed; retrying on the next tick');
      }
    });
  }, everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

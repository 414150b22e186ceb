import { EntitySchema } from '@mikro-orm/core';

/**
 * A promise the API made to a case: "I am sending this request and will publish the case as the
 * Update answers it". The workflow then skips its own projection for that answer (one activity
 * and one workflow task fewer per decision). Written before the Update is sent, removed once the
 * answer is published or the request is refused; a row that outlives its request (the API died in
 * between) is published by the worker's sweeper from the case's current state.
 */
export class PendingPublication {
  /** A fresh id per request (not the X-Request-Id, which a client may choose). */
  id!: string;
  caseId!: string;
  /** The case's projected version when the request was sent; its answer is newer. */
  afterVersion!: number;
  createdAt!: Date;
}

export const PendingPublicationSchema = new EntitySchema<PendingPublication>({
  class: PendingPublication,
  tableName: 'pending_publications',
  properties: {
    id: { type: 'string', primary: true, length: 100 },
    caseId: { type: 'string', length: 200 },
    afterVersion: { type: 'integer' },
    createdAt: { type: 'datetime' },
  },
});

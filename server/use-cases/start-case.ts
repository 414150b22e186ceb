import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { EntityManager } from '@mikro-orm/knex';
import { caseWorkflow, type CaseInput } from '../../workflows/case';
import { findDefinition } from '../../db';

export interface StartCaseRequest {
  processKey: string;
  initiator: { userId: string; unitId: string | null };
  title?: string;
  data: Record<string, unknown>;
  /** The case id; derive it from the client's Idempotency-Key so a repeated request starts one case. */
  caseId?: string;
}

/**
 * Starts a case on the newest published version of its process. The definition travels with the
 * case as a snapshot, so publishing a new version later never changes this case.
 */
export async function startCase(deps: { client: Client; taskQueue: string; em: EntityManager }, request: StartCaseRequest) {
  const definition = await findDefinition(deps.em, request.processKey);
  const input: CaseInput = {
    definition,
    initiator: request.initiator,
    data: request.data,
    title: request.title ?? definition.name.id,
    subject: subjectOf(definition.subjectNipPath, definition.subjectUnitPath, request.data),
  };
  const workflowId = request.caseId ?? `${definition.key}-${randomUUID()}`;
  return deps.client.workflow.start(caseWorkflow, {
    workflowId,
    taskQueue: deps.taskQueue,
    args: [input],
    workflowIdConflictPolicy: 'USE_EXISTING',
  });
}

function subjectOf(nipPath: string | undefined, unitPath: string | undefined, data: Record<string, unknown>): CaseInput['subject'] {
  const nip = nipPath ? read(data, nipPath) : undefined;
  const unit = unitPath ? read(data, unitPath) : undefined;
  return {
    ...(typeof nip === 'string' ? { nip } : {}),
    ...(typeof unit === 'string' || typeof unit === 'number' ? { unitId: String(unit) } : {}),
  };
}

function read(data: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, part) => (typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined), data);
}

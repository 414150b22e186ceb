import { randomUUID } from 'node:crypto';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { EntityManager } from '@mikro-orm/knex';
import { alurCase, openedUpdate, type ActorRef, type CaseInput, type CaseView } from '../../workflows/case';
import { findDefinition } from '../../db';
import type { ProcessDefinition } from '../../processes/model';
import { readPath } from '../../workflows/step-lookup';
import type { StepLookups } from './step-lookups';

export interface StartCaseRequest {
  processKey: string;
  initiator: { userId: string; unitId: string | null };
  title?: string;
  data: Record<string, unknown>;
  /** The case id; derive it from the client's Idempotency-Key so a repeated request starts one case. */
  caseId?: string;
  /** The process's newest published version, when the caller has read it already. */
  definition?: ProcessDefinition;
}

/**
 * Starts a case on the newest published version of its process. The definition travels with the
 * case as a snapshot, so publishing a new version later never changes this case. The workflow
 * publishes the case itself (for callers that do not read it at once: public feedback, tests, the bench).
 */
export async function startCase(deps: { client: Client; taskQueue: string; em: EntityManager }, request: StartCaseRequest) {
  return deps.client.workflow.start(alurCase, await startOptions(deps, request));
}

/**
 * Starts a case and answers it once its first step is ready (update-with-start: one round trip,
 * the start and the `opened` Update together), as `actor`. With `actor.callerPublishes` the caller
 * publishes that first snapshot itself and the workflow does not (ENGINE_V3_PATCH): the caller
 * must have written its publication promise first. A repeated keyed start reaches the running
 * case (USE_EXISTING) and answers it as it is now.
 */
export async function startCaseAnswered(
  deps: { client: Client; taskQueue: string; em: EntityManager; stepLookups?: StepLookups }, request: StartCaseRequest & { caseId: string }, actor: ActorRef,
): Promise<CaseView> {
  return deps.client.workflow.executeUpdateWithStart(openedUpdate, {
    args: [{ actor }],
    updateId: randomUUID(),
    startWorkflowOperation: new WithStartWorkflowOperation(alurCase, await startOptions(deps, request)),
  });
}

/** With `stepLookups`, the first step's lookup travels with the start (ENGINE_V4_PATCH). */
async function startOptions(deps: { taskQueue: string; em: EntityManager; stepLookups?: StepLookups }, request: StartCaseRequest) {
  const definition = request.definition ?? await findDefinition(deps.em, request.processKey);
  const input: CaseInput = {
    definition,
    initiator: request.initiator,
    data: request.data,
    title: request.title ?? definition.name.id,
    subject: subjectOf(definition.subjectNipPath, definition.subjectUnitPath, request.data),
  };
  const lookup = await deps.stepLookups?.forStep(definition.steps.find((step) => step.id === definition.firstStep), {
    initiator: input.initiator, subjectUnitId: input.subject?.unitId ?? null, data: input.data,
  });
  if (lookup) input.lookup = lookup;
  return {
    workflowId: request.caseId ?? `${definition.key}-${randomUUID()}`,
    taskQueue: deps.taskQueue,
    args: [input] as [CaseInput],
    // A repeated keyed start joins the running case; once that case has closed, it must not start
    // a second case under the same id (the default would allow it): Temporal refuses it instead.
    workflowIdConflictPolicy: 'USE_EXISTING' as const,
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
  };
}

function subjectOf(nipPath: string | undefined, unitPath: string | undefined, data: Record<string, unknown>): CaseInput['subject'] {
  const nip = nipPath ? readPath(data, nipPath) : undefined;
  const unit = unitPath ? readPath(data, unitPath) : undefined;
  return {
    ...(typeof nip === 'string' ? { nip } : {}),
    ...(typeof unit === 'string' || typeof unit === 'number' ? { unitId: String(unit) } : {}),
  };
}

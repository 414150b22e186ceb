/**
 * The case engine: one workflow that interprets a process definition snapshot. Every human action
 * arrives as an Update whose validator refuses bad requests before anything reaches history; every
 * state change is projected into the database by an activity; timers drive deadlines, reminders,
 * escalations and waits.
 */
import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  defineQuery,
  defineUpdate,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import jsonLogic from 'json-logic-js';
import type { CaseEngineActivities } from '../activities';
import type {
  ApprovalStep,
  AssigneeRule,
  BranchStep,
  DeadlineSpec,
  DurationSpec,
  EffectStep,
  EndOutcome,
  Localized,
  ProcessDefinition,
  Step,
  TaskStep,
  WaitStep,
} from '../processes/model';
import { approvalOutcome, type StepOutcome } from './approval-tally';
import { openTasksOf } from './projection';
import { CaseRefusal } from './errors';
import { caseSearchAttributes } from './search-attributes';
import { deadlineAfter, instantBefore, type WorkingCalendar } from './working-days';
import { isStepLookup, lookupBasis, readPath, STEP_LOOKUP_FRESH_MS, type StepLookup } from './step-lookup';

// ---------------------------------------------------------------------------------------------
// Messages: input, result, queries and updates.
// ---------------------------------------------------------------------------------------------

export interface ActorRef {
  userId: string;
  roles: string[];
  /** The HTTP request that carried the action; kept on its events so logs can be followed end to end. */
  requestId?: string;
  /**
   * The caller publishes the case as this request's Update answers it (the API does, with a
   * pending-publication row as its promise), so the workflow need not (ENGINE_V3_PATCH).
   */
  callerPublishes?: boolean;
}

export interface CaseInput {
  definition: ProcessDefinition;
  initiator: { userId: string; unitId: string | null };
  /** The start form's data. */
  data: Record<string, unknown>;
  title: string;
  subject?: { nip?: string; unitId?: string };
  /** State carried over by continue-as-new; absent on a fresh start. */
  resume?: CaseState;
  /** The first step's lookup, handed in by the API that starts the case (ENGINE_V4_PATCH). */
  lookup?: StepLookup;
}

export type CaseStatus = 'open' | EndOutcome;

export interface Assignment {
  userId: string;
  /** Set when this user got the task as the substitute of an absent colleague. */
  substituteFor?: string;
  /** Set when the task was delegated to this user. */
  delegatedBy?: string;
}

export interface StepDecision {
  userId: string;
  outcome: StepOutcome | 'submitted';
  comment?: string;
  at: string;
}

/** The pseudo-step a case sits in while the initiator revises it after a return. */
export const REVISION_STEP = '$revision';

export interface CurrentStep {
  stepId: string;
  kind: Step['kind'] | 'revision';
  /** How many times the case has entered this step (returns make it more than one). */
  visit: number;
  startedAt: string;
  assignees: Assignment[];
  decisions: StepDecision[];
  outcome?: StepOutcome | 'submitted' | 'returned';
  returnTo?: string;
  deadline?: string;
  remindersSent: number;
  escalated: boolean;
  /** Wait steps: the instant the case waits until, and whether it was ended early. */
  waitUntil?: string;
  endedEarly?: boolean;
  /** Wait steps: how many times the wait was extended in this visit. */
  extensions?: number;
  /** Revision: where the case continues after the initiator resubmits. */
  resumeAt?: string;
}

export interface CaseEventRecord {
  seq: number;
  /** The HTTP request that caused the event, when one did. */
  requestId?: string;
  type: string;
  stepId: string | null;
  actor: string | null;
  outcome: string | null;
  comment: string | null;
  occurredAt: string;
  details?: Record<string, unknown>;
}

export interface CaseState {
  status: CaseStatus;
  data: Record<string, unknown>;
  /** Form data each step submitted, by step id (the latest visit wins; history keeps the rest). */
  stepData: Record<string, Record<string, unknown>>;
  current: CurrentStep | null;
  visits: Record<string, number>;
  /** Events not yet dropped by continue-as-new; `seq` keeps counting across runs. */
  events: CaseEventRecord[];
  seq: number;
  projectedSeq: number;
  /** The working-day calendar loaded for the current step's deadline (kept across continue-as-new). */
  calendar?: WorkingCalendar;
  /** When `calendar` was loaded (epoch ms, workflow time); set from ENGINE_V2_PATCH on. */
  calendarLoadedAt?: number;
  /** Compensations owed by applied effects, oldest first; they run if the case ends unapproved. */
  compensations?: Array<{ stepId: string; visit: number; effect: string }>;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface CaseView {
  id: string;
  process: { key: string; version: number; name: Localized };
  title: string;
  status: CaseStatus;
  initiator: { userId: string; unitId: string | null };
  subject: { nip?: string; unitId?: string } | null;
  data: Record<string, unknown>;
  stepData: Record<string, Record<string, unknown>>;
  current: (CurrentStep & { name: Localized; formRef?: { key: string; version: number }; returnTargets: string[] }) | null;
  events: CaseEventRecord[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

interface StepRequest {
  actor: ActorRef;
  stepId: string;
  comment?: string;
  /**
   * The lookup of the step this request may lead to, handed in by the API (ENGINE_V4_PATCH): used
   * if the case enters that step now, with the same basis, while it is fresh.
   */
  lookup?: StepLookup;
}
export interface ApproveRequest extends StepRequest {
  data?: Record<string, unknown>;
}
export type RejectRequest = StepRequest;
export interface ReturnRequest extends StepRequest {
  /** "initiator" or the id of an earlier step listed in the step's returnTargets. */
  to: string;
  comment: string;
}
export interface DelegateRequest extends StepRequest {
  to: string;
}
export interface ReassignRequest extends StepRequest {
  from: string;
  to: string;
}
export interface CommentRequest {
  actor: ActorRef;
  comment: string;
}
export interface WithdrawRequest {
  actor: ActorRef;
  comment?: string;
}
export interface ResubmitRequest {
  actor: ActorRef;
  data: Record<string, unknown>;
  comment?: string;
}
export interface ExtendWaitRequest extends StepRequest {
  until: string;
}
export type EndWaitRequest = StepRequest;
/**
 * Changes nothing: answers the case once it has come to rest, for a caller that starts the case
 * with this Update (update-with-start) and so reads its first step, and its holders, in the same
 * round trip. The API sends it with `callerPublishes`, so the case's first snapshot is published
 * by the API alone, as a decision's answer is (ENGINE_V3_PATCH).
 */
export interface OpenedRequest {
  actor: ActorRef;
}

export const caseViewQuery = defineQuery<CaseView>('caseView');
export const approveUpdate = defineUpdate<CaseView, [ApproveRequest]>('approve');
export const rejectUpdate = defineUpdate<CaseView, [RejectRequest]>('reject');
export const returnUpdate = defineUpdate<CaseView, [ReturnRequest]>('return');
export const delegateUpdate = defineUpdate<CaseView, [DelegateRequest]>('delegate');
export const reassignUpdate = defineUpdate<CaseView, [ReassignRequest]>('reassign');
export const commentUpdate = defineUpdate<CaseView, [CommentRequest]>('comment');
export const withdrawUpdate = defineUpdate<CaseView, [WithdrawRequest]>('withdraw');
export const resubmitUpdate = defineUpdate<CaseView, [ResubmitRequest]>('resubmit');
export const extendWaitUpdate = defineUpdate<CaseView, [ExtendWaitRequest]>('extendWait');
export const endWaitUpdate = defineUpdate<CaseView, [EndWaitRequest]>('endWaitEarly');
export const openedUpdate = defineUpdate<CaseView, [OpenedRequest]>('opened');

export const ADMIN_ROLE = 'administrator';
export const MAX_COMMENT_LENGTH = 4000;

const retry = { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 } as const;
const activities = proxyActivities<CaseEngineActivities>({ startToCloseTimeout: '1 minute', retry });

/**
 * The engine's read-only lookups (who gets a task, the working-day calendar) as local activities:
 * they run inside the workflow task on the worker that holds the case, with no round trip through
 * the server, so entering a step costs one workflow task instead of three. Only reads may be local:
 * a local activity also runs in workflow tasks that are later discarded (a speculative task for an
 * Update, a task that fails to complete), so anything that writes — the projection, effects —
 * stays an ordinary activity, which runs only once its workflow task has been accepted.
 */
const lookups = proxyLocalActivities<Pick<CaseEngineActivities, 'resolveAssignees' | 'loadWorkingCalendar'>>({
  startToCloseTimeout: '30 seconds', retry,
});

/**
 * Cases started before this patch (the first release) run the engine as it was then: ordinary
 * activities for the lookups, every applied request published before the flow moves on, an Update
 * answered with the case as it was right after the request, and the calendar loaded for every
 * step. From it on:
 * - the lookups are local activities (above);
 * - a request that ends a step is published together with the step that follows (one projection
 *   activity and one workflow task fewer per decision), and the Update answers once the flow rests
 *   again, so its answer already shows the next step and the people who hold it;
 * - a case reuses the working-day calendar it loaded within the last CALENDAR_REUSE_MS for the next
 *   step's deadline (one local activity and its marker fewer per step). A deadline is fixed when
 *   its step starts either way; a holiday an administrator adds counts for steps that start after
 *   the reuse window.
 * One patch for all three (one marker per case): none of them was released on its own.
 */
export const ENGINE_V2_PATCH = 'engine-local-lookups';

/**
 * From this patch on, a resting point whose state an Update is about to answer, for a caller that
 * publishes that answer itself (`ActorRef.callerPublishes`: the API), is not published by the
 * workflow too: the API's publication was already there, and the workflow's was a second write of
 * the same snapshot costing one activity and one workflow task per decision. The search
 * attributes are still upserted there, and only when they changed. What the workflow did not
 * publish itself stays in its unpublished events, so its next publication (a timer, an effect, the
 * end of the case) carries them again; publishing is convergent. If the API dies between the
 * answer and its publication, its pending-publication row is published by the worker's sweeper.
 * Before an effect the workflow always publishes itself.
 */
export const ENGINE_V3_PATCH = 'engine-caller-publishes';
export const CALENDAR_REUSE_MS = 15 * 60 * 1000;

/**
 * From this patch on, a case enters a human step with the lookup its caller handed in
 * (workflows/step-lookup.ts) instead of looking the step up itself: the API looks up the step a
 * decision leads to just before sending it, so the decision's Update is answered in the workflow
 * task that applies it, with the next step and its holders, and no local activity runs. The case
 * uses a handed-in lookup only for the step it names, when the case's own basis for the rules is
 * the same and the lookup is at most STEP_LOOKUP_FRESH_MS old; otherwise it looks up as before.
 * The marker is written the first time a case uses one, so cases that never do replay unchanged.
 */
export const ENGINE_V4_PATCH = 'engine-caller-lookups';

// ---------------------------------------------------------------------------------------------
// The workflow.
// ---------------------------------------------------------------------------------------------

/**
 * The case workflow of cases started from ENGINE_V4_PATCH's release on: the engine with every
 * patch above in force, as a workflow type of its own, so that a case records no patch markers.
 * Each marker cost two history events (the marker and the `TemporalChangeVersion` search-attribute
 * upsert Temporal's core adds to it) and a visibility update: 6 of a three-step case's 34 events.
 * Cases started earlier keep their type, `caseWorkflow`, and replay as they ran. A later change
 * to this engine is again guarded with `patched()`.
 */
export async function alurCase(input: CaseInput): Promise<CaseView> {
  return runCase(input, 'current');
}

/** The case workflow of cases started before `alurCase`: each engine change is behind its patch. */
export async function caseWorkflow(input: CaseInput): Promise<CaseView> {
  return runCase(input, 'patched');
}

/**
 * The engine. `patched`: each change since the first release is in force from its patch marker on
 * (ENGINE_V2_PATCH, ENGINE_V3_PATCH, ENGINE_V4_PATCH); `current`: all of them, with no markers.
 */
async function runCase(input: CaseInput, engine: 'patched' | 'current'): Promise<CaseView> {
  const caseId = workflowInfo().workflowId;
  const def = input.definition;
  const unpatched = engine === 'current';
  const v2 = unpatched || patched(ENGINE_V2_PATCH);
  const lookup = v2 ? lookups : activities;
  const atRest = v2;
  const reuseCalendar = v2;
  const v3 = v2 && (unpatched || patched(ENGINE_V3_PATCH));
  /** Applied requests whose Updates have yet to answer, from callers that publish the answer. */
  let callerAnswers = 0;
  /** The last state handed to a caller to publish (v3); -1 when none. */
  let handedOffSeq = -1;
  /** The lookup handed in with the latest applied request (or the start), until a step takes it. */
  let handedIn: StepLookup | undefined = !input.resume && isStepLookup(input.lookup) ? input.lookup : undefined;
  let v4: boolean | undefined;
  /** The search attributes last upserted (v3), so unchanged ones are not upserted again. */
  let upsertedAttributes = '';
  /** Nothing recorded is left for the workflow to publish: it published it, or a caller will. */
  const published = () => s.seq === s.projectedSeq || s.seq === handedOffSeq;
  /** Lookups the flow is waiting for; while there are any, it is still moving to its next step. */
  let lookupsPending = 0;
  const looking = <T>(run: () => Promise<T>): Promise<T> => {
    if (!atRest) return run();
    lookupsPending += 1;
    return run().finally(() => {
      lookupsPending -= 1;
    });
  };
  const steps = new Map<string, Step>(def.steps.map((step) => [step.id, step]));
  const now = () => new Date().toISOString();
  const s: CaseState = input.resume ?? {
    status: 'open',
    data: { ...input.data },
    stepData: {},
    current: null,
    visits: {},
    events: [],
    seq: 0,
    projectedSeq: 0,
    createdAt: now(),
    updatedAt: now(),
    closedAt: null,
  };

  const stepOf = (id: string): Step => {
    const step = steps.get(id);
    if (!step) throw ApplicationFailure.nonRetryable(`Step "${id}" is not in ${def.key} v${def.version}`, 'DEFINITION_BROKEN');
    return step;
  };
  /** The request being handled, so the events it causes carry its id. */
  let actingRequestId: string | undefined;
  const acting = <T>(actor: ActorRef, handle: () => T): T => {
    actingRequestId = typeof actor?.requestId === 'string' ? actor.requestId : undefined;
    try {
      return handle();
    } finally {
      actingRequestId = undefined;
    }
  };
  const record = (type: string, fields: Partial<Omit<CaseEventRecord, 'seq' | 'type' | 'occurredAt'>> = {}) => {
    s.seq += 1;
    s.updatedAt = now();
    s.events.push({
      ...(actingRequestId ? { requestId: actingRequestId } : {}),
      seq: s.seq,
      type,
      stepId: fields.stepId ?? s.current?.stepId ?? null,
      actor: fields.actor ?? null,
      outcome: fields.outcome ?? null,
      comment: fields.comment ?? null,
      occurredAt: s.updatedAt,
      ...(fields.details ? { details: fields.details } : {}),
    });
  };

  const view = (): CaseView => {
    const current = s.current;
    const step = current && current.kind !== 'revision' ? stepOf(current.stepId) : undefined;
    const human = step && (step.kind === 'approval' || step.kind === 'task') ? step : undefined;
    return {
      id: caseId,
      process: { key: def.key, version: def.version, name: def.name },
      title: input.title,
      status: s.status,
      initiator: input.initiator,
      subject: input.subject ?? null,
      data: s.data,
      stepData: s.stepData,
      current: current
        ? {
          ...current,
          assignees: current.assignees.map((a) => ({ ...a })),
          decisions: current.decisions.map((d) => ({ ...d })),
          name: step?.name ?? { id: 'Perbaikan oleh pengusul', en: 'Revision by the initiator' },
          ...(human?.form ? { formRef: human.form } : current.kind === 'revision' && def.startForm ? { formRef: def.startForm } : {}),
          returnTargets: human?.returnTargets ?? [],
        }
        : null,
      events: s.events.map((e) => ({ ...e })),
      createdAt: s.createdAt,
      updatedAt: s.updatedAt,
      closedAt: s.closedAt,
    };
  };

  // --- validators -----------------------------------------------------------------------------

  const refuse = (type: string, message: string, details?: Record<string, unknown>): never => {
    throw ApplicationFailure.create({ type, message, nonRetryable: true, ...(details ? { details: [details] } : {}) });
  };
  const requireOpen = () => {
    if (s.status !== 'open') refuse(CaseRefusal.caseClosed, `The case is already ${s.status}`, { status: s.status });
  };
  const requireActor = (actor: unknown): ActorRef => {
    const a = actor as ActorRef | undefined;
    if (!a || typeof a.userId !== 'string' || !a.userId || !Array.isArray(a.roles)) {
      return refuse(CaseRefusal.invalidDecision, 'The request does not say who acts (actor)');
    }
    return a;
  };
  const requireComment = (comment: unknown, required: boolean) => {
    if (comment === undefined && !required) return;
    if (typeof comment !== 'string' || (required && comment.trim() === '') || comment.length > MAX_COMMENT_LENGTH) {
      refuse(CaseRefusal.invalidDecision, required
        ? `A comment (reason) of 1 to ${MAX_COMMENT_LENGTH} characters is required`
        : `The comment must be text of at most ${MAX_COMMENT_LENGTH} characters`);
    }
  };
  /** The common checks of an action on the current step; returns the current step. */
  const requireCurrentStep = (request: StepRequest, kinds: Array<CurrentStep['kind']>): CurrentStep => {
    requireOpen();
    requireActor(request.actor);
    const current = s.current;
    if (!current || typeof request.stepId !== 'string' || request.stepId !== current.stepId) {
      const decidedBefore = typeof request.stepId === 'string' && (s.visits[request.stepId] ?? 0) > 0;
      return refuse(
        decidedBefore ? CaseRefusal.alreadyDecided : CaseRefusal.stepNotCurrent,
        decidedBefore
          ? `Step "${request.stepId}" was already decided; the case is now at "${current?.stepId}"`
          : `Step "${request.stepId}" is not the current step ("${current?.stepId}")`,
        { stepId: request.stepId, currentStep: current?.stepId ?? null },
      );
    }
    if (current.outcome) refuse(CaseRefusal.alreadyDecided, `Step "${current.stepId}" was already decided`, { stepId: current.stepId });
    if (!kinds.includes(current.kind)) {
      refuse(CaseRefusal.invalidDecision, `This action does not apply to a ${current.kind} step`, { stepId: current.stepId, kind: current.kind });
    }
    return current;
  };
  /** The actor must hold an open assignment on the current human step. */
  const requireAssignee = (current: CurrentStep, actor: ActorRef) => {
    const step = stepOf(current.stepId) as ApprovalStep | TaskStep;
    if (actor.userId === input.initiator.userId && !step.allowSelfApproval) {
      refuse(CaseRefusal.selfApproval, 'The initiator may not decide a step of their own case', { stepId: current.stepId });
    }
    if (current.decisions.some((d) => d.userId === actor.userId)) {
      refuse(CaseRefusal.alreadyDecided, `You have already decided step "${current.stepId}"`, { stepId: current.stepId });
    }
    if (!current.assignees.some((a) => a.userId === actor.userId)) {
      refuse(CaseRefusal.notAssignee, `You are not an assignee of step "${current.stepId}"`, { stepId: current.stepId });
    }
  };
  const requireFormData = (data: unknown) => {
    if (data !== undefined && (typeof data !== 'object' || data === null || Array.isArray(data))) {
      refuse(CaseRefusal.formInvalid, 'Form data must be an object of field values');
    }
  };

  // --- handlers -------------------------------------------------------------------------------
  //
  // An Update is validated when it arrives, then queued; the main flow applies the queue only at
  // its waiting points and the Update answers once applied. Applying at fixed points of the flow
  // keeps the workflow's commands the same however the SDK groups an Update with other history
  // events into activations (it groups them differently when it replays a cold case), so a case
  // always replays. Each request is checked again when applied: another request or the flow may
  // have moved the case since it was validated, and then it is refused as the validator would.

  interface QueuedRequest {
    apply: () => CaseView;
    done: boolean;
    result?: CaseView;
    failure?: unknown;
    /** From a caller that publishes the Update's answer itself (v3). */
    callerPublishes: boolean;
  }
  const inbox: QueuedRequest[] = [];

  function onUpdate<Request>(
    definition: UpdateDefinition<CaseView, [Request]>,
    apply: (request: Request) => CaseView,
    options: { validator: (request: Request) => void },
  ): void {
    setHandler(definition, async (request) => {
      const entry: QueuedRequest = {
        apply: () => {
          options.validator(request);
          const result = apply(request);
          const lookup = (request as { lookup?: unknown }).lookup;
          if (v3 && isStepLookup(lookup)) handedIn = lookup;
          return result;
        },
        done: false,
        callerPublishes: v3 && (request as { actor?: ActorRef }).actor?.callerPublishes === true,
      };
      inbox.push(entry);
      if (!atRest) {
        await condition(() => entry.done);
        if (entry.failure !== undefined) throw entry.failure;
        return entry.result as CaseView;
      }
      await condition(() => entry.done && (entry.failure !== undefined || lookupsPending === 0));
      if (entry.failure !== undefined) throw entry.failure;
      if (entry.callerPublishes) callerAnswers -= 1;
      return view();
    }, options);
  }

  /** Applies every queued request, in arrival order. */
  function drain(): void {
    for (let entry = inbox.shift(); entry; entry = inbox.shift()) {
      try {
        entry.result = entry.apply();
        if (entry.callerPublishes) callerAnswers += 1;
      } catch (err) {
        entry.failure = err;
      }
      entry.done = true;
    }
  }

  setHandler(caseViewQuery, view);

  onUpdate(approveUpdate, (request) => acting(request.actor, () => {
    const current = s.current as CurrentStep;
    const step = stepOf(current.stepId) as ApprovalStep | TaskStep;
    const outcome: StepDecision['outcome'] = step.kind === 'task' ? 'submitted' : 'approved';
    decide(current, step, request.actor.userId, outcome, request.comment, request.data);
    return view();
  }), {
    validator: (request) => {
      const current = requireCurrentStep(request, ['approval', 'task']);
      requireAssignee(current, request.actor);
      requireComment(request.comment, false);
      requireFormData(request.data);
    },
  });

  onUpdate(rejectUpdate, (request) => acting(request.actor, () => {
    const current = s.current as CurrentStep;
    decide(current, stepOf(current.stepId) as ApprovalStep, request.actor.userId, 'rejected', request.comment, undefined);
    return view();
  }), {
    validator: (request) => {
      const current = requireCurrentStep(request, ['approval']);
      requireAssignee(current, request.actor);
      requireComment(request.comment, false);
    },
  });

  onUpdate(returnUpdate, (request) => acting(request.actor, () => {
    const current = s.current as CurrentStep;
    current.outcome = 'returned';
    current.returnTo = request.to;
    record('step.returned', { actor: request.actor.userId, outcome: 'returned', comment: request.comment, details: { to: request.to } });
    return view();
  }), {
    validator: (request) => {
      const current = requireCurrentStep(request, ['approval', 'task']);
      requireAssignee(current, request.actor);
      requireComment(request.comment, true);
      const targets = (stepOf(current.stepId) as ApprovalStep | TaskStep).returnTargets ?? [];
      if (typeof request.to !== 'string' || !targets.includes(request.to)) {
        refuse(CaseRefusal.invalidDecision, `Step "${current.stepId}" may return only to: ${targets.join(', ') || '(nowhere)'}`, { allowed: targets });
      }
      if (request.to !== 'initiator' && (s.visits[request.to] ?? 0) === 0) {
        refuse(CaseRefusal.invalidDecision, `The case has not been through step "${request.to}" yet`, { to: request.to });
      }
    },
  });

  onUpdate(delegateUpdate, (request) => acting(request.actor, () => {
    const current = s.current as CurrentStep;
    const index = current.assignees.findIndex((a) => a.userId === request.actor.userId);
    current.assignees.splice(index, 1, { userId: request.to, delegatedBy: request.actor.userId });
    record('step.delegated', { actor: request.actor.userId, comment: request.comment ?? null, details: { to: request.to } });
    return view();
  }), {
    validator: (request) => {
      const current = requireCurrentStep(request, ['approval', 'task']);
      requireAssignee(current, request.actor);
      requireComment(request.comment, false);
      requireDelegationTarget(current, request.to, request.actor.userId);
    },
  });

  onUpdate(reassignUpdate, (request) => acting(request.actor, () => {
    const current = s.current as CurrentStep;
    const index = current.assignees.findIndex((a) => a.userId === request.from);
    current.assignees.splice(index, 1, { userId: request.to });
    record('step.reassigned', { actor: request.actor.userId, comment: request.comment ?? null, details: { from: request.from, to: request.to } });
    return view();
  }), {
    validator: (request) => {
      const current = requireCurrentStep(request, ['approval', 'task']);
      if (!request.actor.roles.includes(ADMIN_ROLE)) refuse(CaseRefusal.notAllowed, 'Only an administrator may reassign a task');
      requireComment(request.comment, false);
      if (!current.assignees.some((a) => a.userId === request.from) || current.decisions.some((d) => d.userId === request.from)) {
        refuse(CaseRefusal.invalidDecision, `"${request.from}" holds no open task on step "${current.stepId}"`, { from: request.from });
      }
      requireDelegationTarget(current, request.to, request.from);
    },
  });

  onUpdate(openedUpdate, () => view(), {
    validator: (request) => {
      requireActor(request.actor);
    },
  });

  onUpdate(commentUpdate, (request) => acting(request.actor, () => {
    record('case.commented', { actor: request.actor.userId, comment: request.comment, stepId: s.current?.stepId ?? null });
    return view();
  }), {
    validator: (request) => {
      const actor = requireActor(request.actor);
      requireComment(request.comment, true);
      if (!isParticipant(actor)) refuse(CaseRefusal.notAllowed, 'Only the initiator, an assignee or an administrator may comment on this case');
    },
  });

  onUpdate(withdrawUpdate, (request) => acting(request.actor, () => {
    record('case.withdrawn', { actor: request.actor.userId, comment: request.comment ?? null });
    close('withdrawn');
    return view();
  }), {
    validator: (request) => {
      requireOpen();
      const actor = requireActor(request.actor);
      requireComment(request.comment, false);
      if (actor.userId !== input.initiator.userId) refuse(CaseRefusal.notAllowed, 'Only the initiator may withdraw the case');
    },
  });

  onUpdate(resubmitUpdate, (request) => acting(request.actor, () => {
    const current = s.current as CurrentStep;
    s.data = { ...s.data, ...request.data };
    current.outcome = 'submitted';
    record('case.resubmitted', { actor: request.actor.userId, comment: request.comment ?? null, outcome: 'submitted' });
    return view();
  }), {
    validator: (request) => {
      requireOpen();
      const actor = requireActor(request.actor);
      if (s.current?.kind !== 'revision' || s.current.outcome) {
        refuse(CaseRefusal.stepNotCurrent, 'The case is not waiting for a revision by its initiator', { currentStep: s.current?.stepId ?? null });
      }
      if (actor.userId !== input.initiator.userId) refuse(CaseRefusal.notAssignee, 'Only the initiator may resubmit the case');
      requireFormData(request.data);
      if (request.data === undefined) refuse(CaseRefusal.formInvalid, 'A resubmission carries the revised form data');
      requireComment(request.comment, false);
    },
  });

  onUpdate(extendWaitUpdate, (request) => acting(request.actor, () => {
    const current = s.current as CurrentStep;
    record('wait.extended', { actor: request.actor.userId, comment: request.comment ?? null, details: { from: current.waitUntil, until: request.until } });
    current.waitUntil = new Date(request.until).toISOString();
    current.extensions = (current.extensions ?? 0) + 1;
    return view();
  }), {
    validator: (request) => {
      const current = requireCurrentStep(request, ['wait']);
      requireWaitManager(current, request.actor);
      requireComment(request.comment, false);
      const until = typeof request.until === 'string' ? Date.parse(request.until) : Number.NaN;
      if (Number.isNaN(until)) refuse(CaseRefusal.invalidDecision, '"until" must be an ISO date or date-time');
      if (until <= Date.parse(current.waitUntil ?? '')) refuse(CaseRefusal.invalidDecision, 'An extension must end later than the current end', { until: current.waitUntil });
      requireWithinExtensionLimit(stepOf(current.stepId) as WaitStep, current, until);
    },
  });

  onUpdate(endWaitUpdate, (request) => acting(request.actor, () => {
    const current = s.current as CurrentStep;
    current.endedEarly = true;
    record('wait.ended_early', { actor: request.actor.userId, comment: request.comment ?? null });
    return view();
  }), {
    validator: (request) => {
      const current = requireCurrentStep(request, ['wait']);
      requireWaitManager(current, request.actor);
      requireComment(request.comment, false);
    },
  });

  function requireDelegationTarget(current: CurrentStep, to: unknown, from: string): void {
    if (typeof to !== 'string' || to.trim() === '') refuse(CaseRefusal.invalidDecision, 'Name the user to hand the task to ("to")');
    if (to === from) refuse(CaseRefusal.invalidDecision, 'A task cannot be handed to the same person');
    if (current.assignees.some((a) => a.userId === to)) refuse(CaseRefusal.invalidDecision, `"${String(to)}" already holds this task`);
    const step = stepOf(current.stepId) as ApprovalStep | TaskStep;
    if (to === input.initiator.userId && !step.allowSelfApproval) {
      refuse(CaseRefusal.selfApproval, 'The task cannot go to the initiator of the case');
    }
  }

  function requireWaitManager(current: CurrentStep, actor: ActorRef): void {
    const allowed = actor.userId === input.initiator.userId || actor.roles.includes(ADMIN_ROLE)
      || current.assignees.some((a) => a.userId === actor.userId);
    if (!allowed) refuse(CaseRefusal.notAssignee, 'Only the initiator, the wait step\'s managers or an administrator may change this wait');
  }

  /** The wait step's extensionLimit, when it applies to this case. */
  function requireWithinExtensionLimit(step: WaitStep, current: CurrentStep, until: number): void {
    const limit = step.extensionLimit;
    if (!limit || (limit.when !== undefined && !truthy(jsonLogic.apply(limit.when as jsonLogic.RulesLogic, branchScope())))) return;
    const done = current.extensions ?? 0;
    if (limit.count !== undefined && done >= limit.count) {
      refuse(CaseRefusal.invalidDecision, `This wait may be extended at most ${limit.count} time(s); it has been extended ${done} time(s)`, {
        rule: 'EXTENSION_COUNT', count: limit.count, extensions: done,
        message: {
          id: `Masa tunggu ini hanya dapat diperpanjang ${limit.count} kali dan sudah diperpanjang ${done} kali.`,
          en: `This period may be extended at most ${limit.count} time(s) and has been extended ${done} time(s).`,
        },
      });
    }
    if (limit.eachAtMostMonths !== undefined) {
      const latest = addLocalMonths(current.waitUntil as string, limit.eachAtMostMonths);
      if (until > latest) {
        const latestIso = new Date(latest).toISOString();
        refuse(CaseRefusal.invalidDecision, `An extension may move the end by at most ${limit.eachAtMostMonths} month(s): to ${latestIso} at the latest`, {
          rule: 'EXTENSION_LENGTH', eachAtMostMonths: limit.eachAtMostMonths, latest: latestIso,
          message: {
            id: `Perpanjangan paling lama ${limit.eachAtMostMonths} bulan, yaitu sampai ${latestIso} paling lambat.`,
            en: `An extension may add at most ${limit.eachAtMostMonths} month(s), that is until ${latestIso} at the latest.`,
          },
        });
      }
    }
  }

  function isParticipant(actor: ActorRef): boolean {
    if (actor.userId === input.initiator.userId || actor.roles.includes(ADMIN_ROLE)) return true;
    if (s.current?.assignees.some((a) => a.userId === actor.userId)) return true;
    return s.events.some((e) => e.actor === actor.userId);
  }

  /** Records one assignee's decision and, when the step's mode says so, the step's outcome. */
  function decide(
    current: CurrentStep, step: ApprovalStep | TaskStep, userId: string, outcome: StepDecision['outcome'],
    comment: string | undefined, data: Record<string, unknown> | undefined,
  ): void {
    current.decisions.push({ userId, outcome, ...(comment ? { comment } : {}), at: now() });
    if (data) {
      s.stepData[current.stepId] = { ...(s.stepData[current.stepId] ?? {}), ...data };
      s.data = { ...s.data, ...data };
    }
    // The event pins the form version the decision was made on, beside the data itself.
    const details = { ...(data ? { data } : {}), ...(step.form ? { form: step.form } : {}) };
    record('step.decided', { actor: userId, outcome, comment: comment ?? null, ...(Object.keys(details).length > 0 ? { details } : {}) });
    if (step.kind === 'task') {
      current.outcome = 'submitted';
      return;
    }
    const approvals = current.decisions.filter((d) => d.outcome === 'approved').length;
    const rejections = current.decisions.filter((d) => d.outcome === 'rejected').length;
    const result = approvalOutcome(step.mode, current.assignees.length, approvals, rejections);
    if (result) current.outcome = result;
  }

  function close(outcome: EndOutcome): void {
    s.status = outcome;
    s.closedAt = now();
    if (s.current) s.current.outcome ??= 'submitted';
    record('case.closed', { outcome, stepId: s.current?.stepId ?? null });
  }

  function enter(stepId: string): void {
    const step = stepOf(stepId);
    const visit = (s.visits[stepId] ?? 0) + 1;
    s.visits[stepId] = visit;
    s.current = { stepId, kind: step.kind, visit, startedAt: now(), assignees: [], decisions: [], remindersSent: 0, escalated: false };
    record('step.entered', { stepId, details: { kind: step.kind, visit } });
  }

  // --- projection -----------------------------------------------------------------------------

  /**
   * Publishes every recorded event (search attributes, case row, inbox, audit log) and returns only
   * once nothing is left unpublished.
   */
  async function project(options: { handOff: boolean } = { handOff: true }): Promise<void> {
    while (!published()) {
      const v = view();
      const openTasks = openTasksOf(v);
      const attributes = [
        { key: caseSearchAttributes.process, value: def.key },
        { key: caseSearchAttributes.status, value: s.status },
        { key: caseSearchAttributes.currentStep, value: s.status === 'open' ? (s.current?.stepId ?? '') : '' },
        { key: caseSearchAttributes.assignees, value: openTasks.map((t) => t.userId) },
        ...(input.subject?.unitId ? [{ key: caseSearchAttributes.unit, value: input.subject.unitId }] : []),
        ...(input.subject?.nip ? [{ key: caseSearchAttributes.subjectNip, value: input.subject.nip }] : []),
      ];
      if (!v3) {
        upsertSearchAttributes(attributes);
      } else {
        const key = JSON.stringify(attributes);
        if (key !== upsertedAttributes) upsertSearchAttributes(attributes);
        upsertedAttributes = key;
        // An Update answers this very state once this activation ends (nothing is looked up any
        // more), to a caller that publishes it: leave the publication to that caller.
        if (options.handOff && callerAnswers > 0 && lookupsPending === 0) {
          handedOffSeq = s.seq;
          return;
        }
      }
      const upTo = s.seq;
      await activities.recordCase({
        caseId,
        version: upTo,
        view: v,
        events: s.events.filter((e) => e.seq > s.projectedSeq && e.seq <= upTo),
        openTasks,
      });
      s.projectedSeq = Math.max(s.projectedSeq, upTo);
    }
  }

  /**
   * Applies the queued requests and publishes the result, again while requests came in meanwhile.
   * When the requests end the step (`movesOn`), publishing waits for the flow's next resting point.
   */
  async function applyAndPublish(movesOn: () => boolean = () => false): Promise<void> {
    do {
      drain();
      if (atRest && movesOn()) return;
      await project();
    } while (inbox.length > 0);
  }

  // --- step kinds -----------------------------------------------------------------------------

  /**
   * The handed-in lookup, if it is for `stepId` under `rules` as the case stands now and fresh; it
   * is taken either way, so it serves one step entry at most.
   */
  function takeHandedIn(stepId: string, rules: AssigneeRule[]): StepLookup | undefined {
    const handed = handedIn;
    handedIn = undefined;
    if (!handed || handed.stepId !== stepId || Math.abs(Date.now() - Date.parse(handed.at)) > STEP_LOOKUP_FRESH_MS) return undefined;
    const basis = lookupBasis(rules, { initiator: input.initiator, subjectUnitId: input.subject?.unitId ?? null, data: s.data });
    if (handed.basis !== basis) return undefined;
    // Last, so that the marker is written only by a case that uses a lookup.
    v4 ??= v3 && (unpatched || patched(ENGINE_V4_PATCH));
    return v4 ? handed : undefined;
  }

  async function resolve(rules: AssigneeRule[], stepId: string, allowInitiator: boolean, handed?: StepLookup): Promise<Assignment[]> {
    const resolved = handed ? { assignees: handed.assignees } : await looking(() => lookup.resolveAssignees({
      caseId,
      stepId,
      rules,
      initiator: input.initiator,
      subjectUnitId: input.subject?.unitId ?? null,
      data: s.data,
      at: now(),
    }));
    const seen = new Set<string>();
    const out: Assignment[] = [];
    for (const a of resolved.assignees) {
      if (seen.has(a.userId) || (!allowInitiator && a.userId === input.initiator.userId)) continue;
      seen.add(a.userId);
      out.push(a.substituteFor ? { userId: a.userId, substituteFor: a.substituteFor } : { userId: a.userId });
      if (a.substituteFor) record('task.substituted', { stepId, details: { to: a.userId, for: a.substituteFor } });
    }
    return out;
  }

  async function runHumanStep(step: ApprovalStep | TaskStep): Promise<void> {
    const current = s.current as CurrentStep;
    if (current.assignees.length === 0 && !current.outcome) {
      const handed = takeHandedIn(step.id, step.assignees);
      let assignees = await resolve(step.assignees, step.id, step.allowSelfApproval === true, handed);
      if (step.kind === 'approval' && step.mode.kind === 'single') assignees = assignees.slice(0, 1);
      if (assignees.length === 0) {
        // Nobody fits the rules (a vacant post, a missing role): the case must not stall unseen.
        assignees = await resolve([{ kind: 'role', role: ADMIN_ROLE }], step.id, false);
        record('step.unassigned', { stepId: step.id, details: { fallback: ADMIN_ROLE } });
      }
      current.assignees = assignees;
      const deadline = durationFor(step.deadline);
      if (deadline) {
        // Reminders and escalations may count working days even when the deadline does not.
        const loadedAt = s.calendarLoadedAt;
        if (!reuseCalendar || !s.calendar || loadedAt === undefined || Date.now() - loadedAt >= CALENDAR_REUSE_MS) {
          if (handed?.calendar) {
            s.calendar = handed.calendar;
            s.calendarLoadedAt = Date.parse(handed.at);
          } else {
            s.calendar = await looking(() => lookup.loadWorkingCalendar());
            if (reuseCalendar) s.calendarLoadedAt = Date.now();
          }
        }
        current.deadline = deadlineAfter(new Date(current.startedAt), deadline, s.calendar).toISOString();
      }
      record('step.assigned', { stepId: step.id, details: { assignees: assignees.map((a) => a.userId), deadline: current.deadline ?? null } });
    }

    for (;;) {
      await applyAndPublish(() => Boolean(current.outcome) || s.status !== 'open');
      if (current.outcome || s.status !== 'open') break;
      const timer = nextTimer(step, current);
      const changedOrDone = () => inbox.length > 0 || Boolean(current.outcome) || s.status !== 'open' || !published()
        || workflowInfo().continueAsNewSuggested;
      const woke = timer ? await condition(changedOrDone, Math.max(0, timer.at - Date.now())) : (await condition(changedOrDone), true);
      if (!woke && timer) await fireTimer(step, current, timer.kind);
      if (workflowInfo().continueAsNewSuggested && !current.outcome && s.status === 'open') await carryOn();
    }
    if (s.status !== 'open') return;
    if (current.outcome === 'returned') {
      const to = current.returnTo as string;
      if (to === 'initiator') {
        s.current = {
          stepId: REVISION_STEP, kind: 'revision', visit: (s.visits[REVISION_STEP] ?? 0) + 1, startedAt: now(),
          assignees: [{ userId: input.initiator.userId }], decisions: [], remindersSent: 0, escalated: false, resumeAt: def.firstStep,
        };
        s.visits[REVISION_STEP] = s.current.visit;
        record('step.entered', { stepId: REVISION_STEP, details: { kind: 'revision' } });
      } else {
        enter(to);
      }
      return;
    }
    if (step.kind === 'task') enter(step.next);
    else enter(current.outcome === 'approved' ? step.next.approved : step.next.rejected);
  }

  /** A step's deadline as a fixed span; a `workingDaysFrom` reads the case data now. */
  function durationFor(spec: DeadlineSpec | undefined): DurationSpec | undefined {
    if (!spec || !('workingDaysFrom' in spec)) return spec;
    const days = readPath(s.data, spec.workingDaysFrom);
    return typeof days === 'number' && Number.isSafeInteger(days) && days > 0 && days <= MAX_DATA_DEADLINE_DAYS ? { workingDays: days } : undefined;
  }

  type TimerKind = 'reminder' | 'escalation' | 'silence';

  function nextTimer(step: ApprovalStep | TaskStep, current: CurrentStep): { at: number; kind: TimerKind } | undefined {
    if (!current.deadline) return undefined;
    const deadline = new Date(current.deadline);
    const reminders = (step.reminders ?? [])
      .map((r) => instantBefore(deadline, r.before, s.calendar ?? EMPTY_CALENDAR).getTime())
      .sort((a, b) => a - b);
    const pendingReminder = reminders[current.remindersSent];
    const escalationAt = step.escalation && !current.escalated
      ? deadlineAfter(deadline, step.escalation.after, s.calendar ?? EMPTY_CALENDAR).getTime()
      : undefined;
    const candidates: Array<{ at: number; kind: TimerKind }> = [];
    // Silence decides the step at the deadline, so it comes before an escalation due at the same time.
    if (step.kind === 'approval' && step.silenceMeans) candidates.push({ at: deadline.getTime(), kind: 'silence' });
    if (pendingReminder !== undefined) candidates.push({ at: pendingReminder, kind: 'reminder' });
    if (escalationAt !== undefined) candidates.push({ at: escalationAt, kind: 'escalation' });
    return candidates.sort((a, b) => a.at - b.at)[0];
  }

  async function fireTimer(step: ApprovalStep | TaskStep, current: CurrentStep, kind: TimerKind): Promise<void> {
    const waiting = current.assignees.filter((a) => !current.decisions.some((d) => d.userId === a.userId)).map((a) => a.userId);
    if (kind === 'silence' && step.kind === 'approval' && step.silenceMeans) {
      current.outcome = step.silenceMeans;
      record('step.deemed', { stepId: step.id, outcome: step.silenceMeans, details: { deadline: current.deadline, undecided: waiting } });
      return;
    }
    if (kind === 'reminder') {
      current.remindersSent += 1;
      record('step.reminded', { stepId: step.id, details: { recipients: waiting, deadline: current.deadline } });
      return;
    }
    current.escalated = true;
    const escalation = step.escalation as NonNullable<ApprovalStep['escalation']>;
    const added = (await resolve([escalation.to], step.id, false)).filter((a) => !current.assignees.some((x) => x.userId === a.userId));
    current.assignees.push(...added);
    record('step.escalated', { stepId: step.id, details: { to: added.map((a) => a.userId), rule: escalation.to, overdueSince: current.deadline } });
  }

  /** What branch expressions (and other JSON Logic in a definition) see. */
  function branchScope() {
    return { data: s.data, steps: s.stepData, case: { initiator: input.initiator, subject: input.subject ?? null } };
  }

  function runBranch(step: BranchStep): void {
    const scope = branchScope();
    const chosen = step.cases.find((c) => truthy(jsonLogic.apply(c.when as jsonLogic.RulesLogic, scope)));
    const next = chosen?.next ?? step.otherwise;
    record('branch.taken', { stepId: step.id, details: { next } });
    enter(next);
  }

  async function runEffect(step: EffectStep): Promise<void> {
    const current = s.current as CurrentStep;
    await project({ handOff: false });
    const result = await activities.runEffect({
      effect: step.effect,
      idempotencyKey: `${caseId}/${step.id}/${current.visit}`,
      caseId,
      stepId: step.id,
      processKey: def.key,
      initiator: input.initiator,
      subject: input.subject ?? null,
      data: s.data,
    });
    if (s.status !== 'open') return;
    if (result.data) s.data = { ...s.data, ...result.data };
    current.outcome = 'submitted';
    if (step.compensate) (s.compensations ??= []).push({ stepId: step.id, visit: current.visit, effect: step.compensate });
    record('effect.applied', { stepId: step.id, details: { effect: step.effect, applied: result.applied } });
    enter(step.next);
  }

  /**
   * A case that ends unapproved undoes what its effects reserved (a saga): each owed compensation
   * runs once, newest first, with its own idempotency key. The compensating effect decides from
   * the database what is left to undo (an effect that reserved nothing releases nothing).
   */
  async function compensate(): Promise<void> {
    const owed = s.compensations ?? [];
    while (owed.length > 0) {
      const { stepId, visit, effect } = owed[owed.length - 1] as NonNullable<CaseState['compensations']>[number];
      const result = await activities.runEffect({
        effect,
        idempotencyKey: `${caseId}/${stepId}/${visit}/compensate`,
        caseId,
        stepId,
        processKey: def.key,
        initiator: input.initiator,
        subject: input.subject ?? null,
        data: s.data,
      });
      if (result.data) s.data = { ...s.data, ...result.data };
      owed.pop();
      record('effect.compensated', { stepId, details: { effect, applied: result.applied } });
    }
  }

  async function runWait(step: WaitStep): Promise<void> {
    const current = s.current as CurrentStep;
    if (!current.waitUntil) {
      const raw = readPath(s.data, step.until);
      const until = typeof raw === 'string' ? Date.parse(raw) : Number.NaN;
      if (Number.isNaN(until)) {
        throw ApplicationFailure.nonRetryable(`Wait step "${step.id}" needs a date at "${step.until}" in the case data`, 'CASE_DATA_INVALID');
      }
      // Resolve first, then publish both at once: a manager may act as soon as the wait shows.
      const managers = step.managers?.length ? await resolve(step.managers, step.id, true) : [];
      current.assignees = managers;
      current.waitUntil = new Date(until).toISOString();
      record('wait.started', { stepId: step.id, details: { until: current.waitUntil, managers: managers.map((m) => m.userId) } });
    }
    for (;;) {
      const over = () => current.endedEarly === true || s.status !== 'open' || Date.now() >= Date.parse(current.waitUntil as string);
      await applyAndPublish(over);
      if (over()) break;
      const seenUntil = current.waitUntil;
      await condition(
        () => inbox.length > 0 || current.endedEarly === true || s.status !== 'open' || current.waitUntil !== seenUntil || !published()
          || workflowInfo().continueAsNewSuggested,
        Math.max(0, Date.parse(current.waitUntil as string) - Date.now()),
      );
      if (workflowInfo().continueAsNewSuggested && s.status === 'open' && !current.endedEarly) await carryOn();
    }
    if (s.status !== 'open') return;
    current.outcome = 'submitted';
    record('wait.finished', { stepId: step.id, details: { endedEarly: current.endedEarly === true } });
    enter(step.next);
  }

  async function runRevision(): Promise<void> {
    const current = s.current as CurrentStep;
    for (;;) {
      await applyAndPublish(() => Boolean(current.outcome) || s.status !== 'open');
      if (current.outcome || s.status !== 'open') break;
      await condition(() => inbox.length > 0 || Boolean(current.outcome) || s.status !== 'open' || !published()
        || workflowInfo().continueAsNewSuggested);
      if (workflowInfo().continueAsNewSuggested && !current.outcome && s.status === 'open') await carryOn();
    }
    if (s.status === 'open') enter(current.resumeAt ?? def.firstStep);
  }

  /** Continue-as-new at a quiet point, carrying the state; projected events are dropped. */
  async function carryOn(): Promise<never> {
    for (;;) {
      await applyAndPublish();
      if (allHandlersFinished()) break;
      await condition(() => inbox.length > 0 || allHandlersFinished());
    }
    const resume: CaseState = { ...s, events: s.events.filter((e) => e.seq > s.projectedSeq) };
    return continueAsNew<typeof caseWorkflow>({ ...input, resume });
  }

  // --- main loop ------------------------------------------------------------------------------

  if (!input.resume) {
    record('case.started', { actor: input.initiator.userId, stepId: null, details: { process: def.key, version: def.version } });
    enter(def.firstStep);
  }
  /**
   * The branch steps taken since the flow last did anything else. A branch reads only data that
   * nothing changes between branches, so meeting one of them again means the flow would go round
   * forever without waiting: the definition is broken, and the case fails at once rather than
   * holding the worker (whose runtime has no execution timeout, see worker/worker.ts).
   */
  const branchesInARow = new Set<string>();
  while (s.status === 'open') {
    const current = s.current as CurrentStep;
    if (current.kind === 'revision') {
      branchesInARow.clear();
      await runRevision();
      continue;
    }
    const step = stepOf(current.stepId);
    if (step.kind !== 'branch') {
      branchesInARow.clear();
    } else if (branchesInARow.has(step.id)) {
      throw ApplicationFailure.nonRetryable(
        `Branch steps ${[...branchesInARow].map((id) => `"${id}"`).join(', ')} of ${def.key} v${def.version} lead round to each other with nothing in between`,
        'DEFINITION_BROKEN',
      );
    } else {
      branchesInARow.add(step.id);
    }
    switch (step.kind) {
      case 'approval':
      case 'task':
        await runHumanStep(step);
        break;
      case 'branch':
        runBranch(step);
        break;
      case 'effect':
        await runEffect(step);
        break;
      case 'wait':
        await runWait(step);
        break;
      case 'end':
        close(step.outcome);
        break;
    }
  }
  // Requests still queued are refused now: the case has closed.
  drain();
  if (s.status !== 'approved') await compensate();
  if (v3) {
    // Before the Updates answer, so that the last one's caller can publish the final state.
    await project();
    await condition(allHandlersFinished);
  } else {
    await condition(allHandlersFinished);
    await project();
  }
  return view();
}

/** A calendar with no holidays and no weekends, for durations that are not in working days. */
const EMPTY_CALENDAR: WorkingCalendar = { utcOffsetMinutes: 420, weekend: [], holidays: [] };

/** A deadline read from case data (DeadlineSpec workingDaysFrom) is at most this many working days. */
const MAX_DATA_DEADLINE_DAYS = 3660;

/**
 * `months` calendar months after `iso`, counted on the local (WIB) calendar and clamped to the
 * month's last day (31 January + 1 month = 28/29 February), as an epoch millisecond value.
 */
export function addLocalMonths(iso: string, months: number, utcOffsetMinutes = 420): number {
  const shift = utcOffsetMinutes * 60_000;
  const local = new Date(Date.parse(iso) + shift);
  const y = local.getUTCFullYear();
  const m = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  return Date.UTC(y, m, day, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds(), local.getUTCMilliseconds()) - shift;
}

function truthy(value: unknown): boolean {
  return jsonLogic.truthy(value);
}

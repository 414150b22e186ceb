import { ApplicationFailure } from '@temporalio/common';
import type { EntityManager } from '@mikro-orm/knex';
import { EffectApplication, type Database } from '../db';
import { projectCase, type RecordCaseInput } from './case-projection';
import type { Logger } from '../config';
import type { ApprovalStep, AssigneeRule, TaskStep } from '../processes/model';
import { lookupBasis, unitOf, type LookupContext, type ResolvedAssignee, type StepLookup } from '../workflows/step-lookup';
import type { WorkingCalendar } from '../workflows/working-days';

/** What the engine needs to know about people and units; implemented over the registry tables. */
export interface Directory {
  /** Active users holding `role`; with a unit, only those whose unit scope is that unit. */
  usersWithRole(role: string, unitId: string | null): Promise<string[]>;
  /** The user(s) of the employee who holds the unit's head position. */
  unitHeads(unitId: string): Promise<string[]>;
  committeeMembers(committee: string): Promise<string[]>;
  /** The given ids that belong to active users, in the given order. */
  activeUsers(userIds: string[]): Promise<string[]>;
  /** The substitute of a user who is absent at `at`, or null. */
  substituteFor(userId: string, at: Date): Promise<string | null>;
}

export interface EffectContext {
  /** The transaction the effect writes in; the idempotency record is committed with it. */
  em: EntityManager;
  caseId: string;
  stepId: string;
  processKey: string;
  initiator: { userId: string; unitId: string | null };
  subject: { nip?: string; unitId?: string } | null;
  data: Record<string, unknown>;
}

/** An effect changes the world (the registry, a budget, a notification) for a case step. */
export type EffectHandler = (ctx: EffectContext) => Promise<{ data?: Record<string, unknown> } | void>;

export interface CaseEngineDeps {
  db: Database;
  directory: Directory;
  /** The working-day calendar as it is now (administrators edit it). */
  calendar: () => Promise<WorkingCalendar>;
  effects: Record<string, EffectHandler>;
  /** The app's address, for links in e-mails. */
  appUrl?: string;
  /** Structured logs; each recorded event is logged with the request id that caused it. */
  logger?: Logger;
}


export interface ResolveAssigneesInput {
  caseId: string;
  stepId: string;
  rules: AssigneeRule[];
  initiator: { userId: string; unitId: string | null };
  subjectUnitId: string | null;
  data: Record<string, unknown>;
  at: string;
}

export interface RunEffectInput {
  effect: string;
  idempotencyKey: string;
  caseId: string;
  stepId: string;
  processKey: string;
  initiator: { userId: string; unitId: string | null };
  subject: { nip?: string; unitId?: string } | null;
  data: Record<string, unknown>;
}

export function createCaseEngineActivities(deps: CaseEngineDeps) {
  return {
    /**
     * Projects a case snapshot into the case row, its open tasks (the inbox) and its audit log.
     * Idempotent: retries and replays change nothing; an older snapshot never overwrites a newer one.
     */
    async recordCase(input: RecordCaseInput): Promise<void> {
      await projectCase(deps.db.em(), input, { appUrl: deps.appUrl ?? 'http://localhost:3000', ...(deps.logger ? { logger: deps.logger } : {}) });
    },

    /** Turns a step's assignee rules into user ids, routing absent users' tasks to their substitutes. */
    async resolveAssignees(input: ResolveAssigneesInput): Promise<{ assignees: ResolvedAssignee[] }> {
      return { assignees: await lookUpAssignees(deps.directory, input.rules, input, new Date(input.at)) };
    },

    async loadWorkingCalendar(): Promise<WorkingCalendar> {
      return deps.calendar();
    },

    /** Applies a named effect exactly once per case step visit (see EffectApplication). */
    async runEffect(input: RunEffectInput): Promise<{ applied: boolean; data?: Record<string, unknown> }> {
      const handler = deps.effects[input.effect];
      if (!handler) {
        throw ApplicationFailure.nonRetryable(`No effect named "${input.effect}" is registered`, 'UNKNOWN_EFFECT');
      }
      return deps.db.em().transactional(async (tx) => {
        const done = await tx.findOne(EffectApplication, { key: input.idempotencyKey });
        if (done) return { applied: false, ...(done.result ? { data: done.result } : {}) };
        const result = await handler({
          em: tx,
          caseId: input.caseId,
          stepId: input.stepId,
          processKey: input.processKey,
          initiator: input.initiator,
          subject: input.subject,
          data: input.data,
        });
        tx.create(EffectApplication, {
          key: input.idempotencyKey,
          caseId: input.caseId,
          effect: input.effect,
          result: result?.data ?? null,
          appliedAt: new Date(),
        });
        return { applied: true, ...(result?.data ? { data: result.data } : {}) };
      });
    },
  };
}

export type CaseEngineActivities = ReturnType<typeof createCaseEngineActivities>;

/**
 * The holders of a step under its assignee rules at `at`, in the rules' order without repeats, each
 * absent holder replaced by their substitute. The engine's lookup activity and the API (which hands
 * a step's lookup in with a decision, workflows/step-lookup.ts) both answer with this.
 */
export async function lookUpAssignees(directory: Directory, rules: AssigneeRule[], context: LookupContext, at: Date): Promise<ResolvedAssignee[]> {
  const ids: string[] = [];
  for (const rule of rules) {
    switch (rule.kind) {
      case 'role': {
        const unit = rule.unit ? unitOf(rule.unit, context) : null;
        if (rule.unit && !unit) break;
        ids.push(...await directory.usersWithRole(rule.role, unit));
        break;
      }
      case 'unitHead': {
        const unit = unitOf(rule.unit, context);
        if (unit) ids.push(...await directory.unitHeads(unit));
        break;
      }
      case 'committee':
        ids.push(...await directory.committeeMembers(rule.committee));
        break;
      case 'user':
        ids.push(...await directory.activeUsers([rule.userId]));
        break;
      case 'initiator':
        ids.push(context.initiator.userId);
        break;
    }
  }
  const assignees: ResolvedAssignee[] = [];
  const seen = new Set<string>();
  for (const userId of ids) {
    if (seen.has(userId)) continue;
    seen.add(userId);
    const substitute = await directory.substituteFor(userId, at);
    assignees.push(substitute && substitute !== userId ? { userId: substitute, substituteFor: userId } : { userId });
  }
  return assignees;
}

/**
 * A human step's lookup, for a caller to hand in with a request (workflows/step-lookup.ts): its
 * holders and, when it has a deadline, the working-day calendar, both as of now.
 */
export async function lookUpStep(
  deps: Pick<CaseEngineDeps, 'directory' | 'calendar'>, step: ApprovalStep | TaskStep, context: LookupContext,
): Promise<StepLookup> {
  const at = new Date();
  const assignees = await lookUpAssignees(deps.directory, step.assignees, context, at);
  return {
    stepId: step.id,
    basis: lookupBasis(step.assignees, context),
    assignees,
    ...(step.deadline ? { calendar: await deps.calendar() } : {}),
    at: at.toISOString(),
  };
}

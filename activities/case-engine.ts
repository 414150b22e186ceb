import { ApplicationFailure } from '@temporalio/common';
import type { EntityManager } from '@mikro-orm/knex';
import { EffectApplication, type Database } from '../db';
import { projectCase, type RecordCaseInput } from './case-projection';
import type { Logger } from '../config';
import type { AssigneeRule, UnitSource } from '../processes/model';
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
    async resolveAssignees(input: ResolveAssigneesInput): Promise<{ assignees: Array<{ userId: string; substituteFor?: string }> }> {
      const at = new Date(input.at);
      const unitOf = (source: UnitSource): string | null => {
        switch (source.from) {
          case 'subject': return input.subjectUnitId;
          case 'initiator': return input.initiator.unitId;
          case 'field': {
            const value = readPath(input.data, source.path);
            return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
          }
        }
      };
      const ids: string[] = [];
      for (const rule of input.rules) {
        switch (rule.kind) {
          case 'role': {
            const unit = rule.unit ? unitOf(rule.unit) : null;
            if (rule.unit && !unit) break;
            ids.push(...await deps.directory.usersWithRole(rule.role, unit));
            break;
          }
          case 'unitHead': {
            const unit = unitOf(rule.unit);
            if (unit) ids.push(...await deps.directory.unitHeads(unit));
            break;
          }
          case 'committee':
            ids.push(...await deps.directory.committeeMembers(rule.committee));
            break;
          case 'user':
            ids.push(...await deps.directory.activeUsers([rule.userId]));
            break;
          case 'initiator':
            ids.push(input.initiator.userId);
            break;
        }
      }
      const assignees: Array<{ userId: string; substituteFor?: string }> = [];
      const seen = new Set<string>();
      for (const userId of ids) {
        if (seen.has(userId)) continue;
        seen.add(userId);
        const substitute = await deps.directory.substituteFor(userId, at);
        assignees.push(substitute && substitute !== userId ? { userId: substitute, substituteFor: userId } : { userId });
      }
      return { assignees };
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
 * Notifications of a batch of events, in the projection's transaction: in the app for everyone,
 * and into the e-mail outbox for those with an address who did not opt out of that kind.
 */
function readPath(data: Record<string, unknown>, path: string): unknown {
  let value: unknown = data;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

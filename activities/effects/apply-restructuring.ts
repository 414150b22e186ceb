import { ForeignKeyConstraintViolationException } from '@mikro-orm/core';
import type { EffectHandler } from '../case-engine';
import { domainMessage } from '../domain-messages';
import { planRestructuring } from '../restructuring-plan';
import { loadRestructuringRegistry, writeRestructuring } from '../restructuring-registry';
import { readRestructuringProposal } from '../restructuring-proposal';
import { dataText } from './case-data';

/**
 * `applyRestructuring`: the registry follows the enacted Perkada, in the effect's one transaction:
 * units created, renamed, merged and removed, positions created, moved, converted and abolished,
 * employees re-mapped with employees.position_id and positions.holder_employee_id in step. The
 * proposal is planned again against the registry of this moment; the engine records the
 * application in the same transaction, so a retry or replay applies nothing twice.
 *
 * When the registry changed since the check so that applying would orphan someone or something,
 * nothing changes and the case data says why (`restructuringApplied: false`,
 * `restructuringProblem`); the process sends the case to Bagian Organisasi, whose settlement
 * (e.g. mappings for employees who joined a removed unit meanwhile) comes with the next attempt.
 * The writes run under a savepoint, so a reference the planner does not know about (another
 * table pointing at a unit to delete) also leaves the registry untouched and is reported.
 */
export const applyRestructuring: EffectHandler = async (ctx) => {
  const proposal = readRestructuringProposal(ctx.data);
  const outcome = planRestructuring(await loadRestructuringRegistry(ctx.em, proposal, ctx.initiator.userId), proposal);
  if (!outcome.plan) {
    return {
      data: {
        restructuringApplied: false,
        restructuringProblem: {
          code: 'REGISTRY_CHANGED',
          message: domainMessage('RESTRUCTURING_NOT_APPLIED', { count: outcome.problems.length }),
          problems: outcome.problems,
        },
      },
    };
  }
  const plan = outcome.plan;
  let written;
  try {
    written = await ctx.em.transactional((tx) => writeRestructuring(tx, plan, dataText(ctx.data, 'perkadaEffectiveDate') ?? null));
  } catch (err) {
    if (!(err instanceof ForeignKeyConstraintViolationException)) throw err;
    return {
      data: {
        restructuringApplied: false,
        restructuringProblem: {
          code: 'STILL_REFERENCED',
          message: domainMessage('RESTRUCTURING_STILL_REFERENCED', { detail: err.message.slice(0, 300) }),
          problems: [],
        },
      },
    };
  }
  const units = written.units.created.length + written.units.renamed.length + written.units.merged.length + written.units.removed.length;
  const positions = written.positions.created.length
    + new Set([...written.positions.moved, ...written.positions.converted, ...written.positions.abolished]).size;
  return {
    data: {
      restructuringApplied: true,
      restructuringProblem: null,
      restructuringResult: {
        ...written,
        message: domainMessage('RESTRUCTURING_APPLIED', {
          perkada: dataText(ctx.data, 'perkadaNumber') ?? 'Perkada', units, positions, employees: written.employees.length,
        }),
      },
    },
  };
};

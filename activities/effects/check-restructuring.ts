import type { EffectHandler } from '../case-engine';
import { planRestructuring, type RestructuringOutcome } from '../restructuring-plan';
import { loadRestructuringRegistry } from '../restructuring-registry';
import { readRestructuringProposal } from '../restructuring-proposal';
import { wibDay } from '../wib-day';
import type { EffectDeps } from './effect-deps';

/** The automatic check of a restructuring proposal as the case data carries it for Bagian Organisasi. */
export interface StructureCheck {
  /** The day (WIB) the check was made on. */
  asOf: string;
  opd: RestructuringOutcome['opd'];
  /** True when a problem stops the proposal: it cannot be approved until the proposer revises it. */
  blocking: boolean;
  /** The codes of the problems, for branches and lists. */
  failed: string[];
  problems: RestructuringOutcome['problems'];
  /** For the reviewer: units left without a head post, counts that do not add up. */
  notes: RestructuringOutcome['notes'];
  /** What the proposal would change (the branch to KemenPANRB reads `positionsConverted`). */
  summary: RestructuringOutcome['summary'];
}

export function structureCheckOf(outcome: RestructuringOutcome, asOf: string): StructureCheck {
  return {
    asOf,
    opd: outcome.opd,
    blocking: outcome.blocking,
    failed: [...new Set(outcome.problems.map((p) => p.code))],
    problems: outcome.problems,
    notes: outcome.notes,
    summary: outcome.summary,
  };
}

/**
 * `checkRestructuring`: plans the proposal against the registry as it is now and puts the result
 * into the case data (`structureCheck`), where Bagian Organisasi's review shows it. It changes
 * nothing in the registry and never fails a case: a problem is data for a person.
 */
export function createCheckRestructuring(deps: EffectDeps): EffectHandler {
  return async (ctx) => {
    const proposal = readRestructuringProposal(ctx.data);
    const outcome = planRestructuring(await loadRestructuringRegistry(ctx.em, proposal, ctx.initiator.userId), proposal);
    return { data: { structureCheck: structureCheckOf(outcome, wibDay(deps.now())) } };
  };
}

import type { EntityManager } from '@mikro-orm/knex';
import { BudgetLine, Employee, FeedbackTicket, OrgUnit, Position, TemporaryAssignment, User, type Role } from '../db';
import type { Eselon } from '../forms';
import { subtreeOf, type PositionKey, type RestructuringPlan, type RestructuringRegistry, type UnitKey } from './restructuring-plan';
import type { RestructuringProposal } from './restructuring-proposal';

/** Roles that may restructure any unit; a kepala OPD restructures only their own unit's subtree. */
const REGISTRY_WIDE_RESTRUCTURERS: readonly Role[] = ['administrator', 'bagian_organisasi'];

/**
 * Reads what the restructuring planner needs: the unit tree, the positions and employees of the
 * proposing OPD's subtree (and any the proposal names elsewhere, so it can say they are outside),
 * the proposer's scope, and the positions temporary assignments still refer to. Nothing read here
 * is managed by the entity manager, so the effect's flush never writes it back.
 */
export async function loadRestructuringRegistry(em: EntityManager, proposal: RestructuringProposal, initiatorLogin: string): Promise<RestructuringRegistry> {
  const units = await em.find(OrgUnit, {}, { orderBy: { id: 'asc' }, disableIdentityMap: true });
  const subtree = [...(proposal.opdUnitId === undefined ? [] : subtreeOf(proposal.opdUnitId, units))];
  const namedPositions = [
    ...proposal.positionChanges.map((c) => c.positionId),
    ...proposal.conversions.map((c) => c.positionId),
    ...proposal.employeeMappings.map((m) => m.targetPositionId),
  ].filter((id): id is number => id !== undefined);
  const positions = await em.find(Position, { $or: [{ unitId: { $in: subtree } }, { id: { $in: namedPositions } }] }, {
    orderBy: { id: 'asc' }, disableIdentityMap: true,
  });
  const nips = proposal.employeeMappings.map((m) => m.employeeNip).filter((nip): nip is string => nip !== undefined);
  const holders = positions.map((p) => p.holderEmployeeId).filter((id): id is number => id !== null);
  const employees = await em.find(Employee, { $or: [{ unitId: { $in: subtree } }, { nip: { $in: nips } }, { id: { $in: holders } }] }, {
    fields: ['id', 'nip', 'name', 'unitId', 'positionId'], orderBy: { id: 'asc' }, disableIdentityMap: true,
  });
  const assignments = await em.find(TemporaryAssignment, { positionId: { $in: positions.map((p) => p.id) } }, {
    fields: ['positionId', 'caseId'], disableIdentityMap: true,
  });
  const positionReferences = new Map<number, string>();
  for (const a of assignments) {
    if (a.positionId === null) continue;
    const known = positionReferences.get(a.positionId);
    positionReferences.set(a.positionId, known ? `${known}, ${a.caseId}` : a.caseId);
  }
  const user = await em.findOne(User, { login: initiatorLogin }, { disableIdentityMap: true });
  const proposerScope = !user
    ? new Set<number>()
    : user.roles.some((role) => REGISTRY_WIDE_RESTRUCTURERS.includes(role))
      ? 'all' as const
      : user.roles.includes('kepala_opd') && user.unitScopeId !== null ? subtreeOf(user.unitScopeId, units) : new Set<number>();
  return {
    units: units.map((u) => ({ id: u.id, code: u.code, type: u.type, name: u.name, parentId: u.parentId, headPositionId: u.headPositionId })),
    positions: positions.map((p) => ({
      id: p.id, name: p.name, jenisJabatan: p.jenisJabatan, eselon: p.eselon, functionalLevel: p.functionalLevel, unitId: p.unitId,
      holderEmployeeId: p.holderEmployeeId,
    })),
    employees: employees.map((e) => ({ id: e.id, nip: e.nip, name: e.name, unitId: e.unitId, positionId: e.positionId })),
    proposerScope,
    positionReferences,
  };
}

/** What the update wrote, with the ids the registry gave new rows. */
export interface RestructuringWritten {
  units: {
    created: Array<{ ref: string; id: number; code: string; name: string; duties: string | null }>;
    renamed: Array<{ id: number; name: string; duties: string | null }>;
    merged: Array<{ id: number; intoId: number }>;
    removed: Array<{ id: number; successorId: number }>;
  };
  positions: { created: Array<{ ref: string; id: number }>; moved: number[]; converted: number[]; abolished: number[] };
  employees: Array<{ nip: string; unitId: number; positionId: number | null }>;
}

/**
 * Writes a plan, in this order so every foreign key holds at each statement: new units (parents
 * first), renames, new positions, changed positions, employees, holders, moved children, heads,
 * whatever else refers to a unit about to go (users' scope, temporary assignments, feedback
 * tickets, budget lines), abolished positions, then the units (children first). A budget line
 * whose successor already has one for the same year and purpose is left in place: the unit's
 * deletion then fails, and the caller reports it instead of adding up money on its own.
 * `effectiveDate` becomes the TMT of everyone whose position changed or was converted.
 */
export async function writeRestructuring(em: EntityManager, plan: RestructuringPlan, effectiveDate: string | null): Promise<RestructuringWritten> {
  const newUnits = new Map<UnitKey, number>();
  const unitIdOf = (key: UnitKey): number => {
    const id = key.startsWith('u:') ? Number(key.slice(2)) : newUnits.get(key);
    if (id === undefined) throw new Error(`restructuring plan: unit ${key} is not created before it is used`);
    return id;
  };
  const newPositions = new Map<PositionKey, number>();
  const positionIdOf = (key: PositionKey): number => {
    const id = key.startsWith('p:') ? Number(key.slice(2)) : newPositions.get(key);
    if (id === undefined) throw new Error(`restructuring plan: position ${key} is not created before it is used`);
    return id;
  };
  const written: RestructuringWritten = {
    units: { created: [], renamed: [], merged: [], removed: [] },
    positions: { created: [], moved: [], converted: [], abolished: [] },
    employees: [],
  };

  for (const unit of plan.createUnits) {
    const id = await em.insert(OrgUnit, { code: unit.code, type: unit.type, name: unit.name, parentId: unitIdOf(unit.parent), headPositionId: null });
    newUnits.set(`n:${unit.ref}`, id);
    written.units.created.push({ ref: unit.ref, id, code: unit.code, name: unit.name, duties: unit.duties });
  }
  for (const rename of plan.renameUnits) {
    await em.nativeUpdate(OrgUnit, { id: rename.unitId }, { name: rename.name, ...(rename.type ? { type: rename.type } : {}) });
    written.units.renamed.push({ id: rename.unitId, name: rename.name, duties: rename.duties });
  }
  for (const position of plan.createPositions) {
    const id = await em.insert(Position, {
      name: position.name, jenisJabatan: position.jenisJabatan, eselon: position.eselon as Eselon | null, functionalLevel: position.functionalLevel,
      unitId: unitIdOf(position.unit), holderEmployeeId: null,
    });
    newPositions.set(`n:${position.ref}`, id);
    written.positions.created.push({ ref: position.ref, id });
  }
  const before = new Map((await em.find(Position, { id: { $in: plan.updatePositions.map((p) => p.positionId) } }, { disableIdentityMap: true }))
    .map((p) => [p.id, p]));
  for (const position of plan.updatePositions) {
    const unitId = unitIdOf(position.unit);
    await em.nativeUpdate(Position, { id: position.positionId }, {
      unitId, name: position.name, jenisJabatan: position.jenisJabatan, eselon: position.eselon as Eselon | null, functionalLevel: position.functionalLevel,
    });
    if (before.get(position.positionId)?.unitId !== unitId) written.positions.moved.push(position.positionId);
    if (position.converted) written.positions.converted.push(position.positionId);
  }
  const converted = new Set(written.positions.converted);
  const employeesBefore = new Map((await em.find(Employee, { id: { $in: plan.updateEmployees.map((e) => e.employeeId) } }, {
    fields: ['id', 'positionId'], disableIdentityMap: true,
  })).map((e) => [e.id, e.positionId]));
  for (const employee of plan.updateEmployees) {
    const unitId = unitIdOf(employee.unit);
    const positionId = employee.position === null ? null : positionIdOf(employee.position);
    const newPost = positionId !== employeesBefore.get(employee.employeeId);
    await em.nativeUpdate(Employee, { id: employee.employeeId }, { unitId, positionId, ...(newPost && effectiveDate ? { tmtJabatan: effectiveDate } : {}) });
    written.employees.push({ nip: employee.nip, unitId, positionId });
  }
  // Holders of converted posts keep them, now functional, from the effective date.
  if (effectiveDate && converted.size > 0) {
    await em.nativeUpdate(Employee, { positionId: { $in: [...converted] } }, { tmtJabatan: effectiveDate });
  }
  for (const position of plan.updatePositions) await em.nativeUpdate(Position, { id: position.positionId }, { holderEmployeeId: position.holderEmployeeId });
  for (const position of plan.createPositions) {
    if (position.holderEmployeeId !== null) await em.nativeUpdate(Position, { id: positionIdOf(`n:${position.ref}`) }, { holderEmployeeId: position.holderEmployeeId });
  }
  for (const child of plan.reparentUnits) await em.nativeUpdate(OrgUnit, { id: child.unitId }, { parentId: unitIdOf(child.parent) });
  for (const head of plan.heads) {
    await em.nativeUpdate(OrgUnit, { id: unitIdOf(head.unit) }, { headPositionId: head.position === null ? null : positionIdOf(head.position) });
  }

  for (const gone of plan.deleteUnits) {
    const successorId = unitIdOf(gone.successor);
    await em.nativeUpdate(User, { unitScopeId: gone.unitId }, { unitScopeId: successorId });
    await em.nativeUpdate(TemporaryAssignment, { unitId: gone.unitId }, { unitId: successorId });
    await em.nativeUpdate(FeedbackTicket, { unitId: gone.unitId }, { unitId: successorId });
    const taken = await em.find(BudgetLine, { unitId: successorId }, { fields: ['year', 'kind'], disableIdentityMap: true });
    for (const line of await em.find(BudgetLine, { unitId: gone.unitId }, { disableIdentityMap: true })) {
      if (!taken.some((t) => t.year === line.year && t.kind === line.kind)) await em.nativeUpdate(BudgetLine, { id: line.id }, { unitId: successorId });
    }
    if (gone.merged) written.units.merged.push({ id: gone.unitId, intoId: successorId });
    else written.units.removed.push({ id: gone.unitId, successorId });
  }
  if (plan.abolishPositions.length > 0) await em.nativeDelete(Position, { id: { $in: plan.abolishPositions } });
  written.positions.abolished = [...plan.abolishPositions];
  for (const gone of plan.deleteUnits) await em.nativeDelete(OrgUnit, { id: gone.unitId });
  return written;
}

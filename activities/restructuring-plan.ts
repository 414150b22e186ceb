import { subtreeIdsOf } from '../db/org-tree';
import type { FunctionalLevel, JenisJabatan, OrgUnitType } from '../db';
import type { Localized } from '../processes/model';
import { domainMessage } from './domain-messages';
import { proposesChanges, type ConversionLevel, type EmployeeMapping, type RestructuringProposal } from './restructuring-proposal';

/**
 * The planner of a restructuring (process 2, "Penataan struktur"): from the registry as it is and
 * the proposal, every problem that stops it (with the field it is about) and, when there is none,
 * the exact registry writes. Pure, so the check shown to Bagian Organisasi and the update after
 * the Perkada compute the same thing; the update re-plans against the registry of that moment.
 *
 * Rules: only units of the proposing OPD's subtree (the OPD itself may be renamed, not merged or
 * removed); no unit below itself; a merged unit's children, positions and staff go to the unit it
 * is merged into; a removed unit must be left empty by the proposal (its children removed or
 * merged away, its positions moved, converted elsewhere or abolished, its staff mapped); only
 * Administrator, Pengawas and Eselon V posts convert, to JF Ahli Madya, Ahli Muda and Ahli Pertama
 * (PermenPANRB 17/2021); a position has at most one holder; an abolished position has none.
 */

export interface RegistryUnit {
  id: number;
  code: string;
  type: OrgUnitType;
  name: string;
  parentId: number | null;
  headPositionId: number | null;
}

export interface RegistryPosition {
  id: number;
  name: string;
  jenisJabatan: JenisJabatan;
  eselon: string | null;
  functionalLevel: FunctionalLevel | null;
  unitId: number;
  holderEmployeeId: number | null;
}

export interface RegistryEmployee {
  id: number;
  nip: string;
  name: string;
  unitId: number;
  positionId: number | null;
}

/** What the planner reads from the registry. */
export interface RestructuringRegistry {
  /** Every unit (the tree). */
  units: readonly RegistryUnit[];
  /** At least the positions of the OPD's units and those the proposal names. */
  positions: readonly RegistryPosition[];
  /** At least the employees of the OPD's units and those the proposal names. */
  employees: readonly RegistryEmployee[];
  /** The units whose subtree the proposer may restructure, or every unit. */
  proposerScope: 'all' | ReadonlySet<number>;
  /** Positions other records still refer to (temporary assignments), with who refers: not abolishable. */
  positionReferences: ReadonlyMap<number, string>;
}

export const RESTRUCTURING_PROBLEMS = [
  'OPD_NOT_FOUND', 'PROPOSER_OUT_OF_SCOPE', 'NOTHING_TO_CHANGE', 'UNIT_NOT_FOUND', 'UNIT_OUTSIDE_OPD', 'UNIT_REFERENCE_MISSING',
  'UNIT_REFERENCE_AMBIGUOUS', 'REF_DUPLICATE', 'REF_UNKNOWN', 'OPD_ROOT_CHANGE', 'UNIT_CHANGED_TWICE', 'MERGE_INTO_SELF',
  'MERGE_INTO_DESCENDANT', 'TARGET_GONE', 'PARENT_GONE', 'CYCLE', 'CODE_TAKEN', 'CHILD_ORPHANED', 'POSITION_NOT_FOUND',
  'POSITION_OUTSIDE_OPD', 'POSITION_CHANGED_TWICE', 'CONVERSION_WRONG_JENIS', 'CONVERSION_LEVEL', 'POSITION_REFERENCED', 'HEAD_TWICE',
  'EMPLOYEE_NOT_FOUND', 'EMPLOYEE_OUTSIDE_OPD', 'EMPLOYEE_MAPPED_TWICE', 'TARGET_POSITION_ABOLISHED', 'TARGET_POSITION_TAKEN',
  'POSITION_HOLDER_TWICE', 'TARGET_UNIT_MISMATCH', 'POSITION_ORPHANED', 'EMPLOYEE_ORPHANED', 'ABOLISH_HELD',
] as const;
export const RESTRUCTURING_NOTES = ['UNIT_WITHOUT_HEAD', 'POSITION_COUNT_CURRENT', 'POSITION_COUNT_PROPOSED', 'ABK_NEED'] as const;
export type RestructuringProblemCode = (typeof RESTRUCTURING_PROBLEMS)[number];
export type RestructuringNoteCode = (typeof RESTRUCTURING_NOTES)[number];

export interface RestructuringFinding {
  code: RestructuringProblemCode | RestructuringNoteCode;
  /** The form field it is about, as the form's errors name fields ("unitChanges.2.unitId"). */
  field: string;
  /** A problem stops the proposal; a note is for the reviewer. */
  blocking: boolean;
  message: Localized;
}

/** A unit of the plan: `u:<id>` exists, `n:<ref>` is created by the plan. */
export type UnitKey = string;
/** A position of the plan: `p:<id>` exists, `n:<ref>` is created by the plan. */
export type PositionKey = string;

export interface RestructuringPlan {
  opdUnitId: number;
  /** Parents before children. */
  createUnits: Array<{ ref: string; parent: UnitKey; code: string; type: OrgUnitType; name: string; duties: string | null }>;
  renameUnits: Array<{ unitId: number; name: string; type: OrgUnitType | null; duties: string | null }>;
  reparentUnits: Array<{ unitId: number; parent: UnitKey }>;
  createPositions: Array<{
    ref: string; unit: UnitKey; name: string; jenisJabatan: JenisJabatan; eselon: string | null; functionalLevel: FunctionalLevel | null;
    holderEmployeeId: number | null;
  }>;
  /** Existing positions whose unit, kind, name or holder change, with their final values. */
  updatePositions: Array<{
    positionId: number; unit: UnitKey; name: string; jenisJabatan: JenisJabatan; eselon: string | null; functionalLevel: FunctionalLevel | null;
    holderEmployeeId: number | null; converted: boolean;
  }>;
  updateEmployees: Array<{ employeeId: number; nip: string; unit: UnitKey; position: PositionKey | null }>;
  /** Head positions of units that change (null: the unit has no head post). */
  heads: Array<{ unit: UnitKey; position: PositionKey | null }>;
  abolishPositions: number[];
  /** Children before parents; whatever else still refers to a unit goes to its successor. */
  deleteUnits: Array<{ unitId: number; merged: boolean; successor: UnitKey }>;
}

export interface RestructuringSummary {
  unitsCreated: number;
  unitsRenamed: number;
  unitsMerged: number;
  unitsRemoved: number;
  positionsCreated: number;
  positionsMoved: number;
  positionsConverted: number;
  positionsAbolished: number;
  employeesMoved: number;
}

export interface RestructuringOutcome {
  opd: { id: number; code: string; name: string } | null;
  blocking: boolean;
  problems: RestructuringFinding[];
  notes: RestructuringFinding[];
  summary: RestructuringSummary;
  /** Null when a problem stops the proposal. */
  plan: RestructuringPlan | null;
}

const JENIS_LABEL: Record<JenisJabatan, string> = {
  JPT_MADYA: 'JPT Madya', JPT_PRATAMA: 'JPT Pratama', ADMINISTRATOR: 'Administrator', PENGAWAS: 'Pengawas', FUNGSIONAL: 'Fungsional', PELAKSANA: 'Pelaksana',
};
const LEVEL_LABEL: Record<ConversionLevel, string> = { AHLI_MADYA: 'Ahli Madya', AHLI_MUDA: 'Ahli Muda', AHLI_PERTAMA: 'Ahli Pertama' };
const STRUCTURAL_JENIS: readonly JenisJabatan[] = ['JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS'];
const MAX_CODE_LENGTH = 40;

/**
 * The functional level a structural post converts to (PermenPANRB 17/2021): Administrator → Ahli
 * Madya, Pengawas → Ahli Muda, Eselon V → Ahli Pertama; null for any other post.
 */
export function conversionLevelOf(position: { jenisJabatan: JenisJabatan; eselon: string | null }): ConversionLevel | null {
  if (position.eselon?.startsWith('V.')) return 'AHLI_PERTAMA';
  if (position.jenisJabatan === 'ADMINISTRATOR') return 'AHLI_MADYA';
  if (position.jenisJabatan === 'PENGAWAS') return 'AHLI_MUDA';
  return null;
}

interface PositionState {
  key: PositionKey;
  original: RegistryPosition | null;
  unit: UnitKey;
  name: string;
  jenisJabatan: JenisJabatan;
  eselon: string | null;
  functionalLevel: FunctionalLevel | null;
  holder: number | null;
  abolished: boolean;
  converted: boolean;
  /** Set when the proposal put the position somewhere on purpose (a merge does not override it). */
  placed: boolean;
  /** The field of the proposal's first change to this position. */
  changedAt: string | null;
}

interface EmployeeState {
  original: RegistryEmployee;
  unit: UnitKey;
  position: PositionKey | null;
  mapped: boolean;
}

type Fate = { kind: 'merged'; field: string; into: UnitKey | null } | { kind: 'removed'; field: string };

export function planRestructuring(registry: RestructuringRegistry, proposal: RestructuringProposal): RestructuringOutcome {
  const findings: RestructuringFinding[] = [];
  const problem = (code: RestructuringProblemCode, field: string, params: Record<string, string | number> = {}) => {
    findings.push({ code, field, blocking: true, message: domainMessage(`RESTRUCTURING_${code}`, params) });
  };
  const note = (code: RestructuringNoteCode, field: string, params: Record<string, string | number> = {}) => {
    findings.push({ code, field, blocking: false, message: domainMessage(`RESTRUCTURING_${code}`, params) });
  };
  const finish = (opd: RestructuringOutcome['opd'], summary: RestructuringSummary, plan: RestructuringPlan | null): RestructuringOutcome => {
    const problems = findings.filter((f) => f.blocking);
    return { opd, blocking: problems.length > 0, problems, notes: findings.filter((f) => !f.blocking), summary, plan: problems.length > 0 ? null : plan };
  };

  const units = new Map(registry.units.map((u) => [u.id, u]));
  const opd = proposal.opdUnitId === undefined ? undefined : units.get(proposal.opdUnitId);
  if (!opd) {
    problem('OPD_NOT_FOUND', 'opdUnitId', { id: proposal.opdUnitId ?? '-' });
    return finish(null, emptySummary(), null);
  }
  const opdRef = { id: opd.id, code: opd.code, name: opd.name };
  const unitLabel = (u: RegistryUnit) => `${u.name} (${u.code})`;
  const subtree = subtreeOf(opd.id, registry.units);
  if (registry.proposerScope !== 'all' && !registry.proposerScope.has(opd.id)) problem('PROPOSER_OUT_OF_SCOPE', 'opdUnitId', { opd: unitLabel(opd) });
  if (!proposesChanges(proposal)) problem('NOTHING_TO_CHANGE', 'unitChanges');

  const existingUnit = (id: number, field: string): RegistryUnit | undefined => {
    const unit = units.get(id);
    if (!unit) problem('UNIT_NOT_FOUND', field, { id });
    else if (!subtree.has(id)) problem('UNIT_OUTSIDE_OPD', field, { unit: unitLabel(unit), opd: unitLabel(opd) });
    else return unit;
    return undefined;
  };

  // New units, by ref.
  const created = new Map<string, { index: number; name: string }>();
  proposal.unitChanges.forEach((change, i) => {
    if (change.op !== 'create' || !change.ref) return;
    if (created.has(change.ref)) problem('REF_DUPLICATE', `unitChanges.${i}.ref`, { ref: change.ref });
    else created.set(change.ref, { index: i, name: change.name ?? change.ref });
  });
  const keyLabel = (key: UnitKey): string => {
    if (key.startsWith('n:')) return `${created.get(key.slice(2))?.name ?? key.slice(2)} (baru/new)`;
    const unit = units.get(Number(key.slice(2)));
    return unit ? unitLabel(unit) : key;
  };

  /** A unit named by an id or a ref (exactly one); undefined (with a problem) when it cannot be. */
  const unitKeyOf = (id: number | undefined, ref: string | undefined, field: string, refField: string, required = true): UnitKey | undefined => {
    if (id !== undefined && ref !== undefined) {
      problem('UNIT_REFERENCE_AMBIGUOUS', refField);
      return undefined;
    }
    if (ref !== undefined) {
      if (created.has(ref)) return `n:${ref}`;
      problem('REF_UNKNOWN', refField, { ref });
      return undefined;
    }
    if (id === undefined) {
      if (required) problem('UNIT_REFERENCE_MISSING', field);
      return undefined;
    }
    return existingUnit(id, field) ? `u:${id}` : undefined;
  };

  // What happens to existing units: merged or removed (once), renamed (once, and not if it goes).
  const fates = new Map<number, Fate>();
  const renames = new Map<number, { index: number; name: string; type: OrgUnitType | null; duties: string | null }>();
  proposal.unitChanges.forEach((change, i) => {
    if (change.op === 'create' || change.op === undefined) return;
    const field = `unitChanges.${i}.unitId`;
    if (change.unitId === undefined) {
      problem('UNIT_REFERENCE_MISSING', field);
      return;
    }
    const unit = existingUnit(change.unitId, field);
    if (!unit) return;
    if (change.op === 'rename') {
      if (renames.has(unit.id)) problem('UNIT_CHANGED_TWICE', field, { unit: unitLabel(unit) });
      else renames.set(unit.id, { index: i, name: change.name ?? unit.name, type: change.type ?? null, duties: change.duties ?? null });
      return;
    }
    if (unit.id === opd.id) {
      problem('OPD_ROOT_CHANGE', field, { opd: unitLabel(opd) });
      return;
    }
    if (fates.has(unit.id)) problem('UNIT_CHANGED_TWICE', field, { unit: unitLabel(unit) });
    else fates.set(unit.id, change.op === 'merge' ? { kind: 'merged', field, into: null } : { kind: 'removed', field });
  });
  for (const [unitId, rename] of renames) {
    const unit = units.get(unitId) as RegistryUnit;
    if (fates.has(unitId)) problem('UNIT_CHANGED_TWICE', `unitChanges.${rename.index}.unitId`, { unit: unitLabel(unit) });
  }
  const gone = (key: UnitKey): boolean => key.startsWith('u:') && fates.has(Number(key.slice(2)));

  // Where new units hang, checked for cycles.
  const parentOfNew = new Map<string, UnitKey>();
  const usedCodes = new Set(registry.units.map((u) => u.code));
  for (const [ref, { index }] of created) {
    const change = proposal.unitChanges[index]!;
    const parent = unitKeyOf(change.parentUnitId, change.parentRef, `unitChanges.${index}.parentUnitId`, `unitChanges.${index}.parentRef`);
    if (parent && gone(parent)) problem('PARENT_GONE', `unitChanges.${index}.parentUnitId`, { unit: keyLabel(parent) });
    else if (parent) parentOfNew.set(ref, parent);
    if (change.code) {
      if (usedCodes.has(change.code)) problem('CODE_TAKEN', `unitChanges.${index}.code`, { code: change.code });
      usedCodes.add(change.code);
    }
  }
  for (const [ref, { index }] of created) {
    const seen = new Set<string>([ref]);
    for (let at = parentOfNew.get(ref); at?.startsWith('n:'); at = parentOfNew.get(at.slice(2))) {
      if (!seen.has(at.slice(2))) {
        seen.add(at.slice(2));
        continue;
      }
      problem('CYCLE', `unitChanges.${index}.parentRef`, { ref });
      parentOfNew.delete(ref);
      break;
    }
  }
  /** The parent a unit has in the plan's tree, before merges move children. */
  const parentKeyOf = (key: UnitKey): UnitKey | null => {
    if (key.startsWith('n:')) return parentOfNew.get(key.slice(2)) ?? null;
    const parentId = units.get(Number(key.slice(2)))?.parentId;
    return parentId === null || parentId === undefined ? null : `u:${parentId}`;
  };
  const isWithin = (key: UnitKey, ancestor: UnitKey): boolean => {
    let at: UnitKey | null = key;
    for (let steps = 0; at !== null && steps <= registry.units.length + created.size; steps++) {
      if (at === ancestor) return true;
      at = parentKeyOf(at);
    }
    return false;
  };

  // Merge targets: alive, not the unit itself, not below it.
  for (const [unitId, fate] of fates) {
    if (fate.kind !== 'merged') continue;
    const index = Number(fate.field.split('.')[1]);
    const change = proposal.unitChanges[index]!;
    const into = unitKeyOf(change.intoUnitId, change.intoRef, `unitChanges.${index}.intoUnitId`, `unitChanges.${index}.intoRef`);
    if (!into) continue;
    const unit = units.get(unitId) as RegistryUnit;
    if (into === `u:${unitId}`) problem('MERGE_INTO_SELF', `unitChanges.${index}.intoUnitId`, { unit: unitLabel(unit) });
    else if (gone(into)) problem('TARGET_GONE', `unitChanges.${index}.intoUnitId`, { unit: keyLabel(into) });
    else if (isWithin(into, `u:${unitId}`)) problem('MERGE_INTO_DESCENDANT', `unitChanges.${index}.intoUnitId`, { unit: unitLabel(unit), target: keyLabel(into) });
    else fate.into = into;
  }
  /** Where what was in a unit ends up: itself, the unit it is merged into, or null (removed). */
  const successorOf = (key: UnitKey): UnitKey | null => {
    if (!key.startsWith('u:')) return key;
    const fate = fates.get(Number(key.slice(2)));
    if (!fate) return key;
    return fate.kind === 'merged' ? fate.into : null;
  };

  // Children of merged units move; children of removed units must go too.
  const reparentUnits: RestructuringPlan['reparentUnits'] = [];
  for (const unit of registry.units) {
    if (!subtree.has(unit.id) || fates.has(unit.id) || unit.parentId === null) continue;
    const fate = fates.get(unit.parentId);
    if (!fate) continue;
    if (fate.kind === 'merged' && fate.into) reparentUnits.push({ unitId: unit.id, parent: fate.into });
    else if (fate.kind === 'removed') problem('CHILD_ORPHANED', fate.field, { unit: unitLabel(units.get(unit.parentId) as RegistryUnit), child: unitLabel(unit) });
  }
  const unitTarget = (id: number | undefined, ref: string | undefined, field: string, refField: string, required: boolean): UnitKey | undefined => {
    const key = unitKeyOf(id, ref, field, refField, required);
    if (key && gone(key)) {
      problem('TARGET_GONE', ref === undefined ? field : refField, { unit: keyLabel(key) });
      return undefined;
    }
    return key;
  };

  // Positions of the OPD, then the proposal's new ones.
  const registryPositions = new Map(registry.positions.map((p) => [p.id, p]));
  const positions = new Map<PositionKey, PositionState>();
  for (const p of registry.positions) {
    if (!subtree.has(p.unitId)) continue;
    positions.set(`p:${p.id}`, {
      key: `p:${p.id}`, original: p, unit: `u:${p.unitId}`, name: p.name, jenisJabatan: p.jenisJabatan, eselon: p.eselon,
      functionalLevel: p.functionalLevel, holder: p.holderEmployeeId, abolished: false, converted: false, placed: false, changedAt: null,
    });
  }
  const positionLabel = (state: PositionState) => (state.original ? `${state.original.name} (#${state.original.id})` : `${state.name} (baru/new)`);
  const existingPosition = (id: number | undefined, field: string): PositionState | undefined => {
    if (id === undefined) return undefined;
    const found = registryPositions.get(id);
    if (!found) problem('POSITION_NOT_FOUND', field, { id });
    else if (!subtree.has(found.unitId)) problem('POSITION_OUTSIDE_OPD', field, { position: `${found.name} (#${id})`, opd: unitLabel(opd) });
    return positions.get(`p:${id}`);
  };
  const changeOnce = (state: PositionState, field: string): boolean => {
    if (state.changedAt !== null) {
      problem('POSITION_CHANGED_TWICE', field, { position: positionLabel(state) });
      return false;
    }
    state.changedAt = field;
    return true;
  };

  const headClaims = new Map<UnitKey, PositionKey>();
  proposal.newPositions.forEach((np, i) => {
    const field = `newPositions.${i}`;
    if (!np.ref || !np.name || !np.jenisJabatan) return;
    if (positions.has(`n:${np.ref}`)) {
      problem('REF_DUPLICATE', `${field}.ref`, { ref: np.ref });
      return;
    }
    const unit = unitTarget(np.unitId, np.unitRef, `${field}.unitId`, `${field}.unitRef`, true);
    if (!unit) return;
    const state: PositionState = {
      key: `n:${np.ref}`, original: null, unit, name: np.name, jenisJabatan: np.jenisJabatan,
      eselon: STRUCTURAL_JENIS.includes(np.jenisJabatan) ? np.eselon ?? null : null,
      functionalLevel: np.jenisJabatan === 'FUNGSIONAL' ? np.functionalLevel ?? null : null,
      holder: null, abolished: false, converted: false, placed: true, changedAt: field,
    };
    positions.set(state.key, state);
    if (!np.heads) return;
    if (headClaims.has(unit)) problem('HEAD_TWICE', `${field}.heads`, { unit: keyLabel(unit) });
    else headClaims.set(unit, state.key);
  });

  proposal.positionChanges.forEach((change, i) => {
    const field = `positionChanges.${i}`;
    const state = existingPosition(change.positionId, `${field}.positionId`);
    if (!state || !change.action || !changeOnce(state, `${field}.positionId`)) return;
    if (change.action === 'abolish') {
      state.abolished = true;
      const reference = registry.positionReferences.get(state.original!.id);
      if (reference) problem('POSITION_REFERENCED', `${field}.positionId`, { position: positionLabel(state), cases: reference });
      return;
    }
    const target = unitTarget(change.targetUnitId, change.targetUnitRef, `${field}.targetUnitId`, `${field}.targetUnitRef`, true);
    if (target) Object.assign(state, { unit: target, placed: true });
  });

  proposal.conversions.forEach((conversion, i) => {
    const field = `conversions.${i}`;
    const state = existingPosition(conversion.positionId, `${field}.positionId`);
    if (!state || !changeOnce(state, `${field}.positionId`)) return;
    const original = state.original!;
    const level = conversionLevelOf(original);
    if (level === null) {
      problem('CONVERSION_WRONG_JENIS', `${field}.positionId`, { position: positionLabel(state), jenis: JENIS_LABEL[original.jenisJabatan] });
      return;
    }
    if (conversion.targetLevel !== level) {
      problem('CONVERSION_LEVEL', `${field}.targetLevel`, {
        position: positionLabel(state), jenis: original.eselon?.startsWith('V.') ? `Eselon ${original.eselon}` : JENIS_LABEL[original.jenisJabatan],
        expected: LEVEL_LABEL[level], given: conversion.targetLevel ? LEVEL_LABEL[conversion.targetLevel] : '-',
      });
      return;
    }
    Object.assign(state, { jenisJabatan: 'FUNGSIONAL', eselon: null, functionalLevel: level, name: conversion.functionalName ?? state.name, converted: true });
    const target = unitTarget(conversion.targetUnitId, conversion.targetUnitRef, `${field}.targetUnitId`, `${field}.targetUnitRef`, false);
    if (target) Object.assign(state, { unit: target, placed: true });
  });

  // Employees of the OPD, and where the proposal maps them.
  const employees = new Map<number, EmployeeState>();
  for (const e of registry.employees) {
    if (subtree.has(e.unitId)) employees.set(e.id, { original: e, unit: `u:${e.unitId}`, position: e.positionId === null ? null : `p:${e.positionId}`, mapped: false });
  }
  const byNip = new Map(registry.employees.map((e) => [e.nip, e]));
  const employeeLabel = (e: RegistryEmployee) => `${e.name}, NIP ${e.nip}`;
  const mappingByNip = new Map<string, EmployeeMapping>();
  const proposalNips = new Set<string>();
  for (const mapping of proposal.employeeMappings) {
    if (!mapping.employeeNip) continue;
    const fromProposal = mapping.field.startsWith('employeeMappings.');
    if (fromProposal && proposalNips.has(mapping.employeeNip)) {
      problem('EMPLOYEE_MAPPED_TWICE', `${mapping.field}.employeeNip`, { nip: mapping.employeeNip });
      continue;
    }
    if (fromProposal) proposalNips.add(mapping.employeeNip);
    // Bagian Organisasi's later mapping of the same person replaces the proposal's.
    mappingByNip.set(mapping.employeeNip, mapping);
  }
  const takers = new Map<PositionKey, Array<{ employee: EmployeeState; field: string; unit: UnitKey | undefined }>>();
  const vacated = new Set<number>();
  const movesAlong: Array<{ employee: EmployeeState; field: string; unit: UnitKey }> = [];
  for (const mapping of mappingByNip.values()) {
    const nip = mapping.employeeNip as string;
    const field = mapping.field;
    const found = byNip.get(nip);
    if (!found) {
      problem('EMPLOYEE_NOT_FOUND', `${field}.employeeNip`, { nip });
      continue;
    }
    const employee = employees.get(found.id);
    if (!employee) {
      problem('EMPLOYEE_OUTSIDE_OPD', `${field}.employeeNip`, { employee: employeeLabel(found), opd: unitLabel(opd) });
      continue;
    }
    employee.mapped = true;
    const unit = unitTarget(mapping.targetUnitId, mapping.targetUnitRef, `${field}.targetUnitId`, `${field}.targetUnitRef`, false);
    if (mapping.targetPositionId !== undefined || mapping.targetPositionRef !== undefined) {
      let target: PositionState | undefined;
      if (mapping.targetPositionRef !== undefined) {
        target = positions.get(`n:${mapping.targetPositionRef}`);
        if (!target) problem('REF_UNKNOWN', `${field}.targetPositionRef`, { ref: mapping.targetPositionRef });
      } else {
        target = existingPosition(mapping.targetPositionId, `${field}.targetPositionId`);
      }
      if (!target) continue;
      if (target.abolished) {
        problem('TARGET_POSITION_ABOLISHED', `${field}.targetPositionId`, { position: positionLabel(target) });
        continue;
      }
      if (employee.position !== target.key && found.positionId !== null) vacated.add(found.id);
      takers.set(target.key, [...(takers.get(target.key) ?? []), { employee, field, unit }]);
      continue;
    }
    if (unit) movesAlong.push({ employee, field, unit });
    else if (mapping.targetUnitId === undefined && mapping.targetUnitRef === undefined) problem('UNIT_REFERENCE_MISSING', `${field}.targetUnitId`);
  }

  // A mapping to a unit alone takes the employee's own position along.
  for (const { employee, field, unit } of movesAlong) {
    employee.unit = unit;
    const own = employee.position === null ? undefined : positions.get(employee.position);
    if (!own) continue;
    if (own.abolished || (own.placed && own.unit !== unit)) {
      problem('POSITION_CHANGED_TWICE', `${field}.targetUnitId`, { position: positionLabel(own) });
      continue;
    }
    Object.assign(own, { unit, placed: true });
  }
  // Whatever the proposal did not place follows its unit's merge.
  for (const state of positions.values()) {
    if (state.placed) continue;
    const successor = successorOf(state.unit);
    if (successor) state.unit = successor;
  }

  // Holders: people mapped to another position leave theirs, then each target takes one person.
  for (const state of positions.values()) {
    if (state.holder !== null && vacated.has(state.holder)) state.holder = null;
  }
  for (const [key, list] of takers) {
    const target = positions.get(key) as PositionState;
    const [first, ...others] = list;
    for (const other of others) problem('POSITION_HOLDER_TWICE', `${other.field}.targetPositionId`, { position: positionLabel(target) });
    if (!first) continue;
    if (target.holder !== null && target.holder !== first.employee.original.id) {
      const holder = registry.employees.find((e) => e.id === target.holder);
      problem('TARGET_POSITION_TAKEN', `${first.field}.targetPositionId`, { position: positionLabel(target), holder: holder ? employeeLabel(holder) : String(target.holder) });
      continue;
    }
    target.holder = first.employee.original.id;
    first.employee.position = key;
    if (first.unit && first.unit !== target.unit) {
      problem('TARGET_UNIT_MISMATCH', `${first.field}.targetUnitId`, { position: positionLabel(target), unit: keyLabel(target.unit) });
    }
  }
  for (const employee of employees.values()) {
    if (vacated.has(employee.original.id) && employee.position === `p:${employee.original.positionId}`) employee.position = null;
  }

  // Where each employee ends up: with their position when it moved, else with their unit.
  for (const employee of employees.values()) {
    const position = employee.position === null ? undefined : positions.get(employee.position);
    const positionMoved = position && (position.original === null || position.unit !== `u:${position.original.unitId}`);
    if (position && (positionMoved || employee.position !== `p:${employee.original.positionId}`)) employee.unit = position.unit;
    else if (!employee.mapped) employee.unit = successorOf(employee.unit) ?? employee.unit;
  }

  // Nothing left in a removed unit; nobody in an abolished position.
  const removedField = (key: UnitKey): string | null => {
    const fate = key.startsWith('u:') ? fates.get(Number(key.slice(2))) : undefined;
    return fate?.kind === 'removed' ? fate.field : null;
  };
  for (const state of positions.values()) {
    const field = removedField(state.unit);
    if (state.abolished) {
      if (state.holder !== null) {
        const holder = registry.employees.find((e) => e.id === state.holder);
        problem('ABOLISH_HELD', state.changedAt ?? 'positionChanges', { position: positionLabel(state), holder: holder ? employeeLabel(holder) : String(state.holder) });
      }
    } else if (field) {
      problem('POSITION_ORPHANED', field, { position: positionLabel(state), unit: keyLabel(state.unit) });
    }
  }
  for (const employee of employees.values()) {
    const field = removedField(employee.unit);
    if (field) problem('EMPLOYEE_ORPHANED', field, { employee: employeeLabel(employee.original), unit: keyLabel(employee.unit) });
  }

  // Heads: a unit loses a head post that leaves it, stops being structural or is abolished.
  const heads: RestructuringPlan['heads'] = [];
  for (const unit of registry.units) {
    if (!subtree.has(unit.id) || fates.has(unit.id)) continue;
    const key: UnitKey = `u:${unit.id}`;
    const current = unit.headPositionId === null ? undefined : positions.get(`p:${unit.headPositionId}`);
    const keeps = current && !current.abolished && !current.converted && current.unit === key;
    const claim = headClaims.get(key);
    if (claim && keeps) problem('HEAD_TWICE', `${positions.get(claim)?.changedAt ?? 'newPositions'}.heads`, { unit: unitLabel(unit) });
    else if (claim) heads.push({ unit: key, position: claim });
    else if (unit.headPositionId !== null && !keeps) {
      heads.push({ unit: key, position: null });
      note('UNIT_WITHOUT_HEAD', `unitChanges`, { unit: unitLabel(unit) });
    }
  }
  for (const [ref, { index }] of created) {
    const claim = headClaims.get(`n:${ref}`);
    if (claim) heads.push({ unit: `n:${ref}`, position: claim });
    else note('UNIT_WITHOUT_HEAD', `unitChanges.${index}`, { unit: keyLabel(`n:${ref}`) });
  }

  addCountNotes(registry, subtree, positions, proposal, note);

  // The plan: only what changes.
  const createUnits: RestructuringPlan['createUnits'] = [];
  const codeOf = new Map<string, string>();
  const depthOfNew = (ref: string): number => {
    let depth = 0;
    for (let at = parentOfNew.get(ref); at?.startsWith('n:') && depth <= created.size; at = parentOfNew.get(at.slice(2))) depth++;
    return depth;
  };
  for (const [ref, { index }] of [...created].sort((a, b) => depthOfNew(a[0]) - depthOfNew(b[0]))) {
    const change = proposal.unitChanges[index]!;
    const parent = parentOfNew.get(ref);
    if (!parent || !change.type || !change.name) continue;
    const parentCode = parent.startsWith('n:') ? codeOf.get(parent.slice(2)) ?? opd.code : units.get(Number(parent.slice(2)))?.code ?? opd.code;
    const code = change.code ?? freeCode(parentCode, opd.code, usedCodes);
    usedCodes.add(code);
    codeOf.set(ref, code);
    createUnits.push({ ref, parent, code, type: change.type, name: change.name, duties: change.duties ?? null });
  }
  const updatePositions: RestructuringPlan['updatePositions'] = [];
  const createPositions: RestructuringPlan['createPositions'] = [];
  const abolishPositions: number[] = [];
  for (const state of positions.values()) {
    const o = state.original;
    if (!o) {
      createPositions.push({
        ref: state.key.slice(2), unit: state.unit, name: state.name, jenisJabatan: state.jenisJabatan, eselon: state.eselon,
        functionalLevel: state.functionalLevel, holderEmployeeId: state.holder,
      });
    } else if (state.abolished) {
      abolishPositions.push(o.id);
    } else if (state.unit !== `u:${o.unitId}` || state.converted || state.holder !== o.holderEmployeeId) {
      updatePositions.push({
        positionId: o.id, unit: state.unit, name: state.name, jenisJabatan: state.jenisJabatan, eselon: state.eselon,
        functionalLevel: state.functionalLevel, holderEmployeeId: state.holder, converted: state.converted,
      });
    }
  }
  const updateEmployees: RestructuringPlan['updateEmployees'] = [];
  for (const employee of employees.values()) {
    const o = employee.original;
    const position = o.positionId === null ? null : `p:${o.positionId}`;
    if (employee.unit !== `u:${o.unitId}` || employee.position !== position) {
      updateEmployees.push({ employeeId: o.id, nip: o.nip, unit: employee.unit, position: employee.position });
    }
  }
  const depth = (id: number): number => {
    let d = 0;
    for (let at = units.get(id)?.parentId ?? null; at !== null && d <= registry.units.length; at = units.get(at)?.parentId ?? null) d++;
    return d;
  };
  const deleteUnits: RestructuringPlan['deleteUnits'] = [...fates]
    .sort((a, b) => depth(b[0]) - depth(a[0]))
    .map(([unitId, fate]) => ({ unitId, merged: fate.kind === 'merged', successor: survivingSuccessor(unitId, units, fates) }));

  const summary: RestructuringSummary = {
    unitsCreated: createUnits.length,
    unitsRenamed: renames.size,
    unitsMerged: deleteUnits.filter((d) => d.merged).length,
    unitsRemoved: deleteUnits.filter((d) => !d.merged).length,
    positionsCreated: createPositions.length,
    positionsMoved: updatePositions.filter((p) => p.unit !== `u:${registryPositions.get(p.positionId)?.unitId}`).length,
    positionsConverted: updatePositions.filter((p) => p.converted).length,
    positionsAbolished: abolishPositions.length,
    employeesMoved: updateEmployees.length,
  };
  return finish(opdRef, summary, {
    opdUnitId: opd.id,
    createUnits,
    renameUnits: [...renames].map(([unitId, r]) => ({ unitId, name: r.name, type: r.type, duties: r.duties })),
    reparentUnits,
    createPositions,
    updatePositions,
    updateEmployees,
    heads,
    abolishPositions,
    deleteUnits,
  });
}

/** The unit and every unit below it. Bounded, so a corrupted tree with a cycle cannot loop forever. */
export function subtreeOf(unitId: number, units: readonly RegistryUnit[]): Set<number> {
  return new Set(subtreeIdsOf(units, unitId));
}

/** Who takes over what still refers to a deleted unit: the unit it merges into, else the nearest surviving ancestor. */
function survivingSuccessor(unitId: number, units: ReadonlyMap<number, RegistryUnit>, fates: ReadonlyMap<number, Fate>): UnitKey {
  let at: number | null = unitId;
  for (let steps = 0; at !== null && steps <= units.size; steps++) {
    const fate = fates.get(at);
    if (!fate) return `u:${at}`;
    if (fate.kind === 'merged' && fate.into) {
      if (fate.into.startsWith('n:')) return fate.into;
      at = Number(fate.into.slice(2));
    } else {
      at = units.get(at)?.parentId ?? null;
    }
  }
  return `u:${unitId}`;
}

/** A registry code for a new unit below `parentCode`: PARENT.N1, PARENT.N2, ... within 40 characters. */
function freeCode(parentCode: string, opdCode: string, used: ReadonlySet<string>): string {
  for (const base of [parentCode, opdCode, 'UNIT']) {
    for (let n = 1; n < 10_000; n++) {
      const code = `${base}.N${n}`;
      if (code.length > MAX_CODE_LENGTH) break;
      if (!used.has(code)) return code;
    }
  }
  throw new Error('No free unit code');
}

/** Notes for the reviewer: stated position counts against the registry and the plan, ABK arithmetic. */
function addCountNotes(
  registry: RestructuringRegistry, subtree: ReadonlySet<number>, positions: ReadonlyMap<PositionKey, PositionState>, proposal: RestructuringProposal,
  note: (code: RestructuringNoteCode, field: string, params: Record<string, string | number>) => void,
): void {
  const now = new Map<JenisJabatan, number>();
  for (const p of registry.positions) if (subtree.has(p.unitId)) now.set(p.jenisJabatan, (now.get(p.jenisJabatan) ?? 0) + 1);
  const planned = new Map<JenisJabatan, number>();
  for (const p of positions.values()) if (!p.abolished) planned.set(p.jenisJabatan, (planned.get(p.jenisJabatan) ?? 0) + 1);
  proposal.positionCounts.forEach((row, i) => {
    if (!row.jenisJabatan) return;
    const jenis = JENIS_LABEL[row.jenisJabatan] ?? row.jenisJabatan;
    const actual = now.get(row.jenisJabatan) ?? 0;
    if (row.current !== undefined && row.current !== actual) note('POSITION_COUNT_CURRENT', `positionCounts.${i}.current`, { jenis, stated: row.current, actual });
    const plan = planned.get(row.jenisJabatan) ?? 0;
    if (row.proposed !== undefined && row.proposed !== plan) note('POSITION_COUNT_PROPOSED', `positionCounts.${i}.proposed`, { jenis, stated: row.proposed, planned: plan });
  });
  proposal.abk.forEach((row, i) => {
    if (row.workloadHours === undefined || !row.effectiveHours || row.staffNeeded === undefined) return;
    const need = row.workloadHours / row.effectiveHours;
    if (Math.abs(need - row.staffNeeded) >= 1) {
      note('ABK_NEED', `abk.${i}.staffNeeded`, { position: row.positionName ?? '-', computed: need.toFixed(2), stated: row.staffNeeded });
    }
  });
}

function emptySummary(): RestructuringSummary {
  return {
    unitsCreated: 0, unitsRenamed: 0, unitsMerged: 0, unitsRemoved: 0, positionsCreated: 0, positionsMoved: 0, positionsConverted: 0,
    positionsAbolished: 0, employeesMoved: 0,
  };
}

import type { FunctionalLevel, JenisJabatan, OrgUnitType } from '../db';

/**
 * A restructuring proposal (process 2, "Penataan struktur") as the planner reads it from the case
 * data: the start form's lists, plus the mappings Bagian Organisasi adds when it settles a registry
 * conflict. The data is JSON from forms and earlier steps, so every value is checked and anything
 * malformed reads as absent; list items keep their positions so problems can name their fields.
 */

export type UnitChangeOp = 'create' | 'rename' | 'merge' | 'remove';

export interface UnitChange {
  op: UnitChangeOp | undefined;
  /** The existing unit renamed, merged or removed. */
  unitId?: number;
  /** The new unit's reference within the proposal (create). */
  ref?: string;
  parentUnitId?: number;
  parentRef?: string;
  type?: OrgUnitType;
  name?: string;
  duties?: string;
  code?: string;
  intoUnitId?: number;
  intoRef?: string;
}

export interface NewPosition {
  ref?: string;
  unitId?: number;
  unitRef?: string;
  name?: string;
  jenisJabatan?: JenisJabatan;
  eselon?: string;
  functionalLevel?: FunctionalLevel;
  heads: boolean;
}

export interface PositionChange {
  positionId?: number;
  action: 'move' | 'abolish' | undefined;
  targetUnitId?: number;
  targetUnitRef?: string;
}

export type ConversionLevel = 'AHLI_MADYA' | 'AHLI_MUDA' | 'AHLI_PERTAMA';

export interface Conversion {
  positionId?: number;
  targetLevel?: ConversionLevel;
  functionalName?: string;
  targetUnitId?: number;
  targetUnitRef?: string;
}

export interface EmployeeMapping {
  employeeNip?: string;
  targetPositionId?: number;
  targetPositionRef?: string;
  targetUnitId?: number;
  targetUnitRef?: string;
  /** Where the mapping sits in the case data, e.g. "employeeMappings.3" (for problem fields). */
  field: string;
}

export interface PositionCount {
  jenisJabatan?: JenisJabatan;
  current?: number;
  proposed?: number;
}

export interface AbkRow {
  positionName?: string;
  workloadHours?: number;
  effectiveHours?: number;
  staffNeeded?: number;
}

export interface RestructuringProposal {
  opdUnitId?: number;
  unitChanges: UnitChange[];
  newPositions: NewPosition[];
  positionChanges: PositionChange[];
  conversions: Conversion[];
  /** The proposal's mappings, then Bagian Organisasi's (which win for the same NIP). */
  employeeMappings: EmployeeMapping[];
  positionCounts: PositionCount[];
  abk: AbkRow[];
}

const UNIT_CHANGE_OPS: readonly UnitChangeOp[] = ['create', 'rename', 'merge', 'remove'];
const CONVERSION_LEVELS: readonly ConversionLevel[] = ['AHLI_MADYA', 'AHLI_MUDA', 'AHLI_PERTAMA'];

export function readRestructuringProposal(data: Record<string, unknown>): RestructuringProposal {
  return {
    opdUnitId: id(data.opdUnitId),
    unitChanges: list(data.unitChanges).map((item) => ({
      op: oneOf(item.op, UNIT_CHANGE_OPS),
      unitId: id(item.unitId),
      ref: text(item.ref),
      parentUnitId: id(item.parentUnitId),
      parentRef: text(item.parentRef),
      type: text(item.type) as OrgUnitType | undefined,
      name: text(item.name),
      duties: text(item.duties),
      code: text(item.code),
      intoUnitId: id(item.intoUnitId),
      intoRef: text(item.intoRef),
    })),
    newPositions: list(data.newPositions).map((item) => ({
      ref: text(item.ref),
      unitId: id(item.unitId),
      unitRef: text(item.unitRef),
      name: text(item.name),
      jenisJabatan: text(item.jenisJabatan) as JenisJabatan | undefined,
      eselon: text(item.eselon),
      functionalLevel: text(item.functionalLevel) as FunctionalLevel | undefined,
      heads: item.heads === true,
    })),
    positionChanges: list(data.positionChanges).map((item) => ({
      action: oneOf(item.action, ['move', 'abolish'] as const),
      positionId: id(item.positionId),
      targetUnitId: id(item.targetUnitId),
      targetUnitRef: text(item.targetUnitRef),
    })),
    conversions: list(data.conversions).map((item) => ({
      positionId: id(item.positionId),
      targetLevel: oneOf(item.targetLevel, CONVERSION_LEVELS),
      functionalName: text(item.functionalName),
      targetUnitId: id(item.targetUnitId),
      targetUnitRef: text(item.targetUnitRef),
    })),
    employeeMappings: [...mappings(data, 'employeeMappings'), ...mappings(data, 'resolutionMappings')],
    positionCounts: list(data.positionCounts).map((item) => ({
      jenisJabatan: text(item.jenisJabatan) as JenisJabatan | undefined,
      current: count(item.current),
      proposed: count(item.proposed),
    })),
    abk: list(data.abk).map((item) => ({
      positionName: text(item.positionName),
      workloadHours: count(item.workloadHours),
      effectiveHours: count(item.effectiveHours),
      staffNeeded: count(item.staffNeeded),
    })),
  };
}

/** Whether the proposal asks for any registry change at all. */
export function proposesChanges(proposal: RestructuringProposal): boolean {
  return proposal.unitChanges.length + proposal.newPositions.length + proposal.positionChanges.length
    + proposal.conversions.length + proposal.employeeMappings.length > 0;
}

function mappings(data: Record<string, unknown>, key: string): EmployeeMapping[] {
  return list(data[key]).map((item, index) => ({
    field: `${key}.${index}`,
    employeeNip: text(item.employeeNip),
    targetPositionId: id(item.targetPositionId),
    targetPositionRef: text(item.targetPositionRef),
    targetUnitId: id(item.targetUnitId),
    targetUnitRef: text(item.targetUnitRef),
  }));
}

/** A list of objects; a non-object item reads as an empty object, so later items keep their index. */
function list(value: unknown): Array<Record<string, unknown>> {
  if (!Array.isArray(value)) return [];
  return value.map((item) => (typeof item === 'object' && item !== null && !Array.isArray(item) ? item as Record<string, unknown> : {}));
}

function id(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function oneOf<T extends string>(value: unknown, options: readonly T[]): T | undefined {
  return typeof value === 'string' && (options as readonly string[]).includes(value) ? value as T : undefined;
}

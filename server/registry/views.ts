import type { EducationLevel, FunctionalLevel, Gender, JenisJabatan, OrgUnitType, SanctionLevel, SkpRatingValue, TrainingKind } from '../../db';

/** The shapes the registry API answers with; server/openapi/registry.ts describes the same. */

export interface Ref {
  id: number;
  name: string;
}

export interface GolonganView {
  golongan: string;
  pangkat: string | null;
}

export interface EmployeeSummary {
  id: number;
  nip: string;
  name: string;
  golongan: string;
  pangkat: string | null;
  position: Ref | null;
  unit: Ref;
}

export interface EmployeePageView {
  items: EmployeeSummary[];
  nextCursor: string | null;
}

export interface SanctionView {
  id: number;
  level: SanctionLevel;
  description: string;
  startDate: string;
  endDate: string | null;
  inForce: boolean;
}

export interface TrainingView {
  id: number;
  title: string;
  kind: TrainingKind;
  jpHours: number;
  startDate: string;
  endDate: string;
  year: number;
}

export interface EmployeeDetail {
  id: number;
  nip: string;
  name: string;
  gender: Gender;
  birthDate: string;
  golongan: GolonganView & { tmt: string };
  position: (Ref & { jenisJabatan: JenisJabatan; eselon: string | null; functionalLevel: FunctionalLevel | null; tmt: string | null }) | null;
  unit: Ref & { code: string; type: OrgUnitType };
  /** The OPD the unit belongs to (the unit itself when it is an OPD); null for the root. */
  opd: (Ref & { code: string }) | null;
  education: { level: EducationLevel; major: string | null };
  competencies: string[];
  lastInaugurationDate: string | null;
  /** Newest year first. */
  skpRatings: Array<{ year: number; rating: SkpRatingValue }>;
  /** Newest first; `inForce` as of today (WIB). */
  sanctions: SanctionView[];
  sanctionInForce: boolean;
  training: {
    /** Newest first. */
    records: TrainingView[];
    /** Newest year first. */
    jpByYear: Array<{ year: number; jp: number }>;
    currentYear: { year: number; jp: number; minimumJp: number };
  };
}

export interface PositionView {
  id: number;
  name: string;
  jenisJabatan: JenisJabatan;
  eselon: string | null;
  functionalLevel: FunctionalLevel | null;
  /** The golongan range the eselon needs; null for non-structural positions. */
  pangkatRange: { min: GolonganView; max: GolonganView } | null;
  unit: Ref;
  isUnitHead: boolean;
  vacant: boolean;
  holder: Ref | null;
}

export interface PositionPageView {
  items: PositionView[];
  nextCursor: string | null;
}

export interface UnitHead {
  positionId: number;
  positionName: string;
  employee: Ref | null;
}

export interface UnitNode {
  id: number;
  code: string;
  type: OrgUnitType;
  name: string;
  headPositionId: number | null;
  /** The head's name, when the head position is filled. */
  headName: string | null;
  children: UnitNode[];
}

export interface UnitDetail {
  id: number;
  code: string;
  type: OrgUnitType;
  name: string;
  parent: Ref | null;
  head: UnitHead | null;
  positions: PositionView[];
  children: Array<Ref & { code: string; type: OrgUnitType }>;
}

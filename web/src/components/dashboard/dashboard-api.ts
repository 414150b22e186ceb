// Client of GET /api/dashboard and GET /api/training/jp-report (server/openapi/dashboard.ts, training.ts).

import { query, request } from '../../api';
import type { Localized } from '../../api';
import type { Lang } from '../../messages';

/** Who may open the dashboard: the registry-wide roles, and a kepala OPD for their own unit (server/routes/dashboard.ts). */
export const DASHBOARD_ROLES: readonly string[] = [
  'administrator', 'bkpsdm_mutasi', 'bkpsdm_diklat', 'sekda', 'ppk', 'bagian_hukum', 'bagian_organisasi', 'inspektorat', 'kepala_opd',
];

export function canReadDashboard(roles: readonly string[]): boolean {
  return roles.some((role) => DASHBOARD_ROLES.includes(role));
}

export interface DashboardUnit {
  id: number;
  code: string;
  name: string;
}

export interface DashboardCounts {
  total: number;
  byProcess: Array<{ process: string; name: Localized; count: number }>;
  /** `unit` null: cases whose unit is not known. */
  byOpd: Array<{ unit: DashboardUnit | null; count: number }>;
}

export interface DurationStats {
  count: number;
  p50Seconds: number;
  p90Seconds: number;
  meanSeconds: number;
  /** Counts per bucket of `cycleTime.bucketDays` (one more than the bounds). */
  histogram: number[];
}

export interface SatisfactionIndex {
  ratings: number;
  ikm: number;
  grade: 'A' | 'B' | 'C' | 'D';
  performance: Localized;
}

export interface JpUnitSummary {
  unitId: number;
  code: string;
  name: string;
  employees: number;
  below: number;
  compliancePct: number;
}

export interface Dashboard {
  period: { from: string; to: string };
  generatedAt: string;
  scope: { unit: DashboardUnit | null };
  openCases: DashboardCounts;
  breaches: { overdue: DashboardCounts; escalated: DashboardCounts; deemed: DashboardCounts };
  cycleTime: {
    bucketDays: number[];
    processes: Array<{ process: string; name: Localized } & DurationStats>;
    steps: Array<{ process: string; processName: Localized; stepId: string; name: Localized | null; kind: string | null } & DurationStats>;
  };
  jp: { year: number; threshold: number; summary: { employees: number; below: number; compliancePct: number }; units: JpUnitSummary[] };
  satisfaction: { units: Array<{ unit: DashboardUnit | null } & SatisfactionIndex>; overall: SatisfactionIndex | null };
}

export interface JpReport {
  year: number;
  threshold: number;
  summary: { employees: number; below: number; compliancePct: number };
  units: JpUnitSummary[];
  below: {
    total: number;
    limit: number;
    offset: number;
    items: Array<{ employeeId: number; nip: string; name: string; unitId: number; opdUnitId: number | null; jp: number; missing: number }>;
  };
}

export function getDashboard(lang: Lang, period: { from?: string; to?: string }, signal?: AbortSignal): Promise<Dashboard> {
  return request(lang, `/api/dashboard${query({ from: period.from, to: period.to })}`, { signal });
}

export function getJpReport(
  lang: Lang,
  params: { year?: number; unitId?: number | null; limit?: number; offset?: number },
  signal?: AbortSignal,
): Promise<JpReport> {
  return request(lang, `/api/training/jp-report${query(params)}`, { signal });
}

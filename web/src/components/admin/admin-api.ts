// Client for the administration API (/api/admin) and each user's own absence (/api/me).

import { query, request } from '../../api';
import type { Page } from '../../api';
import type { Lang } from '../../messages';

/** The roles a user can hold, as the server knows them (db/roles.ts). */
export const ROLES = [
  'administrator', 'bkpsdm_mutasi', 'bkpsdm_diklat', 'kepala_opd', 'sekda', 'ppk', 'bagian_hukum', 'bagian_organisasi', 'inspektorat',
  'feedback_admin',
] as const;

/** Roles that apply to one unit (and its sub-units) only. */
export const UNIT_SCOPED_ROLES: readonly string[] = ['kepala_opd', 'feedback_admin'];

export interface UserRef {
  id: number;
  login: string;
  displayName: string;
}

export interface Absence {
  start: string;
  end: string;
  substitute: UserRef | null;
}

export interface AdminUser extends UserRef {
  roles: string[];
  unitScope: { id: number; name: string } | null;
  employee: { id: number; nip: string; name: string } | null;
  language: Lang;
  email: string | null;
  active: boolean;
  absence: Absence | null;
  system: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface NewUser {
  login: string;
  displayName: string;
  password: string;
  roles: string[];
  unitScopeId: number | null;
  language: Lang;
  email: string | null;
}

export type UserChanges = Partial<Pick<AdminUser, 'displayName' | 'roles' | 'language' | 'email' | 'active'> & { unitScopeId: number | null }>;

export interface AbsenceState {
  user: UserRef;
  absence: Absence | null;
  coveringFor: Array<UserRef & { start: string; end: string }>;
}

export interface AbsenceInput {
  absenceStart: string;
  absenceEnd: string;
  substituteUserId: number | null;
}

export interface SubstituteCandidate extends UserRef {
  absence: { start: string; end: string } | null;
}

export const CALENDAR_DAY_KINDS = ['NATIONAL_HOLIDAY', 'CUTI_BERSAMA', 'EXTRA_WORKING_DAY'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarDay {
  id: number;
  date: string;
  weekday: number;
  kind: CalendarDayKind;
  nameId: string;
  nameEn: string;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface CalendarYear {
  year: number;
  weekend: number[];
  items: CalendarDay[];
}

export interface CalendarDayInput {
  date: string;
  kind: CalendarDayKind;
  nameId: string;
  nameEn?: string;
}

export interface FreezePeriod {
  id: number;
  start: string;
  end: string;
  reason: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface FreezePeriodList {
  items: FreezePeriod[];
  environment: { variable: string; windows: Array<{ start: string; end: string }>; inUse: boolean; invalid: boolean };
}

export interface FreezePeriodInput {
  start: string;
  end: string;
  reason: string;
}

export interface UnitNode {
  id: number;
  name: string;
  children: UnitNode[];
}

const enc = encodeURIComponent;

export function listUsers(
  lang: Lang, params: { search?: string; role?: string; cursor?: string | null; limit?: number }, signal?: AbortSignal,
): Promise<Page<AdminUser>> {
  return request(lang, `/api/admin/users${query(params)}`, { signal });
}

export function createUser(lang: Lang, user: NewUser): Promise<AdminUser> {
  return request(lang, '/api/admin/users', { method: 'POST', body: user });
}

export function updateUser(lang: Lang, id: number, changes: UserChanges): Promise<AdminUser> {
  return request(lang, `/api/admin/users/${id}`, { method: 'PATCH', body: changes });
}

export async function resetPassword(lang: Lang, id: number, password: string): Promise<void> {
  await request(lang, `/api/admin/users/${id}/password`, { method: 'POST', body: { password } });
}

export function setUserAbsence(lang: Lang, id: number, input: AbsenceInput): Promise<AbsenceState> {
  return request(lang, `/api/admin/users/${id}/absence`, { method: 'PUT', body: input });
}

export function clearUserAbsence(lang: Lang, id: number): Promise<AbsenceState> {
  return request(lang, `/api/admin/users/${id}/absence`, { method: 'DELETE' });
}

export function getMyAbsence(lang: Lang, signal?: AbortSignal): Promise<AbsenceState> {
  return request(lang, '/api/me/absence', { signal });
}

export function setMyAbsence(lang: Lang, input: AbsenceInput): Promise<AbsenceState> {
  return request(lang, '/api/me/absence', { method: 'PUT', body: input });
}

export function clearMyAbsence(lang: Lang): Promise<AbsenceState> {
  return request(lang, '/api/me/absence', { method: 'DELETE' });
}

export async function substituteCandidates(lang: Lang, search: string, signal?: AbortSignal): Promise<SubstituteCandidate[]> {
  return (await request<{ items: SubstituteCandidate[] }>(lang, `/api/me/substitute-candidates${query({ search, limit: 50 })}`, { signal })).items;
}

export function getCalendarYear(lang: Lang, year: number, signal?: AbortSignal): Promise<CalendarYear> {
  return request(lang, `/api/admin/calendar-days${query({ year })}`, { signal });
}

export function addCalendarDay(lang: Lang, input: CalendarDayInput): Promise<CalendarDay> {
  return request(lang, '/api/admin/calendar-days', { method: 'POST', body: input });
}

export async function removeCalendarDay(lang: Lang, id: number): Promise<void> {
  await request(lang, `/api/admin/calendar-days/${id}`, { method: 'DELETE' });
}

export function listFreezePeriods(lang: Lang, signal?: AbortSignal): Promise<FreezePeriodList> {
  return request(lang, '/api/admin/election-freeze', { signal });
}

export function addFreezePeriod(lang: Lang, input: FreezePeriodInput): Promise<FreezePeriod> {
  return request(lang, '/api/admin/election-freeze', { method: 'POST', body: input });
}

export function updateFreezePeriod(lang: Lang, id: number, input: Partial<FreezePeriodInput>): Promise<FreezePeriod> {
  return request(lang, `/api/admin/election-freeze/${enc(String(id))}`, { method: 'PATCH', body: input });
}

export async function removeFreezePeriod(lang: Lang, id: number): Promise<void> {
  await request(lang, `/api/admin/election-freeze/${enc(String(id))}`, { method: 'DELETE' });
}

export async function getUnitTree(lang: Lang, signal?: AbortSignal): Promise<UnitNode[]> {
  return (await request<{ items: UnitNode[] }>(lang, '/api/registry/units', { signal })).items;
}

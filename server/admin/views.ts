import type { CalendarDayKind, Language, Role } from '../../db';
import type { Ref } from '../registry/views';

/** The shapes the administration API answers with; server/openapi/admin.ts describes the same. */

export interface UserRef {
  id: number;
  login: string;
  displayName: string;
}

export interface AbsenceView {
  /** YYYY-MM-DD, both days included. */
  start: string;
  end: string;
  substitute: UserRef | null;
}

/** A user as administrators see it; never the password hash. */
export interface UserView extends UserRef {
  roles: Role[];
  unitScope: Ref | null;
  employee: { id: number; nip: string; name: string } | null;
  language: Language;
  email: string | null;
  active: boolean;
  absence: AbsenceView | null;
  /** Alur's own account (the public's stand-in for feedback): shown, never changed. */
  system: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface UserPageView {
  items: UserView[];
  nextCursor: string | null;
}

/** A user's absence, and whom they stand in for while those people are away. */
export interface AbsenceState {
  user: UserRef;
  absence: AbsenceView | null;
  /** People whose absence has not ended and who name this user as their substitute. */
  coveringFor: Array<UserRef & { start: string; end: string }>;
}

export interface SubstituteCandidate extends UserRef {
  /** Their own absence, when it has not ended: they cannot stand in on those days. */
  absence: { start: string; end: string } | null;
}

export interface CalendarDayView {
  id: number;
  date: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  kind: CalendarDayKind;
  nameId: string;
  nameEn: string;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface CalendarYearView {
  year: number;
  /** ISO weekdays that are never working days unless listed as EXTRA_WORKING_DAY. */
  weekend: number[];
  items: CalendarDayView[];
}

export interface FreezePeriodView {
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
  items: FreezePeriodView[];
  /** ALUR_ELECTION_FREEZE as this server reads it: it applies only while `items` is empty. */
  environment: {
    variable: string;
    windows: Array<{ start: string; end: string }>;
    inUse: boolean;
    /** The variable is set but cannot be read (the worker refuses to start with it). */
    invalid: boolean;
  };
}

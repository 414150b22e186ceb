import { EntitySchema } from '@mikro-orm/core';

/**
 * NATIONAL_HOLIDAY and CUTI_BERSAMA are days off; EXTRA_WORKING_DAY is a weekend day that is worked
 * (in exchange for a cuti bersama).
 */
export const CALENDAR_DAY_KINDS = ['NATIONAL_HOLIDAY', 'CUTI_BERSAMA', 'EXTRA_WORKING_DAY'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** A day that differs from the usual week: a weekday off, or a weekend day worked. Ordinary weekends are implied and never stored. */
export class CalendarDay {
  id!: number;
  /** YYYY-MM-DD */
  date!: string;
  kind!: CalendarDayKind;
  nameId!: string;
  nameEn!: string;
  /** When and by whom (login) the day was last added or changed; null for seeded days. */
  updatedAt?: Date | null;
  updatedBy?: string | null;
}

export const CalendarDaySchema = new EntitySchema<CalendarDay>({
  class: CalendarDay,
  tableName: 'calendar_days',
  properties: {
    id: { type: 'integer', primary: true, autoincrement: true },
    date: { type: 'date', unique: true },
    kind: { type: 'string', length: 20 },
    nameId: { type: 'string', length: 200 },
    nameEn: { type: 'string', length: 200 },
    updatedAt: { type: 'datetime', nullable: true },
    updatedBy: { type: 'string', length: 100, nullable: true },
  },
});

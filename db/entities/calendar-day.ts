import { EntitySchema } from '@mikro-orm/core';

export const CALENDAR_DAY_KINDS = ['NATIONAL_HOLIDAY', 'CUTI_BERSAMA'] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

/** A weekday that is not a working day. Weekends are implied and never stored. */
export class CalendarDay {
  id!: number;
  /** YYYY-MM-DD */
  date!: string;
  kind!: CalendarDayKind;
  nameId!: string;
  nameEn!: string;
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
  },
});

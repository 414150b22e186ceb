import {
  addWorkingDays,
  deadlineAfter,
  instantBefore,
  isWorkingDay,
  localDate,
  workingDaysBetween,
  type WorkingCalendar,
} from '../../workflows/working-days';

/**
 * A WIB calendar around Idul Fitri 2026 as the test scenario states it: Idul Fitri on 20–21 March,
 * cuti bersama on 18, 23 and 24 March. Nyepi (19 March in the official list) is left out on
 * purpose so that 19 March is a working day here; one test adds it back.
 */
const wib: WorkingCalendar = {
  utcOffsetMinutes: 420,
  weekend: [6, 7],
  holidays: ['2026-01-01', '2026-03-18', '2026-03-20', '2026-03-21', '2026-03-23', '2026-03-24', '2026-05-01', '2026-08-17'],
};

/** An instant given as WIB local time. */
const at = (local: string): Date => new Date(`${local}+07:00`);
/** The end (23:59:59.999 WIB) of a local day. */
const endOf = (day: string): Date => at(`${day}T23:59:59.999`);

describe('localDate and isWorkingDay', () => {
  test('when an instant is 18:00 UTC, then it is already the next day in WIB', () => {
    expect(localDate(new Date('2026-03-16T18:00:00Z'), wib)).toBe('2026-03-17');
    expect(localDate(new Date('2026-03-16T16:59:59.999Z'), wib)).toBe('2026-03-16');
  });

  test('when the calendar is UTC, then the local date is the UTC date', () => {
    expect(localDate(new Date('2026-03-16T18:00:00Z'), { ...wib, utcOffsetMinutes: 0 })).toBe('2026-03-16');
  });

  test('when a day is a weekday that is not listed, then it is a working day', () => {
    expect(isWorkingDay('2026-03-17', wib)).toBe(true);
    expect(isWorkingDay('2026-03-19', wib)).toBe(true);
  });

  test('when a day is a weekend, a national holiday or cuti bersama, then it is not a working day', () => {
    expect(isWorkingDay('2026-03-14', wib)).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-15', wib)).toBe(false); // Sunday
    expect(isWorkingDay('2026-03-20', wib)).toBe(false); // Idul Fitri
    expect(isWorkingDay('2026-03-23', wib)).toBe(false); // cuti bersama
  });

  test('when a date is malformed or does not exist, then isWorkingDay throws naming it', () => {
    expect(() => isWorkingDay('2026-3-17', wib)).toThrow('Local date "2026-3-17" is not a date in the form YYYY-MM-DD.');
    expect(() => isWorkingDay('2026-02-30', wib)).toThrow('"2026-02-30" is not a date');
  });

  test('when the calendar lists a holiday that is not a date, then the calendar is refused', () => {
    expect(() => isWorkingDay('2026-03-17', { ...wib, holidays: ['2026-13-01'] })).toThrow('Working calendar holiday "2026-13-01"');
  });

  test('when the weekend names a day that is not an ISO weekday, then the calendar is refused', () => {
    expect(() => isWorkingDay('2026-03-17', { ...wib, weekend: [0] })).toThrow('weekend day 0 is not an ISO weekday');
  });
});

describe('addWorkingDays', () => {
  test('when starting on a Friday, then 1 working day is the end of Monday', () => {
    expect(addWorkingDays(at('2026-03-06T10:00'), 1, wib)).toEqual(endOf('2026-03-09'));
  });

  test('when the deadline is the end of a WIB day, then it is 16:59:59.999 UTC', () => {
    expect(addWorkingDays(at('2026-03-06T10:00'), 1, wib).toISOString()).toBe('2026-03-09T16:59:59.999Z');
  });

  test('when counting from 17 March 2026 across Idul Fitri and cuti bersama, then +1 is the end of 19 March and +2 the end of 25 March', () => {
    expect(addWorkingDays(at('2026-03-17T10:00'), 1, wib)).toEqual(endOf('2026-03-19'));
    expect(addWorkingDays(at('2026-03-17T10:00'), 2, wib)).toEqual(endOf('2026-03-25'));
  });

  test('when Nyepi (19 March) is a holiday too, then +1 from 17 March is the end of 25 March', () => {
    const withNyepi = { ...wib, holidays: [...wib.holidays, '2026-03-19'] };
    expect(addWorkingDays(at('2026-03-17T10:00'), 1, withNyepi)).toEqual(endOf('2026-03-25'));
  });

  test('when starting on a Saturday, then 1 working day is the end of the Monday after', () => {
    expect(addWorkingDays(at('2026-03-07T09:00'), 1, wib)).toEqual(endOf('2026-03-09'));
  });

  test('when starting on a holiday, then counting starts at the next working day', () => {
    expect(addWorkingDays(at('2026-03-20T09:00'), 1, wib)).toEqual(endOf('2026-03-25'));
  });

  test('when the start is 18:00 UTC on 16 March (01:00 WIB on 17 March), then the count starts from 17 March', () => {
    expect(addWorkingDays(new Date('2026-03-16T18:00:00Z'), 1, wib)).toEqual(endOf('2026-03-19'));
    // One hour earlier it is still Monday 16 March in WIB.
    expect(addWorkingDays(new Date('2026-03-16T16:00:00Z'), 1, wib)).toEqual(endOf('2026-03-17'));
  });

  test('when adding zero working days, then the result is the start itself', () => {
    const from = at('2026-03-07T09:00');
    expect(addWorkingDays(from, 0, wib)).toEqual(from);
  });

  test('when the number of days is negative or fractional, then it throws a RangeError', () => {
    expect(() => addWorkingDays(at('2026-03-17T10:00'), -1, wib)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2026-03-17T10:00'), 1.5, wib)).toThrow('workingDays must be a whole number from 0 to 3660, got 1.5.');
  });

  test('when every weekday is weekend, then it throws after searching 3660 days instead of looping forever', () => {
    const noWorkingDays = { ...wib, weekend: [1, 2, 3, 4, 5, 6, 7] };
    expect(() => addWorkingDays(at('2026-03-17T10:00'), 1, noWorkingDays)).toThrow(
      'Working calendar has no working day in the 3660 days after 2026-03-17: check its weekend and holiday lists.',
    );
  });

  test('when every day of the next ten years is a holiday, then it throws instead of looping forever', () => {
    const start = Date.UTC(2026, 2, 18);
    const holidays = Array.from({ length: 3700 }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
    expect(() => addWorkingDays(at('2026-03-17T10:00'), 1, { utcOffsetMinutes: 420, weekend: [], holidays })).toThrow(
      /no working day in the 3660 days after 2026-03-17/,
    );
  });
});

describe('deadlineAfter', () => {
  test('when the duration is in seconds, then the deadline is exactly that many seconds later, weekends and holidays included', () => {
    const from = new Date('2026-03-20T16:59:30.250Z'); // Friday 23:59:30.250 WIB, Idul Fitri
    expect(deadlineAfter(from, { seconds: 90 }, wib).getTime()).toBe(from.getTime() + 90_000);
  });

  test('when the duration is in calendar days, then the deadline is the end of the local day that many days later', () => {
    expect(deadlineAfter(at('2026-03-17T10:00'), { calendarDays: 15 }, wib)).toEqual(endOf('2026-04-01'));
    // 01:00 WIB on 17 March is still 16 March in UTC; the local day counts.
    expect(deadlineAfter(new Date('2026-03-16T18:00:00Z'), { calendarDays: 1 }, wib)).toEqual(endOf('2026-03-18'));
  });

  test('when the duration is in working days, then it is addWorkingDays', () => {
    expect(deadlineAfter(at('2026-03-17T10:00'), { workingDays: 2 }, wib)).toEqual(endOf('2026-03-25'));
  });

  test('when the duration is zero, then the deadline is the start itself (an escalation "after" of zero)', () => {
    const deadline = endOf('2026-03-25');
    expect(deadlineAfter(deadline, { workingDays: 0 }, wib)).toEqual(deadline);
    expect(deadlineAfter(deadline, { calendarDays: 0 }, wib)).toEqual(deadline);
    expect(deadlineAfter(deadline, { seconds: 0 }, wib)).toEqual(deadline);
  });

  test('when a duration has no unit or two units, then it throws naming the spec', () => {
    expect(() => deadlineAfter(at('2026-03-17T10:00'), {} as never, wib)).toThrow('A duration needs exactly one of workingDays, calendarDays or seconds, got {}.');
    expect(() => deadlineAfter(at('2026-03-17T10:00'), { workingDays: 1, seconds: 5 } as never, wib)).toThrow(
      'exactly one of workingDays, calendarDays or seconds',
    );
  });
});

describe('workingDaysBetween', () => {
  test('when both instants are on the same local day, then it is 0', () => {
    expect(workingDaysBetween(at('2026-03-17T08:00'), at('2026-03-17T23:00'), wib)).toBe(0);
  });

  test('when b is after a, then it counts working days after a\'s day up to and including b\'s day', () => {
    expect(workingDaysBetween(at('2026-03-06T10:00'), at('2026-03-09T08:00'), wib)).toBe(1); // Fri → Mon
    expect(workingDaysBetween(at('2026-03-06T10:00'), at('2026-03-08T08:00'), wib)).toBe(0); // Fri → Sun
    expect(workingDaysBetween(at('2026-03-17T10:00'), at('2026-03-25T10:00'), wib)).toBe(2); // 19 and 25 March
    // 21 weekdays from 3 to 31 March, less 18, 20, 23 and 24 March.
    expect(workingDaysBetween(at('2026-03-02T10:00'), at('2026-03-31T10:00'), wib)).toBe(17);
  });

  test('when spans run from days to months, then the count equals a day-by-day count with isWorkingDay', () => {
    const dayByDay = (fromDay: number, toDay: number): number => {
      let count = 0;
      for (let day = fromDay + 1; day <= toDay; day += 1) {
        if (isWorkingDay(new Date(day * 86_400_000).toISOString().slice(0, 10), wib)) count += 1;
      }
      return count;
    };
    const firstDay = Date.UTC(2025, 11, 20) / 86_400_000;
    for (let offset = 0; offset < 40; offset += 3) {
      for (const span of [0, 1, 6, 7, 8, 13, 30, 100, 260]) {
        const a = firstDay + offset;
        const from = at(`${new Date(a * 86_400_000).toISOString().slice(0, 10)}T09:00`);
        const to = at(`${new Date((a + span) * 86_400_000).toISOString().slice(0, 10)}T09:00`);
        expect(workingDaysBetween(from, to, wib)).toBe(dayByDay(a, a + span));
        expect(workingDaysBetween(to, from, wib)).toBe(0 - dayByDay(a, a + span));
      }
    }
  });

  test('when b is before a, then the count is negative', () => {
    expect(workingDaysBetween(at('2026-03-25T10:00'), at('2026-03-17T10:00'), wib)).toBe(-2);
    expect(workingDaysBetween(at('2026-03-09T08:00'), at('2026-03-06T10:00'), wib)).toBe(-1);
    // Sunday back to Friday: no working day in between, and 0 rather than -0.
    expect(workingDaysBetween(at('2026-03-08T08:00'), at('2026-03-06T10:00'), wib)).toBe(0);
  });

  test('when instants straddle the WIB midnight, then local days count, not UTC days', () => {
    // 16 March 23:00 WIB → 17 March 01:00 WIB: one working day (17 March), same UTC day.
    expect(workingDaysBetween(new Date('2026-03-16T16:00:00Z'), new Date('2026-03-16T18:00:00Z'), wib)).toBe(1);
  });

  test('when the deadline is N working days after a start, then workingDaysBetween gives back N', () => {
    for (let day = 1; day <= 31; day += 1) {
      const from = at(`2026-03-${String(day).padStart(2, '0')}T10:00`);
      for (const n of [1, 2, 5, 14]) {
        expect(workingDaysBetween(from, addWorkingDays(from, n, wib), wib)).toBe(n);
      }
    }
  });
});

describe('instantBefore', () => {
  test('when a deadline is the end of a Monday, then 1 working day before is the end of the Friday before', () => {
    expect(instantBefore(endOf('2026-03-09'), { workingDays: 1 }, wib)).toEqual(endOf('2026-03-06'));
  });

  test('when counting back over Idul Fitri and cuti bersama, then holidays are skipped', () => {
    expect(instantBefore(endOf('2026-03-25'), { workingDays: 1 }, wib)).toEqual(endOf('2026-03-19'));
    expect(instantBefore(endOf('2026-03-25'), { workingDays: 2 }, wib)).toEqual(endOf('2026-03-17'));
  });

  test('when the deadline falls on a non-working day, then the working days before it count: 1 before Saturday is Thursday', () => {
    expect(instantBefore(endOf('2026-03-14'), { workingDays: 1 }, wib)).toEqual(endOf('2026-03-12'));
  });

  test('when the deadline has a time of day, then the reminder keeps that local time', () => {
    expect(instantBefore(at('2026-03-11T14:00'), { workingDays: 1 }, wib)).toEqual(at('2026-03-10T14:00'));
  });

  test('when the deadline came from addWorkingDays(from, D), then N working days before it is addWorkingDays(from, D - N)', () => {
    for (let day = 1; day <= 31; day += 1) {
      const from = at(`2026-03-${String(day).padStart(2, '0')}T10:00`);
      const deadline = addWorkingDays(from, 7, wib);
      for (const n of [1, 3, 6]) {
        const reminder = instantBefore(deadline, { workingDays: n }, wib);
        expect(reminder).toEqual(addWorkingDays(from, 7 - n, wib));
        expect(workingDaysBetween(reminder, deadline, wib)).toBe(n);
      }
    }
  });

  test('when the duration is in calendar days or seconds, then it is subtracted exactly', () => {
    const deadline = endOf('2026-03-25');
    expect(instantBefore(deadline, { calendarDays: 2 }, wib).getTime()).toBe(deadline.getTime() - 2 * 86_400_000);
    expect(instantBefore(deadline, { seconds: 3600 }, wib).getTime()).toBe(deadline.getTime() - 3_600_000);
  });

  test('when the duration is zero, then it is the deadline itself', () => {
    expect(instantBefore(endOf('2026-03-25'), { workingDays: 0 }, wib)).toEqual(endOf('2026-03-25'));
  });

  test('when the calendar has no working day, then counting back throws instead of looping forever', () => {
    expect(() => instantBefore(endOf('2026-03-25'), { workingDays: 1 }, { ...wib, weekend: [1, 2, 3, 4, 5, 6, 7] })).toThrow(
      'Working calendar has no working day in the 3660 days before 2026-03-25',
    );
  });
});

describe('extra working days', () => {
  // Saturday 28 March 2026 worked in exchange for the cuti bersama of Idul Fitri.
  const withSaturday: WorkingCalendar = { ...wib, extraWorkingDays: ['2026-03-28'] };

  test('when a Saturday is an extra working day, then it is a working day and a deadline counts it', () => {
    expect(isWorkingDay('2026-03-28', withSaturday)).toBe(true);
    expect(isWorkingDay('2026-03-29', withSaturday)).toBe(false);
    expect(addWorkingDays(at('2026-03-27T10:00'), 1, withSaturday)).toEqual(endOf('2026-03-28'));
    expect(addWorkingDays(at('2026-03-27T10:00'), 1, wib)).toEqual(endOf('2026-03-30'));
  });

  test('when a date is both a holiday and an extra working day, then the holiday wins', () => {
    const both: WorkingCalendar = { ...withSaturday, holidays: [...wib.holidays, '2026-03-28'] };
    expect(isWorkingDay('2026-03-28', both)).toBe(false);
    expect(workingDaysBetween(at('2026-03-27T10:00'), at('2026-03-30T10:00'), both)).toBe(1);
  });

  test('when spans cross extra working days, then workingDaysBetween equals a day-by-day count', () => {
    const cal: WorkingCalendar = { ...wib, extraWorkingDays: ['2026-03-28', '2026-04-04', '2026-03-25'] };
    let expected = 0;
    for (let day = new Date('2026-03-17T00:00:00Z'); day <= new Date('2026-04-10T00:00:00Z'); day = new Date(day.getTime() + 86_400_000)) {
      if (day.toISOString().slice(0, 10) > '2026-03-16' && isWorkingDay(day.toISOString().slice(0, 10), cal)) expected += 1;
    }
    expect(workingDaysBetween(at('2026-03-16T09:00'), at('2026-04-10T09:00'), cal)).toBe(expected);
    expect(instantBefore(addWorkingDays(at('2026-03-26T09:00'), 3, cal), { workingDays: 1 }, cal)).toEqual(addWorkingDays(at('2026-03-26T09:00'), 2, cal));
  });

  test('when an extra working day is not a date, then the calendar is refused naming it', () => {
    expect(() => isWorkingDay('2026-03-17', { ...wib, extraWorkingDays: ['2026-02-30'] })).toThrow('Working calendar extra working day "2026-02-30"');
  });
});

describe('a calendar used again', () => {
  test('when the same calendar object is edited in place, then the next answer follows the edit', () => {
    const calendar: WorkingCalendar = { ...wib, holidays: [...wib.holidays], weekend: [...wib.weekend] };
    expect(isWorkingDay('2026-03-19', calendar)).toBe(true);
    // Nyepi added to the very same list, then a weekend day moved: each answer reads the calendar as it is now.
    calendar.holidays.push('2026-03-19');
    expect(isWorkingDay('2026-03-19', calendar)).toBe(false);
    calendar.holidays[calendar.holidays.length - 1] = '2026-03-25';
    expect(isWorkingDay('2026-03-19', calendar)).toBe(true);
    expect(isWorkingDay('2026-03-25', calendar)).toBe(false);
    calendar.weekend[0] = 5;
    expect(isWorkingDay('2026-03-27', calendar)).toBe(false); // a Friday, now a weekend day
    expect(isWorkingDay('2026-03-28', calendar)).toBe(true); // a Saturday, now worked
  });

  test('when one calendar serves many deadlines, then each is what a fresh copy of the calendar gives', () => {
    const starts = ['2026-03-16T09:00', '2026-03-17T16:30', '2026-03-19T08:00', '2026-03-25T12:00'].map(at);
    for (const from of starts) {
      const fresh = { ...wib, holidays: [...wib.holidays] };
      expect(deadlineAfter(from, { workingDays: 3 }, wib)).toEqual(deadlineAfter(from, { workingDays: 3 }, fresh));
    }
  });
});

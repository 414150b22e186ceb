import { booleanFromRow, dateFromRow, jsonFromRow } from '../../db/raw-values';

describe('values of rows read past the entity mapper', () => {
  test('when a flag comes as SQLite 0/1, a pg boolean or a pg count as text, then it reads as the same boolean', () => {
    expect([1, true, '1'].map(booleanFromRow)).toEqual([true, true, true]);
    expect([0, false, '0', null, undefined].map(booleanFromRow)).toEqual([false, false, false, false, false]);
  });

  test('when a date comes as epoch milliseconds (SQLite) or a Date (pg), then both read as that instant', () => {
    const at = new Date('2026-11-24T03:00:00.000Z');
    expect(dateFromRow(at.getTime()).toISOString()).toBe(at.toISOString());
    expect(dateFromRow(at)).toBe(at);
  });

  test('when JSON comes as text (SQLite) or parsed (pg), then both read as the same value', () => {
    expect(jsonFromRow<string[]>('["hr","approver"]')).toEqual(['hr', 'approver']);
    expect(jsonFromRow(['hr'])).toEqual(['hr']);
  });
});

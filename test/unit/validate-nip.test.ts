import { parseNip, validateNip } from '../../forms';

// A fixed "today" keeps the future-TMT rule independent of when the tests run.
const today = '2026-11-22';

describe('validateNip', () => {
  test.each([
    ['198503152010011001', 'a man born 15 March 1985, CPNS from January 2010'],
    ['199912312024122003', 'a woman born on New Year\'s Eve 1999, CPNS from December 2024'],
    ['198802292010011001', 'someone born on 29 February of a leap year'],
    ['200002152018031001', 'someone who turned 18 two weeks before the first day of their TMT month'],
    ['200001012026111001', 'someone appointed CPNS this very month'],
  ])('when the NIP is %s (%s), then it is valid', (nip) => {
    expect(validateNip(nip, { today })).toEqual({ ok: true });
  });

  test.each([
    ['', 'NIP_REQUIRED', 'empty'],
    ['19850315201001100', 'NIP_LENGTH', '17 digits'],
    ['1985031520100110012', 'NIP_LENGTH', '19 digits'],
    ['19850315201001100A', 'NIP_NOT_DIGITS', 'a letter'],
    ['19850315 201001 1 001', 'NIP_NOT_DIGITS', 'written with spaces'],
    ['198513152010011001', 'NIP_BIRTH_DATE', 'birth month 13'],
    ['198502302010011001', 'NIP_BIRTH_DATE', 'born on 30 February'],
    ['198702292010011001', 'NIP_BIRTH_DATE', 'born on 29 February of a common year'],
    ['185001012010011001', 'NIP_BIRTH_DATE', 'born before 1900'],
    ['198503152010131001', 'NIP_TMT_CPNS', 'TMT CPNS month 13'],
    ['198503152010001001', 'NIP_TMT_CPNS', 'TMT CPNS month 00'],
    ['198503152010013001', 'NIP_GENDER', 'gender digit 3'],
    ['198503152010010001', 'NIP_GENDER', 'gender digit 0'],
    ['198503152000011001', 'NIP_TMT_BEFORE_AGE_18', 'CPNS at 14'],
    ['200002152018021001', 'NIP_TMT_BEFORE_AGE_18', 'CPNS two weeks before turning 18'],
    ['200001012026121001', 'NIP_TMT_IN_FUTURE', 'TMT CPNS next month'],
  ])('when the NIP is "%s", then it is refused with %s (%s)', (nip, reason) => {
    expect(validateNip(nip, { today })).toEqual({ ok: false, reason });
  });

  test('when the NIP is not text at all, then it is refused as not digits', () => {
    expect(validateNip(198503152010011, { today })).toEqual({ ok: false, reason: 'NIP_NOT_DIGITS' });
    expect(validateNip(undefined, { today })).toEqual({ ok: false, reason: 'NIP_REQUIRED' });
  });
});

describe('parseNip', () => {
  test('when the NIP is valid, then its birth date, TMT CPNS, gender and sequence are read from it', () => {
    expect(parseNip('198503152010011001', { today })).toEqual({ birthDate: '1985-03-15', tmtCpns: '2010-01', gender: 'M', sequence: '001' });
    expect(parseNip('199912312024122017', { today })).toEqual({ birthDate: '1999-12-31', tmtCpns: '2024-12', gender: 'F', sequence: '017' });
  });

  test('when the NIP is not valid, then there are no parts', () => {
    expect(parseNip('198502302010011001', { today })).toBeUndefined();
    expect(parseNip('123', { today })).toBeUndefined();
  });
});

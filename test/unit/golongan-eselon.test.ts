import { ESELON_CODES, GOLONGAN, golonganFitsEselon, isGolongan, pangkatOf } from '../../forms';

describe('golongan codes', () => {
  test('when listed, then they run from I/a to IV/e, seventeen of them, each with its pangkat', () => {
    expect(GOLONGAN.map((g) => g.code)).toEqual([
      'I/a', 'I/b', 'I/c', 'I/d', 'II/a', 'II/b', 'II/c', 'II/d', 'III/a', 'III/b', 'III/c', 'III/d', 'IV/a', 'IV/b', 'IV/c', 'IV/d', 'IV/e',
    ]);
    expect(pangkatOf('I/a')).toBe('Juru Muda');
    expect(pangkatOf('II/d')).toBe('Pengatur Tk. I');
    expect(pangkatOf('III/c')).toBe('Penata');
    expect(pangkatOf('IV/c')).toBe('Pembina Utama Muda');
    expect(pangkatOf('IV/e')).toBe('Pembina Utama');
  });

  test.each(['III/e', 'iii/a', 'III-a', 'V/a', '', '3/a'])('when the code is "%s", then it is not a golongan', (code) => {
    expect(isGolongan(code)).toBe(false);
  });
});

describe('golonganFitsEselon', () => {
  // DOMAIN.md: II.a IV/c–IV/d; II.b IV/b–IV/c; III.a IV/a–IV/b; III.b III/d–IV/a; IV.a III/c–III/d; IV.b III/b–III/c.
  const ranges: Record<string, [string, string, string, string]> = {
    // [one below, lowest, highest, one above]
    'II.a': ['IV/b', 'IV/c', 'IV/d', 'IV/e'],
    'II.b': ['IV/a', 'IV/b', 'IV/c', 'IV/d'],
    'III.a': ['III/d', 'IV/a', 'IV/b', 'IV/c'],
    'III.b': ['III/c', 'III/d', 'IV/a', 'IV/b'],
    'IV.a': ['III/b', 'III/c', 'III/d', 'IV/a'],
    'IV.b': ['III/a', 'III/b', 'III/c', 'III/d'],
  };

  test.each(Object.entries(ranges))('when the eselon is %s, then exactly its pangkat range fits', (eselon, [below, lowest, highest, above]) => {
    expect(golonganFitsEselon(lowest, eselon)).toBe(true);
    expect(golonganFitsEselon(highest, eselon)).toBe(true);
    expect(golonganFitsEselon(below, eselon)).toBe(false);
    expect(golonganFitsEselon(above, eselon)).toBe(false);
  });

  test('when every golongan is tried against every eselon, then only the range from lowest to highest fits', () => {
    const codes = GOLONGAN.map((g) => g.code as string);
    for (const eselon of ESELON_CODES) {
      const [, lowest, highest] = ranges[eselon] as [string, string, string, string];
      const fitting = codes.filter((code) => golonganFitsEselon(code, eselon));
      expect(fitting).toEqual(codes.slice(codes.indexOf(lowest), codes.indexOf(highest) + 1));
    }
  });

  test('when the golongan or the eselon is unknown, then it does not fit', () => {
    expect(golonganFitsEselon('IV/f', 'II.a')).toBe(false);
    expect(golonganFitsEselon('IV/c', 'I.a')).toBe(false);
    expect(golonganFitsEselon('IV/c', 'V.a')).toBe(false);
  });
});

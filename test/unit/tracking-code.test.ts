import { newTrackingCode, normalizeTrackingCode, TRACKING_CODE_ALPHABET, TRACKING_CODE_LENGTH } from '../../server/feedback/tracking-code';

describe('tracking codes', () => {
  test('when the alphabet is read, then it has no character a citizen could misread (0/O, 1/I/L) and none twice', () => {
    expect(TRACKING_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(TRACKING_CODE_ALPHABET).size).toBe(TRACKING_CODE_ALPHABET.length);
    for (const ambiguous of ['0', 'O', '1', 'I', 'L']) expect(TRACKING_CODE_ALPHABET).not.toContain(ambiguous);
    expect(TRACKING_CODE_ALPHABET).toMatch(/^[2-9A-Z]+$/);
  });

  test('when codes are drawn, then each is 12 characters of the alphabet and they do not repeat', () => {
    const codes = Array.from({ length: 2000 }, () => newTrackingCode());
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${TRACKING_CODE_ALPHABET}]{${TRACKING_CODE_LENGTH}}$`));
    expect(new Set(codes).size).toBe(codes.length);
  });

  test('when the random source gives its extremes, then the first and last characters of the alphabet come out', () => {
    const draws: number[] = [];
    expect(newTrackingCode((max) => (draws.push(max), 0))).toBe('2'.repeat(TRACKING_CODE_LENGTH));
    expect(draws.every((max) => max === TRACKING_CODE_ALPHABET.length)).toBe(true);
    expect(newTrackingCode((max) => max - 1)).toBe('Z'.repeat(TRACKING_CODE_LENGTH));
  });

  test('when a citizen types a code in lower case or in groups, then it is read as stored; anything else is not a code', () => {
    expect(normalizeTrackingCode('abcd-efgh-jkmn')).toBe('ABCDEFGHJKMN');
    expect(normalizeTrackingCode(' 2345 6789 ABCD ')).toBe('23456789ABCD');
    expect(normalizeTrackingCode('ABCDEFGHJKM')).toBeNull();
    expect(normalizeTrackingCode('ABCDEFGHJKMNP')).toBeNull();
    expect(normalizeTrackingCode('ABCDEFGHJKM0')).toBeNull();
    expect(normalizeTrackingCode('../../etc/pas')).toBeNull();
  });
});

import { validateEmployee, type EmployeeInput } from '../../forms';

const today = '2026-11-22';

const valid: EmployeeInput = {
  nip: '197805122003121002',
  name: 'Bambang Santoso, S.Sos., M.Si.',
  gender: 'M',
  birthDate: '1978-05-12',
  golongan: 'IV/a',
  tmtGolongan: '2022-04-01',
  positionEselon: 'III.a',
};

describe('validateEmployee', () => {
  test('when every field is consistent, then there are no errors', () => {
    expect(validateEmployee(valid, { today })).toEqual({});
    expect(validateEmployee({ ...valid, positionEselon: null, golongan: 'II/c' }, { today })).toEqual({});
  });

  test('when the NIP is malformed, then the nip field says why, in Bahasa Indonesia and English', () => {
    const errors = validateEmployee({ ...valid, nip: '19780512200312100' }, { today });
    expect(errors).toEqual({ nip: [{ id: 'NIP harus terdiri dari 18 digit.', en: 'A NIP has 18 digits.' }] });
  });

  test('when the NIP holds another birth date, then the nip field names both dates', () => {
    const errors = validateEmployee({ ...valid, birthDate: '1978-05-21' }, { today });
    expect(Object.keys(errors)).toEqual(['nip']);
    expect(errors.nip?.[0]?.id).toBe('Tanggal lahir pada NIP (1978-05-12) berbeda dengan tanggal lahir pegawai (1978-05-21).');
    expect(errors.nip?.[0]?.en).toBe('The birth date in the NIP (1978-05-12) differs from the employee\'s birth date (1978-05-21).');
  });

  test('when the NIP says male but the employee is female, then the nip field reports the gender mismatch', () => {
    const errors = validateEmployee({ ...valid, gender: 'F' }, { today });
    expect(errors.nip).toEqual([{
      id: 'Kode jenis kelamin pada NIP tidak sesuai dengan jenis kelamin pegawai.',
      en: 'The gender digit of the NIP does not match the employee\'s gender.',
    }]);
  });

  test('when the golongan is not a code, then the golongan field says which codes exist', () => {
    const errors = validateEmployee({ ...valid, golongan: 'IV/f', positionEselon: null }, { today });
    expect(errors).toEqual({ golongan: [{ id: 'Golongan/ruang tidak dikenal; gunakan I/a sampai IV/e.', en: 'Unknown golongan/ruang; use I/a to IV/e.' }] });
  });

  test('when the pangkat is below what the eselon needs, then the golongan field names the range', () => {
    const errors = validateEmployee({ ...valid, golongan: 'III/c' }, { today });
    expect(errors).toEqual({
      golongan: [{
        id: 'Pangkat III/c (Penata) belum memenuhi syarat eselon III.a, yang memerlukan IV/a–IV/b.',
        en: 'Rank III/c (Penata) is too low for eselon III.a, which needs IV/a–IV/b.',
      }],
    });
  });

  test('when the pangkat is above the eselon range, then the golongan field says so', () => {
    const errors = validateEmployee({ ...valid, golongan: 'IV/c', positionEselon: 'IV.a' }, { today });
    expect(errors.golongan?.[0]?.en).toBe('Rank IV/c (Pembina Utama Muda) is above the range of eselon IV.a (III/c–III/d).');
  });

  test('when the eselon is unknown, then the position eselon field is flagged', () => {
    expect(validateEmployee({ ...valid, positionEselon: 'V.a' }, { today }).positionEselon).toHaveLength(1);
  });

  test('when the TMT golongan is before the TMT CPNS, then the tmtGolongan field says so', () => {
    const errors = validateEmployee({ ...valid, tmtGolongan: '2003-10-01' }, { today });
    expect(errors).toEqual({
      tmtGolongan: [{ id: 'TMT golongan tidak boleh sebelum TMT CPNS (2003-12).', en: 'The TMT golongan may not be before the TMT CPNS (2003-12).' }],
    });
  });

  test('when several fields are wrong, then each field gets its own messages', () => {
    const errors = validateEmployee({ nip: 'abc', name: '  ', gender: 'X', birthDate: '1980-02-30', golongan: 'III/z', tmtGolongan: 'soon' }, { today });
    expect(Object.keys(errors).sort()).toEqual(['birthDate', 'gender', 'golongan', 'name', 'nip', 'tmtGolongan']);
    for (const messages of Object.values(errors)) {
      for (const message of messages ?? []) {
        expect(message.id).not.toMatch(/\{\w+\}/);
        expect(message.en).not.toMatch(/\{\w+\}/);
      }
    }
  });
});

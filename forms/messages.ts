/** A message in both languages the UI speaks, Bahasa Indonesia first. */
export interface LocalizedText {
  id: string;
  en: string;
}

/**
 * Every validation message of the registry forms. `{name}` placeholders are filled by formMessage.
 */
export const formMessages = {
  REQUIRED: { id: 'Wajib diisi.', en: 'Required.' },
  TOO_LONG: { id: 'Terlalu panjang (paling banyak {max} karakter).', en: 'Too long (at most {max} characters).' },
  NIP_REQUIRED: { id: 'NIP wajib diisi.', en: 'The NIP is required.' },
  NIP_LENGTH: { id: 'NIP harus terdiri dari 18 digit.', en: 'A NIP has 18 digits.' },
  NIP_NOT_DIGITS: { id: 'NIP hanya boleh berisi angka, tanpa spasi atau tanda baca.', en: 'A NIP contains digits only, without spaces or punctuation.' },
  NIP_BIRTH_DATE: {
    id: 'Digit 1–8 NIP (tanggal lahir, TTTTBBHH) bukan tanggal yang sah.',
    en: 'Digits 1–8 of the NIP (birth date, YYYYMMDD) are not a real date.',
  },
  NIP_TMT_CPNS: {
    id: 'Digit 9–14 NIP (TMT CPNS, TTTTBB) bukan bulan yang sah.',
    en: 'Digits 9–14 of the NIP (TMT CPNS, YYYYMM) are not a real month.',
  },
  NIP_GENDER: {
    id: 'Digit ke-15 NIP (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan).',
    en: 'Digit 15 of the NIP (gender) must be 1 (male) or 2 (female).',
  },
  NIP_TMT_BEFORE_AGE_18: {
    id: 'TMT CPNS pada NIP kurang dari 18 tahun setelah tanggal lahir.',
    en: 'The TMT CPNS in the NIP is less than 18 years after the birth date.',
  },
  NIP_TMT_IN_FUTURE: { id: 'TMT CPNS pada NIP belum terjadi (di masa depan).', en: 'The TMT CPNS in the NIP lies in the future.' },
  NIP_BIRTH_DATE_MISMATCH: {
    id: 'Tanggal lahir pada NIP ({nipDate}) berbeda dengan tanggal lahir pegawai ({birthDate}).',
    en: 'The birth date in the NIP ({nipDate}) differs from the employee\'s birth date ({birthDate}).',
  },
  NIP_GENDER_MISMATCH: {
    id: 'Kode jenis kelamin pada NIP tidak sesuai dengan jenis kelamin pegawai.',
    en: 'The gender digit of the NIP does not match the employee\'s gender.',
  },
  GENDER_INVALID: { id: 'Jenis kelamin harus M (laki-laki) atau F (perempuan).', en: 'Gender must be M (male) or F (female).' },
  DATE_INVALID: { id: 'Bukan tanggal yang sah (format TTTT-BB-HH).', en: 'Not a real date (format YYYY-MM-DD).' },
  DATE_IN_FUTURE: { id: 'Tanggal tidak boleh di masa depan.', en: 'The date may not lie in the future.' },
  GOLONGAN_INVALID: {
    id: 'Golongan/ruang tidak dikenal; gunakan I/a sampai IV/e.',
    en: 'Unknown golongan/ruang; use I/a to IV/e.',
  },
  TMT_GOLONGAN_BEFORE_CPNS: {
    id: 'TMT golongan tidak boleh sebelum TMT CPNS ({tmtCpns}).',
    en: 'The TMT golongan may not be before the TMT CPNS ({tmtCpns}).',
  },
  ESELON_INVALID: { id: 'Eselon tidak dikenal; gunakan II.a sampai IV.b.', en: 'Unknown eselon; use II.a to IV.b.' },
  GOLONGAN_BELOW_ESELON: {
    id: 'Pangkat {golongan} ({pangkat}) belum memenuhi syarat eselon {eselon}, yang memerlukan {min}–{max}.',
    en: 'Rank {golongan} ({pangkat}) is too low for eselon {eselon}, which needs {min}–{max}.',
  },
  GOLONGAN_ABOVE_ESELON: {
    id: 'Pangkat {golongan} ({pangkat}) melebihi rentang eselon {eselon} ({min}–{max}).',
    en: 'Rank {golongan} ({pangkat}) is above the range of eselon {eselon} ({min}–{max}).',
  },
  DATE_RANGE_END_BEFORE_START: {
    id: 'Tanggal selesai tidak boleh sebelum tanggal mulai ({start}).',
    en: 'The end date may not be before the start date ({start}).',
  },
  DATE_RANGE_TOO_LONG: {
    id: 'Jangka waktu paling lama {maxMonths} bulan sejak {start}: tanggal selesai paling lambat {latest}.',
    en: 'The period lasts at most {maxMonths} months from {start}: the end date must be {latest} or earlier.',
  },
} as const satisfies Record<string, LocalizedText>;

export type FormMessageKey = keyof typeof formMessages;

/** Messages of the training routes (/api/training), Bahasa Indonesia first; spread into server/messages.ts. */
export const trainingMessages = {
  INVALID_YEAR: { id: 'year harus tahun empat angka antara 2000 dan 2100.', en: 'year must be a four-digit year between 2000 and 2100.' },
  INVALID_THRESHOLD: { id: 'threshold harus bilangan bulat 1 sampai 1000 (JP).', en: 'threshold must be a whole number of JP from 1 to 1000.' },
  INVALID_OFFSET: { id: 'offset harus bilangan bulat 0 atau lebih.', en: 'offset must be a whole number, 0 or more.' },
  UNIT_OUT_OF_SCOPE: { id: 'Unit kerja ini di luar kewenangan Anda.', en: 'This unit is outside your remit.' },
} as const;

import type { DefaultForm } from './default-form';

/** Training kinds a nomination may name (DOMAIN.md, process 3). */
export const NOMINATION_KINDS = ['LATSAR', 'PKP', 'PKA', 'PKN_II', 'TEKNIS', 'FUNGSIONAL', 'SEMINAR', 'TUGAS_BELAJAR', 'IZIN_BELAJAR'] as const;

/**
 * The forms of process 3, "Nominasi pelatihan". The proposal links the training to a competency
 * or performance gap; its cost is checked against the unit's training budget line, and its JP
 * count towards the employee's 20 JP a year once the completion report is in.
 */
export const trainingNominationForm: DefaultForm = {
  key: 'nominasi-pelatihan-usulan',
  version: 1,
  title: { id: 'Usulan nominasi pelatihan', en: 'Training nomination' },
  schema: {
    type: 'object',
    title: 'Usulan nominasi pelatihan',
    required: ['employeeNip', 'trainingKind', 'trainingTitle', 'provider', 'startDate', 'endDate', 'jpHours', 'cost', 'gapKind', 'gapDescription'],
    additionalProperties: false,
    properties: {
      employeeNip: { type: 'string', format: 'nip', title: 'NIP pegawai yang diusulkan' },
      trainingKind: {
        type: 'string',
        enum: [...NOMINATION_KINDS],
        enumNames: [
          'Pelatihan Dasar CPNS (Latsar)', 'Pelatihan Kepemimpinan Pengawas (PKP)', 'Pelatihan Kepemimpinan Administrator (PKA)',
          'Pelatihan Kepemimpinan Nasional Tingkat II (PKN II)', 'Pelatihan teknis', 'Pelatihan fungsional', 'Seminar / lokakarya',
          'Tugas belajar (biaya negara)', 'Izin belajar (biaya sendiri)',
        ],
        title: 'Jenis pengembangan kompetensi',
      },
      trainingTitle: { type: 'string', minLength: 5, maxLength: 300, title: 'Nama pelatihan' },
      provider: { type: 'string', minLength: 3, maxLength: 200, title: 'Penyelenggara' },
      startDate: { type: 'string', format: 'date', title: 'Tanggal mulai' },
      endDate: { type: 'string', format: 'date', title: 'Tanggal selesai' },
      jpHours: { type: 'integer', minimum: 1, maximum: 2000, title: 'Jumlah jam pelajaran (JP)' },
      cost: { type: 'integer', minimum: 0, maximum: 10_000_000_000, title: 'Biaya dari anggaran unit (Rp)' },
      gapKind: {
        type: 'string',
        enum: ['KOMPETENSI', 'KINERJA'],
        enumNames: ['Kesenjangan kompetensi', 'Kesenjangan kinerja'],
        title: 'Dasar usulan',
      },
      gapDescription: { type: 'string', minLength: 20, maxLength: 4000, title: 'Uraian kesenjangan yang hendak ditutup' },
      attachment: { type: 'string', format: 'attachment', title: 'Brosur / undangan pelatihan (opsional)' },
    },
    dateRange: { start: 'startDate', end: 'endDate' },
  },
  uiSchema: {
    'ui:order': ['employeeNip', 'trainingKind', 'trainingTitle', 'provider', 'startDate', 'endDate', 'jpHours', 'cost', 'gapKind', 'gapDescription', 'attachment'],
    employeeNip: { 'ui:options': { picker: 'employee' } },
    gapDescription: { 'ui:widget': 'textarea' },
    attachment: { 'ui:field': 'attachment' },
  },
  translations: {
    en: {
      '': { title: 'Training nomination' },
      employeeNip: { title: 'NIP of the nominated employee' },
      trainingKind: {
        title: 'Kind of competency development',
        enumNames: [
          'Basic training for new civil servants (Latsar)', 'Supervisor leadership training (PKP)', 'Administrator leadership training (PKA)',
          'National leadership training level II (PKN II)', 'Technical training', 'Functional training', 'Seminar / workshop',
          'State-funded study (tugas belajar)', 'Self-funded study permit (izin belajar)',
        ],
      },
      trainingTitle: { title: 'Training title' },
      provider: { title: 'Provider' },
      startDate: { title: 'Start date' },
      endDate: { title: 'End date' },
      jpHours: { title: 'Learning hours (JP)' },
      cost: { title: 'Cost charged to the unit\'s budget (IDR)' },
      gapKind: { title: 'Grounds', enumNames: ['Competency gap', 'Performance gap'] },
      gapDescription: { title: 'The gap the training closes' },
      attachment: { title: 'Brochure / invitation (optional)' },
    },
  },
};

/** BKPSDM's verification: what the verifier concluded from the automatic checks. */
export const trainingVerificationForm: DefaultForm = {
  key: 'nominasi-pelatihan-verifikasi',
  version: 1,
  title: { id: 'Verifikasi BKPSDM atas nominasi pelatihan', en: 'BKPSDM verification of a training nomination' },
  schema: {
    type: 'object',
    title: 'Verifikasi BKPSDM',
    required: ['verificationNote'],
    additionalProperties: false,
    properties: {
      verificationNote: { type: 'string', minLength: 5, maxLength: 4000, title: 'Catatan verifikasi' },
    },
  },
  uiSchema: { verificationNote: { 'ui:widget': 'textarea' } },
  translations: { en: { '': { title: 'BKPSDM verification' }, verificationNote: { title: 'Verification note' } } },
};

/** The assignment letter (surat tugas) that sends the employee to the training. */
export const trainingAssignmentLetterForm: DefaultForm = {
  key: 'nominasi-pelatihan-surat-tugas',
  version: 1,
  title: { id: 'Surat tugas pelatihan', en: 'Training assignment letter' },
  schema: {
    type: 'object',
    title: 'Surat tugas',
    required: ['letterNumber', 'letterDate'],
    additionalProperties: false,
    properties: {
      letterNumber: { type: 'string', minLength: 3, maxLength: 100, title: 'Nomor surat tugas' },
      letterDate: { type: 'string', format: 'date', title: 'Tanggal surat tugas' },
      letter: { type: 'string', format: 'attachment', title: 'Pindaian surat tugas (opsional)' },
    },
  },
  uiSchema: { letter: { 'ui:field': 'attachment' } },
  translations: {
    en: {
      '': { title: 'Assignment letter' },
      letterNumber: { title: 'Letter number' },
      letterDate: { title: 'Letter date' },
      letter: { title: 'Scan of the letter (optional)' },
    },
  },
};

/** The completion report: the certificate is required; the JP earned are counted from it. */
export const trainingCompletionForm: DefaultForm = {
  key: 'nominasi-pelatihan-laporan',
  version: 1,
  title: { id: 'Laporan penyelesaian pelatihan', en: 'Training completion report' },
  schema: {
    type: 'object',
    title: 'Laporan penyelesaian',
    required: ['completedOn', 'jpEarned', 'actualCost', 'certificate'],
    additionalProperties: false,
    properties: {
      completedOn: { type: 'string', format: 'date', title: 'Tanggal selesai' },
      jpEarned: { type: 'integer', minimum: 1, maximum: 2000, title: 'JP yang diperoleh (sesuai sertifikat)' },
      actualCost: { type: 'integer', minimum: 0, maximum: 10_000_000_000, title: 'Biaya yang terpakai (Rp)' },
      certificateNumber: { type: 'string', maxLength: 100, title: 'Nomor sertifikat (opsional)' },
      certificate: { type: 'string', format: 'attachment', title: 'Sertifikat / STTPP' },
    },
  },
  uiSchema: { certificate: { 'ui:field': 'attachment' } },
  translations: {
    en: {
      '': { title: 'Completion report' },
      completedOn: { title: 'Completed on' },
      jpEarned: { title: 'JP earned (as on the certificate)' },
      actualCost: { title: 'Cost actually spent (IDR)' },
      certificateNumber: { title: 'Certificate number (optional)' },
      certificate: { title: 'Certificate (STTPP)' },
    },
  },
};

export const trainingForms: readonly DefaultForm[] = [
  trainingNominationForm, trainingVerificationForm, trainingAssignmentLetterForm, trainingCompletionForm,
];

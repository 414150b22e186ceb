import type { DefaultForm } from './default-form';

/**
 * The forms of process 1, "Rotasi / mutasi / promosi jabatan". Every form refuses fields it does
 * not declare: step data is merged into the case data, and a step must not overwrite what an
 * earlier step or a check put there (the checks, the election-freeze flag, the proposal).
 */

/** Step 1: the kepala OPD (or BKPSDM) proposes an employee for a target position. */
export const rotationProposalForm: DefaultForm = {
  key: 'rotasi-usulan',
  version: 1,
  title: { id: 'Usulan rotasi / mutasi / promosi jabatan', en: 'Job rotation / transfer / promotion proposal' },
  schema: {
    type: 'object',
    title: 'Usulan rotasi / mutasi / promosi jabatan',
    required: ['employeeNip', 'currentUnitId', 'targetPositionId', 'reason', 'justification'],
    additionalProperties: false,
    properties: {
      employeeNip: { type: 'string', format: 'nip', title: 'NIP pegawai yang diusulkan' },
      currentUnitId: { type: 'integer', minimum: 1, title: 'Unit kerja pegawai saat ini' },
      targetPositionId: { type: 'integer', minimum: 1, title: 'Jabatan tujuan' },
      reason: { type: 'string', enum: ['rotasi', 'promosi', 'demosi'], enumNames: ['Rotasi', 'Promosi', 'Demosi'], title: 'Alasan' },
      justification: { type: 'string', minLength: 20, maxLength: 4000, title: 'Pertimbangan (justifikasi)' },
      attachment: { type: 'string', format: 'attachment', title: 'Lampiran pendukung (opsional)' },
    },
  },
  uiSchema: {
    'ui:order': ['targetPositionId', 'employeeNip', 'currentUnitId', 'reason', 'justification', 'attachment'],
    targetPositionId: { 'ui:options': { picker: 'position' } },
    // The proposal form lists suggested candidates for the chosen position (the right person in the right place).
    employeeNip: { 'ui:options': { picker: 'employee', suggestionsUrl: '/api/rotation/candidates?positionId={targetPositionId}' } },
    currentUnitId: { 'ui:options': { picker: 'unit', defaultFrom: 'employee.unit.id' } },
    justification: { 'ui:widget': 'textarea' },
    attachment: { 'ui:field': 'attachment' },
  },
  translations: {
    en: {
      '': { title: 'Job rotation / transfer / promotion proposal' },
      employeeNip: { title: 'NIP of the proposed employee' },
      currentUnitId: { title: 'Employee\'s current unit' },
      targetPositionId: { title: 'Target position' },
      reason: { title: 'Reason', enumNames: ['Rotation', 'Promotion', 'Demotion'] },
      justification: { title: 'Justification' },
      attachment: { title: 'Supporting attachment (optional)' },
    },
  },
};

/**
 * Step 2: BKPSDM verifies. The automatic checks sit in the case data (`checks`); the verifier
 * confirms them and, when a blocking check failed, must give an exception reason or reject.
 * `blockingChecksFailed` is filled from `checks.blocking` by the UI; the process definition
 * sends the case back here if it was submitted false while a blocking check failed.
 */
export const rotationVerificationForm: DefaultForm = {
  key: 'rotasi-verifikasi',
  version: 1,
  title: { id: 'Verifikasi BKPSDM atas usulan rotasi', en: 'BKPSDM verification of a rotation proposal' },
  schema: {
    type: 'object',
    title: 'Verifikasi BKPSDM',
    required: ['checksReviewed', 'blockingChecksFailed'],
    additionalProperties: false,
    properties: {
      checksReviewed: { type: 'boolean', const: true, title: 'Hasil pemeriksaan otomatis sudah saya periksa' },
      blockingChecksFailed: { type: 'boolean', title: 'Ada syarat wajib yang tidak terpenuhi' },
      exceptionReason: { type: 'string', minLength: 20, maxLength: 4000, title: 'Alasan pengecualian' },
      verificationNote: { type: 'string', maxLength: 4000, title: 'Catatan verifikasi' },
    },
    allOf: [
      {
        if: { properties: { blockingChecksFailed: { const: true } }, required: ['blockingChecksFailed'] },
        then: { properties: { exceptionReason: { type: 'string', minLength: 20 } }, required: ['exceptionReason'] },
      },
    ],
  },
  uiSchema: {
    checksReviewed: { 'ui:help': 'Lihat hasil pemeriksaan pada data kasus (checks).' },
    blockingChecksFailed: { 'ui:readonly': true, 'ui:options': { defaultFrom: 'data.checks.blocking' } },
    exceptionReason: { 'ui:widget': 'textarea' },
    verificationNote: { 'ui:widget': 'textarea' },
  },
  translations: {
    en: {
      '': { title: 'BKPSDM verification' },
      checksReviewed: { title: 'I have reviewed the automatic checks' },
      blockingChecksFailed: { title: 'A mandatory requirement is not met' },
      exceptionReason: { title: 'Reason for the exception' },
      verificationNote: { title: 'Verification note' },
    },
  },
};

/** Step 3: each TPK member's vote comes with their consideration; the berita acara is recorded here. */
export const rotationTpkForm: DefaultForm = {
  key: 'rotasi-sidang-tpk',
  version: 1,
  title: { id: 'Sidang Tim Penilai Kinerja (TPK)', en: 'Performance Review Team (TPK) deliberation' },
  schema: {
    type: 'object',
    title: 'Sidang TPK',
    required: ['tpkConsideration'],
    additionalProperties: false,
    properties: {
      tpkConsideration: { type: 'string', minLength: 5, maxLength: 4000, title: 'Pertimbangan anggota TPK' },
      beritaAcaraNumber: { type: 'string', minLength: 3, maxLength: 100, title: 'Nomor berita acara sidang TPK' },
      beritaAcaraDate: { type: 'string', format: 'date', title: 'Tanggal berita acara' },
      beritaAcaraAttachment: { type: 'string', format: 'attachment', title: 'Berkas berita acara' },
    },
  },
  uiSchema: { tpkConsideration: { 'ui:widget': 'textarea' }, beritaAcaraAttachment: { 'ui:field': 'attachment' } },
  translations: {
    en: {
      '': { title: 'TPK deliberation' },
      tpkConsideration: { title: 'Member\'s consideration' },
      beritaAcaraNumber: { title: 'Number of the TPK minutes (berita acara)' },
      beritaAcaraDate: { title: 'Date of the minutes' },
      beritaAcaraAttachment: { title: 'Minutes (file)' },
    },
  },
};

/** Inside the election freeze: Mendagri's written approval, recorded before the Walikota may sign. */
export const rotationMendagriApprovalForm: DefaultForm = {
  key: 'rotasi-persetujuan-mendagri',
  version: 1,
  title: { id: 'Persetujuan tertulis Menteri Dalam Negeri', en: 'Written approval of the Minister of Home Affairs' },
  schema: {
    type: 'object',
    title: 'Persetujuan tertulis Mendagri',
    required: ['mendagriLetterNumber', 'mendagriLetterDate', 'mendagriLetterAttachment'],
    additionalProperties: false,
    properties: {
      mendagriLetterNumber: { type: 'string', minLength: 3, maxLength: 100, title: 'Nomor surat persetujuan Mendagri' },
      mendagriLetterDate: { type: 'string', format: 'date', title: 'Tanggal surat' },
      mendagriLetterAttachment: { type: 'string', format: 'attachment', title: 'Pindaian surat persetujuan' },
    },
  },
  uiSchema: { mendagriLetterAttachment: { 'ui:field': 'attachment' } },
  translations: {
    en: {
      '': { title: 'Mendagri\'s written approval' },
      mendagriLetterNumber: { title: 'Number of the Minister\'s approval letter' },
      mendagriLetterDate: { title: 'Date of the letter' },
      mendagriLetterAttachment: { title: 'Scan of the approval letter' },
    },
  },
};

/** Bagian Hukum registers the decree (SK): number, date, TMT. The TMT is not before the SK date. */
export const rotationDecreeForm: DefaultForm = {
  key: 'rotasi-sk',
  version: 1,
  title: { id: 'Registrasi Surat Keputusan (SK) jabatan', en: 'Registration of the appointment decree (SK)' },
  schema: {
    type: 'object',
    title: 'Registrasi SK',
    required: ['skNumber', 'skDate', 'skTmt'],
    additionalProperties: false,
    properties: {
      skNumber: { type: 'string', minLength: 3, maxLength: 100, title: 'Nomor SK' },
      skDate: { type: 'string', format: 'date', title: 'Tanggal SK' },
      skTmt: { type: 'string', format: 'date', title: 'TMT jabatan (terhitung mulai tanggal)' },
      skAttachment: { type: 'string', format: 'attachment', title: 'Berkas SK' },
    },
    dateRange: { start: 'skDate', end: 'skTmt' },
  },
  uiSchema: { skAttachment: { 'ui:field': 'attachment' } },
  translations: {
    en: {
      '': { title: 'SK registration' },
      skNumber: { title: 'Decree (SK) number' },
      skDate: { title: 'Decree date' },
      skTmt: { title: 'Effective date (TMT) of the position' },
      skAttachment: { title: 'Decree (file)' },
    },
  },
};

/** The inauguration (pelantikan) and oath; its date becomes the employee's last inauguration date. */
export const rotationInaugurationForm: DefaultForm = {
  key: 'rotasi-pelantikan',
  version: 1,
  title: { id: 'Pelantikan dan pengambilan sumpah jabatan', en: 'Inauguration and oath of office' },
  schema: {
    type: 'object',
    title: 'Pelantikan',
    required: ['inaugurationDate'],
    additionalProperties: false,
    properties: {
      inaugurationDate: { type: 'string', format: 'date', title: 'Tanggal pelantikan' },
      inaugurationPlace: { type: 'string', maxLength: 200, title: 'Tempat pelantikan' },
      inaugurationAttachment: { type: 'string', format: 'attachment', title: 'Berita acara pelantikan' },
    },
  },
  uiSchema: { inaugurationAttachment: { 'ui:field': 'attachment' } },
  translations: {
    en: {
      '': { title: 'Inauguration' },
      inaugurationDate: { title: 'Date of the inauguration' },
      inaugurationPlace: { title: 'Place' },
      inaugurationAttachment: { title: 'Inauguration minutes (file)' },
    },
  },
};

/** Inside the election freeze: the report to Mendagri, due 7 working days after the inauguration. */
export const rotationMendagriReportForm: DefaultForm = {
  key: 'rotasi-laporan-mendagri',
  version: 1,
  title: { id: 'Laporan pelantikan kepada Menteri Dalam Negeri', en: 'Report of the inauguration to the Minister of Home Affairs' },
  schema: {
    type: 'object',
    title: 'Laporan kepada Mendagri',
    required: ['reportLetterNumber', 'reportDate'],
    additionalProperties: false,
    properties: {
      reportLetterNumber: { type: 'string', minLength: 3, maxLength: 100, title: 'Nomor surat laporan' },
      reportDate: { type: 'string', format: 'date', title: 'Tanggal laporan' },
      reportAttachment: { type: 'string', format: 'attachment', title: 'Berkas laporan' },
    },
  },
  uiSchema: { reportAttachment: { 'ui:field': 'attachment' } },
  translations: {
    en: {
      '': { title: 'Report to Mendagri' },
      reportLetterNumber: { title: 'Number of the report letter' },
      reportDate: { title: 'Date of the report' },
      reportAttachment: { title: 'Report (file)' },
    },
  },
};

export const rotationForms: readonly DefaultForm[] = [
  rotationProposalForm, rotationVerificationForm, rotationTpkForm, rotationMendagriApprovalForm,
  rotationDecreeForm, rotationInaugurationForm, rotationMendagriReportForm,
];

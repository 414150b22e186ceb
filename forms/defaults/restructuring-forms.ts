import type { DefaultForm } from './default-form';

/**
 * The forms of process 2, "Penataan struktur" (restructuring proposal). The proposal says what
 * changes in the registry (unit operations, new, moved, abolished and converted positions, and
 * where each affected employee goes) and why (anjab, ABK, budget, naskah akademik). Whether the
 * changes fit the registry (units of the proposer's own OPD, nothing orphaned, conversions of the
 * right jenis jabatan) is checked by the `checkRestructuring` effect, not here: a form cannot see
 * the registry. Every form refuses fields it does not declare, so a later step cannot overwrite
 * the proposal or the check.
 */

/** Kinds of unit (db OrgUnit types; forms do not import db, a unit test keeps the two equal). */
export const RESTRUCTURING_UNIT_TYPES = [
  'PEMERINTAH_DAERAH', 'SEKRETARIAT', 'DINAS', 'BADAN', 'INSPEKTORAT', 'SATUAN', 'KECAMATAN', 'KELURAHAN',
  'ASISTEN', 'BAGIAN', 'BIDANG', 'SUBBIDANG', 'SEKSI', 'SUBBAGIAN',
] as const;
const UNIT_TYPE_NAMES = [
  'Pemerintah daerah', 'Sekretariat', 'Dinas', 'Badan', 'Inspektorat', 'Satuan', 'Kecamatan', 'Kelurahan',
  'Asisten', 'Bagian', 'Bidang', 'Subbidang', 'Seksi', 'Subbagian',
];

/** Jenis jabatan (db Position types), the same way. */
export const RESTRUCTURING_JENIS_JABATAN = ['JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS', 'FUNGSIONAL', 'PELAKSANA'] as const;
const JENIS_NAMES = ['JPT Madya', 'JPT Pratama', 'Administrator', 'Pengawas', 'Fungsional', 'Pelaksana'];

export const RESTRUCTURING_FUNCTIONAL_LEVELS = [
  'AHLI_PERTAMA', 'AHLI_MUDA', 'AHLI_MADYA', 'AHLI_UTAMA', 'PEMULA', 'TERAMPIL', 'MAHIR', 'PENYELIA',
] as const;
const LEVEL_NAMES = ['Ahli Pertama', 'Ahli Muda', 'Ahli Madya', 'Ahli Utama', 'Pemula', 'Terampil', 'Mahir', 'Penyelia'];

/** A reference to a unit created by this proposal ("ref" of a create operation). */
const REF = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{0,39}$' };
const ID = { type: 'integer', minimum: 1 };
const onlyWhen = (property: string, values: readonly string[]) => ({ properties: { [property]: { enum: [...values] } }, required: [property] });
/** `required`, with the properties it names repeated beside it (ajv's strictRequired wants them there). */
const requiring = (properties: Record<string, object>, names: string[]) => ({
  properties: Object.fromEntries(names.map((name) => [name, properties[name]])),
  required: names,
});
/** None of these properties is given. */
const absent = (properties: Record<string, object>, names: string[]) => ({ not: { anyOf: names.map((name) => requiring(properties, [name])) } });

const unitChangeFields = {
    op: {
      type: 'string',
      enum: ['create', 'rename', 'merge', 'remove'],
      enumNames: ['Bentuk unit baru', 'Ubah nama / nomenklatur', 'Gabungkan ke unit lain', 'Hapus unit'],
      title: 'Perubahan',
    },
    unitId: { ...ID, title: 'Unit yang diubah' },
    ref: { ...REF, title: 'Kode sementara unit baru (mis. seksi-kesling)' },
    parentUnitId: { ...ID, title: 'Unit induk (unit yang ada)' },
    parentRef: { ...REF, title: 'Unit induk (unit baru pada usulan ini)' },
    type: { type: 'string', enum: [...RESTRUCTURING_UNIT_TYPES], enumNames: UNIT_TYPE_NAMES, title: 'Jenis unit' },
    name: { type: 'string', minLength: 3, maxLength: 200, title: 'Nama (nomenklatur)' },
    duties: { type: 'string', minLength: 10, maxLength: 4000, title: 'Tugas dan fungsi' },
    code: { type: 'string', pattern: '^[A-Z0-9][A-Z0-9.]{0,39}$', title: 'Kode unit di registri (opsional)' },
    intoUnitId: { ...ID, title: 'Digabungkan ke (unit yang ada)' },
    intoRef: { ...REF, title: 'Digabungkan ke (unit baru pada usulan ini)' },
};
const unitChange = {
  type: 'object',
  additionalProperties: false,
  required: ['op'],
  properties: unitChangeFields,
  allOf: [
    { if: onlyWhen('op', ['create']), then: requiring(unitChangeFields, ['ref', 'type', 'name', 'duties']) },
    { if: { ...onlyWhen('op', ['create']), ...absent(unitChangeFields, ['parentRef']) }, then: requiring(unitChangeFields, ['parentUnitId']) },
    { if: onlyWhen('op', ['rename', 'merge', 'remove']), then: requiring(unitChangeFields, ['unitId']) },
    { if: onlyWhen('op', ['rename']), then: requiring(unitChangeFields, ['name']) },
    { if: { ...onlyWhen('op', ['merge']), ...absent(unitChangeFields, ['intoRef']) }, then: requiring(unitChangeFields, ['intoUnitId']) },
  ],
};

const newPositionFields = {
    ref: { ...REF, title: 'Kode sementara jabatan baru' },
    unitId: { ...ID, title: 'Unit (unit yang ada)' },
    unitRef: { ...REF, title: 'Unit (unit baru pada usulan ini)' },
    name: { type: 'string', minLength: 3, maxLength: 200, title: 'Nama jabatan' },
    jenisJabatan: { type: 'string', enum: [...RESTRUCTURING_JENIS_JABATAN], enumNames: JENIS_NAMES, title: 'Jenis jabatan' },
    eselon: { type: 'string', format: 'eselon', title: 'Eselon' },
    functionalLevel: { type: 'string', enum: [...RESTRUCTURING_FUNCTIONAL_LEVELS], enumNames: LEVEL_NAMES, title: 'Jenjang jabatan fungsional' },
    heads: { type: 'boolean', title: 'Jabatan ini memimpin unit' },
};
const newPosition = {
  type: 'object',
  additionalProperties: false,
  required: ['ref', 'name', 'jenisJabatan'],
  properties: newPositionFields,
  allOf: [
    { if: absent(newPositionFields, ['unitRef']), then: requiring(newPositionFields, ['unitId']) },
    { if: onlyWhen('jenisJabatan', ['JPT_MADYA', 'JPT_PRATAMA', 'ADMINISTRATOR', 'PENGAWAS']), then: requiring(newPositionFields, ['eselon']) },
    { if: onlyWhen('jenisJabatan', ['FUNGSIONAL']), then: requiring(newPositionFields, ['functionalLevel']) },
  ],
};

const positionChangeFields = {
    positionId: { ...ID, title: 'Jabatan' },
    action: { type: 'string', enum: ['move', 'abolish'], enumNames: ['Pindahkan ke unit lain', 'Hapus formasi'], title: 'Tindakan' },
    targetUnitId: { ...ID, title: 'Unit tujuan (unit yang ada)' },
    targetUnitRef: { ...REF, title: 'Unit tujuan (unit baru pada usulan ini)' },
};
const positionChange = {
  type: 'object',
  additionalProperties: false,
  required: ['positionId', 'action'],
  properties: positionChangeFields,
  allOf: [{ if: { ...onlyWhen('action', ['move']), ...absent(positionChangeFields, ['targetUnitRef']) }, then: requiring(positionChangeFields, ['targetUnitId']) }],
};

/**
 * Penyetaraan jabatan (PermenPANRB 17/2021): Administrator → JF Ahli Madya, Pengawas → JF Ahli
 * Muda, Eselon V → JF Ahli Pertama. The check compares the level with the post's jenis jabatan.
 */
const conversion = {
  type: 'object',
  additionalProperties: false,
  required: ['positionId', 'targetLevel', 'functionalName'],
  properties: {
    positionId: { ...ID, title: 'Jabatan struktural yang disetarakan' },
    targetLevel: {
      type: 'string',
      enum: ['AHLI_MADYA', 'AHLI_MUDA', 'AHLI_PERTAMA'],
      enumNames: ['Ahli Madya (dari Administrator)', 'Ahli Muda (dari Pengawas)', 'Ahli Pertama (dari Eselon V)'],
      title: 'Jenjang jabatan fungsional',
    },
    functionalName: { type: 'string', minLength: 3, maxLength: 200, title: 'Nama jabatan fungsional (mis. Analis Kebijakan Ahli Muda)' },
    targetUnitId: { ...ID, title: 'Pindah ke unit (unit yang ada, opsional)' },
    targetUnitRef: { ...REF, title: 'Pindah ke unit (unit baru pada usulan ini, opsional)' },
  },
};

/** Where one affected employee goes: a position (existing or new), or a unit, taking their own position along. */
const employeeMappingFields = {
    employeeNip: { type: 'string', format: 'nip', title: 'NIP pegawai' },
    targetPositionId: { ...ID, title: 'Jabatan tujuan (jabatan yang ada)' },
    targetPositionRef: { ...REF, title: 'Jabatan tujuan (jabatan baru pada usulan ini)' },
    targetUnitId: { ...ID, title: 'Unit tujuan (unit yang ada)' },
    targetUnitRef: { ...REF, title: 'Unit tujuan (unit baru pada usulan ini)' },
};
const employeeMapping = {
  type: 'object',
  additionalProperties: false,
  required: ['employeeNip'],
  properties: employeeMappingFields,
  // Without a target position or unit the mapping says nothing; the message then sits at the position field.
  if: absent(employeeMappingFields, ['targetPositionRef', 'targetUnitId', 'targetUnitRef']),
  then: requiring(employeeMappingFields, ['targetPositionId']),
};

const COUNT = { type: 'integer', minimum: 0, maximum: 100000 };

/** Step 1: the kepala OPD's proposal. */
export const restructuringProposalForm: DefaultForm = {
  key: 'penataan-struktur-usulan',
  version: 1,
  title: { id: 'Usulan penataan struktur organisasi', en: 'Restructuring proposal' },
  schema: {
    type: 'object',
    title: 'Usulan penataan struktur organisasi',
    required: ['opdUnitId', 'background', 'naskahAkademik'],
    additionalProperties: false,
    properties: {
      opdUnitId: { ...ID, title: 'Perangkat daerah (OPD) yang ditata' },
      background: { type: 'string', minLength: 20, maxLength: 8000, title: 'Latar belakang dan tujuan penataan' },
      unitChanges: { type: 'array', maxItems: 200, title: 'Perubahan unit organisasi', items: unitChange },
      newPositions: { type: 'array', maxItems: 500, title: 'Jabatan baru', items: newPosition },
      positionChanges: { type: 'array', maxItems: 500, title: 'Jabatan yang dipindahkan atau dihapus', items: positionChange },
      conversions: { type: 'array', maxItems: 500, title: 'Penyetaraan jabatan struktural ke fungsional', items: conversion },
      employeeMappings: { type: 'array', maxItems: 2000, title: 'Pemetaan pegawai terdampak', items: employeeMapping },
      positionCounts: {
        type: 'array',
        maxItems: 20,
        title: 'Jumlah jabatan per jenis (sekarang dan usulan)',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['jenisJabatan', 'current', 'proposed'],
          properties: {
            jenisJabatan: { type: 'string', enum: [...RESTRUCTURING_JENIS_JABATAN], enumNames: JENIS_NAMES, title: 'Jenis jabatan' },
            current: { ...COUNT, title: 'Jumlah sekarang' },
            proposed: { ...COUNT, title: 'Jumlah usulan' },
          },
        },
      },
      anjab: {
        type: 'array',
        maxItems: 500,
        title: 'Analisis jabatan (anjab)',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['positionName', 'jobSummary'],
          properties: {
            positionName: { type: 'string', minLength: 3, maxLength: 200, title: 'Nama jabatan' },
            unitName: { type: 'string', maxLength: 200, title: 'Unit kerja' },
            jobSummary: { type: 'string', minLength: 10, maxLength: 4000, title: 'Ikhtisar jabatan' },
            qualification: { type: 'string', maxLength: 2000, title: 'Syarat jabatan (pendidikan, pelatihan, pengalaman)' },
          },
        },
      },
      abk: {
        type: 'array',
        maxItems: 500,
        title: 'Analisis beban kerja (ABK)',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['positionName', 'workloadHours', 'effectiveHours', 'staffNeeded', 'staffInPost'],
          properties: {
            positionName: { type: 'string', minLength: 3, maxLength: 200, title: 'Nama jabatan' },
            workloadHours: { type: 'number', minimum: 0, maximum: 10000000, title: 'Beban kerja (jam per tahun)' },
            effectiveHours: { type: 'number', exclusiveMinimum: 0, maximum: 3000, title: 'Jam kerja efektif (jam per tahun per pegawai)' },
            staffNeeded: { ...COUNT, title: 'Kebutuhan pegawai' },
            staffInPost: { ...COUNT, title: 'Pegawai yang ada (bezetting)' },
          },
        },
      },
      budgetImpact: {
        type: 'object',
        additionalProperties: false,
        required: ['annualAmount', 'explanation'],
        title: 'Dampak anggaran',
        properties: {
          annualAmount: { type: 'integer', minimum: -1000000000000, maximum: 1000000000000, title: 'Perubahan belanja per tahun (rupiah; negatif bila berkurang)' },
          budgetYear: { type: 'integer', minimum: 2000, maximum: 2100, title: 'Tahun anggaran pertama' },
          explanation: { type: 'string', minLength: 10, maxLength: 4000, title: 'Penjelasan' },
        },
      },
      naskahAkademik: { type: 'string', format: 'attachment', title: 'Naskah akademik / kajian' },
      attachments: {
        type: 'array',
        maxItems: 20,
        title: 'Lampiran lain (anjab, ABK, peta jabatan)',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['file', 'description'],
          properties: {
            file: { type: 'string', format: 'attachment', title: 'Berkas' },
            description: { type: 'string', minLength: 3, maxLength: 200, title: 'Keterangan' },
          },
        },
      },
    },
  },
  uiSchema: {
    'ui:order': [
      'opdUnitId', 'background', 'unitChanges', 'newPositions', 'positionChanges', 'conversions', 'employeeMappings',
      'positionCounts', 'anjab', 'abk', 'budgetImpact', 'naskahAkademik', 'attachments',
    ],
    opdUnitId: { 'ui:options': { picker: 'unit' } },
    background: { 'ui:widget': 'textarea' },
    unitChanges: {
      items: {
        unitId: { 'ui:options': { picker: 'unit' } },
        parentUnitId: { 'ui:options': { picker: 'unit' } },
        intoUnitId: { 'ui:options': { picker: 'unit' } },
        duties: { 'ui:widget': 'textarea' },
      },
    },
    newPositions: { items: { unitId: { 'ui:options': { picker: 'unit' } } } },
    positionChanges: { items: { positionId: { 'ui:options': { picker: 'position' } }, targetUnitId: { 'ui:options': { picker: 'unit' } } } },
    conversions: { items: { positionId: { 'ui:options': { picker: 'position' } }, targetUnitId: { 'ui:options': { picker: 'unit' } } } },
    employeeMappings: {
      items: {
        employeeNip: { 'ui:options': { picker: 'employee' } },
        targetPositionId: { 'ui:options': { picker: 'position' } },
        targetUnitId: { 'ui:options': { picker: 'unit' } },
      },
    },
    anjab: { items: { jobSummary: { 'ui:widget': 'textarea' } } },
    budgetImpact: { explanation: { 'ui:widget': 'textarea' } },
    naskahAkademik: { 'ui:field': 'attachment' },
    attachments: { items: { file: { 'ui:field': 'attachment' } } },
  },
  translations: {
    en: {
      '': { title: 'Restructuring proposal' },
      opdUnitId: { title: 'Regional government unit (OPD) being restructured' },
      background: { title: 'Background and aims' },
      unitChanges: { title: 'Changes to units' },
      newPositions: { title: 'New positions' },
      positionChanges: { title: 'Positions moved or abolished' },
      conversions: { title: 'Conversions of structural posts to functional ones' },
      employeeMappings: { title: 'Re-mapping of affected employees' },
      positionCounts: { title: 'Positions per type (now and proposed)' },
      anjab: { title: 'Job analysis (anjab)' },
      abk: { title: 'Workload analysis (ABK)' },
      budgetImpact: { title: 'Budget impact' },
      'budgetImpact.annualAmount': { title: 'Change in yearly spending (rupiah; negative when it falls)' },
      'budgetImpact.budgetYear': { title: 'First budget year' },
      'budgetImpact.explanation': { title: 'Explanation' },
      naskahAkademik: { title: 'Academic paper (naskah akademik)' },
      attachments: { title: 'Other attachments (anjab, ABK, position map)' },
    },
  },
};

/**
 * Step 2: Bagian Organisasi reviews the anjab, the ABK, the academic paper and the automatic
 * check (`structureCheck` in the case data). A proposal with blocking problems cannot be approved:
 * `blockingProblems` is filled from `structureCheck.blocking` by the UI, and the process sends the
 * case back here if it was submitted false while the check was blocking.
 */
export const restructuringReviewForm: DefaultForm = {
  key: 'penataan-struktur-telaah',
  version: 1,
  title: { id: 'Telaah Bagian Organisasi atas usulan penataan struktur', en: 'Bagian Organisasi review of a restructuring proposal' },
  schema: {
    type: 'object',
    title: 'Telaah Bagian Organisasi',
    required: ['checksReviewed', 'blockingProblems', 'anjabAbkReviewed', 'naskahAkademikReviewed', 'recommendation'],
    additionalProperties: false,
    properties: {
      checksReviewed: { type: 'boolean', const: true, title: 'Hasil pemeriksaan otomatis sudah saya periksa' },
      blockingProblems: {
        type: 'boolean',
        const: false,
        title: 'Ada masalah yang menghalangi',
        description: 'Usulan dengan masalah yang menghalangi tidak dapat disetujui: kembalikan kepada pengusul atau tolak.',
      },
      anjabAbkReviewed: { type: 'boolean', const: true, title: 'Anjab dan ABK sudah ditelaah' },
      naskahAkademikReviewed: { type: 'boolean', const: true, title: 'Naskah akademik sudah ditelaah' },
      recommendation: { type: 'string', minLength: 10, maxLength: 4000, title: 'Rekomendasi Bagian Organisasi' },
      reviewAttachment: { type: 'string', format: 'attachment', title: 'Berkas hasil telaah (opsional)' },
    },
  },
  uiSchema: {
    checksReviewed: { 'ui:help': 'Lihat hasil pemeriksaan pada data kasus (structureCheck).' },
    blockingProblems: { 'ui:readonly': true, 'ui:options': { defaultFrom: 'data.structureCheck.blocking' } },
    recommendation: { 'ui:widget': 'textarea' },
    reviewAttachment: { 'ui:field': 'attachment' },
  },
  translations: {
    en: {
      '': { title: 'Bagian Organisasi review' },
      checksReviewed: { title: 'I have reviewed the automatic check' },
      blockingProblems: {
        title: 'There are blocking problems',
        description: 'A proposal with blocking problems cannot be approved: return it to the proposer or reject it.',
      },
      anjabAbkReviewed: { title: 'The job and workload analyses have been reviewed' },
      naskahAkademikReviewed: { title: 'The academic paper has been reviewed' },
      recommendation: { title: 'Recommendation of Bagian Organisasi' },
      reviewAttachment: { title: 'Review document (optional)' },
    },
  },
};

/** After the Walikota agrees: the request to the Gubernur is sent; the Gubernur's 15 days run from here. */
export const restructuringGubernurRequestForm: DefaultForm = {
  key: 'penataan-struktur-permohonan-gubernur',
  version: 1,
  title: { id: 'Permohonan persetujuan kepada Gubernur', en: 'Request for the Gubernur\'s approval' },
  schema: {
    type: 'object',
    title: 'Permohonan persetujuan Gubernur',
    required: ['gubernurRequestNumber', 'gubernurRequestDate'],
    additionalProperties: false,
    properties: {
      gubernurRequestNumber: { type: 'string', minLength: 3, maxLength: 100, title: 'Nomor surat permohonan Wali Kota' },
      gubernurRequestDate: { type: 'string', format: 'date', title: 'Tanggal surat' },
      gubernurRequestAttachment: { type: 'string', format: 'attachment', title: 'Berkas surat permohonan' },
    },
  },
  uiSchema: { gubernurRequestAttachment: { 'ui:field': 'attachment' } },
  translations: {
    en: {
      '': { title: 'Request for the Gubernur\'s approval' },
      gubernurRequestNumber: { title: 'Number of the Walikota\'s request letter' },
      gubernurRequestDate: { title: 'Date of the letter' },
      gubernurRequestAttachment: { title: 'Request letter (file)' },
    },
  },
};

/**
 * The Gubernur's answer, recorded by Bagian Organisasi (no Gubernur signs in to Alur). Filled
 * when the answer is an approval; a refusal is a rejection with the reason as its comment; no
 * answer within 15 days counts as approval (PP 18/2016) and needs no form.
 */
export const restructuringGubernurAnswerForm: DefaultForm = {
  key: 'penataan-struktur-persetujuan-gubernur',
  version: 1,
  title: { id: 'Persetujuan Gubernur', en: 'Approval of the Gubernur' },
  schema: {
    type: 'object',
    title: 'Persetujuan Gubernur',
    required: ['gubernurLetterNumber', 'gubernurLetterDate'],
    additionalProperties: false,
    properties: {
      gubernurLetterNumber: { type: 'string', minLength: 3, maxLength: 100, title: 'Nomor surat persetujuan Gubernur' },
      gubernurLetterDate: { type: 'string', format: 'date', title: 'Tanggal surat' },
      gubernurLetterAttachment: { type: 'string', format: 'attachment', title: 'Pindaian surat persetujuan' },
    },
  },
  uiSchema: { gubernurLetterAttachment: { 'ui:field': 'attachment' } },
  translations: {
    en: {
      '': { title: 'Approval of the Gubernur' },
      gubernurLetterNumber: { title: 'Number of the Gubernur\'s approval letter' },
      gubernurLetterDate: { title: 'Date of the letter' },
      gubernurLetterAttachment: { title: 'Scan of the approval letter' },
    },
  },
};

/** When posts are converted: KemenPANRB's technical consideration and Mendagri's approval. */
export const restructuringCentralApprovalForm: DefaultForm = {
  key: 'penataan-struktur-persetujuan-pusat',
  version: 1,
  title: { id: 'Pertimbangan KemenPANRB dan persetujuan Mendagri', en: 'KemenPANRB\'s consideration and Mendagri\'s approval' },
  schema: {
    type: 'object',
    title: 'Pertimbangan KemenPANRB dan persetujuan Mendagri',
    required: ['kemenpanrbLetterNumber', 'kemenpanrbLetterDate', 'mendagriLetterNumber', 'mendagriLetterDate'],
    additionalProperties: false,
    properties: {
      kemenpanrbLetterNumber: { type: 'string', minLength: 3, maxLength: 100, title: 'Nomor surat pertimbangan teknis KemenPANRB' },
      kemenpanrbLetterDate: { type: 'string', format: 'date', title: 'Tanggal surat KemenPANRB' },
      kemenpanrbLetterAttachment: { type: 'string', format: 'attachment', title: 'Pindaian surat KemenPANRB' },
      mendagriLetterNumber: { type: 'string', minLength: 3, maxLength: 100, title: 'Nomor surat persetujuan Mendagri' },
      mendagriLetterDate: { type: 'string', format: 'date', title: 'Tanggal surat Mendagri' },
      mendagriLetterAttachment: { type: 'string', format: 'attachment', title: 'Pindaian surat Mendagri' },
    },
  },
  uiSchema: { kemenpanrbLetterAttachment: { 'ui:field': 'attachment' }, mendagriLetterAttachment: { 'ui:field': 'attachment' } },
  translations: {
    en: {
      '': { title: 'KemenPANRB and Mendagri' },
      kemenpanrbLetterNumber: { title: 'Number of KemenPANRB\'s technical consideration' },
      kemenpanrbLetterDate: { title: 'Date of KemenPANRB\'s letter' },
      kemenpanrbLetterAttachment: { title: 'Scan of KemenPANRB\'s letter' },
      mendagriLetterNumber: { title: 'Number of Mendagri\'s approval' },
      mendagriLetterDate: { title: 'Date of Mendagri\'s letter' },
      mendagriLetterAttachment: { title: 'Scan of Mendagri\'s letter' },
    },
  },
};

/** Bagian Hukum registers the regulation (Perkada): number, date, the day it takes effect. */
export const restructuringPerkadaForm: DefaultForm = {
  key: 'penataan-struktur-perkada',
  version: 1,
  title: { id: 'Penetapan Peraturan Kepala Daerah (Perkada)', en: 'Enactment of the regional head\'s regulation (Perkada)' },
  schema: {
    type: 'object',
    title: 'Penetapan Perkada',
    required: ['perkadaNumber', 'perkadaDate', 'perkadaEffectiveDate'],
    additionalProperties: false,
    properties: {
      perkadaNumber: { type: 'string', minLength: 3, maxLength: 200, title: 'Nomor Peraturan Wali Kota' },
      perkadaDate: { type: 'string', format: 'date', title: 'Tanggal penetapan' },
      perkadaEffectiveDate: { type: 'string', format: 'date', title: 'Tanggal mulai berlaku' },
      beritaDaerahNumber: { type: 'string', maxLength: 100, title: 'Nomor Berita Daerah' },
      perkadaAttachment: { type: 'string', format: 'attachment', title: 'Berkas Perkada' },
    },
    dateRange: { start: 'perkadaDate', end: 'perkadaEffectiveDate' },
  },
  uiSchema: { perkadaAttachment: { 'ui:field': 'attachment' } },
  translations: {
    en: {
      '': { title: 'Perkada enactment' },
      perkadaNumber: { title: 'Number of the Walikota\'s regulation' },
      perkadaDate: { title: 'Date of enactment' },
      perkadaEffectiveDate: { title: 'Date it takes effect' },
      beritaDaerahNumber: { title: 'Number in the regional gazette (Berita Daerah)' },
      perkadaAttachment: { title: 'Regulation (file)' },
    },
  },
};

/**
 * The registry changed between the check and the update so that applying would orphan someone or
 * something (`restructuringProblem` in the case data). Bagian Organisasi settles it, e.g. by
 * mapping the employees who joined a removed unit meanwhile; these mappings come on top of the
 * proposal's (for the same NIP, this one counts), then the update runs again.
 */
export const restructuringConflictForm: DefaultForm = {
  key: 'penataan-struktur-konflik-registri',
  version: 1,
  title: { id: 'Penyelesaian konflik registri penataan struktur', en: 'Settling a restructuring registry conflict' },
  schema: {
    type: 'object',
    title: 'Penyelesaian konflik registri',
    required: ['resolutionNote'],
    additionalProperties: false,
    properties: {
      resolutionNote: { type: 'string', minLength: 5, maxLength: 4000, title: 'Cara penyelesaian' },
      resolutionMappings: { type: 'array', maxItems: 2000, title: 'Pemetaan pegawai tambahan', items: employeeMapping },
    },
  },
  uiSchema: {
    resolutionNote: { 'ui:widget': 'textarea' },
    resolutionMappings: {
      items: {
        employeeNip: { 'ui:options': { picker: 'employee' } },
        targetPositionId: { 'ui:options': { picker: 'position' } },
        targetUnitId: { 'ui:options': { picker: 'unit' } },
      },
    },
  },
  translations: {
    en: {
      '': { title: 'Settling the registry conflict' },
      resolutionNote: { title: 'How it was settled' },
      resolutionMappings: { title: 'Additional employee re-mappings' },
    },
  },
};

export const restructuringForms: readonly DefaultForm[] = [
  restructuringProposalForm, restructuringReviewForm, restructuringGubernurRequestForm, restructuringGubernurAnswerForm,
  restructuringCentralApprovalForm, restructuringPerkadaForm, restructuringConflictForm,
];

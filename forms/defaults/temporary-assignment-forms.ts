import type { DefaultForm } from './default-form';

/**
 * The forms of process 5, "Penugasan sementara (Plt / Plh / penugasan darurat)". A Plt lasts at
 * most 3 months (SE BKN 1/SE/I/2021): the `dateRange` keyword refuses a longer one with a 422,
 * next to the end date. Plh and emergency deployments have no fixed maximum here.
 */
export const temporaryAssignmentProposalForm: DefaultForm = {
  key: 'penugasan-sementara-usulan',
  version: 1,
  title: { id: 'Usulan penugasan sementara (Plt / Plh / darurat)', en: 'Temporary assignment proposal (Plt / Plh / emergency)' },
  schema: {
    type: 'object',
    title: 'Usulan penugasan sementara',
    required: ['kind', 'unitId', 'appointeeNips', 'startDate', 'endDate', 'reason'],
    additionalProperties: false,
    properties: {
      kind: {
        type: 'string',
        enum: ['PLT', 'PLH', 'DARURAT'],
        enumNames: ['Pelaksana Tugas (Plt)', 'Pelaksana Harian (Plh)', 'Penugasan darurat (satuan tugas)'],
        title: 'Jenis penugasan',
      },
      unitId: { type: 'integer', minimum: 1, title: 'Unit kerja jabatan yang diisi, atau unit induk satuan tugas' },
      postPositionId: { type: 'integer', minimum: 1, title: 'Jabatan yang diisi (Plt/Plh)' },
      taskForceName: { type: 'string', minLength: 3, maxLength: 200, title: 'Nama satuan tugas (penugasan darurat)' },
      appointeeNips: {
        type: 'array',
        title: 'NIP pegawai yang ditugaskan',
        minItems: 1,
        maxItems: 50,
        uniqueItems: true,
        items: { type: 'string', format: 'nip' },
      },
      startDate: { type: 'string', format: 'date', title: 'Tanggal mulai' },
      endDate: { type: 'string', format: 'date', title: 'Tanggal selesai' },
      reason: { type: 'string', minLength: 10, maxLength: 4000, title: 'Alasan penugasan' },
      attachment: { type: 'string', format: 'attachment', title: 'Lampiran (opsional)' },
    },
    dateRange: { start: 'startDate', end: 'endDate' },
    allOf: [
      {
        // A Plt or Plh covers one post with one person.
        if: { properties: { kind: { enum: ['PLT', 'PLH'] } }, required: ['kind'] },
        then: {
          properties: { postPositionId: { type: 'integer', minimum: 1 }, appointeeNips: { type: 'array', maxItems: 1 } },
          required: ['postPositionId'],
        },
      },
      {
        if: { properties: { kind: { const: 'PLT' } }, required: ['kind'] },
        then: { dateRange: { start: 'startDate', end: 'endDate', maxMonths: 3 } },
      },
      {
        if: { properties: { kind: { const: 'DARURAT' } }, required: ['kind'] },
        then: { properties: { taskForceName: { type: 'string', minLength: 3 } }, required: ['taskForceName'] },
      },
    ],
  },
  uiSchema: {
    'ui:order': ['kind', 'postPositionId', 'unitId', 'taskForceName', 'appointeeNips', 'startDate', 'endDate', 'reason', 'attachment'],
    postPositionId: { 'ui:options': { picker: 'position' } },
    unitId: { 'ui:options': { picker: 'unit', defaultFrom: 'position.unitId' } },
    appointeeNips: { items: { 'ui:options': { picker: 'employee' } } },
    reason: { 'ui:widget': 'textarea' },
    attachment: { 'ui:field': 'attachment' },
  },
  translations: {
    en: {
      '': { title: 'Temporary assignment proposal' },
      kind: { title: 'Kind of assignment', enumNames: ['Acting official (Plt)', 'Daily acting official (Plh)', 'Emergency deployment (task force)'] },
      unitId: { title: 'Unit of the post, or the task force\'s home unit' },
      postPositionId: { title: 'Post to cover (Plt/Plh)' },
      taskForceName: { title: 'Task force name (emergency deployment)' },
      appointeeNips: { title: 'NIPs of the appointed employees' },
      startDate: { title: 'Start date' },
      endDate: { title: 'End date' },
      reason: { title: 'Reason' },
      attachment: { title: 'Attachment (optional)' },
    },
  },
};

/** The higher official's order (surat perintah) that appoints the Plt / Plh / task force. */
export const temporaryAssignmentOrderForm: DefaultForm = {
  key: 'penugasan-sementara-surat-perintah',
  version: 1,
  title: { id: 'Surat perintah penugasan sementara', en: 'Order of temporary assignment' },
  schema: {
    type: 'object',
    title: 'Surat perintah',
    required: ['orderNumber', 'orderDate'],
    additionalProperties: false,
    properties: {
      orderNumber: { type: 'string', minLength: 3, maxLength: 100, title: 'Nomor surat perintah' },
      orderDate: { type: 'string', format: 'date', title: 'Tanggal surat perintah' },
      orderAttachment: { type: 'string', format: 'attachment', title: 'Berkas surat perintah' },
    },
  },
  uiSchema: { orderAttachment: { 'ui:field': 'attachment' } },
  translations: {
    en: {
      '': { title: 'Order' },
      orderNumber: { title: 'Order number' },
      orderDate: { title: 'Order date' },
      orderAttachment: { title: 'Order (file)' },
    },
  },
};

export const temporaryAssignmentForms: readonly DefaultForm[] = [temporaryAssignmentProposalForm, temporaryAssignmentOrderForm];

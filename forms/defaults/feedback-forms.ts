import type { DefaultForm } from './default-form';

/**
 * The forms of process 4, "Pengaduan / masukan masyarakat" (public feedback). The citizen fills
 * the report and the rating; the feedback admins fill the rest. Every form refuses fields it does
 * not declare, so a step cannot overwrite what the report or an earlier step put in the case data.
 */

/** The kinds of submission (DOMAIN.md); the same codes as the ticket's `type`. */
export const FEEDBACK_TYPE_CODES = ['ASPIRASI', 'PENGADUAN', 'PERMINTAAN_INFORMASI'] as const;

/** What the submission is about, as the citizen sees it. */
export const FEEDBACK_TOPIC_CODES = ['PELAYANAN_PUBLIK', 'PERILAKU_PEGAWAI', 'KEPEGAWAIAN', 'SARANA_PRASARANA', 'LAINNYA'] as const;

/** The verifier's verdict; the process branches on it. */
export const FEEDBACK_VERIFICATIONS = ['DITERIMA', 'DITUNDA', 'BUKAN_KEWENANGAN', 'DIARSIPKAN'] as const;
export type FeedbackVerification = (typeof FEEDBACK_VERIFICATIONS)[number];

/**
 * How long resolution may take, in working days, by the category the verifier picks. Perpres
 * 76/2013 caps resolution at 60 days; the process reads `resolutionDays` for the step's deadline.
 */
export const FEEDBACK_RESOLUTION_DAYS = {
  SEDERHANA: 2,
  NORMATIF: 5,
  TANPA_PEMERIKSAAN: 14,
  PERLU_PEMERIKSAAN: 60,
} as const;
export type FeedbackResolutionCategory = keyof typeof FEEDBACK_RESOLUTION_DAYS;
const RESOLUTION_CATEGORIES = Object.keys(FEEDBACK_RESOLUTION_DAYS) as FeedbackResolutionCategory[];

/**
 * The nine elements of the community satisfaction survey (SKM, PermenPANRB 14/2017), each
 * answered 1 (not good) to 4 (very good). The field names are the rating form's and the ratings
 * table's.
 */
export const SKM_ELEMENTS = [
  'requirements', 'procedure', 'serviceTime', 'cost', 'product', 'staffCompetence', 'staffBehaviour', 'complaintHandling', 'facilities',
] as const;
export type SkmElement = (typeof SKM_ELEMENTS)[number];

const SKM_TITLES: Record<SkmElement, { id: string; en: string }> = {
  requirements: { id: 'Persyaratan', en: 'Requirements' },
  procedure: { id: 'Sistem, mekanisme dan prosedur', en: 'System, mechanism and procedure' },
  serviceTime: { id: 'Waktu penyelesaian', en: 'Time to resolve' },
  cost: { id: 'Biaya / tarif', en: 'Cost / fee' },
  product: { id: 'Produk spesifikasi jenis pelayanan', en: 'Service product' },
  staffCompetence: { id: 'Kompetensi pelaksana', en: 'Staff competence' },
  staffBehaviour: { id: 'Perilaku pelaksana', en: 'Staff behaviour' },
  complaintHandling: { id: 'Penanganan pengaduan, saran dan masukan', en: 'Handling of complaints and suggestions' },
  facilities: { id: 'Sarana dan prasarana', en: 'Facilities' },
};
const SKM_SCALE_ID = ['Tidak baik', 'Kurang baik', 'Baik', 'Sangat baik'];
const SKM_SCALE_EN = ['Not good', 'Fair', 'Good', 'Very good'];

/** The citizen's report: the start form of the process, sent without signing in. */
export const feedbackReportForm: DefaultForm = {
  key: 'pengaduan-masyarakat-laporan',
  version: 1,
  title: { id: 'Pengaduan / aspirasi / permintaan informasi', en: 'Complaint / suggestion / information request' },
  schema: {
    type: 'object',
    title: 'Pengaduan / aspirasi / permintaan informasi',
    required: ['type', 'category', 'message'],
    additionalProperties: false,
    properties: {
      type: {
        type: 'string',
        enum: [...FEEDBACK_TYPE_CODES],
        enumNames: ['Aspirasi', 'Pengaduan', 'Permintaan informasi'],
        title: 'Jenis',
      },
      category: {
        type: 'string',
        enum: [...FEEDBACK_TOPIC_CODES],
        enumNames: ['Pelayanan publik', 'Perilaku pegawai (ASN)', 'Kepegawaian', 'Sarana dan prasarana', 'Lainnya'],
        title: 'Kategori',
      },
      unitId: { type: 'integer', minimum: 1, title: 'Perangkat daerah (OPD) yang dituju (opsional)' },
      message: { type: 'string', minLength: 20, maxLength: 4000, title: 'Isi laporan' },
      reporterName: { type: 'string', minLength: 1, maxLength: 200, title: 'Nama (opsional)' },
      contactEmail: { type: 'string', format: 'email', maxLength: 254, title: 'Surel untuk kabar tindak lanjut (opsional)' },
      anonymous: { type: 'boolean', title: 'Kirim tanpa identitas (anonim)' },
      confidential: { type: 'boolean', title: 'Rahasiakan laporan ini' },
    },
  },
  uiSchema: {
    'ui:order': ['type', 'category', 'unitId', 'message', 'anonymous', 'confidential', 'reporterName', 'contactEmail'],
    unitId: { 'ui:options': { picker: 'unit' } },
    message: { 'ui:widget': 'textarea' },
    anonymous: { 'ui:help': 'Nama dan surel tidak disimpan.' },
    confidential: { 'ui:help': 'Isi laporan tidak ditampilkan pada halaman status.' },
  },
  translations: {
    en: {
      '': { title: 'Complaint / suggestion / information request' },
      type: { title: 'Kind', enumNames: ['Suggestion (aspirasi)', 'Complaint (pengaduan)', 'Information request'] },
      category: { title: 'Topic', enumNames: ['Public service', 'Conduct of civil servants', 'Civil-service matters', 'Facilities', 'Other'] },
      unitId: { title: 'Government office (OPD) concerned (optional)' },
      message: { title: 'Your report' },
      reporterName: { title: 'Name (optional)' },
      contactEmail: { title: 'E-mail for updates (optional)' },
      anonymous: { title: 'Send without identity (anonymous)', description: 'Name and e-mail are not stored.' },
      confidential: { title: 'Keep this report confidential', description: 'The report is not shown on the status page.' },
    },
  },
};

/**
 * Verification by the receiving unit's feedback admin: the verdict, and for accepted feedback the
 * resolution category and the OPD that handles it. `publicNote` is what the citizen reads on the
 * status page (what is missing, or where to turn); `verificationNote` stays internal.
 */
export const feedbackVerificationForm: DefaultForm = {
  key: 'pengaduan-masyarakat-verifikasi',
  version: 1,
  title: { id: 'Verifikasi pengaduan masyarakat', en: 'Verification of public feedback' },
  schema: {
    type: 'object',
    title: 'Verifikasi',
    required: ['verification'],
    additionalProperties: false,
    properties: {
      verification: {
        type: 'string',
        enum: [...FEEDBACK_VERIFICATIONS],
        enumNames: ['Diterima dan diteruskan', 'Ditunda: perlu informasi tambahan', 'Bukan kewenangan Pemerintah Daerah', 'Diarsipkan'],
        title: 'Hasil verifikasi',
      },
      resolutionCategory: {
        type: 'string',
        enum: RESOLUTION_CATEGORIES,
        enumNames: [
          'Sederhana (2 hari kerja)', 'Normatif (5 hari kerja)', 'Tanpa pemeriksaan lapangan (14 hari kerja)', 'Perlu pemeriksaan lapangan (60 hari kerja)',
        ],
        title: 'Kategori penyelesaian',
      },
      handlingUnitId: { type: 'integer', minimum: 1, title: 'OPD yang menindaklanjuti' },
      publicNote: { type: 'string', minLength: 10, maxLength: 2000, title: 'Pesan untuk pelapor (tampil di halaman status)' },
      verificationNote: { type: 'string', maxLength: 4000, title: 'Catatan internal' },
    },
    allOf: [
      {
        if: { properties: { verification: { const: 'DITERIMA' } }, required: ['verification'] },
        then: {
          properties: { resolutionCategory: { type: 'string' }, handlingUnitId: { type: 'integer' } },
          required: ['resolutionCategory', 'handlingUnitId'],
        },
      },
      {
        // The citizen must learn what is missing, or why nothing more will happen.
        if: { properties: { verification: { enum: ['DITUNDA', 'BUKAN_KEWENANGAN', 'DIARSIPKAN'] } }, required: ['verification'] },
        then: { properties: { publicNote: { type: 'string' } }, required: ['publicNote'] },
      },
    ],
  },
  uiSchema: {
    'ui:order': ['verification', 'resolutionCategory', 'handlingUnitId', 'publicNote', 'verificationNote'],
    handlingUnitId: { 'ui:options': { picker: 'unit', defaultFrom: 'data.unitId' } },
    publicNote: { 'ui:widget': 'textarea' },
    verificationNote: { 'ui:widget': 'textarea' },
  },
  translations: {
    en: {
      '': { title: 'Verification' },
      verification: {
        title: 'Verdict',
        enumNames: ['Accepted and dispatched', 'Deferred: more information needed', 'Not within the regional government\'s remit', 'Archived'],
      },
      resolutionCategory: {
        title: 'Resolution category',
        enumNames: ['Simple (2 working days)', 'Normative (5 working days)', 'No field inspection (14 working days)', 'Field inspection needed (60 working days)'],
      },
      handlingUnitId: { title: 'Office (OPD) that follows up' },
      publicNote: { title: 'Message to the reporter (shown on the status page)' },
      verificationNote: { title: 'Internal note' },
    },
  },
};

/** Deferred feedback: the admin records the information the reporter supplied (approve), or that none came (reject). */
export const feedbackInformationForm: DefaultForm = {
  key: 'pengaduan-masyarakat-kelengkapan',
  version: 1,
  title: { id: 'Kelengkapan informasi pengaduan', en: 'Additional information for feedback' },
  schema: {
    type: 'object',
    title: 'Kelengkapan informasi',
    required: ['additionalInformation'],
    additionalProperties: false,
    properties: {
      additionalInformation: { type: 'string', minLength: 10, maxLength: 4000, title: 'Informasi tambahan dari pelapor' },
    },
  },
  uiSchema: { additionalInformation: { 'ui:widget': 'textarea' } },
  translations: {
    en: {
      '': { title: 'Additional information' },
      additionalInformation: { title: 'Information the reporter supplied' },
    },
  },
};

/** The OPD's follow-up plan (internal), due within 5 working days of dispatch. */
export const feedbackFollowUpForm: DefaultForm = {
  key: 'pengaduan-masyarakat-tindak-lanjut',
  version: 1,
  title: { id: 'Tindak lanjut pengaduan oleh OPD', en: 'Follow-up of feedback by the OPD' },
  schema: {
    type: 'object',
    title: 'Tindak lanjut',
    required: ['followUpPlan'],
    additionalProperties: false,
    properties: {
      followUpPlan: { type: 'string', minLength: 10, maxLength: 4000, title: 'Rencana tindak lanjut' },
    },
  },
  uiSchema: { followUpPlan: { 'ui:widget': 'textarea' } },
  translations: { en: { '': { title: 'Follow-up' }, followUpPlan: { title: 'Follow-up plan' } } },
};

/** The OPD's answer, published to the citizen as written; `resolutionNote` stays internal. */
export const feedbackResolutionForm: DefaultForm = {
  key: 'pengaduan-masyarakat-penyelesaian',
  version: 1,
  title: { id: 'Penyelesaian dan jawaban pengaduan', en: 'Resolution and answer to feedback' },
  schema: {
    type: 'object',
    title: 'Penyelesaian',
    required: ['answer'],
    additionalProperties: false,
    properties: {
      answer: { type: 'string', minLength: 20, maxLength: 8000, title: 'Jawaban untuk pelapor (diterbitkan)' },
      resolutionNote: { type: 'string', maxLength: 4000, title: 'Catatan internal' },
    },
  },
  uiSchema: { answer: { 'ui:widget': 'textarea' }, resolutionNote: { 'ui:widget': 'textarea' } },
  translations: {
    en: {
      '': { title: 'Resolution' },
      answer: { title: 'Answer to the reporter (published)' },
      resolutionNote: { title: 'Internal note' },
    },
  },
};

/** The citizen rates the answer on the nine SKM elements, 1–4 each, with an optional comment. */
export const feedbackRatingForm: DefaultForm = {
  key: 'pengaduan-masyarakat-penilaian',
  version: 1,
  title: { id: 'Penilaian kepuasan (SKM)', en: 'Satisfaction rating (SKM)' },
  schema: {
    type: 'object',
    title: 'Penilaian kepuasan',
    required: [...SKM_ELEMENTS],
    additionalProperties: false,
    properties: {
      ...Object.fromEntries(SKM_ELEMENTS.map((element) => [element, {
        type: 'integer', enum: [1, 2, 3, 4], enumNames: SKM_SCALE_ID, title: SKM_TITLES[element].id,
      }])),
      ratingComment: { type: 'string', maxLength: 2000, title: 'Saran dan komentar (opsional)' },
    },
  },
  uiSchema: {
    ...Object.fromEntries(SKM_ELEMENTS.map((element) => [element, { 'ui:widget': 'radio', 'ui:options': { inline: true } }])),
    ratingComment: { 'ui:widget': 'textarea' },
  },
  translations: {
    en: {
      '': { title: 'Satisfaction rating' },
      ...Object.fromEntries(SKM_ELEMENTS.map((element) => [element, { title: SKM_TITLES[element].en, enumNames: SKM_SCALE_EN }])),
      ratingComment: { title: 'Suggestions and comments (optional)' },
    },
  },
};

export const feedbackForms: readonly DefaultForm[] = [
  feedbackReportForm, feedbackVerificationForm, feedbackInformationForm, feedbackFollowUpForm, feedbackResolutionForm, feedbackRatingForm,
];

import type { Request } from 'express';
import { adminMessages } from './admin/admin-messages';
import { dashboardMessages } from './dashboard/dashboard-messages';
import { feedbackMessages } from './feedback/feedback-messages';
import { trainingMessages } from './training/training-messages';

export type Language = 'id' | 'en';

/** Every message the API shows a person, Bahasa Indonesia first. */
export const messages = {
  NOT_FOUND: { id: 'Alamat API tidak dikenal.', en: 'Unknown API address.' },
  MALFORMED_JSON: { id: 'Isi permintaan bukan JSON yang sah.', en: 'The request body is not valid JSON.' },
  BODY_REQUIRED: { id: 'Permintaan ini memerlukan isi berupa objek JSON.', en: 'This request needs a JSON object as its body.' },
  PAYLOAD_TOO_LARGE: { id: 'Isi permintaan terlalu besar (lampiran paling besar 10 MB).', en: 'The request body is too large (attachments at most 10 MB).' },
  VALIDATION_FAILED: { id: 'Beberapa isian belum benar.', en: 'Some fields are not valid.' },
  FIELD_REQUIRED: { id: 'Wajib diisi.', en: 'Required.' },
  FIELD_TOO_LONG: { id: 'Terlalu panjang (paling banyak {max} karakter).', en: 'Too long (at most {max} characters).' },
  FIELD_NOT_TEXT: { id: 'Harus berupa teks.', en: 'Must be text.' },
  FIELD_NOT_OBJECT: { id: 'Harus berupa objek isian formulir.', en: 'Must be an object of form fields.' },
  FIELD_NOT_DATE: { id: 'Harus berupa tanggal (ISO 8601), mis. 2026-12-31.', en: 'Must be a date (ISO 8601), e.g. 2026-12-31.' },
  FIELD_ONE_OF: { id: 'Harus salah satu dari: {options}.', en: 'Must be one of: {options}.' },
  INVALID_IDEMPOTENCY_KEY: {
    id: 'Header Idempotency-Key harus 1–200 karakter huruf, angka, titik, titik dua, garis bawah atau tanda hubung.',
    en: 'The Idempotency-Key header must be 1–200 letters, digits, dots, colons, underscores or hyphens.',
  },
  INVALID_CURSOR: { id: 'Penanda halaman (cursor) tidak sah.', en: 'The page cursor is not valid.' },
  INVALID_LIMIT: { id: 'limit harus bilangan bulat 1–100.', en: 'limit must be a whole number from 1 to 100.' },
  CASE_NOT_FOUND: { id: 'Kasus tidak ditemukan.', en: 'Case not found.' },
  PROCESS_NOT_FOUND: { id: 'Proses tidak ditemukan.', en: 'Process not found.' },
  DEFINITION_INVALID: { id: 'Definisi proses belum benar; lihat rincian masalahnya.', en: 'The process definition is not valid; see the problems listed.' },
  NOT_A_STARTER: { id: 'Peran Anda tidak dapat memulai proses ini.', en: 'Your roles cannot start this process.' },
  CASE_FORBIDDEN: { id: 'Anda tidak terlibat dalam kasus ini.', en: 'You are not involved in this case.' },
  UNKNOWN_ACTION: { id: 'Tindakan tidak dikenal.', en: 'Unknown action.' },
  UNKNOWN_USER: { id: 'Pengguna tujuan tidak ditemukan atau tidak aktif.', en: 'The target user does not exist or is not active.' },
  NOT_ASSIGNEE: { id: 'Tugas ini bukan (lagi) milik Anda.', en: 'This task is not (or no longer) yours.' },
  SELF_APPROVAL_NOT_ALLOWED: { id: 'Pengusul tidak boleh memutuskan kasusnya sendiri.', en: 'The initiator may not decide their own case.' },
  NOT_ALLOWED: { id: 'Anda tidak boleh melakukan tindakan ini pada kasus ini.', en: 'You may not take this action on this case.' },
  FORM_INVALID: { id: 'Isian formulir belum benar.', en: 'The form data is not valid.' },
  FORM_NOT_FOUND: { id: 'Formulir tidak ditemukan.', en: 'Form not found.' },
  FORM_SCHEMA_INVALID: { id: 'Skema formulir tidak dapat disimpan; lihat rincian masalahnya.', en: 'The form schema cannot be saved; see the problems listed.' },
  FORM_FROZEN: { id: 'Versi formulir ini sudah diterbitkan dan tidak dapat diubah; buat versi baru.', en: 'This form version is published and cannot change; make a new version.' },
  FORM_KEY_FORMAT: { id: 'Kunci formulir: huruf kecil, angka dan tanda hubung, diawali huruf (2–61 karakter).', en: 'Form key: lowercase letters, digits and hyphens, starting with a letter (2–61 characters).' },
  FORM_TITLE_REQUIRED: { id: 'Judul formulir wajib diisi dalam bahasa Indonesia dan Inggris.', en: 'The form title is required in Indonesian and English.' },
  ATTACHMENT_TYPE: { id: 'Jenis berkas tidak diterima; unggah PDF, PNG atau JPEG.', en: 'File type not accepted; upload a PDF, PNG or JPEG.' },
  ATTACHMENT_CONTENT_MISMATCH: { id: 'Isi berkas tidak sesuai dengan jenisnya.', en: 'The file\'s content does not match its type.' },
  ATTACHMENT_EMPTY: { id: 'Berkas kosong.', en: 'The file is empty.' },
  ATTACHMENT_NOT_FOUND: { id: 'Lampiran tidak ditemukan.', en: 'Attachment not found.' },
  MALFORMED_URL: { id: 'Alamat permintaan tidak sah (kode persen salah).', en: 'The request address is malformed (bad percent-encoding).' },
  NUL_CHARACTER: { id: 'Permintaan memuat karakter NUL yang tidak diizinkan.', en: 'The request contains a NUL character, which is not allowed.' },
  NOTIFICATION_NOT_FOUND: { id: 'Pemberitahuan tidak ditemukan.', en: 'Notification not found.' },
  INVALID_DRY_RUN: { id: 'dryRun harus true atau false.', en: 'dryRun must be true or false.' },
  INVALID_VERSION: { id: 'Nomor versi harus bilangan bulat mulai 1.', en: 'The version must be a whole number from 1.' },
  STEP_NOT_CURRENT: { id: 'Langkah ini bukan langkah yang sedang berjalan pada kasus ini.', en: 'This step is not the current step of the case.' },
  ALREADY_DECIDED: { id: 'Langkah ini sudah diputuskan.', en: 'This step has already been decided.' },
  CASE_CLOSED: { id: 'Kasus sudah selesai; keputusan tidak dapat diubah.', en: 'The case is closed; decisions can no longer change.' },
  INVALID_DECISION: { id: 'Keputusan tidak sah.', en: 'The decision is not valid.' },
  TEMPORAL_UNAVAILABLE: {
    id: 'Mesin alur kerja (Temporal) sedang tidak dapat dihubungi. Coba lagi sebentar lagi; tidak ada data yang hilang.',
    en: 'The workflow engine (Temporal) cannot be reached right now. Try again shortly; no data was lost.',
  },
  WORKER_UNAVAILABLE: {
    id: 'Pemroses kasus (worker) belum menjawab. Coba lagi sebentar lagi.',
    en: 'The case processor (worker) is not answering yet. Try again shortly.',
  },
  DATABASE_UNAVAILABLE: {
    id: 'Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi.',
    en: 'The database cannot be reached right now. Try again shortly.',
  },
  UNAUTHENTICATED: { id: 'Silakan masuk terlebih dahulu.', en: 'Please sign in first.' },
  METRICS_TOKEN_REQUIRED: {
    id: 'Metrik hanya dapat dibaca dengan token METRICS_TOKEN (header Authorization: Bearer).',
    en: 'Metrics can be read only with the METRICS_TOKEN token (Authorization: Bearer header).',
  },
  INVALID_CREDENTIALS: { id: 'Nama pengguna atau kata sandi salah.', en: 'Wrong user name or password.' },
  TOO_MANY_ATTEMPTS: {
    id: 'Terlalu banyak percobaan masuk. Tunggu beberapa menit lalu coba lagi.',
    en: 'Too many sign-in attempts. Wait a few minutes and try again.',
  },
  FORBIDDEN: { id: 'Anda tidak berwenang melakukan ini.', en: 'You are not allowed to do this.' },
  CSRF_INVALID: {
    id: 'Permintaan ditolak karena token keamanan (CSRF) tidak cocok. Muat ulang halaman lalu coba lagi.',
    en: 'The request was refused because its security token (CSRF) did not match. Reload the page and try again.',
  },
  INTERNAL: { id: 'Terjadi kesalahan pada server. Kejadian ini telah dicatat.', en: 'Something went wrong on the server. It has been logged.' },
  // Registry (issue 4)
  EMPLOYEE_NOT_FOUND: { id: 'Pegawai tidak ditemukan.', en: 'Employee not found.' },
  POSITION_NOT_FOUND: { id: 'Jabatan tidak ditemukan.', en: 'Position not found.' },
  INVALID_POSITION_ID: { id: 'positionId harus bilangan bulat positif.', en: 'positionId must be a positive whole number.' },
  UNIT_NOT_FOUND: { id: 'Unit kerja tidak ditemukan.', en: 'Unit not found.' },
  INVALID_ID: { id: 'id harus bilangan bulat positif.', en: 'id must be a positive whole number.' },
  INVALID_UNIT_ID: { id: 'unitId harus bilangan bulat positif.', en: 'unitId must be a positive whole number.' },
  INVALID_VACANT: { id: 'vacant harus true atau false.', en: 'vacant must be true or false.' },
  INVALID_LOGINS: {
    id: 'Sebutkan 1–{max} login (parameter login, boleh berulang), masing-masing 1–100 karakter.',
    en: 'Name 1–{max} logins (the login parameter, which may repeat), each 1–100 characters.',
  },
  INVALID_SEARCH: {
    id: 'Kata pencarian (search) paling banyak {max} karakter.',
    en: 'The search text (search) may have at most {max} characters.',
  },
  DUPLICATE_NIP: { id: 'NIP {nip} sudah terdaftar pada pegawai lain.', en: 'NIP {nip} is already registered to another employee.' },
  FIELD_UNKNOWN: { id: 'Isian ini tidak dikenal.', en: 'Unknown field.' },
  FIELD_NOT_ID: { id: 'Harus berupa bilangan bulat positif (id).', en: 'Must be a positive whole number (an id).' },
  FIELD_NOT_TEXT_LIST: {
    id: 'Harus berupa daftar teks (paling banyak {maxItems} butir, masing-masing tidak kosong dan paling panjang {max} karakter).',
    en: 'Must be a list of texts (at most {maxItems} items, each non-empty and at most {max} characters).',
  },
  FIELD_REQUIRED_WITH: { id: 'Wajib diisi bila {field} diubah.', en: 'Required when {field} changes.' },
  FIELD_UNKNOWN_UNIT: { id: 'Unit kerja {id} tidak ditemukan.', en: 'Unit {id} does not exist.' },
  FIELD_UNKNOWN_POSITION: { id: 'Jabatan {id} tidak ditemukan.', en: 'Position {id} does not exist.' },
  FIELD_POSITION_OTHER_UNIT: {
    id: 'Jabatan ini berada di unit lain ({unit}); samakan unit kerja atau pilih jabatan lain.',
    en: 'This position belongs to another unit ({unit}); change the unit or choose another position.',
  },
  FIELD_POSITION_TAKEN: {
    id: 'Jabatan ini sudah diduduki pegawai lain; pilih jabatan yang lowong.',
    en: 'Another employee already holds this position; choose a vacant one.',
  },
  ...feedbackMessages,
  ...trainingMessages,
  ...dashboardMessages,
  ...adminMessages,
} as const satisfies Record<string, Record<Language, string>>;

export type MessageKey = keyof typeof messages;

export function message(key: MessageKey, language: Language, params: Record<string, string | number> = {}): string {
  return messages[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** Bahasa Indonesia unless the client prefers English over it. */
export function requestLanguage(req: Request): Language {
  const preferred = req.acceptsLanguages('id', 'en');
  return preferred === 'en' ? 'en' : 'id';
}

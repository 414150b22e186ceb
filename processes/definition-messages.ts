import type { Localized } from './model';

/**
 * Every message validateDefinition shows an administrator, Bahasa Indonesia first. `{name}` is
 * replaced by a parameter. Messages about a step are prefixed with the step's label
 * ('Langkah "verifikasi" (Verifikasi BKPSDM): ...'), so the bodies read on after a colon.
 */
export const definitionMessages = {
  // The shape of the definition (JSON Schema).
  REQUIRED: { id: '{field} wajib diisi.', en: '{field} is required.' },
  UNKNOWN_PROPERTY: {
    id: '{field} bukan isian yang dikenal di sini; hapus atau periksa ejaannya.',
    en: '{field} is not a known property here; remove it or check its spelling.',
  },
  WRONG_TYPE: { id: '{field} harus berupa {type}.', en: '{field} must be {type}.' },
  INVALID_PROCESS_KEY: {
    id: '{field} "{value}" tidak sah: gunakan 2–61 huruf kecil, angka atau tanda hubung, diawali huruf (mis. "rotasi-jabatan").',
    en: '{field} "{value}" is not valid: use 2–61 lowercase letters, digits or hyphens, starting with a letter (e.g. "job-rotation").',
  },
  INVALID_STEP_ID: {
    id: '{field} "{value}" bukan id langkah yang sah: diawali huruf kecil, lalu huruf, angka, _ atau -, paling banyak 100 karakter.',
    en: '{field} "{value}" is not a valid step id: a lowercase letter, then letters, digits, _ or -, at most 100 characters.',
  },
  RESERVED_STEP_ID: {
    id: 'id "initiator" dicadangkan untuk pengembalian kepada pengusul; pilih id lain.',
    en: 'the id "initiator" is reserved for returning a case to its initiator; choose another id.',
  },
  INVALID_DATA_PATH: {
    id: '{field} "{value}" bukan jalur data yang sah: nama-nama yang dipisah satu titik, tanpa spasi (mis. "pegawai.nip").',
    en: '{field} "{value}" is not a valid data path: names separated by single dots, without spaces (e.g. "employee.nip").',
  },
  TOO_SMALL: { id: '{field} paling kecil {limit}.', en: '{field} must be at least {limit}.' },
  TOO_LARGE: { id: '{field} paling besar {limit}.', en: '{field} must be at most {limit}.' },
  EMPTY: { id: '{field} tidak boleh kosong.', en: '{field} must not be empty.' },
  TOO_LONG: { id: '{field} paling banyak {limit} karakter.', en: '{field} must be at most {limit} characters long.' },
  TOO_FEW_ITEMS: { id: '{field} harus berisi paling sedikit {limit} butir.', en: '{field} must have at least {limit} item(s).' },
  TOO_MANY_ITEMS: { id: '{field} paling banyak berisi {limit} butir.', en: '{field} must have at most {limit} items.' },
  DUPLICATE_ITEMS: { id: '{field} berisi butir yang sama lebih dari sekali.', en: '{field} lists the same item more than once.' },
  NOT_ONE_OF: { id: '{field} harus salah satu dari: {options}.', en: '{field} must be one of: {options}.' },
  DURATION_ONE_UNIT: {
    id: '{field} harus berisi tepat satu dari workingDays (hari kerja), calendarDays (hari kalender) atau seconds (detik).',
    en: '{field} must contain exactly one of workingDays, calendarDays or seconds.',
  },
  INVALID_VALUE: { id: '{field} tidak sah ({detail}).', en: '{field} is not valid ({detail}).' },

  // The graph of steps.
  DUPLICATE_STEP_ID: {
    id: 'id "{value}" sudah dipakai oleh langkah ke-{other}; setiap langkah memerlukan id yang unik.',
    en: 'the id "{value}" is already used by step {other}; every step needs its own id.',
  },
  UNKNOWN_STEP: {
    id: '{field} menunjuk ke langkah "{target}", yang tidak ada dalam proses ini.',
    en: '{field} points to step "{target}", which does not exist in this process.',
  },
  NO_END_STEP: {
    id: 'Proses tidak memiliki langkah akhir (kind "end"), sehingga tidak ada kasus yang dapat selesai.',
    en: 'The process has no end step (kind "end"), so no case could ever finish.',
  },
  UNREACHABLE_STEP: {
    id: 'langkah ini tidak dapat dicapai dari langkah pertama "{first}"; hubungkan dari langkah lain atau hapus.',
    en: 'this step cannot be reached from the first step "{first}"; link to it from another step or remove it.',
  },
  CYCLE_WITHOUT_EXIT: {
    id: 'langkah-langkah {cycle} membentuk putaran tanpa jalan keluar: tidak satu pun mengarah ke langkah akhir, sehingga kasus tidak akan pernah selesai.',
    en: 'the steps {cycle} form a loop without an exit: none of them leads to an end step, so a case would never finish.',
  },
  BRANCH_LOOP: {
    id: 'langkah percabangan {cycle} saling mengarah satu sama lain tanpa langkah lain di antaranya: kasus yang masuk ke sana akan berputar terus, karena data yang diperiksa tidak berubah; sisipkan langkah lain (mis. tugas atau persetujuan) di dalam putaran itu.',
    en: 'the branch steps {cycle} lead to each other with no other step in between: a case that enters them would go round forever, since the data they check does not change; put another step (a task or an approval, say) inside that loop.',
  },
  NO_PATH_TO_END: {
    id: 'tidak ada jalur dari langkah ini ke langkah akhir mana pun.',
    en: 'no path leads from this step to any end step.',
  },
  RETURN_TARGET_NOT_EARLIER: {
    id: '{field} menunjuk ke "{target}", padahal langkah itu tidak berada sebelum langkah ini; kasus hanya dapat dikembalikan ke pengusul ("initiator") atau ke langkah sebelumnya.',
    en: '{field} points to "{target}", but that step does not come before this one; a case can only be returned to its initiator ("initiator") or to an earlier step.',
  },
  RETURN_TARGET_NOT_HUMAN: {
    id: '{field} menunjuk ke "{target}", langkah jenis "{kind}" yang tidak dikerjakan orang; kembalikan ke langkah persetujuan (approval) atau tugas (task).',
    en: '{field} points to "{target}", a "{kind}" step that no person works on; return to an approval or task step.',
  },
  EXPRESSION_NOT_LOGIC: {
    id: '{field} bukan ekspresi JSON Logic yang sah: setiap objek harus berisi tepat satu operator (di sini {keyCount} kunci).',
    en: '{field} is not a valid JSON Logic expression: every object must hold exactly one operator (this one has {keyCount} keys).',
  },
  UNKNOWN_OPERATOR: {
    id: '{field} memakai operator "{operator}", yang tidak dikenal JSON Logic.',
    en: '{field} uses the operator "{operator}", which JSON Logic does not know.',
  },
  INVALID_VAR_PATH: {
    id: '{field}: jalur pada "var" harus berupa teks, mis. {"var": "data.alasan"}.',
    en: '{field}: the path of a "var" must be text, e.g. {"var": "data.reason"}.',
  },
  FORM_NOT_FOUND: {
    id: '{field} merujuk formulir "{key}" versi {version}, yang tidak ada.',
    en: '{field} refers to form "{key}" version {version}, which does not exist.',
  },
  UNKNOWN_EFFECT: {
    id: 'efek "{effect}" tidak dikenal. Efek yang tersedia: {known}.',
    en: 'the effect "{effect}" is not known. Available effects: {known}.',
  },
  REMINDER_WITHOUT_DEADLINE: {
    id: 'langkah ini memiliki pengingat (reminders) tetapi tidak memiliki tenggat (deadline) untuk diingatkan.',
    en: 'this step has reminders but no deadline to remind of.',
  },
  ESCALATION_WITHOUT_DEADLINE: {
    id: 'langkah ini memiliki eskalasi tetapi tidak memiliki tenggat (deadline) yang dapat terlewati.',
    en: 'this step has an escalation but no deadline that could pass.',
  },
  SILENCE_WITHOUT_DEADLINE: {
    id: 'langkah ini menetapkan arti diam (silenceMeans) tetapi tidak memiliki tenggat (deadline) yang dapat terlewati.',
    en: 'this step says what silence means (silenceMeans) but has no deadline that could pass.',
  },
  REMINDER_NOT_BEFORE_DEADLINE: {
    id: '{field} ({before}) harus lebih singkat dari tenggat langkah ({deadline}); jika tidak, pengingat terkirim saat atau sebelum langkah dimulai.',
    en: '{field} ({before}) must be shorter than the step\'s deadline ({deadline}); otherwise the reminder fires when or before the step starts.',
  },
} as const satisfies Record<string, Localized>;

export type DefinitionProblemCode = keyof typeof definitionMessages;

/** A parameter is the same in both languages, or localized. */
export type MessageParam = string | number | Localized;

/** The message of `code` in both languages, with its `{name}` parameters filled in. */
export function definitionMessage(code: DefinitionProblemCode, params: Record<string, MessageParam> = {}): Localized {
  const fill = (template: string, language: keyof Localized): string =>
    template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
      const value = params[name];
      if (value === undefined) return placeholder;
      return typeof value === 'object' ? value[language] : String(value);
    });
  const template = definitionMessages[code];
  return { id: fill(template.id, 'id'), en: fill(template.en, 'en') };
}

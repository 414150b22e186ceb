/**
 * Every role a user can hold. Process definitions name these in their assignee rules, so a
 * rename here is a data migration there.
 */
export const ROLES = [
  /** Edits forms, process definitions, calendars and users; sees every case. */
  'administrator',
  /** BKPSDM, bidang mutasi: verifies rotation proposals. */
  'bkpsdm_mutasi',
  /** BKPSDM, bidang pengembangan kompetensi (diklat): verifies training nominations. */
  'bkpsdm_diklat',
  /** Head of an OPD; scoped to that unit. */
  'kepala_opd',
  /** Sekretaris Daerah. */
  'sekda',
  /** Pejabat Pembina Kepegawaian: the Walikota. */
  'ppk',
  /** Registers decrees (SK). */
  'bagian_hukum',
  /** Reviews restructuring proposals (anjab, ABK). */
  'bagian_organisasi',
  'inspektorat',
  /** Handles public feedback for one OPD; scoped to that unit. */
  'feedback_admin',
] as const;

export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

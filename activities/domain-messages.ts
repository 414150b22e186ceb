import type { Localized } from '../processes/model';

/**
 * Every text the ASN process checks and effects put into case data for people to read, Bahasa
 * Indonesia first. `{name}` placeholders are filled by domainMessage.
 */
export const domainMessages = {
  // Rotasi / mutasi / promosi: the automatic checks shown to the BKPSDM verifier.
  EMPLOYEE_FOUND: { id: 'Pegawai dengan NIP {nip} terdaftar.', en: 'The employee with NIP {nip} is in the registry.' },
  EMPLOYEE_NOT_FOUND: { id: 'Pegawai dengan NIP {nip} tidak terdaftar.', en: 'No employee with NIP {nip} is in the registry.' },
  TARGET_FOUND: { id: 'Jabatan tujuan: {name}.', en: 'Target position: {name}.' },
  TARGET_NOT_FOUND: { id: 'Jabatan tujuan {id} tidak ditemukan.', en: 'Target position {id} does not exist.' },
  UNIT_MATCHES: { id: 'Unit kerja pada usulan sesuai dengan registri.', en: 'The unit in the proposal matches the registry.' },
  UNIT_MISMATCH: {
    id: 'Unit kerja pada usulan ({proposed}) berbeda dengan unit pegawai di registri ({actual}).',
    en: 'The unit in the proposal ({proposed}) differs from the employee\'s unit in the registry ({actual}).',
  },
  PROPOSER_IN_SCOPE: { id: 'Pengusul berwenang atas unit pegawai.', en: 'The proposer is responsible for the employee\'s unit.' },
  PROPOSER_OUT_OF_SCOPE: {
    id: 'Kepala OPD hanya dapat mengusulkan pegawai di unitnya sendiri.',
    en: 'A kepala OPD may propose only employees of their own unit.',
  },
  TARGET_VACANT: { id: 'Jabatan tujuan lowong.', en: 'The target position is vacant.' },
  TARGET_HELD: { id: 'Jabatan tujuan masih diduduki pegawai lain ({holder}).', en: 'Another employee ({holder}) holds the target position.' },
  TARGET_IS_CURRENT: { id: 'Pegawai sudah menduduki jabatan tujuan.', en: 'The employee already holds the target position.' },
  PANGKAT_FITS: {
    id: 'Pangkat {golongan} ({pangkat}) memenuhi syarat eselon {eselon} ({min}–{max}).',
    en: 'Rank {golongan} ({pangkat}) fits eselon {eselon} ({min}–{max}).',
  },
  PANGKAT_BELOW: {
    id: 'Pangkat {golongan} ({pangkat}) belum memenuhi syarat eselon {eselon}, yang memerlukan {min}–{max}.',
    en: 'Rank {golongan} ({pangkat}) is too low for eselon {eselon}, which needs {min}–{max}.',
  },
  PANGKAT_ABOVE: {
    id: 'Pangkat {golongan} ({pangkat}) melebihi rentang eselon {eselon} ({min}–{max}).',
    en: 'Rank {golongan} ({pangkat}) is above the range of eselon {eselon} ({min}–{max}).',
  },
  PANGKAT_NOT_APPLICABLE: { id: 'Jabatan tujuan tidak bereselon; syarat pangkat eselon tidak berlaku.', en: 'The target position has no eselon; the eselon rank rule does not apply.' },
  SKP_GOOD: { id: 'Dua penilaian SKP terakhir sekurang-kurangnya Baik: {ratings}.', en: 'The last two SKP ratings are at least Good: {ratings}.' },
  SKP_BELOW: { id: 'Dua penilaian SKP terakhir tidak seluruhnya Baik: {ratings}.', en: 'The last two SKP ratings are not all Good: {ratings}.' },
  SKP_MISSING: { id: 'Belum ada dua penilaian SKP ({ratings}).', en: 'Fewer than two SKP ratings ({ratings}).' },
  NO_SANCTION: { id: 'Tidak sedang menjalani hukuman disiplin.', en: 'No disciplinary sanction in force.' },
  SANCTION_IN_FORCE: {
    id: 'Sedang menjalani hukuman disiplin tingkat {level} ({start} s.d. {end}).',
    en: 'A {level} disciplinary sanction is in force ({start} to {end}).',
  },
  JPT_RULE_NOT_APPLICABLE: { id: 'Pegawai bukan pejabat pimpinan tinggi; larangan 2 tahun tidak berlaku.', en: 'The employee is not a JPT official; the 2-year rule does not apply.' },
  JPT_TWO_YEARS_PASSED: {
    id: 'Pejabat pimpinan tinggi dilantik {date}, lebih dari 2 tahun lalu.',
    en: 'The JPT official was inaugurated on {date}, more than 2 years ago.',
  },
  JPT_WITHIN_TWO_YEARS: {
    id: 'Pejabat pimpinan tinggi dilantik {date}; belum 2 tahun (UU ASN) — hanya dengan alasan pengecualian.',
    en: 'The JPT official was inaugurated on {date}, less than 2 years ago (ASN law) — only with an exception reason.',
  },
  OUTSIDE_FREEZE: { id: 'Di luar masa larangan penggantian pejabat menjelang/sesudah pilkada.', en: 'Outside the regional-election freeze on replacing officials.' },
  INSIDE_FREEZE: {
    id: 'Dalam masa larangan penggantian pejabat ({start} s.d. {end}): perlu persetujuan tertulis Mendagri sebelum Wali Kota menetapkan, dan laporan 7 hari kerja sesudah pelantikan.',
    en: 'Inside the election freeze on replacing officials ({start} to {end}): Mendagri\'s written approval is needed before the Walikota decides, and a report within 7 working days after the inauguration.',
  },
  // Rotation effect.
  ROTATION_APPLIED: {
    id: '{employee} kini menduduki {position} (TMT {tmt}); jabatan lama dikosongkan.',
    en: '{employee} now holds {position} (TMT {tmt}); the previous position is vacant.',
  },
  ROTATION_TARGET_TAKEN: {
    id: 'Registri tidak diubah: jabatan tujuan kini diduduki pegawai lain ({holder}). Selesaikan lalu kirim tugas ini.',
    en: 'The registry was not changed: another employee ({holder}) now holds the target position. Resolve it, then submit this task.',
  },
  ROTATION_MISSING: {
    id: 'Registri tidak diubah: pegawai atau jabatan tujuan tidak ditemukan lagi.',
    en: 'The registry was not changed: the employee or the target position no longer exists.',
  },
  // Penugasan sementara.
  ASSIGNMENT_END_BEFORE_START: { id: 'Tanggal selesai sebelum tanggal mulai.', en: 'The end date is before the start date.' },
  ASSIGNMENT_ENDED_ALREADY: { id: 'Tanggal selesai ({end}) sudah lewat.', en: 'The end date ({end}) has passed.' },
  ASSIGNMENT_PLT_TOO_LONG: {
    id: 'Plt paling lama 3 bulan (SE BKN 1/SE/I/2021): paling lambat {latest}.',
    en: 'A Plt lasts at most 3 months (SE BKN 1/SE/I/2021): {latest} at the latest.',
  },
  ASSIGNMENT_UNIT_NOT_FOUND: { id: 'Unit kerja {id} tidak ditemukan.', en: 'Unit {id} does not exist.' },
  ASSIGNMENT_POST_NOT_FOUND: { id: 'Jabatan {id} tidak ditemukan.', en: 'Position {id} does not exist.' },
  ASSIGNMENT_POST_OTHER_UNIT: { id: 'Jabatan {id} tidak berada di unit kerja {unit}.', en: 'Position {id} is not in unit {unit}.' },
  ASSIGNMENT_POST_COVERED: {
    id: 'Jabatan ini sudah diisi Plt/Plh lain yang masih berlaku (kasus {caseId}).',
    en: 'Another Plt/Plh in force already covers this post (case {caseId}).',
  },
  ASSIGNMENT_APPOINTEE_NOT_FOUND: { id: 'Pegawai dengan NIP {nip} tidak terdaftar.', en: 'No employee with NIP {nip} is in the registry.' },
  ASSIGNMENT_APPOINTEE_HOLDS_POST: { id: '{name} adalah pemegang jabatan itu sendiri.', en: '{name} holds that post already.' },
  ASSIGNMENT_LEVEL: {
    id: '{name} ({position}) tidak setingkat atau satu tingkat di bawah jabatan yang diisi ({post}).',
    en: '{name} ({position}) is neither at the same level as nor one level below the post ({post}).',
  },
  ASSIGNMENT_PLT_POST_HELD: {
    id: 'Catatan: jabatan ini masih tercatat diduduki {holder}; Plt mengisi jabatan yang pejabatnya berhalangan tetap.',
    en: 'Note: the registry still shows {holder} in this post; a Plt covers an official who is permanently absent.',
  },
  ASSIGNMENT_EXTENSION_OUTSIDE_RULE: {
    id: 'Perpanjangan tidak sesuai ketentuan: Plt hanya dapat diperpanjang satu kali, paling lama 3 bulan (sampai {latest}).',
    en: 'The extension breaks the rule: a Plt may be extended once, by at most 3 months (until {latest}).',
  },
  // Rotation candidates: why each part of the score is what it is.
  CANDIDATE_EDUCATION: {
    id: '{level} {major}: jenjang {levelVerdictId} {needed}; jurusan ini dimiliki {share} pegawai unit.',
    en: '{level} {major}: level {levelVerdictEn} {needed}; {share} of the unit\'s staff share this major.',
  },
  CANDIDATE_COMPETENCIES: { id: 'Kompetensi yang juga dimiliki pegawai unit: {matched}.', en: 'Competencies the unit\'s staff also hold: {matched}.' },
  CANDIDATE_NO_COMPETENCIES: { id: 'Tidak ada kompetensi yang sama dengan pegawai unit.', en: 'No competency in common with the unit\'s staff.' },
  CANDIDATE_TRAINING: {
    id: '{leadershipId}; pelatihan teknis/fungsional yang juga diikuti pegawai unit: {relevant}.',
    en: '{leadershipEn}; technical/functional training the unit\'s staff also took: {relevant}.',
  },
  CANDIDATE_LEADERSHIP_NONE: { id: 'tanpa syarat pelatihan kepemimpinan', en: 'no leadership training required' },
  CANDIDATE_LEADERSHIP_DONE: { id: 'pelatihan kepemimpinan {kind} terpenuhi', en: 'leadership training {kind} done' },
  CANDIDATE_LEADERSHIP_MISSING: { id: 'belum mengikuti {kind}', en: '{kind} not yet done' },
  CANDIDATE_PERFORMANCE: { id: 'SKP terakhir ({year}): {rating}.', en: 'Latest SKP ({year}): {rating}.' },
} as const satisfies Record<string, Localized>;

export type DomainMessageKey = keyof typeof domainMessages;

/** A catalogue message with its placeholders filled, in both languages. */
export function domainMessage(key: DomainMessageKey, params: Record<string, string | number> = {}): Localized {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  return { id: fill(domainMessages[key].id), en: fill(domainMessages[key].en) };
}

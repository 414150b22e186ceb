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
  // Nominasi pelatihan: the checks shown to the BKPSDM verifier, and the budget effects.
  TRAINING_STARTS_IN_PAST: { id: 'Pelatihan dimulai {start}, sebelum hari ini ({today}).', en: 'The training starts on {start}, before today ({today}).' },
  TRAINING_EMPLOYEE_NOT_FOUND: { id: 'Pegawai dengan NIP {nip} tidak terdaftar.', en: 'No employee with NIP {nip} is in the registry.' },
  TRAINING_PROPOSER_OUT_OF_SCOPE: {
    id: 'Kepala OPD hanya dapat mengusulkan pegawai di unitnya sendiri.',
    en: 'A kepala OPD may nominate only employees of their own unit.',
  },
  TRAINING_LATSAR_NOT_CPNS: {
    id: 'Latsar untuk CPNS; pegawai ini sudah {years} tahun menjadi ASN.',
    en: 'Latsar is for new CPNS; this employee has served {years} years.',
  },
  TRAINING_ALREADY_DONE: { id: 'Pegawai sudah pernah mengikuti {kind}.', en: 'The employee has already completed {kind}.' },
  TRAINING_LEADERSHIP_WRONG_POST: {
    id: '{kind} untuk pejabat {needed}; jabatan pegawai: {post}.',
    en: '{kind} is for {needed} officials; the employee\'s post: {post}.',
  },
  TRAINING_PKN_NOT_ELIGIBLE: {
    id: 'PKN Tingkat II untuk pejabat JPT Pratama, atau pejabat Administrator golongan paling rendah IV/a selama 2 tahun; pegawai: {post}, {golongan} selama {years} tahun.',
    en: 'PKN II is for JPT Pratama officials, or Administrator officials of at least IV/a for 2 years; the employee: {post}, {golongan} for {years} years.',
  },
  TRAINING_STUDY_SERVICE_TOO_SHORT: {
    id: 'Tugas belajar memerlukan masa kerja paling singkat 1 tahun.',
    en: 'State-funded study needs at least 1 year of service.',
  },
  TRAINING_IZIN_BELAJAR_SELF_FUNDED: {
    id: 'Izin belajar dibiayai sendiri oleh pegawai; biaya {cost} tidak dapat dibebankan ke anggaran unit.',
    en: 'A study permit is self-funded; {cost} cannot be charged to the unit\'s budget.',
  },
  TRAINING_SANCTION_IN_FORCE: {
    id: 'Pegawai sedang menjalani hukuman disiplin tingkat {level} (sampai {end}).',
    en: 'The employee is under a {level} disciplinary sanction (until {end}).',
  },
  TRAINING_JP_BELOW: {
    id: 'JP tahun {year}: {jp} dari hak {right} JP; dengan pelatihan ini menjadi {after} JP.',
    en: 'JP in {year}: {jp} of the {right} JP right; {after} JP with this training.',
  },
  TRAINING_JP_MET: {
    id: 'JP tahun {year}: {jp} JP, hak {right} JP sudah terpenuhi; dengan pelatihan ini menjadi {after} JP.',
    en: 'JP in {year}: {jp} JP, the {right} JP right is met; {after} JP with this training.',
  },
  TRAINING_OVER_BUDGET: {
    id: 'Biaya {cost} melebihi sisa anggaran pelatihan unit tahun {year} ({available}).',
    en: 'The cost of {cost} exceeds what is left of the unit\'s {year} training budget ({available}).',
  },
  TRAINING_BUDGET_FITS: {
    id: 'Biaya {cost} tersedia dalam sisa anggaran pelatihan unit tahun {year} ({available}).',
    en: 'The cost of {cost} fits what is left of the unit\'s {year} training budget ({available}).',
  },
  TRAINING_NO_BUDGET_LINE: {
    id: 'Unit tidak memiliki pagu anggaran pelatihan tahun {year}.',
    en: 'The unit has no training budget line for {year}.',
  },
  TRAINING_BUDGET_RESERVED: { id: 'Anggaran {amount} dicadangkan untuk pelatihan ini.', en: '{amount} of the budget is reserved for this training.' },
  TRAINING_BUDGET_TAKEN: {
    id: 'Anggaran tidak lagi cukup: sisa {available}, diperlukan {cost}. Usulan lain telah memakai anggaran lebih dulu.',
    en: 'The budget no longer suffices: {available} left, {cost} needed. Other nominations used the budget first.',
  },
  TRAINING_BUDGET_RELEASED: { id: 'Cadangan anggaran {amount} dikembalikan.', en: 'The reservation of {amount} was released.' },
  TRAINING_COMPLETED: {
    id: '{jp} JP dicatat untuk {employee}; total JP tahun {year}: {total}.',
    en: '{jp} JP recorded for {employee}; JP total for {year}: {total}.',
  },
  // Penataan struktur: the check shown to Bagian Organisasi, and the registry update.
  RESTRUCTURING_OPD_NOT_FOUND: { id: 'Perangkat daerah {id} tidak ditemukan.', en: 'Regional government unit {id} does not exist.' },
  RESTRUCTURING_PROPOSER_OUT_OF_SCOPE: {
    id: 'Pengusul tidak berwenang atas {opd}: kepala OPD hanya dapat mengusulkan penataan perangkat daerahnya sendiri.',
    en: 'The proposer is not responsible for {opd}: a kepala OPD may propose restructuring only their own unit.',
  },
  RESTRUCTURING_NOTHING_TO_CHANGE: { id: 'Usulan tidak memuat perubahan unit, jabatan, atau pegawai.', en: 'The proposal changes no unit, position or employee.' },
  RESTRUCTURING_UNIT_NOT_FOUND: { id: 'Unit {id} tidak ditemukan.', en: 'Unit {id} does not exist.' },
  RESTRUCTURING_UNIT_OUTSIDE_OPD: {
    id: 'Unit {unit} bukan bagian dari {opd}; usulan hanya dapat mengubah unit perangkat daerah pengusul.',
    en: 'Unit {unit} is not part of {opd}; a proposal may change only units of the proposing OPD.',
  },
  RESTRUCTURING_UNIT_REFERENCE_MISSING: {
    id: 'Sebutkan unitnya: unit yang ada atau unit baru pada usulan ini.',
    en: 'Name the unit: an existing unit or a new unit of this proposal.',
  },
  RESTRUCTURING_UNIT_REFERENCE_AMBIGUOUS: {
    id: 'Sebutkan unit yang ada atau unit baru pada usulan ini, tidak keduanya.',
    en: 'Name an existing unit or a new unit of this proposal, not both.',
  },
  RESTRUCTURING_REF_DUPLICATE: { id: 'Kode sementara "{ref}" dipakai lebih dari sekali.', en: 'The reference "{ref}" is used more than once.' },
  RESTRUCTURING_REF_UNKNOWN: { id: 'Tidak ada unit atau jabatan baru "{ref}" pada usulan ini.', en: 'No new unit or position "{ref}" is in this proposal.' },
  RESTRUCTURING_OPD_ROOT_CHANGE: {
    id: '{opd} sendiri tidak dapat digabungkan atau dihapus melalui usulan penataan perangkat daerah ini.',
    en: '{opd} itself cannot be merged or removed by its own restructuring proposal.',
  },
  RESTRUCTURING_UNIT_CHANGED_TWICE: {
    id: 'Unit {unit} diubah lebih dari sekali (diganti nama, digabung atau dihapus): satu perubahan per unit.',
    en: 'Unit {unit} is changed more than once (renamed, merged or removed): one change per unit.',
  },
  RESTRUCTURING_MERGE_INTO_SELF: { id: 'Unit {unit} tidak dapat digabungkan ke dirinya sendiri.', en: 'Unit {unit} cannot be merged into itself.' },
  RESTRUCTURING_MERGE_INTO_DESCENDANT: {
    id: 'Unit {unit} tidak dapat digabungkan ke {target} yang berada di bawahnya: struktur akan melingkar.',
    en: 'Unit {unit} cannot be merged into {target}, which sits below it: the tree would loop.',
  },
  RESTRUCTURING_TARGET_GONE: {
    id: 'Unit tujuan {unit} digabungkan atau dihapus pada usulan ini.',
    en: 'The target unit {unit} is merged or removed by this proposal.',
  },
  RESTRUCTURING_PARENT_GONE: {
    id: 'Unit induk {unit} digabungkan atau dihapus pada usulan ini; unit baru tidak dapat berada di bawahnya.',
    en: 'The parent unit {unit} is merged or removed by this proposal; a new unit cannot sit below it.',
  },
  RESTRUCTURING_CYCLE: {
    id: 'Unit baru "{ref}" berada di bawah dirinya sendiri: struktur melingkar.',
    en: 'New unit "{ref}" sits below itself: the tree would loop.',
  },
  RESTRUCTURING_CODE_TAKEN: { id: 'Kode unit {code} sudah dipakai.', en: 'Unit code {code} is already in use.' },
  RESTRUCTURING_CHILD_ORPHANED: {
    id: 'Unit {unit} dihapus, tetapi unit di bawahnya, {child}, tidak ikut dihapus atau digabungkan.',
    en: 'Unit {unit} is removed, but the unit below it, {child}, is neither removed nor merged.',
  },
  RESTRUCTURING_POSITION_NOT_FOUND: { id: 'Jabatan {id} tidak ditemukan.', en: 'Position {id} does not exist.' },
  RESTRUCTURING_POSITION_OUTSIDE_OPD: {
    id: 'Jabatan {position} bukan jabatan pada {opd}.',
    en: 'Position {position} is not a position of {opd}.',
  },
  RESTRUCTURING_POSITION_CHANGED_TWICE: {
    id: 'Jabatan {position} diubah lebih dari sekali (dipindahkan, disetarakan, dihapus atau dibawa pegawai ke unit lain).',
    en: 'Position {position} is changed more than once (moved, converted, abolished or taken along to another unit).',
  },
  RESTRUCTURING_CONVERSION_WRONG_JENIS: {
    id: 'Jabatan {position} ({jenis}) tidak dapat disetarakan: hanya jabatan Administrator, Pengawas dan Eselon V (PermenPANRB 17/2021).',
    en: 'Position {position} ({jenis}) cannot be converted: only Administrator, Pengawas and Eselon V posts (PermenPANRB 17/2021).',
  },
  RESTRUCTURING_CONVERSION_LEVEL: {
    id: 'Jabatan {jenis} {position} disetarakan ke jabatan fungsional {expected}, bukan {given} (PermenPANRB 17/2021).',
    en: 'The {jenis} post {position} converts to a functional post at {expected}, not {given} (PermenPANRB 17/2021).',
  },
  RESTRUCTURING_POSITION_REFERENCED: {
    id: 'Formasi {position} masih dirujuk penugasan sementara (kasus {cases}); pindahkan, jangan dihapus.',
    en: 'Position {position} is still referred to by temporary assignments (case {cases}); move it instead of abolishing it.',
  },
  RESTRUCTURING_HEAD_TWICE: { id: 'Unit {unit} akan memiliki lebih dari satu jabatan kepala.', en: 'Unit {unit} would have more than one head post.' },
  RESTRUCTURING_EMPLOYEE_NOT_FOUND: { id: 'Pegawai dengan NIP {nip} tidak terdaftar.', en: 'No employee with NIP {nip} is in the registry.' },
  RESTRUCTURING_EMPLOYEE_OUTSIDE_OPD: {
    id: 'Pegawai {employee} bukan pegawai {opd}.',
    en: 'Employee {employee} does not work in {opd}.',
  },
  RESTRUCTURING_EMPLOYEE_MAPPED_TWICE: { id: 'Pegawai dengan NIP {nip} dipetakan lebih dari sekali.', en: 'The employee with NIP {nip} is mapped more than once.' },
  RESTRUCTURING_TARGET_POSITION_ABOLISHED: { id: 'Jabatan tujuan {position} dihapus pada usulan ini.', en: 'The target position {position} is abolished by this proposal.' },
  RESTRUCTURING_TARGET_POSITION_TAKEN: {
    id: 'Jabatan tujuan {position} masih diduduki {holder}, yang tidak dipetakan ke jabatan lain.',
    en: 'The target position {position} is held by {holder}, who is not mapped to another position.',
  },
  RESTRUCTURING_POSITION_HOLDER_TWICE: {
    id: 'Lebih dari satu pegawai dipetakan ke jabatan {position}.',
    en: 'More than one employee is mapped to position {position}.',
  },
  RESTRUCTURING_TARGET_UNIT_MISMATCH: {
    id: 'Jabatan {position} berada di unit {unit}, bukan di unit tujuan yang disebutkan.',
    en: 'Position {position} is in unit {unit}, not in the target unit given.',
  },
  RESTRUCTURING_POSITION_ORPHANED: {
    id: 'Jabatan {position} tertinggal di unit {unit} yang dihapus: pindahkan, setarakan ke unit lain, atau hapus formasinya.',
    en: 'Position {position} would be left in the removed unit {unit}: move it, convert it into another unit, or abolish it.',
  },
  RESTRUCTURING_EMPLOYEE_ORPHANED: {
    id: 'Pegawai {employee} tertinggal di unit {unit} yang dihapus: petakan ke unit atau jabatan lain.',
    en: 'Employee {employee} would be left in the removed unit {unit}: map them to another unit or position.',
  },
  RESTRUCTURING_ABOLISH_HELD: {
    id: 'Formasi {position} dihapus, tetapi masih diduduki {holder}: petakan pegawai itu ke jabatan lain.',
    en: 'Position {position} is abolished but still held by {holder}: map that employee to another position.',
  },
  RESTRUCTURING_UNIT_WITHOUT_HEAD: {
    id: 'Catatan: unit {unit} tidak akan memiliki jabatan kepala.',
    en: 'Note: unit {unit} will have no head post.',
  },
  RESTRUCTURING_POSITION_COUNT_CURRENT: {
    id: 'Catatan: jumlah jabatan {jenis} sekarang tertulis {stated}, registri mencatat {actual}.',
    en: 'Note: the current number of {jenis} posts is given as {stated}; the registry has {actual}.',
  },
  RESTRUCTURING_POSITION_COUNT_PROPOSED: {
    id: 'Catatan: jumlah jabatan {jenis} usulan tertulis {stated}, perubahan pada usulan menghasilkan {planned}.',
    en: 'Note: the proposed number of {jenis} posts is given as {stated}; the proposed changes give {planned}.',
  },
  RESTRUCTURING_ABK_NEED: {
    id: 'Catatan: ABK {position}: beban kerja dibagi jam kerja efektif = {computed} pegawai, tertulis {stated}.',
    en: 'Note: workload analysis of {position}: workload divided by effective hours = {computed} staff, given as {stated}.',
  },
  RESTRUCTURING_NOT_APPLIED: {
    id: 'Registri tidak diubah: registri berubah sejak pemeriksaan sehingga penataan akan menimbulkan {count} masalah (lihat daftar). Selesaikan, misalnya dengan memetakan pegawai yang baru masuk ke unit yang dihapus, lalu kirim tugas ini.',
    en: 'The registry was not changed: it changed since the check, so the restructuring would cause {count} problem(s) (see the list). Settle them, e.g. by mapping employees who have since joined a removed unit, then submit this task.',
  },
  RESTRUCTURING_STILL_REFERENCED: {
    id: 'Registri tidak diubah: unit atau formasi yang akan dihapus masih dirujuk data lain ({detail}). Selesaikan rujukan itu, lalu kirim tugas ini.',
    en: 'The registry was not changed: a unit or position to be deleted is still referred to by other records ({detail}). Settle that, then submit this task.',
  },
  RESTRUCTURING_APPLIED: {
    id: 'Registri diperbarui sesuai {perkada}: {units} unit dibentuk, diubah, digabung atau dihapus; {positions} jabatan berubah; {employees} pegawai dipetakan ulang.',
    en: 'The registry follows {perkada}: {units} unit(s) created, renamed, merged or removed; {positions} position(s) changed; {employees} employee(s) re-mapped.',
  },
} as const satisfies Record<string, Localized>;

export type DomainMessageKey = keyof typeof domainMessages;

/** A catalogue message with its placeholders filled, in both languages. */
export function domainMessage(key: DomainMessageKey, params: Record<string, string | number> = {}): Localized {
  const fill = (text: string) => text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  return { id: fill(domainMessages[key].id), en: fill(domainMessages[key].en) };
}

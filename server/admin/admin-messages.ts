/**
 * Messages of the administration routes (/api/admin) and of each user's own absence (/api/me),
 * Bahasa Indonesia first; spread into server/messages.ts.
 */
export const adminMessages = {
  USER_NOT_FOUND: { id: 'Pengguna tidak ditemukan.', en: 'User not found.' },
  USER_IS_SYSTEM: {
    id: 'Pengguna sistem {login} dipakai oleh Alur sendiri dan tidak dapat diubah.',
    en: 'The system user {login} is used by Alur itself and cannot be changed.',
  },
  CALENDAR_DAY_NOT_FOUND: { id: 'Hari pada kalender kerja tidak ditemukan.', en: 'Calendar day not found.' },
  FREEZE_PERIOD_NOT_FOUND: { id: 'Masa larangan pilkada tidak ditemukan.', en: 'Election-freeze period not found.' },
  INVALID_ROLE: { id: 'role harus salah satu peran yang dikenal.', en: 'role must be one of the known roles.' },
  INVALID_ACTIVE: { id: 'active harus true atau false.', en: 'active must be true or false.' },
  FIELD_NOT_BOOLEAN: { id: 'Harus ya atau tidak (true/false).', en: 'Must be yes or no (true/false).' },
  FIELD_TOO_SHORT: { id: 'Terlalu pendek (paling sedikit {min} karakter).', en: 'Too short (at least {min} characters).' },
  FIELD_LOGIN_FORMAT: {
    id: 'Nama pengguna: 2–100 karakter berupa huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf atau angka.',
    en: 'User name: 2–100 lowercase letters, digits, dots, underscores or hyphens, starting with a letter or digit.',
  },
  FIELD_LOGIN_TAKEN: { id: 'Nama pengguna {login} sudah dipakai.', en: 'The user name {login} is already taken.' },
  FIELD_PASSWORD_LENGTH: {
    id: 'Kata sandi paling sedikit {min} dan paling banyak {max} karakter.',
    en: 'The password must have at least {min} and at most {max} characters.',
  },
  FIELD_PASSWORD_IS_LOGIN: { id: 'Kata sandi tidak boleh sama dengan nama pengguna.', en: 'The password may not be the user name.' },
  FIELD_NOT_ROLE_LIST: { id: 'Harus berupa daftar peran, masing-masing sekali.', en: 'Must be a list of roles, each at most once.' },
  FIELD_UNKNOWN_ROLES: { id: 'Peran tidak dikenal: {roles}. Pilih dari: {options}.', en: 'Unknown roles: {roles}. Choose from: {options}.' },
  FIELD_UNIT_SCOPE_REQUIRED: {
    id: 'Peran {roles} hanya berlaku untuk satu unit kerja: pilih unitnya.',
    en: 'The role(s) {roles} apply to one unit only: choose the unit.',
  },
  FIELD_NOT_EMAIL: { id: 'Bukan alamat surel yang sah, mis. nama@surakarta.go.id.', en: 'Not a valid e-mail address, e.g. name@surakarta.go.id.' },
  FIELD_UNKNOWN_EMPLOYEE: { id: 'Pegawai {id} tidak ditemukan.', en: 'Employee {id} does not exist.' },
  FIELD_LAST_ADMINISTRATOR: {
    id: 'Ini administrator aktif terakhir. Jadikan pengguna lain administrator terlebih dahulu.',
    en: 'This is the last active administrator. Make another user an administrator first.',
  },
  FIELD_DEACTIVATE_SELF: { id: 'Anda tidak dapat menonaktifkan akun Anda sendiri.', en: 'You cannot deactivate your own account.' },
  FIELD_END_BEFORE_START: {
    id: 'Tanggal selesai tidak boleh sebelum tanggal mulai ({start}).',
    en: 'The end date may not be before the start date ({start}).',
  },
  FIELD_ABSENCE_OVER: {
    id: 'Tanggal selesai sudah lewat; ketidakhadiran harus berakhir hari ini ({today}) atau sesudahnya.',
    en: 'The end date has passed; an absence must end today ({today}) or later.',
  },
  FIELD_SUBSTITUTE_SELF: { id: 'Pengganti harus orang lain, bukan pengguna yang tidak hadir.', en: 'The substitute must be someone else, not the absent user.' },
  FIELD_SUBSTITUTE_UNKNOWN: { id: 'Pengguna pengganti tidak ditemukan.', en: 'The substitute user does not exist.' },
  FIELD_SUBSTITUTE_INACTIVE: { id: '{name} tidak aktif dan tidak dapat menjadi pengganti.', en: '{name} is not active and cannot be a substitute.' },
  FIELD_SUBSTITUTE_ABSENT: {
    id: '{name} juga tidak hadir pada {start} s.d. {end}; pilih pengganti lain.',
    en: '{name} is absent too, from {start} to {end}; choose another substitute.',
  },
  FIELD_SUBSTITUTE_CHAIN: {
    id: '{name} tidak hadir pada {start} s.d. {end} dan menunjuk pengguna ini sebagai penggantinya; tugas akan berputar tanpa penerima.',
    en: '{name} is absent from {start} to {end} and names this user as their substitute; tasks would go round in a circle.',
  },
  FIELD_DATE_TAKEN: { id: 'Tanggal ini sudah ada di kalender: {name}.', en: 'This date is already in the calendar: {name}.' },
  FIELD_WEEKEND_CUTI_BERSAMA: {
    id: 'Tanggal ini hari Sabtu atau Minggu, yang sudah otomatis bukan hari kerja; cuti bersama hanya pada hari kerja.',
    en: 'This date is a Saturday or Sunday, already a non-working day; cuti bersama falls on working days only.',
  },
  FIELD_EXTRA_DAY_ON_WEEKDAY: {
    id: 'Hari kerja tambahan harus hari Sabtu atau Minggu; hari Senin–Jumat sudah hari kerja.',
    en: 'An extra working day must be a Saturday or Sunday; Monday to Friday are working days already.',
  },
  FIELD_FREEZE_OVERLAP: {
    id: 'Tumpang tindih dengan masa larangan {start} s.d. {end}; ubah masa itu atau pilih tanggal lain.',
    en: 'Overlaps the freeze period {start} to {end}; change that period or choose other dates.',
  },
} as const;

/**
 * What differs between kinds of OPD in the demo data: the study majors of their staff, the
 * jabatan fungsional they employ, competencies and technical courses.
 */
export interface Domain {
  majors: readonly string[];
  /** Jabatan fungsional keahlian (ahli pertama … madya). */
  expertFunctional: readonly string[];
  /** Jabatan fungsional keterampilan (terampil … penyelia). */
  skilledFunctional: readonly string[];
  competencies: readonly string[];
  courses: readonly string[];
}

const GENERAL: Domain = {
  majors: ['Administrasi Publik', 'Ilmu Pemerintahan', 'Manajemen', 'Akuntansi', 'Hukum', 'Ekonomi Pembangunan', 'Sosiologi', 'Ilmu Komunikasi'],
  expertFunctional: ['Analis Kebijakan', 'Perencana', 'Analis Sumber Daya Manusia Aparatur', 'Analis Keuangan Pusat dan Daerah', 'Pengelola Pengadaan Barang/Jasa'],
  skilledFunctional: ['Arsiparis', 'Pranata Komputer'],
  competencies: [
    'penyusunan rencana kerja', 'pengelolaan keuangan daerah', 'pengelolaan kepegawaian', 'kearsipan dinamis',
    'pelayanan publik', 'penyusunan laporan kinerja', 'pengadaan barang/jasa', 'manajemen risiko', 'komunikasi publik',
  ],
  courses: [
    'Bimtek Penyusunan SKP dan Manajemen Kinerja', 'Pelatihan Pelayanan Prima', 'Pelatihan Pengadaan Barang/Jasa Tingkat Dasar',
    'Bimtek Penatausahaan Keuangan Daerah pada SIPD', 'Pelatihan Manajemen Risiko Sektor Publik', 'Pelatihan Kearsipan Dinamis',
    'Pelatihan Penulisan Naskah Dinas', 'Bimtek Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)',
  ],
};

function domain(extra: Partial<Domain>): Domain {
  return {
    majors: [...GENERAL.majors.slice(0, 3), ...(extra.majors ?? [])],
    expertFunctional: extra.expertFunctional ?? GENERAL.expertFunctional,
    skilledFunctional: extra.skilledFunctional ?? GENERAL.skilledFunctional,
    competencies: [...GENERAL.competencies.slice(0, 4), ...(extra.competencies ?? [])],
    courses: [...GENERAL.courses.slice(0, 4), ...(extra.courses ?? [])],
  };
}

export const DOMAINS = {
  general: GENERAL,
  governance: domain({
    majors: ['Ilmu Pemerintahan', 'Hukum', 'Administrasi Publik', 'Ilmu Politik'],
    expertFunctional: ['Analis Kebijakan', 'Analis Hukum', 'Perancang Peraturan Perundang-undangan', 'Pranata Hubungan Masyarakat'],
    competencies: ['penyusunan produk hukum daerah', 'fasilitasi pemerintahan', 'analisis kebijakan', 'protokol dan keprotokolan'],
    courses: ['Pelatihan Legal Drafting', 'Bimtek Penyusunan Produk Hukum Daerah', 'Pelatihan Analis Kebijakan'],
  }),
  organisation: domain({
    majors: ['Administrasi Publik', 'Psikologi', 'Manajemen Sumber Daya Manusia'],
    expertFunctional: ['Analis Sumber Daya Manusia Aparatur', 'Asesor Sumber Daya Manusia Aparatur', 'Analis Kebijakan', 'Widyaiswara'],
    competencies: ['analisis jabatan', 'analisis beban kerja', 'manajemen talenta', 'penilaian kinerja', 'pengembangan kompetensi'],
    courses: ['Pelatihan Penyusunan Analisis Jabatan dan Analisis Beban Kerja', 'Pelatihan Manajemen Talenta ASN', 'Bimtek Sistem Merit', 'Pelatihan Asesor Kompetensi'],
  }),
  audit: domain({
    majors: ['Akuntansi', 'Hukum', 'Teknik Sipil'],
    expertFunctional: ['Auditor', 'Pengawas Penyelenggaraan Urusan Pemerintahan di Daerah'],
    competencies: ['audit kinerja', 'audit investigatif', 'reviu laporan keuangan', 'probity audit', 'pengendalian intern'],
    courses: ['Pelatihan Audit Kinerja', 'Pelatihan Audit Investigatif', 'Pelatihan Reviu Laporan Keuangan Pemerintah Daerah', 'Pelatihan Probity Audit Pengadaan'],
  }),
  planning: domain({
    majors: ['Perencanaan Wilayah dan Kota', 'Ekonomi Pembangunan', 'Statistika', 'Teknik Sipil'],
    expertFunctional: ['Perencana', 'Peneliti', 'Analis Kebijakan'],
    competencies: ['perencanaan pembangunan daerah', 'monitoring dan evaluasi', 'riset dan inovasi', 'analisis data pembangunan'],
    courses: ['Pelatihan Penyusunan RPJMD dan Renstra', 'Pelatihan Monitoring dan Evaluasi Pembangunan', 'Pelatihan Analisis Data untuk Perencanaan'],
  }),
  finance: domain({
    majors: ['Akuntansi', 'Ekonomi Pembangunan', 'Perpajakan', 'Manajemen Keuangan'],
    expertFunctional: ['Analis Keuangan Pusat dan Daerah', 'Analis Anggaran', 'Pengelola Pengadaan Barang/Jasa'],
    competencies: ['penganggaran', 'akuntansi pemerintahan', 'penatausahaan aset', 'pajak daerah', 'retribusi daerah'],
    courses: ['Bimtek Akuntansi Berbasis Akrual', 'Pelatihan Pengelolaan Barang Milik Daerah', 'Pelatihan Pemeriksaan Pajak Daerah', 'Bimtek Penyusunan APBD'],
  }),
  disaster: domain({
    majors: ['Teknik Sipil', 'Geografi', 'Kesehatan Masyarakat'],
    expertFunctional: ['Analis Kebijakan', 'Perencana'],
    competencies: ['kesiapsiagaan bencana', 'manajemen logistik darurat', 'kaji cepat bencana', 'rehabilitasi dan rekonstruksi'],
    courses: ['Pelatihan Manajemen Posko Tanggap Darurat', 'Pelatihan Kaji Cepat Bencana', 'Pelatihan Pengelolaan Logistik Kebencanaan'],
  }),
  politics: domain({
    majors: ['Ilmu Politik', 'Ilmu Pemerintahan', 'Sosiologi'],
    competencies: ['wawasan kebangsaan', 'penanganan konflik sosial', 'fasilitasi organisasi kemasyarakatan', 'pendidikan politik'],
    courses: ['Pelatihan Penanganan Konflik Sosial', 'Bimtek Wawasan Kebangsaan', 'Pelatihan Deteksi Dini Kerawanan Sosial'],
  }),
  publicOrder: domain({
    majors: ['Hukum', 'Ilmu Pemerintahan'],
    expertFunctional: ['Polisi Pamong Praja', 'Analis Kebijakan'],
    skilledFunctional: ['Polisi Pamong Praja', 'Polisi Pamong Praja', 'Arsiparis'],
    competencies: ['penegakan peraturan daerah', 'ketertiban umum', 'perlindungan masyarakat', 'pengamanan aset daerah'],
    courses: ['Pelatihan Dasar Polisi Pamong Praja', 'Pelatihan Penyidik Pegawai Negeri Sipil (PPNS)', 'Pelatihan Penanganan Unjuk Rasa'],
  }),
  education: domain({
    majors: ['Pendidikan Matematika', 'Pendidikan Bahasa Indonesia', 'Pendidikan Guru Sekolah Dasar', 'Manajemen Pendidikan', 'Pendidikan Luar Sekolah'],
    expertFunctional: ['Pengawas Sekolah', 'Pamong Belajar', 'Penilik', 'Perencana'],
    competencies: ['manajemen pendidikan', 'supervisi akademik', 'pendidikan anak usia dini', 'asesmen pembelajaran', 'data pokok pendidikan'],
    courses: ['Pelatihan Implementasi Kurikulum Merdeka', 'Bimtek Data Pokok Pendidikan (Dapodik)', 'Pelatihan Supervisi Akademik'],
  }),
  health: domain({
    majors: ['Kesehatan Masyarakat', 'Keperawatan', 'Gizi', 'Kesehatan Lingkungan', 'Farmasi'],
    expertFunctional: ['Epidemiolog Kesehatan', 'Administrator Kesehatan', 'Penyuluh Kesehatan Masyarakat', 'Nutrisionis', 'Apoteker'],
    skilledFunctional: ['Sanitarian', 'Nutrisionis', 'Pranata Komputer'],
    competencies: ['surveilans epidemiologi', 'promosi kesehatan', 'gizi masyarakat', 'kesehatan lingkungan', 'manajemen puskesmas'],
    courses: ['Pelatihan Surveilans Epidemiologi', 'Pelatihan Tata Laksana Gizi Buruk', 'Pelatihan Manajemen Puskesmas', 'Pelatihan Imunisasi bagi Petugas'],
  }),
  works: domain({
    majors: ['Teknik Sipil', 'Arsitektur', 'Perencanaan Wilayah dan Kota', 'Teknik Lingkungan'],
    expertFunctional: ['Teknik Jalan dan Jembatan', 'Teknik Pengairan', 'Penata Ruang', 'Pembina Jasa Konstruksi'],
    skilledFunctional: ['Teknik Jalan dan Jembatan', 'Teknik Pengairan', 'Arsiparis'],
    competencies: ['perencanaan jalan dan jembatan', 'pengelolaan sumber daya air', 'penataan ruang', 'pengawasan konstruksi'],
    courses: ['Pelatihan Ahli Muda Manajemen Konstruksi', 'Pelatihan Penyusunan RDTR', 'Pelatihan Pengawasan Mutu Pekerjaan Jalan'],
  }),
  population: domain({
    majors: ['Sistem Informasi', 'Teknik Informatika', 'Ilmu Pemerintahan'],
    expertFunctional: ['Administrator Database Kependudukan', 'Pranata Komputer', 'Analis Kebijakan'],
    skilledFunctional: ['Administrator Database Kependudukan', 'Pranata Komputer', 'Arsiparis'],
    competencies: ['pendaftaran penduduk', 'pencatatan sipil', 'administrasi database kependudukan', 'pemanfaatan data kependudukan'],
    courses: ['Bimtek Sistem Informasi Administrasi Kependudukan (SIAK)', 'Pelatihan Identitas Kependudukan Digital', 'Pelatihan Pencatatan Sipil'],
  }),
  social: domain({
    majors: ['Kesejahteraan Sosial', 'Psikologi', 'Sosiologi'],
    expertFunctional: ['Pekerja Sosial', 'Penyuluh Sosial', 'Analis Kebijakan'],
    skilledFunctional: ['Pekerja Sosial', 'Penyuluh Sosial'],
    competencies: ['rehabilitasi sosial', 'perlindungan dan jaminan sosial', 'penanganan fakir miskin', 'pendampingan sosial'],
    courses: ['Pelatihan Pendamping Program Keluarga Harapan', 'Pelatihan Rehabilitasi Sosial Berbasis Keluarga', 'Bimtek Data Terpadu Kesejahteraan Sosial'],
  }),
  investment: domain({
    majors: ['Ekonomi Pembangunan', 'Hukum', 'Administrasi Bisnis'],
    expertFunctional: ['Analis Kebijakan', 'Perencana', 'Pranata Komputer'],
    competencies: ['perizinan berusaha berbasis risiko', 'promosi penanaman modal', 'pengelolaan pengaduan layanan', 'pelayanan terpadu satu pintu'],
    courses: ['Bimtek Online Single Submission (OSS) Berbasis Risiko', 'Pelatihan Promosi Investasi Daerah', 'Pelatihan Pengelolaan Pengaduan Pelayanan Publik'],
  }),
  informatics: domain({
    majors: ['Teknik Informatika', 'Sistem Informasi', 'Ilmu Komunikasi', 'Statistika'],
    expertFunctional: ['Pranata Komputer', 'Pranata Hubungan Masyarakat', 'Statistisi', 'Sandiman', 'Manggala Informatika'],
    skilledFunctional: ['Pranata Komputer', 'Statistisi', 'Sandiman', 'Pranata Hubungan Masyarakat'],
    competencies: ['pengembangan aplikasi', 'keamanan informasi', 'manajemen data', 'statistik sektoral', 'komunikasi publik', 'infrastruktur jaringan'],
    courses: ['Pelatihan Keamanan Informasi', 'Pelatihan Pengembangan Aplikasi Web', 'Pelatihan Satu Data Indonesia', 'Pelatihan Manajemen Layanan TIK'],
  }),
  district: domain({
    majors: ['Ilmu Pemerintahan', 'Hukum', 'Sosiologi'],
    competencies: ['pelayanan administrasi terpadu kecamatan', 'pemberdayaan masyarakat', 'ketenteraman dan ketertiban umum', 'pemerintahan kelurahan'],
    courses: ['Pelatihan Pelayanan Administrasi Terpadu Kecamatan (PATEN)', 'Bimtek Pemberdayaan Masyarakat Kelurahan', 'Pelatihan Penanganan Pengaduan Masyarakat'],
  }),
} as const satisfies Record<string, Domain>;

export type DomainKey = keyof typeof DOMAINS;

/** Javanese and common Indonesian names, for demo people only. */
export const MALE_GIVEN = [
  'Agus', 'Bambang', 'Budi', 'Joko', 'Eko', 'Heru', 'Teguh', 'Slamet', 'Hadi', 'Wahyu', 'Arif', 'Rudi', 'Dedi', 'Yusuf',
  'Fajar', 'Rizky', 'Ahmad', 'Muhammad', 'Dimas', 'Bayu', 'Aditya', 'Hendra', 'Iwan', 'Setyo', 'Danang', 'Gilang',
  'Yoga', 'Galih', 'Anton', 'Bagus', 'Andi', 'Sigit', 'Tri', 'Dwi', 'Kurniawan', 'Suparno', 'Sutrisno', 'Purwanto',
  'Haryo', 'Aryo', 'Wisnu', 'Satrio', 'Rahmat', 'Nur', 'Imam', 'Hari', 'Prasetyo', 'Bima', 'Rendra', 'Yudha',
] as const;

export const FEMALE_GIVEN = [
  'Sri', 'Endang', 'Retno', 'Dewi', 'Rina', 'Yuni', 'Ratna', 'Siti', 'Wulan', 'Ayu', 'Fitri', 'Nur', 'Indah', 'Anisa',
  'Putri', 'Dian', 'Rini', 'Tri', 'Dwi', 'Lilik', 'Ning', 'Yeni', 'Erna', 'Sari', 'Novita', 'Diah', 'Kartika', 'Maya',
  'Nanik', 'Tutik', 'Wiwik', 'Yuli', 'Asih', 'Lestari', 'Rahayu', 'Astri', 'Galuh', 'Laras', 'Ajeng', 'Kirana',
] as const;

export const MALE_FAMILY = [
  'Santoso', 'Wibowo', 'Susanto', 'Prasetyo', 'Nugroho', 'Saputra', 'Hidayat', 'Kurniawan', 'Setiawan', 'Purnomo',
  'Wijaya', 'Haryanto', 'Suryanto', 'Widodo', 'Sulistyo', 'Raharjo', 'Utomo', 'Susilo', 'Wicaksono', 'Hartono',
  'Firmansyah', 'Pratama', 'Budiman', 'Gunawan', 'Suharto', 'Mulyono', 'Darmawan', 'Prabowo', 'Sasongko', 'Handoko',
] as const;

export const FEMALE_FAMILY = [
  'Lestari', 'Wulandari', 'Rahayu', 'Handayani', 'Astuti', 'Susanti', 'Purwaningsih', 'Kusumawati', 'Pratiwi', 'Anggraini',
  'Maharani', 'Wahyuningsih', 'Rahmawati', 'Setyaningsih', 'Utami', 'Puspitasari', 'Sulistyowati', 'Kurniasih', 'Suryani', 'Mulyani',
  'Hapsari', 'Nugraheni', 'Permatasari', 'Yuliana', 'Safitri', 'Fitriani', 'Ariyani', 'Widyastuti', 'Oktaviani', 'Damayanti',
] as const;

/** A name as written on an SK: "Dr." before it for a doctorate, degrees after it. */
export function titledName(name: string, level: string, major: string | null): string {
  if (!major || !['D3', 'D4', 'S1', 'S2', 'S3'].includes(level)) return name;
  if (level === 'D3') return `${name}, A.Md.`;
  if (level === 'D4') return `${name}, S.Tr.`;
  if (level === 'S1') return `${name}, ${bachelor(major)}`;
  if (level === 'S2') return `${name}, ${bachelor(major)}, ${master(major)}`;
  return `Dr. ${name}, ${bachelor(major)}, ${master(major)}`;
}

function bachelor(major: string): string {
  if (/Hukum/.test(major)) return 'S.H.';
  if (/Akuntansi|Ekonomi|Manajemen|Perpajakan|Bisnis/.test(major)) return 'S.E.';
  if (/Teknik Informatika|Sistem Informasi/.test(major)) return 'S.Kom.';
  if (/Teknik|Arsitektur|Perencanaan Wilayah/.test(major)) return 'S.T.';
  if (/Kesehatan|Gizi/.test(major)) return 'S.K.M.';
  if (/Keperawatan/.test(major)) return 'S.Kep.';
  if (/Farmasi/.test(major)) return 'S.Farm.';
  if (/Pendidikan/.test(major)) return 'S.Pd.';
  if (/Psikologi/.test(major)) return 'S.Psi.';
  if (/Komunikasi/.test(major)) return 'S.I.Kom.';
  if (/Statistika/.test(major)) return 'S.Stat.';
  if (/Ilmu Pemerintahan|Ilmu Politik/.test(major)) return 'S.IP.';
  if (/Geografi/.test(major)) return 'S.Si.';
  return 'S.Sos.';
}

function master(major: string): string {
  if (/Hukum/.test(major)) return 'M.H.';
  if (/Akuntansi|Ekonomi|Manajemen|Perpajakan|Bisnis/.test(major)) return 'M.M.';
  if (/Teknik Informatika|Sistem Informasi/.test(major)) return 'M.Kom.';
  if (/Teknik|Arsitektur|Perencanaan Wilayah/.test(major)) return 'M.T.';
  if (/Kesehatan|Gizi|Keperawatan|Farmasi/.test(major)) return 'M.Kes.';
  if (/Pendidikan/.test(major)) return 'M.Pd.';
  return 'M.Si.';
}

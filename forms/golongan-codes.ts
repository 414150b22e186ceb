/** Golongan/ruang with the pangkat it carries, lowest first (DOMAIN.md). The order is the rank. */
export const GOLONGAN = [
  { code: 'I/a', pangkat: 'Juru Muda' },
  { code: 'I/b', pangkat: 'Juru Muda Tk. I' },
  { code: 'I/c', pangkat: 'Juru' },
  { code: 'I/d', pangkat: 'Juru Tk. I' },
  { code: 'II/a', pangkat: 'Pengatur Muda' },
  { code: 'II/b', pangkat: 'Pengatur Muda Tk. I' },
  { code: 'II/c', pangkat: 'Pengatur' },
  { code: 'II/d', pangkat: 'Pengatur Tk. I' },
  { code: 'III/a', pangkat: 'Penata Muda' },
  { code: 'III/b', pangkat: 'Penata Muda Tk. I' },
  { code: 'III/c', pangkat: 'Penata' },
  { code: 'III/d', pangkat: 'Penata Tk. I' },
  { code: 'IV/a', pangkat: 'Pembina' },
  { code: 'IV/b', pangkat: 'Pembina Tk. I' },
  { code: 'IV/c', pangkat: 'Pembina Utama Muda' },
  { code: 'IV/d', pangkat: 'Pembina Utama Madya' },
  { code: 'IV/e', pangkat: 'Pembina Utama' },
] as const;

export type Golongan = (typeof GOLONGAN)[number]['code'];

export const GOLONGAN_CODES: readonly Golongan[] = GOLONGAN.map((g) => g.code);

import type { FunctionalLevel, JenisJabatan } from '../db';

/**
 * The level (jenjang) of a position for the "same level or one level below" rule of Plt / Plh
 * (SE BKN 1/SE/I/2021), higher is more senior: the structural ladder, with functional levels at
 * the structural level they replaced when posts were converted (PermenPANRB 17/2021: administrator
 * → Ahli Madya, pengawas → Ahli Muda, eselon V → Ahli Pertama). Terampil levels sit with the
 * pelaksana. (Verify the equivalences against the region's own rule.)
 */
const STRUCTURAL_LEVEL: Record<Exclude<JenisJabatan, 'FUNGSIONAL'>, number> = {
  JPT_MADYA: 5,
  JPT_PRATAMA: 4,
  ADMINISTRATOR: 3,
  PENGAWAS: 2,
  PELAKSANA: 1,
};

const FUNCTIONAL_LEVEL: Record<FunctionalLevel, number> = {
  AHLI_UTAMA: 5,
  AHLI_MADYA: 3,
  AHLI_MUDA: 2,
  AHLI_PERTAMA: 1,
  PENYELIA: 1,
  MAHIR: 1,
  TERAMPIL: 1,
  PEMULA: 1,
};

export function positionLevel(position: { jenisJabatan: JenisJabatan; functionalLevel: FunctionalLevel | null }): number {
  if (position.jenisJabatan === 'FUNGSIONAL') return position.functionalLevel ? FUNCTIONAL_LEVEL[position.functionalLevel] : 1;
  return STRUCTURAL_LEVEL[position.jenisJabatan];
}

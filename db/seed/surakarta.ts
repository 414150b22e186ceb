import type { Eselon } from '../../forms';
import type { JenisJabatan } from '../entities/position';
import type { OrgUnitType } from '../entities/org-unit';
import type { DomainKey } from './domains';

/** A unit of the demo tree, before ids are given out. Staff counts are drawn by the builder. */
export interface UnitPlan {
  code: string;
  type: OrgUnitType;
  name: string;
  head: StructuralSeat | null;
  /** Structural seats that do not head the unit, e.g. the Sekretaris Kelurahan. */
  deputies: StructuralSeat[];
  /** How many fungsional and pelaksana seats to draw: [min, max] each. */
  staff: { functional: [number, number]; pelaksana: [number, number] };
  domain: DomainKey;
  children: UnitPlan[];
}

export interface StructuralSeat {
  title: string;
  jenis: JenisJabatan;
  eselon: Eselon;
}

const jpt = (title: string, eselon: Eselon): StructuralSeat => ({ title, jenis: 'JPT_PRATAMA', eselon });
const administrator = (title: string, eselon: Eselon): StructuralSeat => ({ title, jenis: 'ADMINISTRATOR', eselon });
const pengawas = (title: string, eselon: Eselon): StructuralSeat => ({ title, jenis: 'PENGAWAS', eselon });

type Staff = UnitPlan['staff'];
const STAFF_NONE: Staff = { functional: [0, 0], pelaksana: [0, 0] };

function unit(code: string, type: OrgUnitType, name: string, head: StructuralSeat | null, domain: DomainKey, staff: Staff, children: UnitPlan[] = [], deputies: StructuralSeat[] = []): UnitPlan {
  return { code, type, name, head, deputies, staff, domain, children };
}

/** A sub-unit headed by a pengawas (Subbagian, Seksi, Subbidang). */
function section(code: string, type: OrgUnitType, name: string, domain: DomainKey, eselon: Eselon = 'IV.a', staff: Staff = { functional: [0, 0], pelaksana: [0, 1] }): UnitPlan {
  return unit(code, type, name, pengawas(`Kepala ${name}`, eselon), domain, staff);
}

interface OfficeSpec {
  code: string;
  type: 'DINAS' | 'BADAN' | 'SATUAN';
  name: string;
  headTitle?: string;
  domain: DomainKey;
  /** Bidang with the names of their seksi (dinas) or subbidang (badan). */
  divisions: Array<[string, string[]]>;
  /** Extra fungsional drawn per bidang, for the large services. */
  extraFunctional?: number;
}

/** A dinas or badan: kepala (II.b), sekretariat (III.a) with its subbagian, bidang (III.b) with seksi/subbidang (IV.a). */
function office(spec: OfficeSpec): UnitPlan {
  const extra = spec.extraFunctional ?? 0;
  const subType: OrgUnitType = spec.type === 'BADAN' ? 'SUBBIDANG' : 'SEKSI';
  const secretariat = unit(`${spec.code}.SEK`, 'SEKRETARIAT', `Sekretariat ${spec.name}`, administrator(`Sekretaris ${spec.name}`, 'III.a'), 'general',
    { functional: [1, 2], pelaksana: [1, 3] }, [
      section(`${spec.code}.SEK.UMPEG`, 'SUBBAGIAN', 'Subbagian Umum dan Kepegawaian', 'general'),
      section(`${spec.code}.SEK.KEU`, 'SUBBAGIAN', 'Subbagian Keuangan dan Aset', 'finance'),
    ]);
  const divisions = spec.divisions.map(([name, subs], i) => unit(`${spec.code}.B${i + 1}`, 'BIDANG', name, administrator(`Kepala ${name}`, 'III.b'), spec.domain,
    { functional: [1 + extra, 2 + extra], pelaksana: [0, 1] },
    subs.map((sub, j) => section(`${spec.code}.B${i + 1}.${j + 1}`, subType, sub, spec.domain))));
  return unit(spec.code, spec.type, spec.name, jpt(spec.headTitle ?? `Kepala ${spec.name}`, 'II.b'), spec.domain, STAFF_NONE, [secretariat, ...divisions]);
}

function setda(): UnitPlan {
  const bagian = (code: string, name: string, domain: DomainKey, subs: string[]) => unit(`SETDA.${code}`, 'BAGIAN', name,
    administrator(`Kepala ${name}`, 'III.a'), domain, { functional: [1, 2], pelaksana: [0, 1] },
    subs.map((sub, i) => section(`SETDA.${code}.${i + 1}`, 'SUBBAGIAN', sub, domain)));
  const asisten = (n: number, name: string, children: UnitPlan[]) => unit(`SETDA.AS${n}`, 'ASISTEN', name, jpt(name, 'II.b'), 'governance', STAFF_NONE, children);
  return unit('SETDA', 'SEKRETARIAT', 'Sekretariat Daerah', jpt('Sekretaris Daerah', 'II.a'), 'governance', { functional: [0, 0], pelaksana: [2, 3] }, [
    asisten(1, 'Asisten Pemerintahan dan Kesejahteraan Rakyat', [
      bagian('PEM', 'Bagian Pemerintahan', 'governance', ['Subbagian Administrasi Pemerintahan', 'Subbagian Otonomi Daerah dan Kerja Sama']),
      bagian('HUKUM', 'Bagian Hukum', 'governance', ['Subbagian Perundang-undangan', 'Subbagian Bantuan Hukum', 'Subbagian Dokumentasi dan Informasi Hukum']),
      bagian('KESRA', 'Bagian Kesejahteraan Rakyat', 'social', ['Subbagian Bina Mental Spiritual']),
    ]),
    asisten(2, 'Asisten Perekonomian dan Pembangunan', [
      bagian('EKON', 'Bagian Perekonomian dan Sumber Daya Alam', 'planning', ['Subbagian Badan Usaha Milik Daerah']),
      bagian('ADPEM', 'Bagian Administrasi Pembangunan', 'planning', ['Subbagian Pengendalian Pembangunan']),
      bagian('PBJ', 'Bagian Pengadaan Barang dan Jasa', 'finance', ['Subbagian Pengelolaan Layanan Pengadaan']),
    ]),
    asisten(3, 'Asisten Administrasi Umum', [
      bagian('ORG', 'Bagian Organisasi', 'organisation', ['Subbagian Kelembagaan dan Analisis Jabatan', 'Subbagian Reformasi Birokrasi dan Tata Laksana']),
      bagian('UMUM', 'Bagian Umum', 'general', ['Subbagian Tata Usaha Pimpinan', 'Subbagian Rumah Tangga']),
      bagian('PROKOM', 'Bagian Protokol dan Komunikasi Pimpinan', 'informatics', ['Subbagian Protokol']),
    ]),
  ]);
}

function setwan(): UnitPlan {
  const bagian = (code: string, name: string, subs: string[]) => unit(`SETWAN.${code}`, 'BAGIAN', name, administrator(`Kepala ${name}`, 'III.a'), 'governance',
    { functional: [1, 2], pelaksana: [1, 2] }, subs.map((sub, i) => section(`SETWAN.${code}.${i + 1}`, 'SUBBAGIAN', sub, 'governance')));
  return unit('SETWAN', 'SEKRETARIAT', 'Sekretariat DPRD', jpt('Sekretaris DPRD', 'II.b'), 'governance', STAFF_NONE, [
    bagian('UMKEU', 'Bagian Umum dan Keuangan', ['Subbagian Tata Usaha dan Kepegawaian', 'Subbagian Keuangan']),
    bagian('SIDANG', 'Bagian Persidangan dan Perundang-undangan', ['Subbagian Persidangan dan Risalah']),
    bagian('FASIL', 'Bagian Fasilitasi Penganggaran dan Pengawasan', ['Subbagian Fasilitasi Penganggaran']),
  ]);
}

function inspektorat(): UnitPlan {
  const irban = (n: number, roman: string) => unit(`INSP.IRBAN${n}`, 'BIDANG', `Inspektur Pembantu Wilayah ${roman}`,
    administrator(`Inspektur Pembantu Wilayah ${roman}`, 'III.b'), 'audit', { functional: [3, 4], pelaksana: [0, 0] });
  return unit('INSP', 'INSPEKTORAT', 'Inspektorat Daerah', jpt('Inspektur', 'II.b'), 'audit', STAFF_NONE, [
    unit('INSP.SEK', 'SEKRETARIAT', 'Sekretariat Inspektorat', administrator('Sekretaris Inspektorat', 'III.a'), 'general', { functional: [1, 2], pelaksana: [2, 3] }, [
      section('INSP.SEK.UMKEU', 'SUBBAGIAN', 'Subbagian Umum dan Keuangan', 'general'),
      section('INSP.SEK.EVAL', 'SUBBAGIAN', 'Subbagian Perencanaan, Evaluasi dan Pelaporan', 'planning'),
    ]),
    irban(1, 'I'), irban(2, 'II'), irban(3, 'III'), irban(4, 'IV'),
  ]);
}

function kecamatan(code: string, name: string, kelurahan: string[]): UnitPlan {
  const seksi = (suffix: string, sub: string) => section(`${code}.${suffix}`, 'SEKSI', sub, 'district', 'IV.a', { functional: [0, 0], pelaksana: [0, 1] });
  return unit(code, 'KECAMATAN', `Kecamatan ${name}`, administrator(`Camat ${name}`, 'III.a'), 'district', STAFF_NONE, [
    unit(`${code}.SEK`, 'SEKRETARIAT', `Sekretariat Kecamatan ${name}`, administrator(`Sekretaris Kecamatan ${name}`, 'III.b'), 'district',
      { functional: [0, 1], pelaksana: [1, 2] }, [
        section(`${code}.SEK.UMPEG`, 'SUBBAGIAN', 'Subbagian Umum dan Kepegawaian', 'general', 'IV.b', { functional: [0, 0], pelaksana: [0, 1] }),
        section(`${code}.SEK.PK`, 'SUBBAGIAN', 'Subbagian Perencanaan dan Keuangan', 'finance', 'IV.b', { functional: [0, 0], pelaksana: [0, 1] }),
      ]),
    seksi('PEM', 'Seksi Pemerintahan'),
    seksi('TRANTIB', 'Seksi Ketenteraman dan Ketertiban Umum'),
    seksi('PM', 'Seksi Pemberdayaan Masyarakat'),
    ...kelurahan.map((kel) => unit(`${code}.KEL.${kel.toUpperCase().replace(/\s+/g, '')}`, 'KELURAHAN', `Kelurahan ${kel}`,
      pengawas(`Lurah ${kel}`, 'IV.a'), 'district', { functional: [0, 0], pelaksana: [1, 2] }, [],
      [pengawas(`Sekretaris Kelurahan ${kel}`, 'IV.b')])),
  ]);
}

/** Pemerintah Kota Surakarta: the root, its OPDs in a fixed order, and their sub-units. */
export function surakartaPlan(): UnitPlan {
  return unit('PEMKOT', 'PEMERINTAH_DAERAH', 'Pemerintah Kota Surakarta', null, 'general', STAFF_NONE, [
    setda(),
    setwan(),
    inspektorat(),
    office({ code: 'BAPPEDA', type: 'BADAN', name: 'Badan Perencanaan Pembangunan Daerah', domain: 'planning', divisions: [
      ['Bidang Perencanaan, Pengendalian dan Evaluasi Pembangunan', ['Subbidang Perencanaan Makro', 'Subbidang Pengendalian dan Evaluasi']],
      ['Bidang Perekonomian dan Sumber Daya Alam', ['Subbidang Perekonomian']],
      ['Bidang Pemerintahan dan Pembangunan Manusia', ['Subbidang Pembangunan Manusia']],
      ['Bidang Infrastruktur dan Kewilayahan', ['Subbidang Infrastruktur']],
      ['Bidang Riset dan Inovasi Daerah', ['Subbidang Inovasi Daerah']],
    ] }),
    office({ code: 'BPKAD', type: 'BADAN', name: 'Badan Pengelolaan Keuangan dan Aset Daerah', domain: 'finance', divisions: [
      ['Bidang Anggaran', ['Subbidang Anggaran Belanja']],
      ['Bidang Perbendaharaan', ['Subbidang Belanja Langsung', 'Subbidang Kas Daerah']],
      ['Bidang Akuntansi', ['Subbidang Pelaporan Keuangan']],
      ['Bidang Aset', ['Subbidang Penatausahaan Aset']],
    ] }),
    office({ code: 'BAPENDA', type: 'BADAN', name: 'Badan Pendapatan Daerah', domain: 'finance', divisions: [
      ['Bidang Pendataan dan Penetapan', ['Subbidang Pendataan']],
      ['Bidang Penagihan dan Keberatan', ['Subbidang Penagihan']],
      ['Bidang Pajak Bumi dan Bangunan', ['Subbidang Pelayanan PBB dan BPHTB']],
    ] }),
    office({ code: 'BKPSDM', type: 'BADAN', name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', domain: 'organisation', divisions: [
      ['Bidang Pengadaan, Pemberhentian dan Informasi Kepegawaian', ['Subbidang Data dan Informasi Kepegawaian']],
      ['Bidang Mutasi dan Promosi', ['Subbidang Mutasi', 'Subbidang Promosi dan Kepangkatan']],
      ['Bidang Pengembangan Kompetensi Aparatur', ['Subbidang Pendidikan dan Pelatihan']],
      ['Bidang Penilaian Kinerja Aparatur dan Penghargaan', ['Subbidang Penilaian Kinerja']],
    ] }),
    office({ code: 'BPBD', type: 'BADAN', name: 'Badan Penanggulangan Bencana Daerah', headTitle: 'Kepala Pelaksana Badan Penanggulangan Bencana Daerah', domain: 'disaster', divisions: [
      ['Bidang Pencegahan dan Kesiapsiagaan', []],
      ['Bidang Kedaruratan dan Logistik', []],
      ['Bidang Rehabilitasi dan Rekonstruksi', []],
    ] }),
    office({ code: 'KESBANGPOL', type: 'BADAN', name: 'Badan Kesatuan Bangsa dan Politik', domain: 'politics', divisions: [
      ['Bidang Ideologi, Wawasan Kebangsaan dan Karakter Bangsa', []],
      ['Bidang Politik Dalam Negeri dan Organisasi Kemasyarakatan', []],
      ['Bidang Ketahanan Ekonomi, Sosial, Budaya dan Penanganan Konflik', []],
    ] }),
    office({ code: 'SATPOLPP', type: 'SATUAN', name: 'Satuan Polisi Pamong Praja', headTitle: 'Kepala Satuan Polisi Pamong Praja', domain: 'publicOrder', extraFunctional: 4, divisions: [
      ['Bidang Penegakan Peraturan Daerah', ['Seksi Penyidikan dan Penindakan']],
      ['Bidang Ketertiban Umum dan Ketenteraman Masyarakat', ['Seksi Operasi dan Pengendalian']],
      ['Bidang Perlindungan Masyarakat', ['Seksi Satuan Perlindungan Masyarakat']],
    ] }),
    office({ code: 'DISDIK', type: 'DINAS', name: 'Dinas Pendidikan', domain: 'education', extraFunctional: 2, divisions: [
      ['Bidang Pembinaan Pendidikan Anak Usia Dini dan Pendidikan Nonformal', ['Seksi Kelembagaan PAUD', 'Seksi Pendidikan Masyarakat']],
      ['Bidang Pembinaan Sekolah Dasar', ['Seksi Kurikulum SD', 'Seksi Sarana Prasarana SD']],
      ['Bidang Pembinaan Sekolah Menengah Pertama', ['Seksi Kurikulum SMP', 'Seksi Peserta Didik SMP']],
      ['Bidang Pendidik dan Tenaga Kependidikan', ['Seksi Pendidik dan Tenaga Kependidikan']],
    ] }),
    office({ code: 'DINKES', type: 'DINAS', name: 'Dinas Kesehatan', domain: 'health', extraFunctional: 3, divisions: [
      ['Bidang Kesehatan Masyarakat', ['Seksi Kesehatan Keluarga dan Gizi', 'Seksi Promosi Kesehatan']],
      ['Bidang Pencegahan dan Pengendalian Penyakit', ['Seksi Surveilans dan Imunisasi', 'Seksi Pengendalian Penyakit Menular']],
      ['Bidang Pelayanan dan Sumber Daya Kesehatan', ['Seksi Pelayanan Kesehatan', 'Seksi Kefarmasian dan Alat Kesehatan']],
    ] }),
    office({ code: 'DPUPR', type: 'DINAS', name: 'Dinas Pekerjaan Umum dan Penataan Ruang', domain: 'works', extraFunctional: 1, divisions: [
      ['Bidang Bina Marga', ['Seksi Pembangunan Jalan dan Jembatan', 'Seksi Pemeliharaan Jalan dan Jembatan']],
      ['Bidang Sumber Daya Air', ['Seksi Drainase dan Pengendalian Banjir']],
      ['Bidang Penataan Ruang', ['Seksi Perencanaan Tata Ruang']],
      ['Bidang Bina Konstruksi', ['Seksi Pembinaan Jasa Konstruksi']],
    ] }),
    office({ code: 'DISDUKCAPIL', type: 'DINAS', name: 'Dinas Kependudukan dan Pencatatan Sipil', domain: 'population', extraFunctional: 1, divisions: [
      ['Bidang Pelayanan Pendaftaran Penduduk', ['Seksi Identitas Penduduk']],
      ['Bidang Pelayanan Pencatatan Sipil', ['Seksi Kelahiran dan Kematian']],
      ['Bidang Pengelolaan Informasi Administrasi Kependudukan', ['Seksi Sistem Informasi Administrasi Kependudukan']],
      ['Bidang Pemanfaatan Data dan Inovasi Pelayanan', []],
    ] }),
    office({ code: 'DINSOS', type: 'DINAS', name: 'Dinas Sosial', domain: 'social', divisions: [
      ['Bidang Perlindungan dan Jaminan Sosial', ['Seksi Jaminan Sosial Keluarga']],
      ['Bidang Rehabilitasi Sosial', ['Seksi Rehabilitasi Sosial Penyandang Disabilitas']],
      ['Bidang Pemberdayaan Sosial dan Penanganan Fakir Miskin', ['Seksi Penanganan Fakir Miskin']],
    ] }),
    office({ code: 'DPMPTSP', type: 'DINAS', name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', domain: 'investment', divisions: [
      ['Bidang Penanaman Modal', ['Seksi Promosi Penanaman Modal']],
      ['Bidang Pelayanan Perizinan dan Nonperizinan', ['Seksi Perizinan Berusaha', 'Seksi Perizinan Nonberusaha']],
      ['Bidang Pengaduan, Kebijakan dan Pelaporan Layanan', ['Seksi Pengaduan Layanan']],
    ] }),
    office({ code: 'DISKOMINFO', type: 'DINAS', name: 'Dinas Komunikasi, Informatika, Statistik dan Persandian', domain: 'informatics', divisions: [
      ['Bidang Informasi dan Komunikasi Publik', ['Seksi Pengelolaan Informasi Publik']],
      ['Bidang Aplikasi Informatika', ['Seksi Pengembangan Aplikasi']],
      ['Bidang Infrastruktur Teknologi Informasi dan Komunikasi', ['Seksi Jaringan dan Pusat Data']],
      ['Bidang Statistik dan Persandian', ['Seksi Statistik Sektoral', 'Seksi Persandian dan Keamanan Informasi']],
    ] }),
    kecamatan('KEC.LAWEYAN', 'Laweyan', ['Laweyan', 'Pajang', 'Sondakan']),
    kecamatan('KEC.SERENGAN', 'Serengan', ['Serengan', 'Kratonan', 'Joyotakan']),
    kecamatan('KEC.PASARKLIWON', 'Pasar Kliwon', ['Baluwarti', 'Kauman', 'Sangkrah']),
    kecamatan('KEC.JEBRES', 'Jebres', ['Jebres', 'Mojosongo', 'Pucangsawit']),
    kecamatan('KEC.BANJARSARI', 'Banjarsari', ['Manahan', 'Kadipiro', 'Sumber']),
  ]);
}

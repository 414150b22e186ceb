import { ESELON_GOLONGAN_RANGE, GOLONGAN_CODES, golonganRank, type Eselon, type Golongan } from '../../forms';
import type { BudgetLine } from '../entities/budget-line';
import type { CalendarDay } from '../entities/calendar-day';
import type { Committee } from '../entities/committee';
import type { CommitteeMember } from '../entities/committee-member';
import type { DisciplinarySanction, SanctionLevel } from '../entities/disciplinary-sanction';
import type { EducationLevel, Employee, Gender } from '../entities/employee';
import type { OrgUnit } from '../entities/org-unit';
import type { FunctionalLevel, JenisJabatan, Position } from '../entities/position';
import type { SkpRating, SkpRatingValue } from '../entities/skp-rating';
import type { TrainingKind, TrainingRecord } from '../entities/training-record';
import type { User } from '../entities/user';
import type { Role } from '../roles';
import { calendar2026 } from './calendar-2026';
import { DOMAINS, type Domain } from './domains';
import { FEMALE_FAMILY, FEMALE_GIVEN, MALE_FAMILY, MALE_GIVEN, titledName } from './person-names';
import { SeededRandom } from './random';
import { surakartaPlan, type UnitPlan } from './surakarta';

/** The demo's "today": every generated date lies on or before it, except the ends of sanctions in force. */
export const DEMO_AS_OF = '2026-10-01';
/** Every demo user's password; `npm start` and `npm run seed` print it. */
export const DEMO_PASSWORD = 'alur-demo';

const PRNG_SEED = 20_260_101;
const AS_OF_YEAR = 2026;
const SKP_YEARS = [2023, 2024, 2025];
const TRAINING_YEARS = [2023, 2024, 2025, 2026];
const BUDGET_YEAR = 2026;

export type DemoUser = Omit<User, 'passwordHash'>;

/** Every row of the demo registry, ids included, in insertion order. */
export interface DemoRegistry {
  orgUnits: OrgUnit[];
  positions: Position[];
  employees: Employee[];
  skpRatings: SkpRating[];
  sanctions: DisciplinarySanction[];
  trainings: TrainingRecord[];
  users: DemoUser[];
  committees: Committee[];
  committeeMembers: CommitteeMember[];
  calendarDays: CalendarDay[];
  budgetLines: BudgetLine[];
}

/** What the builder knows about a seat beyond its row. */
interface SeatInfo {
  position: Position;
  domain: Domain;
  /** Code of the unit the seat is in, and of the OPD that unit belongs to. */
  unitCode: string;
  opdCode: string;
  isUnitHead: boolean;
}

/** Golongan ranges of jabatan fungsional levels (the usual pangkat of each jenjang). */
const FUNCTIONAL_RANGE: Record<FunctionalLevel, [Golongan, Golongan]> = {
  AHLI_PERTAMA: ['III/a', 'III/b'],
  AHLI_MUDA: ['III/c', 'III/d'],
  AHLI_MADYA: ['IV/a', 'IV/c'],
  AHLI_UTAMA: ['IV/d', 'IV/e'],
  PEMULA: ['II/a', 'II/a'],
  TERAMPIL: ['II/b', 'II/d'],
  MAHIR: ['III/a', 'III/b'],
  PENYELIA: ['III/c', 'III/d'],
};

const LEVEL_TITLE: Record<FunctionalLevel, string> = {
  AHLI_PERTAMA: 'Ahli Pertama', AHLI_MUDA: 'Ahli Muda', AHLI_MADYA: 'Ahli Madya', AHLI_UTAMA: 'Ahli Utama',
  PEMULA: 'Pemula', TERAMPIL: 'Terampil', MAHIR: 'Mahir', PENYELIA: 'Penyelia',
};

/** Pelaksana job names (the 2022 nomenclature), with the education they usually need. */
const PELAKSANA: ReadonlyArray<{ title: string; education: EducationLevel[] }> = [
  { title: 'Pengadministrasi Perkantoran', education: ['SMA', 'D3'] },
  { title: 'Operator Layanan Operasional', education: ['SMA', 'D3'] },
  { title: 'Pengolah Data dan Informasi', education: ['D3', 'S1'] },
  { title: 'Pengelola Layanan Operasional', education: ['D3', 'S1'] },
  { title: 'Penata Layanan Operasional', education: ['S1'] },
  { title: 'Penelaah Teknis Kebijakan', education: ['S1'] },
];

/** The golongan a new CPNS starts in, by education. */
const ENTRY_GOLONGAN: Record<EducationLevel, Golongan> = {
  SD: 'I/a', SMP: 'I/c', SMA: 'II/a', D1: 'II/a', D2: 'II/b', D3: 'II/c', D4: 'III/a', S1: 'III/a', S2: 'III/b', S3: 'III/c',
};
const ENTRY_AGE: Record<EducationLevel, [number, number]> = {
  SD: [18, 22], SMP: [18, 24], SMA: [19, 26], D1: [20, 26], D2: [20, 27], D3: [21, 28], D4: [22, 29], S1: [23, 30], S2: [26, 33], S3: [29, 35],
};
const D3_MAJORS = ['Akuntansi', 'Manajemen Informatika', 'Administrasi Perkantoran', 'Kesekretariatan', 'Teknik Sipil', 'Keperawatan', 'Perpajakan'];

/** Highest golongan a pelaksana reaches with this education (the pangkat ceiling of the ijazah). */
const PELAKSANA_CEILING: Partial<Record<EducationLevel, Golongan>> = { SMA: 'III/b', D3: 'III/c', S1: 'III/d' };

/**
 * Builds the demo registry of Pemerintah Kota Surakarta from a fixed PRNG seed: the same rows on
 * every call, on every machine. No clock, no Math.random.
 */
export function buildDemoRegistry(): DemoRegistry {
  const rng = new SeededRandom(PRNG_SEED);
  const orgUnits: OrgUnit[] = [];
  const seats: SeatInfo[] = [];

  // 1. Units depth-first (parents before children) and their seats.
  const visit = (plan: UnitPlan, parentId: number | null, opdCode: string) => {
    const unit: OrgUnit = { id: orgUnits.length + 1, code: plan.code, type: plan.type, name: plan.name, parentId, headPositionId: null };
    orgUnits.push(unit);
    const domain = DOMAINS[plan.domain];
    const addSeat = (name: string, jenis: JenisJabatan, eselon: Eselon | null, level: FunctionalLevel | null, isUnitHead: boolean) => {
      const position: Position = {
        id: seats.length + 1, name, jenisJabatan: jenis, eselon, functionalLevel: level, unitId: unit.id, holderEmployeeId: null,
      };
      seats.push({ position, domain, unitCode: plan.code, opdCode, isUnitHead });
      return position;
    };
    if (plan.head) unit.headPositionId = addSeat(plan.head.title, plan.head.jenis, plan.head.eselon, null, true).id;
    for (const deputy of plan.deputies) addSeat(deputy.title, deputy.jenis, deputy.eselon, null, false);
    const functionalCount = rng.int(...plan.staff.functional);
    for (let i = 0; i < functionalCount; i++) {
      const skilled = rng.chance(0.3);
      const level: FunctionalLevel = skilled
        ? rng.weighted({ TERAMPIL: 5, MAHIR: 4, PENYELIA: 2 })
        : rng.weighted({ AHLI_PERTAMA: 4, AHLI_MUDA: 4, AHLI_MADYA: 1 });
      const base = rng.pick(skilled ? domain.skilledFunctional : domain.expertFunctional);
      addSeat(`${base} ${LEVEL_TITLE[level]}`, 'FUNGSIONAL', null, level, false);
    }
    const pelaksanaCount = rng.int(...plan.staff.pelaksana);
    for (let i = 0; i < pelaksanaCount; i++) addSeat(rng.pick(PELAKSANA).title, 'PELAKSANA', null, null, false);
    for (const child of plan.children) visit(child, unit.id, opdCode || child.code);
  };
  const root = surakartaPlan();
  visit(root, null, '');
  // The root's children are the OPDs; everything below carries its OPD's code.
  const opdCodes = root.children.map((c) => c.code);

  // 2. A few vacancies: seats the demo processes can fill. Never an OPD head or a seat a demo user needs.
  const reserved = new Set(['BKPSDM.B2', 'BKPSDM.B3', 'SETDA.HUKUM', 'SETDA.ORG', 'INSP.IRBAN1', ...opdCodes, 'SETDA.AS1', 'SETDA.AS3']);
  const vacant = new Set<number>();
  const candidates = (filter: (s: SeatInfo) => boolean) => seats.filter((s) => filter(s) && !(s.isUnitHead && reserved.has(s.unitCode)));
  for (const s of rng.sample(candidates((s) => s.position.jenisJabatan === 'ADMINISTRATOR' && s.position.eselon === 'III.b'), 1)) vacant.add(s.position.id);
  for (const s of rng.sample(candidates((s) => s.position.jenisJabatan === 'PENGAWAS'), 4)) vacant.add(s.position.id);
  for (const s of rng.sample(candidates((s) => s.position.jenisJabatan === 'FUNGSIONAL'), 6)) vacant.add(s.position.id);
  for (const s of rng.sample(candidates((s) => s.position.jenisJabatan === 'PELAKSANA'), 2)) vacant.add(s.position.id);

  // 3. One employee per filled seat.
  const employees: Employee[] = [];
  const usedNips = new Set<string>();
  const tmtCpnsOf = new Map<number, string>();
  for (const seat of seats) {
    if (vacant.has(seat.position.id)) continue;
    const employee = buildEmployee(rng, seat, employees.length + 1, usedNips);
    employees.push(employee.row);
    tmtCpnsOf.set(employee.row.id, employee.tmtCpns);
    seat.position.holderEmployeeId = employee.row.id;
  }
  const seatOf = new Map(seats.map((s) => [s.position.id, s]));

  // 4. Performance, discipline and training history.
  const sanctions = buildSanctions(rng, employees, seatOf);
  const sanctionedIn = new Map(sanctions.map((s) => [`${s.employeeId}:${s.startDate.slice(0, 4)}`, s.level]));
  const skpRatings: SkpRating[] = [];
  for (const employee of employees) {
    const firstYear = Number((tmtCpnsOf.get(employee.id) ?? '').slice(0, 4)) + 1;
    for (const year of SKP_YEARS) {
      if (year < firstYear) continue;
      const sanction = sanctionedIn.get(`${employee.id}:${year}`);
      const rating: SkpRatingValue = sanction
        ? rng.weighted({ BUTUH_PERBAIKAN: 3, KURANG: sanction === 'RINGAN' ? 1 : 3, SANGAT_KURANG: sanction === 'BERAT' ? 2 : 0 })
        : rng.weighted({ SANGAT_BAIK: 20, BAIK: 70, BUTUH_PERBAIKAN: 8, KURANG: 2 });
      skpRatings.push({ id: skpRatings.length + 1, employeeId: employee.id, year, rating });
    }
  }
  const trainings = buildTrainings(rng, employees, seatOf, tmtCpnsOf);

  // 5. Users, the TPK, the calendar, budget lines.
  const { users, committees, committeeMembers } = buildUsers(orgUnits, seats, employees);
  const calendarDays = calendar2026().map((day, i) => ({ id: i + 1, ...day, updatedAt: null, updatedBy: null }));
  const budgetLines: BudgetLine[] = opdCodes.map((code, i) => {
    const staff = employees.filter((e) => seatOf.get(e.positionId ?? 0)?.opdCode === code).length;
    const allocated = Math.max(25, Math.round((staff * rng.int(25, 45)) / 10 / 5) * 5) * 1_000_000;
    const spent = Math.round((allocated * rng.int(10, 45)) / 100 / 100_000) * 100_000;
    const unitId = orgUnits.find((u) => u.code === code)?.id ?? 0;
    return { id: i + 1, unitId, year: BUDGET_YEAR, kind: 'TRAINING', amountAllocated: allocated, amountReserved: 0, amountSpent: spent };
  });

  return {
    orgUnits, positions: seats.map((s) => s.position), employees, skpRatings, sanctions, trainings,
    users, committees, committeeMembers, calendarDays, budgetLines,
  };
}

function buildEmployee(rng: SeededRandom, seat: SeatInfo, id: number, usedNips: Set<string>): { row: Employee; tmtCpns: string } {
  const { position, domain } = seat;
  const jpt = position.jenisJabatan === 'JPT_PRATAMA' || position.jenisJabatan === 'JPT_MADYA';
  const gender: Gender = rng.chance(jpt ? 0.7 : 0.5) ? 'M' : 'F';

  // Education first, then a golongan the seat allows and the education can reach.
  let education: EducationLevel;
  let range: [Golongan, Golongan];
  if (position.eselon) {
    const r = ESELON_GOLONGAN_RANGE[position.eselon];
    range = [r.min, r.max];
    education = jpt ? rng.weighted({ S1: 2, S2: 7, S3: 1 }) : position.jenisJabatan === 'ADMINISTRATOR' ? rng.weighted({ S1: 1, S2: 1 }) : rng.weighted({ S1: 15, S2: 4, D4: 1 });
  } else if (position.functionalLevel) {
    range = FUNCTIONAL_RANGE[position.functionalLevel];
    const expert = position.functionalLevel.startsWith('AHLI');
    education = expert
      ? (position.functionalLevel === 'AHLI_MADYA' ? rng.weighted({ S1: 1, S2: 2 }) : rng.weighted({ S1: 7, S2: 3 }))
      : position.functionalLevel === 'TERAMPIL' ? rng.weighted({ SMA: 3, D3: 7 }) : 'D3';
  } else {
    const allowed = PELAKSANA.find((p) => p.title === position.name)?.education ?? ['SMA'];
    education = rng.pick(allowed);
    range = [ENTRY_GOLONGAN[education], PELAKSANA_CEILING[education] ?? 'III/b'];
  }
  const entry = ENTRY_GOLONGAN[education];
  const low = Math.max(golonganRank(range[0]), golonganRank(entry));
  const high = Math.max(low, golonganRank(range[1]));
  const golongan = GOLONGAN_CODES[rng.int(low, high)] as Golongan;
  const steps = golonganRank(golongan) - golonganRank(entry);

  // Years of service: regular promotions every four years, a little faster for structural careers.
  const minYears = jpt ? 18 : position.jenisJabatan === 'ADMINISTRATOR' ? 12 : position.jenisJabatan === 'PENGAWAS' ? 6 : 1;
  const years = Math.max(minYears, steps * rng.int(3, 4) + rng.int(1, 3));
  let tmtYear = 2025 - years;
  let birthYear = tmtYear - rng.int(...ENTRY_AGE[education]);
  // Retirement age (BUP): 60 for JPT and ahli madya, 58 otherwise; nobody in the registry is past it.
  const bup = jpt || position.functionalLevel === 'AHLI_MADYA' ? 60 : 58;
  if (AS_OF_YEAR - birthYear > bup - 1) {
    birthYear = AS_OF_YEAR - (bup - 1) + rng.int(0, 3);
    tmtYear = Math.max(tmtYear, birthYear + ENTRY_AGE[education][0]);
  }
  tmtYear = Math.max(tmtYear, birthYear + 19);
  const birthMonth = rng.int(1, 12);
  const birthDate = `${birthYear}-${pad2(birthMonth)}-${pad2(rng.int(1, daysIn(birthYear, birthMonth)))}`;
  const tmtCpns = `${tmtYear}-${pad2(rng.int(1, 12))}`;

  const nipPrefix = `${birthDate.replaceAll('-', '')}${tmtCpns.replace('-', '')}${gender === 'M' ? '1' : '2'}`;
  let sequence = rng.int(1, 4);
  while (usedNips.has(`${nipPrefix}${String(sequence).padStart(3, '0')}`)) sequence += 1;
  const nip = `${nipPrefix}${String(sequence).padStart(3, '0')}`;
  usedNips.add(nip);

  // Promotions take effect on 1 April or 1 October.
  let tmtGolongan = `${tmtCpns}-01`;
  if (steps > 0) {
    const year = rng.int(Math.max(tmtYear + 1, 2021), 2026);
    tmtGolongan = year === 2026 || rng.chance(0.5) ? `${year}-04-01` : `${year}-10-01`;
  }

  const earliestPost = tmtYear + 1;
  const postYear = Math.max(earliestPost, jpt ? rng.int(2020, 2024) : rng.int(2018, 2026));
  let tmtJabatan = `${Math.min(postYear, 2026)}-${pad2(rng.int(1, postYear >= 2026 ? 9 : 12))}-${pad2(rng.int(1, 28))}`;
  // One kepala dinas inaugurated recently, so the two-year rule for JPT has a case to show.
  if (seat.isUnitHead && seat.unitCode === 'DISKOMINFO') tmtJabatan = '2025-09-15';
  const inaugurated = position.jenisJabatan !== 'PELAKSANA';

  const major = education === 'SMA' ? rng.pick(['IPA', 'IPS']) : education === 'D3' ? rng.pick(D3_MAJORS) : rng.pick(domain.majors);
  const givenPool = gender === 'M' ? MALE_GIVEN : FEMALE_GIVEN;
  const given = rng.chance(0.25) ? `${rng.pick(givenPool)} ${rng.pick(givenPool)}` : rng.pick(givenPool);
  const name = `${given} ${rng.pick(gender === 'M' ? MALE_FAMILY : FEMALE_FAMILY)}`;

  return {
    tmtCpns,
    row: {
      id,
      nip,
      name: titledName(name, education, education === 'SMA' ? null : major),
      gender,
      birthDate,
      golongan,
      tmtGolongan,
      positionId: position.id,
      tmtJabatan,
      unitId: position.unitId,
      educationLevel: education,
      educationMajor: major,
      competencies: rng.sample(domain.competencies, rng.int(2, 4)),
      lastInaugurationDate: inaugurated ? tmtJabatan : null,
    },
  };
}

const SANCTION_TEMPLATES: ReadonlyArray<{ level: SanctionLevel; description: string; start: string; end: string; seat: JenisJabatan[] }> = [
  { level: 'RINGAN', description: 'Teguran lisan karena terlambat masuk kerja berulang kali', start: '2023-02-13', end: '2023-02-13', seat: ['PELAKSANA'] },
  { level: 'RINGAN', description: 'Teguran tertulis karena tidak masuk kerja tanpa alasan yang sah selama 4 hari kerja', start: '2024-03-11', end: '2024-03-11', seat: ['PELAKSANA', 'FUNGSIONAL'] },
  { level: 'RINGAN', description: 'Pernyataan tidak puas secara tertulis atas pelayanan kepada masyarakat', start: '2025-08-04', end: '2025-08-04', seat: ['FUNGSIONAL'] },
  { level: 'SEDANG', description: 'Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan', start: '2023-05-01', end: '2023-10-31', seat: ['PELAKSANA'] },
  { level: 'SEDANG', description: 'Pemotongan tunjangan kinerja sebesar 25% selama 9 bulan', start: '2026-04-01', end: '2026-12-31', seat: ['FUNGSIONAL'] },
  { level: 'SEDANG', description: 'Pemotongan tunjangan kinerja sebesar 25% selama 12 bulan', start: '2026-07-01', end: '2027-06-30', seat: ['PENGAWAS'] },
  { level: 'SEDANG', description: 'Pemotongan tunjangan kinerja sebesar 25% selama 12 bulan', start: '2026-09-01', end: '2027-08-31', seat: ['PELAKSANA'] },
  { level: 'BERAT', description: 'Penurunan jabatan setingkat lebih rendah selama 12 bulan', start: '2024-02-01', end: '2025-01-31', seat: ['FUNGSIONAL'] },
  { level: 'BERAT', description: 'Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan', start: '2026-03-01', end: '2027-02-28', seat: ['PELAKSANA'] },
];

function buildSanctions(rng: SeededRandom, employees: Employee[], seatOf: Map<number, SeatInfo>): DisciplinarySanction[] {
  const taken = new Set<number>();
  return SANCTION_TEMPLATES.map((template, i) => {
    const eligible = employees.filter((e) => {
      const seat = seatOf.get(e.positionId ?? 0);
      return seat && !seat.isUnitHead && template.seat.includes(seat.position.jenisJabatan) && !taken.has(e.id)
        && e.tmtJabatan !== null && e.tmtGolongan < template.start;
    });
    const employee = rng.pick(eligible);
    taken.add(employee.id);
    return { id: i + 1, employeeId: employee.id, level: template.level, description: template.description, startDate: template.start, endDate: template.end };
  });
}

/**
 * JP of the leadership courses and Latsar are demo figures of the right size, not the official
 * curricula; what matters to the processes is the yearly tally of technical and functional JP.
 */
const LEADERSHIP_JP: Record<'LATSAR' | 'PKP' | 'PKA' | 'PKN_II', number> = { LATSAR: 191, PKP: 240, PKA: 250, PKN_II: 300 };
const SEMINARS = [
  'Seminar Nasional Reformasi Birokrasi', 'Webinar Transformasi Digital Pemerintahan', 'Sosialisasi Undang-Undang Nomor 20 Tahun 2023 tentang ASN',
  'Seminar Surakarta Kota Cerdas', 'Webinar Pencegahan Korupsi di Sektor Publik', 'Seminar Pelayanan Publik Inklusif',
];

function buildTrainings(rng: SeededRandom, employees: Employee[], seatOf: Map<number, SeatInfo>, tmtCpnsOf: Map<number, string>): TrainingRecord[] {
  const rows: TrainingRecord[] = [];
  const add = (employeeId: number, title: string, kind: TrainingKind, jpHours: number, start: string) => {
    // A training day is 8 to 9 JP.
    const end = addDays(start, Math.max(0, Math.ceil(jpHours / 9) - 1));
    rows.push({ id: rows.length + 1, employeeId, title, kind, jpHours, startDate: start, endDate: end, year: Number(end.slice(0, 4)) });
  };
  for (const employee of employees) {
    const seat = seatOf.get(employee.positionId ?? 0);
    if (!seat) continue;
    const tmtCpns = tmtCpnsOf.get(employee.id) ?? '2000-01';
    const tmtYear = Number(tmtCpns.slice(0, 4));
    const golonganGroup = employee.golongan.startsWith('III') || employee.golongan.startsWith('IV') ? 'III' : 'II';
    const entryGroup = ENTRY_GOLONGAN[employee.educationLevel].startsWith('III') ? 'III' : golonganGroup === 'III' && tmtYear > 2010 ? 'III' : 'II';
    const latsarTitle = tmtYear >= 2018 ? `Pelatihan Dasar CPNS Golongan ${entryGroup}` : `Pendidikan dan Pelatihan Prajabatan Golongan ${entryGroup}`;
    add(employee.id, latsarTitle, 'LATSAR', LEADERSHIP_JP.LATSAR, `${tmtYear + (Number(tmtCpns.slice(5, 7)) > 6 ? 1 : 0)}-${pad2(rng.int(7, 10))}-${pad2(rng.int(1, 20))}`);

    const jenis = seat.position.jenisJabatan;
    const postYear = Number((employee.tmtJabatan ?? '2020').slice(0, 4));
    const leadership = (kind: 'PKP' | 'PKA' | 'PKN_II', title: string, year: number) =>
      add(employee.id, title, kind, LEADERSHIP_JP[kind], `${Math.min(year, 2026)}-${pad2(rng.int(2, 8))}-${pad2(rng.int(1, 20))}`);
    if (jenis === 'PENGAWAS') leadership('PKP', 'Pelatihan Kepemimpinan Pengawas (PKP)', postYear + rng.int(0, 1));
    if (jenis === 'ADMINISTRATOR') leadership('PKA', 'Pelatihan Kepemimpinan Administrator (PKA)', postYear - rng.int(0, 2));
    if (jenis === 'JPT_PRATAMA') {
      leadership('PKA', 'Pelatihan Kepemimpinan Administrator (PKA)', postYear - rng.int(5, 8));
      leadership('PKN_II', 'Pelatihan Kepemimpinan Nasional Tingkat II (PKN II)', postYear + rng.int(0, 1));
    }

    for (const year of TRAINING_YEARS) {
      if (year <= tmtYear) continue;
      // The demo year is not over: fewer courses so far, so some people are still short of 20 JP.
      const count = Number(year === AS_OF_YEAR ? rng.weighted({ '0': 4, '1': 4, '2': 2 }) : rng.weighted({ '0': 2, '1': 4, '2': 3, '3': 1 }));
      for (let i = 0; i < count; i++) {
        const kind: TrainingKind = jenis === 'FUNGSIONAL' ? rng.weighted({ TEKNIS: 5, FUNGSIONAL: 3, SEMINAR: 2 }) : rng.weighted({ TEKNIS: 7, SEMINAR: 3 });
        const lastMonth = year === AS_OF_YEAR ? 8 : 11;
        const start = `${year}-${pad2(rng.int(1, lastMonth))}-${pad2(rng.int(1, 20))}`;
        if (kind === 'SEMINAR') add(employee.id, rng.pick(SEMINARS), kind, rng.pick([2, 4, 6, 8]), start);
        else if (kind === 'FUNGSIONAL') add(employee.id, `Pelatihan Fungsional ${seat.position.name.replace(/ (Ahli|Terampil|Mahir|Penyelia|Pemula).*$/, '')}`, kind, rng.pick([40, 60, 80]), start);
        else add(employee.id, rng.pick(seat.domain.courses), kind, rng.pick([16, 24, 30, 32, 40]), start);
      }
    }
  }
  return rows;
}

function buildUsers(orgUnits: OrgUnit[], seats: SeatInfo[], employees: Employee[]): Pick<DemoRegistry, 'users' | 'committees' | 'committeeMembers'> {
  const users: DemoUser[] = [];
  const employeeById = new Map(employees.map((e) => [e.id, e]));
  const unitByCode = new Map(orgUnits.map((u) => [u.code, u]));
  const headOf = (code: string): Employee => {
    const unit = unitByCode.get(code);
    const holder = seats.find((s) => s.position.id === unit?.headPositionId)?.position.holderEmployeeId;
    const employee = holder ? employeeById.get(holder) : undefined;
    if (!employee) throw new Error(`demo seed: the head of ${code} must not be vacant`);
    return employee;
  };
  const add = (login: string, roles: Role[], employee: Employee | null, unitScopeId: number | null, displayName?: string): DemoUser => {
    const user: DemoUser = {
      id: users.length + 1, login, displayName: displayName ?? employee?.name ?? login, roles, unitScopeId, employeeId: employee?.id ?? null,
      language: 'id', email: `${login}@surakarta.go.id`, emailOptOut: [], absenceStart: null, absenceEnd: null, substituteUserId: null, active: true,
      updatedAt: null, updatedBy: null,
    };
    users.push(user);
    return user;
  };
  const loginSuffix = (code: string) => code.toLowerCase().replaceAll('.', '-');
  const opds = orgUnits.filter((u) => u.parentId === orgUnits[0]?.id);

  add('admin', ['administrator'], null, null, 'Administrator Alur');
  add('walikota', ['ppk'], null, null, 'Wali Kota Surakarta');
  const sekda = add('sekda', ['sekda', 'kepala_opd'], headOf('SETDA'), unitByCode.get('SETDA')?.id ?? null);
  const asisten1 = add('asisten.pemerintahan', [], headOf('SETDA.AS1'), null);
  const asisten3 = add('asisten.administrasi', [], headOf('SETDA.AS3'), null);
  add('bkpsdm.mutasi', ['bkpsdm_mutasi'], headOf('BKPSDM.B2'), null);
  add('bkpsdm.diklat', ['bkpsdm_diklat'], headOf('BKPSDM.B3'), null);
  add('hukum', ['bagian_hukum'], headOf('SETDA.HUKUM'), null);
  add('organisasi', ['bagian_organisasi'], headOf('SETDA.ORG'), null);
  add('inspektorat', ['inspektorat'], headOf('INSP.IRBAN1'), null);
  const kepala = new Map<string, DemoUser>();
  for (const opd of opds) {
    if (opd.code === 'SETDA') continue;
    kepala.set(opd.code, add(`kepala.${loginSuffix(opd.code)}`, ['kepala_opd'], headOf(opd.code), opd.id));
  }
  const linked = new Set(users.map((u) => u.employeeId));
  for (const opd of opds) {
    // A pelaksana of the OPD, preferably in its secretariat, answers public feedback.
    const inOpd = seats.filter((s) => s.opdCode === opd.code && s.position.jenisJabatan === 'PELAKSANA' && s.position.holderEmployeeId && !linked.has(s.position.holderEmployeeId));
    const seat = inOpd.find((s) => s.unitCode.includes('.SEK')) ?? inOpd[0];
    const employee = seat?.position.holderEmployeeId ? employeeById.get(seat.position.holderEmployeeId) ?? null : null;
    if (!employee) throw new Error(`demo seed: no pelaksana in ${opd.code} for the feedback admin`);
    linked.add(employee.id);
    add(`pengaduan.${loginSuffix(opd.code)}`, ['feedback_admin'], employee, opd.id);
  }

  const committees = [{ id: 1, code: 'TPK', name: 'Tim Penilai Kinerja PNS Pemerintah Kota Surakarta' }];
  const inspektur = kepala.get('INSP');
  const kepalaBkpsdm = kepala.get('BKPSDM');
  if (!inspektur || !kepalaBkpsdm) throw new Error('demo seed: the TPK needs the Inspektur and the Kepala BKPSDM');
  // An odd number of members; the Sekda chairs, the Kepala BKPSDM is secretary.
  const committeeMembers: CommitteeMember[] = [
    { id: 1, committeeId: 1, userId: sekda.id, role: 'CHAIR' },
    { id: 2, committeeId: 1, userId: asisten1.id, role: 'MEMBER' },
    { id: 3, committeeId: 1, userId: asisten3.id, role: 'MEMBER' },
    { id: 4, committeeId: 1, userId: inspektur.id, role: 'MEMBER' },
    { id: 5, committeeId: 1, userId: kepalaBkpsdm.id, role: 'SECRETARY' },
  ];
  return { users, committees, committeeMembers };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

import type { EntityManager } from '@mikro-orm/knex';
import {
  DisciplinarySanction, Employee, OrgUnit, Position, SkpRating, TrainingRecord, unitSubtreeIds,
  type EducationLevel, type JenisJabatan, type TrainingKind,
} from '../db';
import { ESELON_GOLONGAN_RANGE, GOLONGAN_CODES, golonganRank, isEselon, type Golongan } from '../forms';
import type { Localized } from '../processes/model';
import { domainMessage } from './domain-messages';
import { GOOD_SKP_RATINGS, sanctionInForce } from './rotation-checks';

/** How much each part of the match counts, out of 100. */
export const CANDIDATE_WEIGHTS = { education: 25, competencies: 35, training: 25, performance: 15 } as const;
type Component = keyof typeof CANDIDATE_WEIGHTS;

/** Below this many people, a unit says too little about what its posts need: the whole OPD is used. */
const MIN_PROFILE_STAFF = 5;
/** `in (...)` lists stay far below both databases' parameter limits. */
const CHUNK = 500;

const EDUCATION_ORDER: readonly EducationLevel[] = ['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'S2', 'S3'];
/** Leadership training each structural level expects (PP 11/2017 as amended), higher ones counting for lower. */
const LEADERSHIP: Partial<Record<JenisJabatan, TrainingKind>> = { PENGAWAS: 'PKP', ADMINISTRATOR: 'PKA', JPT_PRATAMA: 'PKN_II', JPT_MADYA: 'PKN_II' };
const LEADERSHIP_ORDER: readonly TrainingKind[] = ['PKP', 'PKA', 'PKN_II'];
const SUBJECT_TRAINING: readonly TrainingKind[] = ['TEKNIS', 'FUNGSIONAL'];

export interface CandidateQuery {
  positionId: number;
  /** The units whose staff may be suggested: every unit, or these (a kepala OPD's own). */
  scope: 'all' | ReadonlySet<number>;
  limit: number;
  today: string;
}

export interface ScoreComponent {
  weight: number;
  /** 0..1. */
  value: number;
  /** weight × value, the component's share of the score. */
  points: number;
  reason: Localized;
}

export interface RotationCandidate {
  rank: number;
  employee: {
    id: number; nip: string; name: string; golongan: string;
    position: { id: number; name: string } | null; unit: { id: number; name: string };
    education: { level: string; major: string | null };
  };
  /** 0..100: the sum of the components' points. */
  score: number;
  components: Record<Component, ScoreComponent>;
}

export interface RotationCandidates {
  position: { id: number; name: string; jenisJabatan: string; eselon: string | null; unitId: number; unitName: string; vacant: boolean };
  /** What "eligible" meant for this position. */
  eligibility: { golongan: { min: string; max: string } | null; noSanctionInForce: true; lastSkpAtLeast: 'BAIK'; asOf: string };
  /** What the position's unit looks like: the basis of the match. */
  profile: {
    basis: { unitId: number; unitName: string; staff: number };
    competencies: Array<{ name: string; share: number }>;
    majors: Array<{ name: string; share: number }>;
    trainings: Array<{ title: string; share: number }>;
    leadershipTraining: TrainingKind | null;
  };
  considered: number;
  excluded: { sanction: number; skp: number };
  items: RotationCandidate[];
}

/**
 * Suggests people for a position, the right person in the right place: employees whose pangkat
 * fits the position's eselon range, with no disciplinary sanction in force and a latest SKP of at
 * least Baik, ranked by how well their education, competencies and training match what the
 * position's unit (or, for a small unit, its OPD) holds, and by performance. Every component of
 * the score says why. Null when the position does not exist.
 */
export async function findRotationCandidates(em: EntityManager, query: CandidateQuery): Promise<RotationCandidates | null> {
  const position = await em.findOne(Position, { id: query.positionId });
  if (!position) return null;
  const unit = await em.findOneOrFail(OrgUnit, { id: position.unitId });

  const range = position.eselon && isEselon(position.eselon) ? ESELON_GOLONGAN_RANGE[position.eselon] : null;
  const fitting: Golongan[] = range
    ? GOLONGAN_CODES.filter((g) => golonganRank(g) >= golonganRank(range.min) && golonganRank(g) <= golonganRank(range.max))
    : [...GOLONGAN_CODES];
  const pool = (await em.find(Employee, { golongan: { $in: fitting } }, { orderBy: { id: 'asc' } }))
    .filter((e) => e.id !== position.holderEmployeeId && (query.scope === 'all' || query.scope.has(e.unitId)));

  const ids = pool.map((e) => e.id);
  const sanctioned = new Set((await inChunks(ids, (chunk) => em.find(DisciplinarySanction, { employeeId: { $in: chunk } })))
    .filter((s) => sanctionInForce(s, query.today)).map((s) => s.employeeId));
  const latestSkp = new Map<number, SkpRating>();
  for (const rating of await inChunks(ids, (chunk) => em.find(SkpRating, { employeeId: { $in: chunk } }))) {
    const seen = latestSkp.get(rating.employeeId);
    if (!seen || seen.year < rating.year) latestSkp.set(rating.employeeId, rating);
  }
  const eligible = pool.filter((e) => !sanctioned.has(e.id) && GOOD_SKP_RATINGS.includes(latestSkp.get(e.id)?.rating ?? 'SANGAT_KURANG'));

  const basis = await profileBasis(em, unit);
  const basisStaff = await em.find(Employee, { unitId: { $in: basis.unitIds } });
  const trainings = await inChunks([...new Set([...eligible.map((e) => e.id), ...basisStaff.map((e) => e.id)])],
    (chunk) => em.find(TrainingRecord, { employeeId: { $in: chunk } }));
  const trainingsOf = groupBy(trainings, (t) => t.employeeId);
  const profile = new UnitProfile(basisStaff, trainingsOf);
  const leadership = LEADERSHIP[position.jenisJabatan] ?? null;

  const units = new Map((await em.find(OrgUnit, { id: { $in: [...new Set(eligible.map((e) => e.unitId))] } })).map((u) => [u.id, u]));
  const positions = new Map((await inChunks(eligible.map((e) => e.positionId).filter((id): id is number => id !== null),
    (chunk) => em.find(Position, { id: { $in: chunk } }))).map((p) => [p.id, p]));

  const scored = eligible.map((employee) => {
    const own = trainingsOf.get(employee.id) ?? [];
    const components: Record<Component, ScoreComponent> = {
      education: educationComponent(employee, position.jenisJabatan, profile),
      competencies: competenceComponent(employee, profile),
      training: trainingComponent(employee, own, leadership, profile),
      performance: performanceComponent(latestSkp.get(employee.id)),
    };
    const score = round1(Object.values(components).reduce((sum, c) => sum + c.points, 0));
    return { employee, components, score };
  }).sort((a, b) => b.score - a.score || a.employee.nip.localeCompare(b.employee.nip));

  return {
    position: {
      id: position.id, name: position.name, jenisJabatan: position.jenisJabatan, eselon: position.eselon,
      unitId: unit.id, unitName: unit.name, vacant: position.holderEmployeeId === null,
    },
    eligibility: { golongan: range ? { min: range.min, max: range.max } : null, noSanctionInForce: true, lastSkpAtLeast: 'BAIK', asOf: query.today },
    profile: {
      basis: { unitId: basis.unit.id, unitName: basis.unit.name, staff: basisStaff.length },
      competencies: profile.top(profile.competencies, 8).map(([name, share]) => ({ name, share })),
      majors: profile.top(profile.majors, 5).map(([name, share]) => ({ name, share })),
      trainings: profile.top(profile.trainings, 8).map(([title, share]) => ({ title, share })),
      leadershipTraining: leadership,
    },
    considered: pool.length,
    excluded: { sanction: pool.filter((e) => sanctioned.has(e.id)).length, skp: pool.filter((e) => !sanctioned.has(e.id) && !eligible.includes(e)).length },
    items: scored.slice(0, query.limit).map(({ employee, components, score }, i) => {
      const seat = employee.positionId === null ? undefined : positions.get(employee.positionId);
      return {
        rank: i + 1,
        employee: {
          id: employee.id, nip: employee.nip, name: employee.name, golongan: employee.golongan,
          position: seat ? { id: seat.id, name: seat.name } : null,
          unit: { id: employee.unitId, name: units.get(employee.unitId)?.name ?? '' },
          education: { level: employee.educationLevel, major: employee.educationMajor },
        },
        score,
        components,
      };
    }),
  };
}

/** Frequencies of what the staff of the position's unit hold; a candidate's own items are left out of their match. */
class UnitProfile {
  readonly competencies = new Map<string, Set<number>>();
  readonly majors = new Map<string, Set<number>>();
  readonly trainings = new Map<string, Set<number>>();
  readonly size: number;
  private readonly members: Set<number>;

  constructor(staff: Employee[], trainingsOf: Map<number, TrainingRecord[]>) {
    this.size = staff.length;
    this.members = new Set(staff.map((e) => e.id));
    for (const e of staff) {
      for (const c of e.competencies) add(this.competencies, c, e.id);
      if (e.educationMajor) add(this.majors, e.educationMajor, e.id);
      for (const t of trainingsOf.get(e.id) ?? []) if (SUBJECT_TRAINING.includes(t.kind)) add(this.trainings, t.title, e.id);
    }
  }

  /** The share (0..1) of the other staff who hold `key`. */
  share(map: Map<string, Set<number>>, key: string, self: number): number {
    const holders = map.get(key);
    if (!holders) return 0;
    const others = this.size - (this.members.has(self) ? 1 : 0);
    return others <= 0 ? 0 : (holders.size - (holders.has(self) ? 1 : 0)) / others;
  }

  top(map: Map<string, Set<number>>, n: number): Array<[string, number]> {
    return [...map].map(([key, holders]): [string, number] => [key, round2(holders.size / Math.max(1, this.size))])
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n);
  }
}

function educationComponent(employee: Employee, jenis: JenisJabatan, profile: UnitProfile): ScoreComponent {
  const needed: EducationLevel = jenis === 'PELAKSANA' ? 'SMA' : 'S1';
  const levelOk = EDUCATION_ORDER.indexOf(employee.educationLevel) >= EDUCATION_ORDER.indexOf(needed)
    || (needed === 'S1' && employee.educationLevel === 'D4');
  const majorShare = employee.educationMajor ? profile.share(profile.majors, employee.educationMajor, employee.id) : 0;
  const bestShare = Math.max(0, ...profile.top(profile.majors, 1).map(([, s]) => s));
  const majorValue = bestShare > 0 ? Math.min(1, majorShare / bestShare) : 0;
  const value = (levelOk ? 0.4 : 0) + 0.6 * majorValue;
  return component('education', value, domainMessage('CANDIDATE_EDUCATION', {
    level: employee.educationLevel, major: employee.educationMajor ?? '-', needed, share: pct(majorShare),
    levelVerdictId: levelOk ? 'memenuhi' : 'di bawah', levelVerdictEn: levelOk ? 'meets' : 'below',
  }));
}

function competenceComponent(employee: Employee, profile: UnitProfile): ScoreComponent {
  const matched = employee.competencies
    .map((c) => ({ c, share: profile.share(profile.competencies, c, employee.id) }))
    .filter((m) => m.share > 0)
    .sort((a, b) => b.share - a.share);
  const best = Math.max(0, ...profile.top(profile.competencies, 1).map(([, s]) => s));
  // Two competencies as common as the unit's most common one give full marks.
  const value = best > 0 ? Math.min(1, matched.reduce((sum, m) => sum + m.share / best, 0) / 2) : 0;
  return component('competencies', value, matched.length > 0
    ? domainMessage('CANDIDATE_COMPETENCIES', { matched: matched.map((m) => `${m.c} (${pct(m.share)})`).join(', ') })
    : domainMessage('CANDIDATE_NO_COMPETENCIES'));
}

function trainingComponent(employee: Employee, own: TrainingRecord[], leadership: TrainingKind | null, profile: UnitProfile): ScoreComponent {
  const leadershipOk = leadership === null
    || own.some((t) => LEADERSHIP_ORDER.includes(t.kind) && LEADERSHIP_ORDER.indexOf(t.kind) >= LEADERSHIP_ORDER.indexOf(leadership));
  const relevant = [...new Set(own.filter((t) => SUBJECT_TRAINING.includes(t.kind) && profile.share(profile.trainings, t.title, employee.id) > 0).map((t) => t.title))];
  const value = (leadershipOk ? 0.5 : 0) + 0.5 * Math.min(1, relevant.length / 2);
  const lead = leadership === null
    ? domainMessage('CANDIDATE_LEADERSHIP_NONE')
    : domainMessage(leadershipOk ? 'CANDIDATE_LEADERSHIP_DONE' : 'CANDIDATE_LEADERSHIP_MISSING', { kind: leadership });
  return component('training', value, domainMessage('CANDIDATE_TRAINING', { leadershipId: lead.id, leadershipEn: lead.en, relevant: relevant.join(', ') || '-' }));
}

function performanceComponent(rating: SkpRating | undefined): ScoreComponent {
  const value = rating?.rating === 'SANGAT_BAIK' ? 1 : rating?.rating === 'BAIK' ? 0.6 : 0;
  return component('performance', value, domainMessage('CANDIDATE_PERFORMANCE', { year: rating?.year ?? '-', rating: rating?.rating ?? '-' }));
}

function component(name: Component, value: number, reason: Localized): ScoreComponent {
  const weight = CANDIDATE_WEIGHTS[name];
  return { weight, value: round2(value), points: round1(weight * value), reason };
}

/** The unit whose staff describe the position: its own unit and sub-units, or the OPD's when those are few. */
async function profileBasis(em: EntityManager, unit: OrgUnit): Promise<{ unit: OrgUnit; unitIds: number[] }> {
  const own = await unitSubtreeIds(em, unit.id);
  if (await em.count(Employee, { unitId: { $in: own } }) >= MIN_PROFILE_STAFF) return { unit, unitIds: own };
  let opd = unit;
  // Bounded: a corrupted tree with a cycle must not hang a request.
  for (let i = 0; i < 50 && opd.parentId !== null; i++) {
    const parent = await em.findOne(OrgUnit, { id: opd.parentId });
    if (!parent || parent.parentId === null) break;
    opd = parent;
  }
  return { unit: opd, unitIds: await unitSubtreeIds(em, opd.id) };
}

async function inChunks<T>(ids: number[], load: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...await load(ids.slice(i, i + CHUNK)));
  return out;
}

function groupBy<T>(items: T[], key: (item: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}

function add(map: Map<string, Set<number>>, key: string, id: number): void {
  const set = map.get(key) ?? new Set<number>();
  set.add(id);
  map.set(key, set);
}

function pct(share: number): string {
  return `${Math.round(share * 100)}%`;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

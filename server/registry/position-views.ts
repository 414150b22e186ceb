import type { EntityManager } from '@mikro-orm/knex';
import type { Position } from '../../db';
import { Employee, OrgUnit } from '../../db';
import { ESELON_GOLONGAN_RANGE, isEselon } from '../../forms';
import { golonganView } from './golongan-view';
import type { PositionView } from './views';

/** Positions as the API shows them, with their unit, holder and the pangkat range their eselon needs. */
export async function positionViews(em: EntityManager, positions: Position[]): Promise<PositionView[]> {
  const unitIds = [...new Set(positions.map((p) => p.unitId))];
  const holderIds = positions.flatMap((p) => (p.holderEmployeeId === null ? [] : [p.holderEmployeeId]));
  const units = unitIds.length ? await em.find(OrgUnit, { id: { $in: unitIds } }) : [];
  const holders = holderIds.length ? await em.find(Employee, { id: { $in: holderIds } }) : [];
  const unitById = new Map(units.map((u) => [u.id, u]));
  const holderById = new Map(holders.map((e) => [e.id, e]));
  return positions.map((p) => {
    const unit = unitById.get(p.unitId);
    const holder = p.holderEmployeeId === null ? undefined : holderById.get(p.holderEmployeeId);
    const range = p.eselon && isEselon(p.eselon) ? ESELON_GOLONGAN_RANGE[p.eselon] : undefined;
    return {
      id: p.id,
      name: p.name,
      jenisJabatan: p.jenisJabatan,
      eselon: p.eselon,
      functionalLevel: p.functionalLevel,
      pangkatRange: range ? { min: golonganView(range.min), max: golonganView(range.max) } : null,
      unit: { id: p.unitId, name: unit?.name ?? '' },
      isUnitHead: unit?.headPositionId === p.id,
      vacant: p.holderEmployeeId === null,
      holder: holder ? { id: holder.id, name: holder.name } : null,
    };
  });
}

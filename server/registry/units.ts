import type { EntityManager } from '@mikro-orm/knex';
import { Employee, OrgUnit, Position } from '../../db';
import { HttpError } from '../errors';
import { positionViews } from './position-views';
import type { UnitDetail, UnitNode } from './views';

/** The whole organisation tree, the root(s) first; children in id order (the seed's tree order). */
export async function unitTree(em: EntityManager): Promise<UnitNode[]> {
  const units = await em.find(OrgUnit, {}, { orderBy: { id: 'asc' } });
  const headNames = await headNamesOf(em, units);
  const nodes = new Map<number, UnitNode>(units.map((u) => [u.id, {
    id: u.id,
    code: u.code,
    type: u.type,
    name: u.name,
    headPositionId: u.headPositionId,
    headName: u.headPositionId === null ? null : headNames.get(u.headPositionId) ?? null,
    children: [],
  }]));
  const roots: UnitNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id) as UnitNode;
    const parent = unit.parentId === null ? undefined : nodes.get(unit.parentId);
    // A unit whose parent is missing is shown as a root rather than silently dropped.
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** One unit with every position in it (filled and vacant) and its direct sub-units. */
export async function unitDetail(em: EntityManager, id: number): Promise<UnitDetail> {
  const unit = await em.findOne(OrgUnit, { id });
  if (!unit) throw new HttpError(404, 'UNIT_NOT_FOUND', { unitId: id });
  const parent = unit.parentId === null ? null : await em.findOne(OrgUnit, { id: unit.parentId });
  const children = await em.find(OrgUnit, { parentId: id }, { orderBy: { id: 'asc' } });
  const positions = await positionViews(em, await em.find(Position, { unitId: id }, { orderBy: { id: 'asc' } }));
  const headPosition = positions.find((p) => p.id === unit.headPositionId);
  return {
    id: unit.id,
    code: unit.code,
    type: unit.type,
    name: unit.name,
    parent: parent ? { id: parent.id, name: parent.name } : null,
    head: headPosition ? { positionId: headPosition.id, positionName: headPosition.name, employee: headPosition.holder } : null,
    positions,
    children: children.map((c) => ({ id: c.id, code: c.code, type: c.type, name: c.name })),
  };
}

/** Head position id → the name of the employee holding it. */
async function headNamesOf(em: EntityManager, units: OrgUnit[]): Promise<Map<number, string>> {
  const headIds = units.flatMap((u) => (u.headPositionId === null ? [] : [u.headPositionId]));
  if (headIds.length === 0) return new Map();
  const positions = await em.find(Position, { id: { $in: headIds }, holderEmployeeId: { $ne: null } });
  const holders = await em.find(Employee, { id: { $in: positions.map((p) => p.holderEmployeeId as number) } });
  const nameById = new Map(holders.map((e) => [e.id, e.name]));
  return new Map(positions.flatMap((p) => {
    const name = nameById.get(p.holderEmployeeId as number);
    return name === undefined ? [] : [[p.id, name] as const];
  }));
}

/**
 * Walks of the organisation tree over units already loaded (the tree is a few hundred rows, so
 * callers read it once and walk it here). Both walks are bounded by the number of units, so a
 * corrupted tree with a cycle cannot loop forever. No database access: pure planners use it too.
 */
export interface TreeUnit {
  id: number;
  parentId: number | null;
}

/** The unit and every unit below it, the unit first. */
export function subtreeIdsOf(units: readonly TreeUnit[], rootId: number): number[] {
  const children = new Map<number, number[]>();
  for (const unit of units) {
    if (unit.parentId === null) continue;
    children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
  }
  const ids = [rootId];
  for (let i = 0; i < ids.length && ids.length <= units.length + 1; i++) ids.push(...(children.get(ids[i] as number) ?? []));
  return [...new Set(ids)];
}

/**
 * The OPD a unit belongs to: the ancestor whose parent is the root of the tree (the unit itself
 * for an OPD). Null for the root, an unknown unit, or a path that never reaches the root.
 */
export function opdIdOf(units: ReadonlyMap<number, TreeUnit>, unitId: number): number | null {
  let current = units.get(unitId);
  for (let hops = 0; current && current.parentId !== null && hops <= units.size; hops++) {
    const parent = units.get(current.parentId);
    if (!parent) return null;
    if (parent.parentId === null) return current.id;
    current = parent;
  }
  return null;
}

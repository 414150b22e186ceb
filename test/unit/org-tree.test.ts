import { opdIdOf, subtreeIdsOf, type TreeUnit } from '../../db/org-tree';

// Pemerintah Kota (1) → Dinkes (2) → Bidang (3) → Seksi (4); BKPSDM (5); a unit whose parent is gone (6 → 99).
const units: TreeUnit[] = [
  { id: 1, parentId: null }, { id: 2, parentId: 1 }, { id: 3, parentId: 2 }, { id: 4, parentId: 3 }, { id: 5, parentId: 1 }, { id: 6, parentId: 99 },
];
const byId = new Map(units.map((u) => [u.id, u]));

describe('the organisation tree', () => {
  test('when a unit is asked for its OPD, then it is the ancestor just below the root', () => {
    expect([4, 3, 2, 5].map((id) => opdIdOf(byId, id))).toEqual([2, 2, 2, 5]);
  });

  test('when the unit is the root, unknown, or cut off from the root, then it has no OPD', () => {
    expect([1, 42, 6].map((id) => opdIdOf(byId, id))).toEqual([null, null, null]);
  });

  test('when a subtree is asked for, then it lists the unit first and everything below it', () => {
    expect(subtreeIdsOf(units, 2)).toEqual([2, 3, 4]);
    expect(subtreeIdsOf(units, 1).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  test('when the tree has a cycle, then both walks still end', () => {
    const cyclic: TreeUnit[] = [{ id: 1, parentId: 2 }, { id: 2, parentId: 1 }];
    expect(opdIdOf(new Map(cyclic.map((u) => [u.id, u])), 1)).toBeNull();
    expect(subtreeIdsOf(cyclic, 1).sort()).toEqual([1, 2]);
  });
});

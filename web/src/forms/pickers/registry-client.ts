import { query, request } from '../../api';
import type { Lang } from '../../messages';

/** The registry shapes the pickers read (server/registry/views.ts answers with them). */

export interface RegistryRef {
  id: number;
  name: string;
}

export interface EmployeeOption {
  id: number;
  nip: string;
  name: string;
  golongan: string;
  pangkat: string | null;
  position: RegistryRef | null;
  unit: RegistryRef;
}

export interface UnitNode {
  id: number;
  code: string;
  type: string;
  name: string;
  children: UnitNode[];
}

export interface PositionOption {
  id: number;
  name: string;
  eselon: string | null;
  unit: RegistryRef;
  vacant: boolean;
  holder: RegistryRef | null;
}

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export async function searchEmployees(lang: Lang, search: string, signal?: AbortSignal): Promise<EmployeeOption[]> {
  const page = await request<Page<EmployeeOption>>(lang, `/api/registry/employees${query({ search, limit: 10 })}`, { signal });
  return page.items;
}

export async function listUnits(lang: Lang, signal?: AbortSignal): Promise<UnitNode[]> {
  return (await request<{ items: UnitNode[] }>(lang, '/api/registry/units', { signal })).items;
}

export async function listPositions(lang: Lang, unitId: number, signal?: AbortSignal): Promise<PositionOption[]> {
  return (await request<Page<PositionOption>>(lang, `/api/registry/positions${query({ unitId, limit: 100 })}`, { signal })).items;
}

/** A unit of the tree with its depth, for a flat, indented list. */
export interface FlatUnit {
  id: number;
  code: string;
  name: string;
  depth: number;
}

export function flattenUnits(nodes: UnitNode[], depth = 0): FlatUnit[] {
  return nodes.flatMap((node) => [{ id: node.id, code: node.code, name: node.name, depth }, ...flattenUnits(node.children, depth + 1)]);
}

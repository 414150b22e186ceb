// Client of GET/POST /api/processes for the process catalogue (server/openapi/cases.ts).

import { query, request } from '../../api';
import type { ApiError, Localized, ProcessSummary } from '../../api';
import type { Lang } from '../../messages';
import type { ProcessDefinition } from '../../../../processes/model';

export type { AssigneeRule, DeadlineSpec, DurationSpec, ProcessDefinition, Step } from '../../../../processes/model';

/** One problem of a refused definition (DEFINITION_INVALID), by JSON pointer into it. */
export interface DefinitionProblem {
  path: string;
  stepId?: string;
  code: string;
  message: Localized;
}

const enc = encodeURIComponent;

export async function listProcessSummaries(lang: Lang, signal?: AbortSignal): Promise<ProcessSummary[]> {
  return (await request<{ items: ProcessSummary[] }>(lang, '/api/processes', { signal })).items;
}

/** The full definition (the shared catalogue's type keeps only what case pages need). */
export function getFullDefinition(lang: Lang, key: string, version?: number, signal?: AbortSignal): Promise<ProcessDefinition> {
  return request(lang, `/api/processes/${enc(key)}${query({ version })}`, { signal });
}

/** Validates without publishing; a refusal throws an ApiError whose problems `definitionProblemsOf` reads. */
export async function checkDefinition(lang: Lang, definition: unknown): Promise<void> {
  await request(lang, '/api/processes?dryRun=true', { method: 'POST', body: { definition } });
}

export function publishDefinition(lang: Lang, definition: unknown, changeNote: string): Promise<ProcessDefinition> {
  return request(lang, '/api/processes', { method: 'POST', body: changeNote ? { definition, changeNote } : { definition } });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `details.problems` of a DEFINITION_INVALID refusal. */
export function definitionProblemsOf(error: ApiError | null): DefinitionProblem[] {
  if (!error || !isRecord(error.details) || !Array.isArray(error.details.problems)) return [];
  return error.details.problems.filter(
    (p): p is DefinitionProblem => isRecord(p) && typeof p.path === 'string' && isRecord(p.message),
  );
}

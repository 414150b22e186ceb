import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * The custom search attributes every case upserts, so cases can be listed from Temporal itself,
 * e.g. `temporal workflow list --query "AlurProcess='demo' AND AlurStatus='open'"`.
 * The dev-server launcher and the worker register exactly these.
 */
export const caseSearchAttributes = {
  process: defineSearchAttributeKey('AlurProcess', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('AlurStatus', SearchAttributeType.KEYWORD),
  currentStep: defineSearchAttributeKey('AlurCurrentStep', SearchAttributeType.KEYWORD),
  unit: defineSearchAttributeKey('AlurUnit', SearchAttributeType.KEYWORD),
  assignees: defineSearchAttributeKey('AlurAssignees', SearchAttributeType.KEYWORD_LIST),
  subjectNip: defineSearchAttributeKey('AlurSubjectNip', SearchAttributeType.KEYWORD),
} as const;

export const allCaseSearchAttributes = Object.values(caseSearchAttributes);

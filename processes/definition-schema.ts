/**
 * The JSON Schema (draft-07, ajv 8 strict mode with `discriminator`) of a ProcessDefinition.
 *
 * The object schemas are built through `closedObject<T>()`, whose types demand exactly the
 * properties of the model type T and exactly its required ones: when processes/model.ts changes,
 * this file stops compiling until the schema follows.
 */
import type {
  ApprovalMode,
  ApprovalStep,
  AssigneeRule,
  BranchStep,
  DeadlineSpec,
  DurationSpec,
  EffectStep,
  EndOutcome,
  EndStep,
  Escalation,
  FormRef,
  Localized,
  ProcessDefinition,
  Reminder,
  StepKind,
  TaskStep,
  UnitSource,
  WaitStep,
} from './model';

export type JsonSchemaType = 'string' | 'integer' | 'number' | 'boolean' | 'object' | 'array' | 'null';

/** The JSON Schema keywords this schema uses. */
export type JsonSchema = {
  $schema?: string;
  title?: string;
  description?: string;
  type?: JsonSchemaType | JsonSchemaType[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  minProperties?: number;
  maxProperties?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  enum?: readonly string[];
  const?: string;
  not?: JsonSchema;
  oneOf?: JsonSchema[];
  discriminator?: { propertyName: string };
};

export const PROCESS_KEY_PATTERN = '^[a-z][a-z0-9-]{1,60}$';
export const STEP_ID_PATTERN = '^[a-z][a-zA-Z0-9_-]{0,99}$';
/** A dot path into case data: names separated by single dots ("employee.nip"). */
export const DATA_PATH_PATTERN = '^[^.\\s]+(\\.[^.\\s]+)*$';
/** "initiator" means the start form in returnTargets, so no step may be called that. */
export const RESERVED_STEP_ID = 'initiator';

/**
 * Upper bounds of durations. They match the limits of workflows/working-days.ts (3660 days), so a
 * saved definition never makes a deadline computation throw inside a workflow.
 */
const MAX_DAYS = 3660;
const MAX_SECONDS = MAX_DAYS * 24 * 60 * 60;

type RequiredKeys<T> = { [K in keyof T]-?: Partial<Pick<T, K>> extends Pick<T, K> ? never : K }[keyof T];

/** An object schema with exactly T's properties (no others) and exactly T's required ones. */
function closedObject<T>(properties: { [K in keyof T]-?: JsonSchema }, required: { [K in RequiredKeys<T>]: true }): JsonSchema {
  return { type: 'object', properties, required: Object.keys(required), additionalProperties: false };
}

/** A union of closed objects told apart by `tag`, so ajv reports only the matching variant's errors. */
function taggedUnion(tag: string, variants: JsonSchema[]): JsonSchema {
  return { type: 'object', discriminator: { propertyName: tag }, oneOf: variants };
}

const text = (maxLength: number): JsonSchema => ({ type: 'string', minLength: 1, maxLength });
const integer = (minimum: number, maximum: number): JsonSchema => ({ type: 'integer', minimum, maximum });
const list = (items: JsonSchema, bounds: { minItems?: number; maxItems: number; uniqueItems?: boolean }): JsonSchema => ({
  type: 'array',
  items,
  ...bounds,
});

const stepId: JsonSchema = { type: 'string', pattern: STEP_ID_PATTERN, not: { const: RESERVED_STEP_ID } };
const stepRef: JsonSchema = { type: 'string', pattern: STEP_ID_PATTERN };
const dataPath: JsonSchema = { type: 'string', pattern: DATA_PATH_PATTERN, maxLength: 200 };
const localized = (maxLength: number): JsonSchema => closedObject<Localized>({ id: text(maxLength), en: text(maxLength) }, { id: true, en: true });
const formRef = closedObject<FormRef>({ key: text(100), version: integer(1, Number.MAX_SAFE_INTEGER) }, { key: true, version: true });

type DurationUnit = DurationSpec extends infer D ? (D extends unknown ? keyof D : never) : never;

/** Exactly one unit: min/maxProperties say it more plainly than a oneOf of three objects. */
function duration(minimum: 0 | 1): JsonSchema {
  const properties: Record<DurationUnit, JsonSchema> = {
    workingDays: integer(minimum, MAX_DAYS),
    calendarDays: integer(minimum, MAX_DAYS),
    seconds: integer(minimum, MAX_SECONDS),
  };
  return { type: 'object', properties, additionalProperties: false, minProperties: 1, maxProperties: 1 };
}

/** A fixed duration, or working days read from the case data (DeadlineSpec). */
const deadline: JsonSchema = {
  oneOf: [
    duration(1),
    closedObject<Extract<DeadlineSpec, { workingDaysFrom: string }>>({ workingDaysFrom: dataPath }, { workingDaysFrom: true }),
  ],
};

const unitSource = taggedUnion('from', [
  closedObject<Extract<UnitSource, { from: 'subject' }>>({ from: { const: 'subject' } }, { from: true }),
  closedObject<Extract<UnitSource, { from: 'initiator' }>>({ from: { const: 'initiator' } }, { from: true }),
  closedObject<Extract<UnitSource, { from: 'field' }>>({ from: { const: 'field' }, path: dataPath }, { from: true, path: true }),
]);

const assigneeRule = taggedUnion('kind', [
  closedObject<Extract<AssigneeRule, { kind: 'role' }>>({ kind: { const: 'role' }, role: text(100), unit: unitSource }, { kind: true, role: true }),
  closedObject<Extract<AssigneeRule, { kind: 'unitHead' }>>({ kind: { const: 'unitHead' }, unit: unitSource }, { kind: true, unit: true }),
  closedObject<Extract<AssigneeRule, { kind: 'committee' }>>(
    { kind: { const: 'committee' }, committee: text(100) },
    { kind: true, committee: true },
  ),
  closedObject<Extract<AssigneeRule, { kind: 'user' }>>({ kind: { const: 'user' }, userId: text(100) }, { kind: true, userId: true }),
  closedObject<Extract<AssigneeRule, { kind: 'initiator' }>>({ kind: { const: 'initiator' } }, { kind: true }),
]);

const approvalMode = taggedUnion('kind', [
  closedObject<Extract<ApprovalMode, { kind: 'single' }>>({ kind: { const: 'single' } }, { kind: true }),
  closedObject<Extract<ApprovalMode, { kind: 'all' }>>({ kind: { const: 'all' } }, { kind: true }),
  closedObject<Extract<ApprovalMode, { kind: 'any' }>>({ kind: { const: 'any' } }, { kind: true }),
  closedObject<Extract<ApprovalMode, { kind: 'quorum' }>>(
    { kind: { const: 'quorum' }, approvals: integer(1, 1000) },
    { kind: true, approvals: true },
  ),
]);

const assignees = list(assigneeRule, { minItems: 1, maxItems: 50 });

/** The properties approval and task steps share (HumanStepBase in the model). */
const humanStepProperties = {
  id: stepId,
  name: localized(200),
  assignees,
  form: formRef,
  deadline,
  reminders: list(closedObject<Reminder>({ before: duration(1) }, { before: true }), { maxItems: 10 }),
  escalation: closedObject<Escalation>({ after: duration(0), to: assigneeRule }, { after: true, to: true }),
  returnTargets: list(stepRef, { maxItems: 50, uniqueItems: true }),
  allowSelfApproval: { type: 'boolean' },
} satisfies Record<string, JsonSchema>;

const stepSchemas: { [K in StepKind]: JsonSchema } = {
  approval: closedObject<ApprovalStep>(
    {
      ...humanStepProperties,
      kind: { const: 'approval' },
      mode: approvalMode,
      silenceMeans: { type: 'string', enum: ['approved', 'rejected'] satisfies Array<NonNullable<ApprovalStep['silenceMeans']>> },
      next: closedObject<ApprovalStep['next']>({ approved: stepRef, rejected: stepRef }, { approved: true, rejected: true }),
    },
    { id: true, kind: true, name: true, assignees: true, mode: true, next: true },
  ),
  task: closedObject<TaskStep>(
    { ...humanStepProperties, kind: { const: 'task' }, next: stepRef },
    { id: true, kind: true, name: true, assignees: true, next: true },
  ),
  branch: closedObject<BranchStep>(
    {
      id: stepId,
      kind: { const: 'branch' },
      name: localized(200),
      cases: list(
        closedObject<BranchStep['cases'][number]>(
          // The expression itself is checked by walking it (json-logic-problems.ts).
          { when: { type: ['object', 'boolean'] }, next: stepRef },
          { when: true, next: true },
        ),
        { minItems: 1, maxItems: 50 },
      ),
      otherwise: stepRef,
    },
    { id: true, kind: true, name: true, cases: true, otherwise: true },
  ),
  effect: closedObject<EffectStep>(
    { id: stepId, kind: { const: 'effect' }, name: localized(200), effect: text(100), compensate: text(100), next: stepRef },
    { id: true, kind: true, name: true, effect: true, next: true },
  ),
  wait: closedObject<WaitStep>(
    {
      id: stepId,
      kind: { const: 'wait' },
      name: localized(200),
      until: dataPath,
      managers: list(assigneeRule, { maxItems: 50 }),
      extensionLimit: closedObject<NonNullable<WaitStep['extensionLimit']>>(
        // The expression itself is checked by walking it (json-logic-problems.ts).
        { when: { type: ['object', 'boolean'] }, count: integer(0, 100), eachAtMostMonths: integer(1, 120) },
        {},
      ),
      next: stepRef,
    },
    { id: true, kind: true, name: true, until: true, next: true },
  ),
  end: closedObject<EndStep>(
    {
      id: stepId,
      kind: { const: 'end' },
      name: localized(200),
      outcome: { type: 'string', enum: ['approved', 'rejected', 'withdrawn', 'expired'] satisfies EndOutcome[] },
    },
    { id: true, kind: true, name: true, outcome: true },
  ),
};

export const processDefinitionSchema: JsonSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Alur process definition',
  ...closedObject<ProcessDefinition>(
    {
      key: { type: 'string', pattern: PROCESS_KEY_PATTERN },
      version: integer(1, Number.MAX_SAFE_INTEGER),
      name: localized(200),
      description: localized(2000),
      starters: list(text(100), { maxItems: 50, uniqueItems: true }),
      startForm: formRef,
      subjectNipPath: dataPath,
      subjectUnitPath: dataPath,
      firstStep: stepRef,
      steps: list(taggedUnion('kind', Object.values(stepSchemas)), { minItems: 1, maxItems: 200 }),
    },
    { key: true, version: true, name: true, starters: true, firstStep: true, steps: true },
  ),
};

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { definitionMessage, type DefinitionProblemCode, type MessageParam } from './definition-messages';
import { DATA_PATH_PATTERN, PROCESS_KEY_PATTERN, STEP_ID_PATTERN, processDefinitionSchema, type JsonSchema } from './definition-schema';
import { jsonLogicProblems } from './json-logic-problems';
import { jsonPointer } from './json-pointer';
import type { ApprovalStep, DurationSpec, FormRef, Localized, ProcessDefinition, Step, TaskStep } from './model';
import { reachableFrom } from './reachability';

export interface DefinitionProblem {
  /** JSON pointer (RFC 6901) into the submitted definition: where to look or what is missing. */
  path: string;
  /** The id of the step the problem is about, when it is about one step. */
  stepId?: string;
  /** Stable code, e.g. UNKNOWN_STEP; see definition-messages.ts. */
  code: DefinitionProblemCode;
  /** For a person: Bahasa Indonesia and English, naming the step. */
  message: Localized;
}

export interface ValidateDefinitionOptions {
  /** Whether a form version exists; without it, form references are not checked. */
  formExists?: (ref: FormRef) => boolean;
  /** The effect activities the worker registers; without it, effect names are not checked. */
  knownEffects?: readonly string[];
}

export type DefinitionValidation = { ok: true; definition: ProcessDefinition } | { ok: false; problems: DefinitionProblem[] };

type Segment = string | number;
type HumanStep = ApprovalStep | TaskStep;

/**
 * Checks a process definition before it is saved or a case starts: its shape (JSON Schema), then
 * its graph (ids, links, reachability, a way to an end), return targets, branch expressions,
 * forms, effects, reminders. Returns every problem found, never throws on bad input.
 *
 * The graph checks run only on a definition whose shape is valid: on a malformed one they would
 * mostly repeat the shape problems in other words.
 */
export function validateDefinition(input: unknown, options: ValidateDefinitionOptions = {}): DefinitionValidation {
  const validateShape = shapeValidator();
  if (!validateShape(input)) {
    return { ok: false, problems: dedupe((validateShape.errors ?? []).map((error) => shapeProblem(error, input))) };
  }
  const problems = meaningProblems(input, options);
  return problems.length === 0 ? { ok: true, definition: input } : { ok: false, problems };
}

let compiledShape: ValidateFunction<ProcessDefinition> | undefined;

function shapeValidator(): ValidateFunction<ProcessDefinition> {
  compiledShape ??= new Ajv({ strict: true, allErrors: true, discriminator: true, allowUnionTypes: true }).compile<ProcessDefinition>(
    processDefinitionSchema,
  );
  return compiledShape;
}

// ---------------------------------------------------------------------------------------------
// Shape: ajv errors as problems.
// ---------------------------------------------------------------------------------------------

const TYPE_NAMES: Record<string, Localized> = {
  string: { id: 'teks', en: 'text' },
  integer: { id: 'bilangan bulat', en: 'a whole number' },
  number: { id: 'angka', en: 'a number' },
  boolean: { id: 'true/false', en: 'true/false' },
  object: { id: 'objek', en: 'an object' },
  array: { id: 'daftar', en: 'a list' },
  null: { id: 'null', en: 'null' },
};

function shapeProblem(error: ErrorObject, input: unknown): DefinitionProblem {
  const at = parsePointer(error.instancePath);
  const params: Record<string, unknown> = error.params;
  // Point at the property that is missing or unknown, not at the object that holds it.
  const child = error.keyword === 'required' ? params.missingProperty : error.keyword === 'additionalProperties' ? params.additionalProperty : undefined;
  if (typeof child === 'string') at.push(child);
  if (error.keyword === 'discriminator' && typeof params.tag === 'string') at.push(params.tag);

  const value = valueAt(input, at);
  const [code, extra] = shapeCode(error, params, value);
  return problemAt(input, at, code, extra);
}

function shapeCode(error: ErrorObject, params: Record<string, unknown>, value: unknown): [DefinitionProblemCode, Record<string, MessageParam>] {
  switch (error.keyword) {
    case 'required':
      return ['REQUIRED', {}];
    case 'additionalProperties':
      return ['UNKNOWN_PROPERTY', {}];
    case 'type': {
      const types = Array.isArray(params.type) ? params.type.map(String) : String(params.type).split(',');
      return ['WRONG_TYPE', { type: joinLocalized(types.map((t) => TYPE_NAMES[t] ?? { id: t, en: t }), { id: ' atau ', en: ' or ' }) }];
    }
    case 'pattern': {
      const shown = { value: shorten(value) };
      if (params.pattern === STEP_ID_PATTERN) return ['INVALID_STEP_ID', shown];
      if (params.pattern === PROCESS_KEY_PATTERN) return ['INVALID_PROCESS_KEY', shown];
      if (params.pattern === DATA_PATH_PATTERN) return ['INVALID_DATA_PATH', shown];
      break;
    }
    // The schema's only `not` keeps "initiator" free for returnTargets.
    case 'not':
      return ['RESERVED_STEP_ID', {}];
    case 'minimum':
      return ['TOO_SMALL', { limit: Number(params.limit) }];
    case 'maximum':
      return ['TOO_LARGE', { limit: Number(params.limit) }];
    case 'minLength':
      return ['EMPTY', {}];
    case 'maxLength':
      return ['TOO_LONG', { limit: Number(params.limit) }];
    case 'minItems':
      return ['TOO_FEW_ITEMS', { limit: Number(params.limit) }];
    case 'maxItems':
      return ['TOO_MANY_ITEMS', { limit: Number(params.limit) }];
    case 'uniqueItems':
      return ['DUPLICATE_ITEMS', {}];
    case 'enum':
      return ['NOT_ONE_OF', { options: quotedList(Array.isArray(params.allowedValues) ? params.allowedValues.map(String) : []) }];
    // Durations are the only objects limited by property count: exactly one unit.
    case 'minProperties':
    case 'maxProperties':
      return ['DURATION_ONE_UNIT', {}];
    case 'discriminator': {
      if (params.error === 'tag' && value === undefined) return ['REQUIRED', {}];
      return ['NOT_ONE_OF', { options: quotedList(discriminatorOptions(error.schemaPath, String(params.tag))) }];
    }
  }
  return ['INVALID_VALUE', { detail: error.message ?? error.keyword }];
}

/** The tag values a discriminated union accepts, read from the schema the error came from. */
function discriminatorOptions(schemaPath: string, tag: string): string[] {
  const union = schemaAt(parsePointer(schemaPath.replace(/^#/, '')).slice(0, -1));
  return (union?.oneOf ?? []).map((variant) => variant.properties?.[tag]?.const).filter((v): v is string => typeof v === 'string');
}

function schemaAt(at: Segment[]): JsonSchema | undefined {
  let node: unknown = processDefinitionSchema;
  for (const segment of at) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[String(segment)] : undefined;
  }
  return typeof node === 'object' && node !== null ? (node as JsonSchema) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Meaning: the graph and the references of a well-shaped definition.
// ---------------------------------------------------------------------------------------------

interface Link {
  target: string;
  at: Segment[];
}

function meaningProblems(def: ProcessDefinition, options: ValidateDefinitionOptions): DefinitionProblem[] {
  const problems: DefinitionProblem[] = [];
  const add = (at: Segment[], code: DefinitionProblemCode, params: Record<string, MessageParam> = {}): void => {
    problems.push(problemAt(def, at, code, params));
  };

  // Ids. A duplicate is reported once; the graph uses the first step with an id.
  const indexOf = new Map<string, number>();
  def.steps.forEach((step, index) => {
    const first = indexOf.get(step.id);
    if (first === undefined) indexOf.set(step.id, index);
    else add(['steps', index, 'id'], 'DUPLICATE_STEP_ID', { value: step.id, other: first + 1 });
  });
  const stepById = (id: string): Step | undefined => {
    const index = indexOf.get(id);
    return index === undefined ? undefined : def.steps[index];
  };
  const primarySteps = def.steps.map((step, index) => ({ step, index })).filter(({ step, index }) => indexOf.get(step.id) === index);

  // Links.
  const dangling = new Set<string>();
  for (const { step, index } of primarySteps) {
    for (const link of linksOf(step)) {
      if (indexOf.has(link.target)) continue;
      dangling.add(step.id);
      add(['steps', index, ...link.at], 'UNKNOWN_STEP', { target: link.target });
    }
  }
  const firstKnown = indexOf.has(def.firstStep);
  if (!firstKnown) add(['firstStep'], 'UNKNOWN_STEP', { target: def.firstStep });
  const successors = (id: string): string[] => {
    const step = stepById(id);
    return step ? linksOf(step).map((link) => link.target).filter((target) => indexOf.has(target)) : [];
  };

  // Reachability from the first step.
  const reachable = firstKnown ? reachableFrom(def.firstStep, successors) : new Set(indexOf.keys());
  for (const { step, index } of primarySteps) {
    if (!reachable.has(step.id)) add(['steps', index], 'UNREACHABLE_STEP', { first: def.firstStep });
  }

  // A way to an end from every reachable step.
  const ends = primarySteps.filter(({ step }) => step.kind === 'end');
  let trapped: ReadonlySet<string> = new Set();
  if (ends.length === 0) {
    add(['steps'], 'NO_END_STEP');
  } else {
    trapped = trappedProblems(primarySteps, reachable, ends.map(({ step }) => step.id), dangling, successors, add);
  }
  branchLoopProblems(primarySteps, successors, trapped, add);

  // Return targets: "initiator" or a human step that can come before this one.
  const reachableAvoiding = new Map<string, Set<string>>();
  const comesBefore = (earlier: string, later: string): boolean => {
    if (earlier === later || !reachableFrom(earlier, successors).has(later)) return false;
    if (!firstKnown) return true;
    let seen = reachableAvoiding.get(later);
    if (!seen) {
      seen = reachableFrom(def.firstStep, successors, new Set([later]));
      reachableAvoiding.set(later, seen);
    }
    return seen.has(earlier);
  };
  for (const { step, index } of primarySteps) {
    if (!isHuman(step)) continue;
    (step.returnTargets ?? []).forEach((target, j) => {
      if (target === 'initiator') return;
      const at = ['steps', index, 'returnTargets', j];
      const targetStep = stepById(target);
      if (!targetStep) add(at, 'UNKNOWN_STEP', { target });
      else if (!isHuman(targetStep)) add(at, 'RETURN_TARGET_NOT_HUMAN', { target, kind: targetStep.kind });
      else if (!comesBefore(target, step.id)) add(at, 'RETURN_TARGET_NOT_EARLIER', { target });
    });
  }

  // Branch conditions.
  def.steps.forEach((step, index) => {
    if (step.kind !== 'branch') return;
    step.cases.forEach((branchCase, j) => {
      for (const problem of jsonLogicProblems(branchCase.when)) {
        add(['steps', index, 'cases', j, 'when', ...problem.at], problem.code, {
          field: `"cases[${j}].when"`,
          operator: problem.operator ?? '',
          keyCount: problem.keyCount ?? 0,
        });
      }
    });
  });
  def.steps.forEach((step, index) => {
    const when = step.kind === 'wait' ? step.extensionLimit?.when : undefined;
    if (when === undefined) return;
    for (const problem of jsonLogicProblems(when)) {
      add(['steps', index, 'extensionLimit', 'when', ...problem.at], problem.code, {
        field: '"extensionLimit.when"',
        operator: problem.operator ?? '',
        keyCount: problem.keyCount ?? 0,
      });
    }
  });

  // Forms.
  if (options.formExists) {
    const formExists = options.formExists;
    if (def.startForm && !formExists(def.startForm)) add(['startForm'], 'FORM_NOT_FOUND', { ...def.startForm });
    def.steps.forEach((step, index) => {
      if (isHuman(step) && step.form && !formExists(step.form)) add(['steps', index, 'form'], 'FORM_NOT_FOUND', { ...step.form });
    });
  }

  // Effects.
  if (options.knownEffects) {
    const known = options.knownEffects;
    def.steps.forEach((step, index) => {
      if (step.kind !== 'effect') return;
      const named: Array<['effect' | 'compensate', string]> = [['effect', step.effect]];
      if (step.compensate !== undefined) named.push(['compensate', step.compensate]);
      for (const [field, effect] of named) {
        if (known.includes(effect)) continue;
        add(['steps', index, field], 'UNKNOWN_EFFECT', {
          effect,
          known: known.length > 0 ? quotedList(known) : { id: '(tidak ada)', en: '(none)' },
        });
      }
    });
  }

  // Reminders and escalation need a deadline; a reminder must be shorter than it.
  def.steps.forEach((step, index) => {
    if (!isHuman(step)) return;
    const reminders = step.reminders ?? [];
    if (!step.deadline) {
      if (reminders.length > 0) add(['steps', index, 'reminders'], 'REMINDER_WITHOUT_DEADLINE');
      if (step.escalation) add(['steps', index, 'escalation'], 'ESCALATION_WITHOUT_DEADLINE');
      if (step.kind === 'approval' && step.silenceMeans) add(['steps', index, 'silenceMeans'], 'SILENCE_WITHOUT_DEADLINE');
      return;
    }
    const deadline = step.deadline;
    // A deadline read from the case data is only known when the step starts.
    if ('workingDaysFrom' in deadline) return;
    reminders.forEach((reminder, j) => {
      if (!shorterThan(reminder.before, deadline)) {
        add(['steps', index, 'reminders', j, 'before'], 'REMINDER_NOT_BEFORE_DEADLINE', {
          before: durationText(reminder.before),
          deadline: durationText(deadline),
        });
      }
    });
  });

  return problems;
}

/**
 * Reports reachable steps from which no end step can be reached: each loop without an exit once
 * (naming all its steps), and every other such step on its own. A step with a link to an unknown
 * step is not counted as trapped: that link is reported already. Returns the trapped steps' ids.
 */
function trappedProblems(
  steps: Array<{ step: Step; index: number }>,
  reachable: ReadonlySet<string>,
  endIds: string[],
  dangling: ReadonlySet<string>,
  successors: (id: string) => string[],
  add: (at: Segment[], code: DefinitionProblemCode, params?: Record<string, MessageParam>) => void,
): Set<string> {
  const predecessors = new Map<string, string[]>();
  for (const { step } of steps) {
    for (const next of successors(step.id)) predecessors.set(next, [...(predecessors.get(next) ?? []), step.id]);
  }
  const canFinish = new Set<string>();
  for (const start of [...endIds, ...dangling]) {
    for (const id of reachableFrom(start, (id) => predecessors.get(id) ?? [])) canFinish.add(id);
  }
  const trapped = steps.filter(({ step }) => reachable.has(step.id) && !canFinish.has(step.id));
  const loopOf = loopsAmong(trapped, successors);
  const reported = new Set<string>();
  for (const { step, index } of trapped) {
    if (reported.has(step.id)) continue;
    const loop = loopOf(step.id);
    if (!loop) {
      add(['steps', index], 'NO_PATH_TO_END');
      continue;
    }
    for (const { step: member } of loop) reported.add(member.id);
    add(['steps', index], 'CYCLE_WITHOUT_EXIT', { cycle: quotedList(loop.map(({ step: member }) => member.id)) });
  }
  return new Set(trapped.map(({ step }) => step.id));
}

/**
 * Reports each loop made of branch steps alone, once (naming its steps). A branch reads data that
 * nothing changes between branches, so a case that enters such a loop goes round it forever even
 * when the loop has an exit. A loop without an exit is reported as that already (`trapped`).
 */
function branchLoopProblems(
  steps: Array<{ step: Step; index: number }>,
  successors: (id: string) => string[],
  trapped: ReadonlySet<string>,
  add: (at: Segment[], code: DefinitionProblemCode, params?: Record<string, MessageParam>) => void,
): void {
  const branches = steps.filter(({ step }) => step.kind === 'branch');
  const loopOf = loopsAmong(branches, successors);
  const reported = new Set<string>();
  for (const { step, index } of branches) {
    if (reported.has(step.id)) continue;
    const loop = loopOf(step.id);
    if (!loop) continue;
    for (const { step: member } of loop) reported.add(member.id);
    if (trapped.has(step.id)) continue;
    add(['steps', index], 'BRANCH_LOOP', { cycle: quotedList(loop.map(({ step: member }) => member.id)) });
  }
}

/**
 * For a step among `steps`, the loop through it that stays among them: the steps it reaches that
 * reach it back, in definition order; undefined when it is on no such loop.
 */
function loopsAmong(
  steps: Array<{ step: Step; index: number }>,
  successors: (id: string) => string[],
): (id: string) => Array<{ step: Step; index: number }> | undefined {
  const ids = new Set(steps.map(({ step }) => step.id));
  const within = (id: string) => successors(id).filter((next) => ids.has(next));
  const reach = new Map(steps.map(({ step }) => [step.id, reachableFrom(step.id, within)]));
  return (id) => {
    if (!within(id).some((next) => reach.get(next)?.has(id))) return undefined;
    return steps.filter(({ step: other }) => reach.get(id)?.has(other.id) && reach.get(other.id)?.has(id));
  };
}

function linksOf(step: Step): Link[] {
  switch (step.kind) {
    case 'approval':
      return [
        { target: step.next.approved, at: ['next', 'approved'] },
        { target: step.next.rejected, at: ['next', 'rejected'] },
      ];
    case 'task':
    case 'effect':
    case 'wait':
      return [{ target: step.next, at: ['next'] }];
    case 'branch':
      return [
        ...step.cases.map((branchCase, j): Link => ({ target: branchCase.next, at: ['cases', j, 'next'] })),
        { target: step.otherwise, at: ['otherwise'] },
      ];
    case 'end':
      return [];
  }
}

function isHuman(step: Step): step is HumanStep {
  return step.kind === 'approval' || step.kind === 'task';
}

/** Only durations in the same unit (or seconds against calendar days) compare for sure. */
function shorterThan(before: DurationSpec, deadline: DurationSpec): boolean {
  if ('workingDays' in before && 'workingDays' in deadline) return before.workingDays < deadline.workingDays;
  const seconds = (d: DurationSpec): number | undefined =>
    'seconds' in d ? d.seconds : 'calendarDays' in d ? d.calendarDays * 86_400 : undefined;
  const a = seconds(before);
  const b = seconds(deadline);
  return a === undefined || b === undefined || a < b;
}

function durationText(d: DurationSpec): Localized {
  if ('workingDays' in d) return { id: `${d.workingDays} hari kerja`, en: `${d.workingDays} working day(s)` };
  if ('calendarDays' in d) return { id: `${d.calendarDays} hari kalender`, en: `${d.calendarDays} calendar day(s)` };
  return { id: `${d.seconds} detik`, en: `${d.seconds} second(s)` };
}

// ---------------------------------------------------------------------------------------------
// Problems: pointer, the step concerned, the message.
// ---------------------------------------------------------------------------------------------

/**
 * A problem at `at` (path segments from the root of `root`). When the path is inside a step, the
 * message starts with the step's label and the field is named relative to the step.
 */
function problemAt(root: unknown, at: Segment[], code: DefinitionProblemCode, params: Record<string, MessageParam>): DefinitionProblem {
  const path = jsonPointer(...at);
  const inStep = at[0] === 'steps' && at.length >= 2 && /^\d+$/.test(String(at[1]));
  const fieldAt = inStep ? at.slice(2) : at;
  const field: MessageParam =
    fieldAt.length > 0
      ? `"${fieldName(fieldAt)}"`
      : inStep
        ? { id: 'langkah ini', en: 'this step' }
        : { id: 'Definisi proses', en: 'The process definition' };
  const filled = { field, ...params };
  const body = definitionMessage(code, filled);
  if (!inStep) return { path, code, message: body };

  const index = Number(at[1]);
  const step = valueAt(root, ['steps', index]);
  const id = isRecord(step) && typeof step.id === 'string' && step.id.length > 0 ? step.id : undefined;
  const name = isRecord(step) && isLocalized(step.name) ? step.name : undefined;
  const label = stepLabel(index, id, name);
  const message = { id: `${label.id}: ${body.id}`, en: `${label.en}: ${body.en}` };
  return id === undefined ? { path, code, message } : { path, stepId: id, code, message };
}

function stepLabel(index: number, id: string | undefined, name: Localized | undefined): Localized {
  if (id === undefined) return { id: `Langkah ke-${index + 1}`, en: `Step ${index + 1}` };
  const shownId = shorten(id);
  if (name === undefined) return { id: `Langkah "${shownId}"`, en: `Step "${shownId}"` };
  return { id: `Langkah "${shownId}" (${name.id})`, en: `Step "${shownId}" (${name.en})` };
}

/** "next.rejected", "cases[0].when", "reminders[1].before". */
function fieldName(at: Segment[]): string {
  let name = '';
  for (const segment of at) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) name += `[${segment}]`;
    else name += name === '' ? segment : `.${segment}`;
  }
  return name;
}

function parsePointer(pointer: string): Segment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function valueAt(root: unknown, at: Segment[]): unknown {
  let node = root;
  for (const segment of at) {
    if (Array.isArray(node)) node = node[Number(segment)];
    else if (isRecord(node)) node = node[String(segment)];
    else return undefined;
  }
  return node;
}

function dedupe(problems: DefinitionProblem[]): DefinitionProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.path} ${problem.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A value as text short enough for a message. */
function shorten(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function quotedList(items: readonly string[]): string {
  return items.map((item) => `"${item}"`).join(', ');
}

function joinLocalized(items: Localized[], separator: Localized): Localized {
  return { id: items.map((item) => item.id).join(separator.id), en: items.map((item) => item.en).join(separator.en) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLocalized(value: unknown): value is Localized {
  return isRecord(value) && typeof value.id === 'string' && typeof value.en === 'string';
}

import jsonLogic from 'json-logic-js';

/**
 * Every operator json-logic-js 2.0.5 evaluates out of the box: its `operations` table plus the
 * operators apply() handles itself. The interpreter registers no extra operations, so anything
 * else fails only when a case reaches the branch; a definition is checked against this list when
 * it is saved instead.
 */
export const jsonLogicOperators: ReadonlySet<string> = new Set([
  // Handled inside apply(): they control evaluation of their arguments.
  'if', '?:', 'and', 'or', 'filter', 'map', 'reduce', 'all', 'none', 'some',
  // The operations table.
  '==', '===', '!=', '!==', '>', '>=', '<', '<=', '!!', '!', '%', 'log', 'in', 'cat', 'substr',
  '+', '*', '-', '/', 'min', 'max', 'merge', 'var', 'missing', 'missing_some',
]);

export type JsonLogicProblemCode = 'EXPRESSION_NOT_LOGIC' | 'UNKNOWN_OPERATOR' | 'INVALID_VAR_PATH';

export interface JsonLogicProblem {
  code: JsonLogicProblemCode;
  /** Where in the expression, as path segments from its root. */
  at: Array<string | number>;
  /** The operator concerned (UNKNOWN_OPERATOR, INVALID_VAR_PATH). */
  operator?: string;
  /** How many keys the offending object has (EXPRESSION_NOT_LOGIC). */
  keyCount?: number;
}

/**
 * What is wrong with a branch condition: objects that are not exactly one operator, operators
 * json-logic-js does not know, and `var` paths that are not text. `true`/`false` are valid
 * constant conditions.
 */
export function jsonLogicProblems(expression: unknown): JsonLogicProblem[] {
  if (typeof expression === 'boolean') return [];
  const problems: JsonLogicProblem[] = [];
  if (!isPlainObject(expression)) {
    problems.push({ code: 'EXPRESSION_NOT_LOGIC', at: [] });
    return problems;
  }
  visit(expression, [], problems);
  return problems;
}

function visit(node: unknown, at: Array<string | number>, problems: JsonLogicProblem[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => visit(item, [...at, index], problems));
    return;
  }
  if (!isPlainObject(node)) return;
  const object: Record<string, unknown> = node;
  // json-logic-js would take an object with several keys as a literal value; in a condition that
  // is always a mistake (two operators in one object, or a forgotten wrapper).
  if (!jsonLogic.is_logic(node)) {
    problems.push({ code: 'EXPRESSION_NOT_LOGIC', at, keyCount: Object.keys(node).length });
    return;
  }
  const operator = jsonLogic.get_operator(node);
  const values = object[operator];
  if (!jsonLogicOperators.has(operator)) {
    problems.push({ code: 'UNKNOWN_OPERATOR', at, operator });
  } else if (operator === 'var') {
    const args = Array.isArray(values) ? values : [values];
    if (typeof args[0] !== 'string') problems.push({ code: 'INVALID_VAR_PATH', at: [...at, operator], operator });
    // The default value (second argument) is evaluated too.
    args.slice(1).forEach((item, index) => visit(item, [...at, operator, index + 1], problems));
    return;
  }
  visit(values, [...at, operator], problems);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

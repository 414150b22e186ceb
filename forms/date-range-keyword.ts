import type Ajv from 'ajv';
import type { SchemaValidateFunction } from 'ajv';
import { isCalendarDate } from './is-calendar-date';
import { latestPeriodEnd } from './latest-period-end';

/** The value of the `dateRange` keyword: which fields hold the period, and how long it may last. */
export interface DateRangeRule {
  /** Property holding the first day (format date). */
  start: string;
  /** Property holding the last day (format date); errors are reported at this field. */
  end: string;
  /** At most this many calendar months, both days counted (a Plt: 3). */
  maxMonths?: number;
}

export const DATE_RANGE_KEYWORD = 'dateRange';

/**
 * `dateRange`, an object keyword for what JSON Schema cannot say: the end of a period is not
 * before its start and, with `maxMonths`, not later than the period allows. Missing or malformed
 * dates are left to `required` and `format`, so a person sees one message per problem.
 *
 * An ajv keyword rather than a rule in server code, so the refusal is the form's own 422 with
 * RJSF-shaped errors next to the end-date field, and an administrator can change the limit in the
 * form schema without code changes.
 */
export function addDateRangeKeyword(ajv: Ajv): Ajv {
  ajv.addKeyword({
    keyword: DATE_RANGE_KEYWORD,
    type: 'object',
    schemaType: 'object',
    errors: true,
    metaSchema: {
      type: 'object',
      required: ['start', 'end'],
      additionalProperties: false,
      properties: {
        start: { type: 'string', minLength: 1 },
        end: { type: 'string', minLength: 1 },
        maxMonths: { type: 'integer', minimum: 1, maximum: 120 },
      },
    },
    validate: checkDateRange,
  });
  return ajv;
}

const checkDateRange: SchemaValidateFunction = (rule: DateRangeRule, data: Record<string, unknown>, _parentSchema, dataCxt) => {
  checkDateRange.errors = [];
  const start = data[rule.start];
  const end = data[rule.end];
  if (!isCalendarDate(start) || !isCalendarDate(end)) return true;
  const at = `${dataCxt?.instancePath ?? ''}/${rule.end.replaceAll('~', '~0').replaceAll('/', '~1')}`;
  if (end < start) {
    checkDateRange.errors = [{ keyword: DATE_RANGE_KEYWORD, instancePath: at, params: { reason: 'END_BEFORE_START', start }, message: `must not be before ${start}` }];
    return false;
  }
  const latest = rule.maxMonths === undefined ? null : latestPeriodEnd(start, rule.maxMonths);
  if (latest !== null && end > latest) {
    checkDateRange.errors = [{
      keyword: DATE_RANGE_KEYWORD, instancePath: at, params: { reason: 'TOO_LONG', start, maxMonths: rule.maxMonths, latest },
      message: `must be ${latest} or earlier (at most ${rule.maxMonths} months)`,
    }];
    return false;
  }
  return true;
};

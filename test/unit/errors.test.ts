import { WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { CaseRefusal } from '../../workflows/errors';
import { errorBody, fromTemporalError } from '../../server/errors';

describe('mapping Temporal errors to HTTP', () => {
  test.each([
    [CaseRefusal.notAssignee, 403, 'NOT_ASSIGNEE'],
    [CaseRefusal.selfApproval, 403, 'SELF_APPROVAL_NOT_ALLOWED'],
    [CaseRefusal.notAllowed, 403, 'NOT_ALLOWED'],
    [CaseRefusal.formInvalid, 422, 'FORM_INVALID'],
    [CaseRefusal.stepNotCurrent, 409, 'STEP_NOT_CURRENT'],
    [CaseRefusal.alreadyDecided, 409, 'ALREADY_DECIDED'],
    [CaseRefusal.caseClosed, 409, 'CASE_CLOSED'],
    [CaseRefusal.invalidDecision, 422, 'INVALID_DECISION'],
  ])('a refusal of type %s becomes %i %s', (type, status, code) => {
    const refusal = new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type, message: 'because' }));
    const mapped = fromTemporalError(refusal);
    expect(mapped).toMatchObject({ status, code, details: { reason: 'because' } });
  });

  test('every refusal code the workflow can give has an HTTP mapping', () => {
    for (const type of Object.values(CaseRefusal)) {
      const mapped = fromTemporalError(new WorkflowUpdateFailedError('x', ApplicationFailure.create({ type, message: 'm' })));
      expect([type, mapped?.status]).toEqual([type, expect.any(Number)]);
    }
  });

  test('an unknown case becomes 404 with a message in the asked language', () => {
    const mapped = fromTemporalError(new WorkflowNotFoundError('not found', 'case-x', undefined));
    expect(mapped?.status).toBe(404);
    expect(errorBody(mapped!, 'id').error.message).toBe('Kasus tidak ditemukan.');
    expect(errorBody(mapped!, 'en').error.message).toBe('Case not found.');
  });

  test('an Update whose call ran out of time becomes 503 (it may still apply), not a 500', () => {
    // What the client throws when the API's deadline cuts an update-with-start short under load.
    const cancelled = Object.assign(new Error('1 CANCELLED: Call cancelled'), { code: 1 });
    const mapped = fromTemporalError(new WorkflowUpdateRPCTimeoutOrCancelledError('Call cancelled', { cause: cancelled }));
    expect(mapped?.status).toBe(503);
    expect(mapped?.code).toBe('TEMPORAL_UNAVAILABLE');
  });

  test('an error that is not Temporal\'s is left for the 500 handler', () => {
    expect(fromTemporalError(new Error('boom'))).toBeUndefined();
    const unknownType = new WorkflowUpdateFailedError('x', ApplicationFailure.create({ type: 'SOMETHING_ELSE', message: 'm' }));
    expect(fromTemporalError(unknownType)).toBeUndefined();
  });
});

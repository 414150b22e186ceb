import type { DefaultForm } from './default-form';
import { feedbackForms } from './feedback-forms';
import { restructuringForms } from './restructuring-forms';
import { rotationForms } from './rotation-forms';
import { temporaryAssignmentForms } from './temporary-assignment-forms';
import { trainingForms } from './training-forms';

export type { DefaultForm } from './default-form';
export { formRef } from './default-form';
export * from './restructuring-forms';
export * from './rotation-forms';
export * from './temporary-assignment-forms';
export * from './feedback-forms';
export * from './training-forms';

/** Every default form; each is published as version 1 when its key has no version yet. */
export const defaultForms: readonly DefaultForm[] = [...rotationForms, ...temporaryAssignmentForms, ...feedbackForms, ...trainingForms, ...restructuringForms];

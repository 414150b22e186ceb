import type { DefaultForm } from './default-form';
import { rotationForms } from './rotation-forms';
import { temporaryAssignmentForms } from './temporary-assignment-forms';

export type { DefaultForm } from './default-form';
export { formRef } from './default-form';
export * from './rotation-forms';
export * from './temporary-assignment-forms';

/** Every default form; each is published as version 1 when its key has no version yet. */
export const defaultForms: readonly DefaultForm[] = [...rotationForms, ...temporaryAssignmentForms];

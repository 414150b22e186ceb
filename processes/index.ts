export type * from './model';
export { validateDefinition } from './validate-definition';
export type { DefinitionProblem, DefinitionValidation, ValidateDefinitionOptions } from './validate-definition';
export type { DefinitionProblemCode } from './definition-messages';
export { processDefinitionSchema } from './definition-schema';

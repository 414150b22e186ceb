export { openApiDocument } from './document';
export type { HttpMethod, JsonObject, OpenApiArea, Operation, PathItem } from './types';

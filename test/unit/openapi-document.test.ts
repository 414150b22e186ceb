import { openApiDocument, type HttpMethod, type JsonObject, type Operation, type PathItem } from '../../server/openapi';
import { openApiSchemas, refsOf, resolveRef } from '../support/openapi-schemas';

const METHODS: HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

function operations(document: JsonObject): Array<{ method: HttpMethod; path: string; operation: Operation }> {
  return Object.entries(document.paths as Record<string, PathItem>).flatMap(([path, item]) => METHODS.flatMap((method) => {
    const operation = item[method];
    return operation ? [{ method, path, operation }] : [];
  }));
}

describe('the OpenAPI document', () => {
  const document = openApiDocument();

  test('when it is built, then it is OpenAPI 3.1 and describes health, auth, the registry and the error body', () => {
    expect(document).toMatchObject({ openapi: '3.1.0', info: { title: 'Alur API' } });
    expect(Object.keys(document.paths as object)).toEqual(expect.arrayContaining([
      '/api/health', '/api/openapi.json', '/api/auth/login', '/api/auth/logout', '/api/auth/me',
      '/api/registry/employees', '/api/registry/employees/{id}', '/api/registry/units', '/api/registry/units/{id}', '/api/registry/positions',
    ]));
    const components = document.components as { schemas: object; securitySchemes: object };
    expect(Object.keys(components.schemas)).toEqual(expect.arrayContaining(['ErrorBody', 'ValidationErrorBody', 'EmployeeDetail']));
    expect(components.securitySchemes).toMatchObject({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'alur_session' },
      csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    });
  });

  test('when any operation is read, then it has a unique operationId, a summary, tags and described responses', () => {
    const ids = new Set<string>();
    for (const { method, path, operation } of operations(document)) {
      const where = `${method.toUpperCase()} ${path}`;
      expect([where, operation.summary.trim().length > 0]).toEqual([where, true]);
      expect([where, ids.has(operation.operationId)]).toEqual([where, false]);
      ids.add(operation.operationId);
      expect([where, operation.tags.length > 0]).toEqual([where, true]);
      const responses = Object.entries(operation.responses);
      expect([where, responses.length > 0]).toEqual([where, true]);
      for (const [status, response] of responses) {
        expect([where, status, /^[1-5]\d\d$/.test(status)]).toEqual([where, status, true]);
        const resolved = (typeof response.$ref === 'string' ? resolveRef(document, response.$ref) : response) as JsonObject | undefined;
        expect([where, status, typeof resolved?.description]).toEqual([where, status, 'string']);
      }
    }
  });

  test('when a path has a {parameter}, then each of its operations declares it as a required path parameter', () => {
    for (const { method, path, operation } of operations(document)) {
      const declared = (operation.parameters ?? [])
        .map((p) => (typeof p.$ref === 'string' ? resolveRef(document, p.$ref) : p) as JsonObject)
        .filter((p) => p.in === 'path' && p.required === true)
        .map((p) => p.name);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      expect([method, path, declared.sort()]).toEqual([method, path, templated.sort()]);
    }
  });

  test('when every $ref is followed, then each resolves, and every security requirement names a scheme', () => {
    const refs = refsOf(document);
    expect(refs.length).toBeGreaterThan(20);
    const dangling = refs.filter(({ ref }) => resolveRef(document, ref) === undefined);
    expect(dangling).toEqual([]);

    const schemes = Object.keys((document.components as { securitySchemes: object }).securitySchemes);
    const requirements = [
      ...(document.security as Array<Record<string, string[]>>),
      ...operations(document).flatMap(({ operation }) => operation.security ?? []),
    ];
    for (const requirement of requirements) for (const name of Object.keys(requirement)) expect(schemes).toContain(name);
  });

  test('when its schemas are compiled as strict JSON Schema 2020-12, then every one compiles', () => {
    const schemas = openApiSchemas(document);
    for (const name of Object.keys((document.components as { schemas: object }).schemas)) {
      expect([name, typeof schemas.compileComponent(name)]).toEqual([name, 'function']);
    }
    for (const { method, path, operation } of operations(document)) {
      for (const status of Object.keys(operation.responses)) {
        const schema = schemas.responseSchema(method, path, Number(status));
        if (schema !== undefined) expect(() => schemas.compile(schema)).not.toThrow();
      }
      const body = (operation.requestBody?.content as Record<string, { schema: unknown }> | undefined)?.['application/json']?.schema;
      if (body !== undefined) expect(() => schemas.compile(body)).not.toThrow();
    }
  });

  test('when two areas describe the same path, then building the document fails and names it', () => {
    const area = { paths: { '/api/x': { get: { operationId: 'x', summary: 'x', tags: ['x'], responses: { 200: { description: 'ok' } } } } } };
    expect(() => openApiDocument([area, area])).toThrow('OpenAPI: the path /api/x is described twice');
  });
});

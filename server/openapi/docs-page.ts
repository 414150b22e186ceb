import type { JsonObject } from './types';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function escape(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A JSON body points to its schema; an upload names the media types its raw bytes may have. */
function bodyText(body: JsonObject): string {
  const types = Object.keys((body.content as JsonObject | undefined) ?? {});
  return types.includes('application/json')
    ? 'JSON; see the schema in <a href="/api/openapi.json">openapi.json</a>.'
    : `The raw bytes of a file: ${escape(types.join(', '))}.`;
}

/**
 * The OpenAPI document as one self-contained HTML page (no scripts, no outside assets: these
 * servers may have no internet): every operation by tag, with its parameters, body and answers.
 */
export function renderDocsPage(document: JsonObject): string {
  const info = document.info as { title: string; version: string; description?: string };
  const paths = document.paths as Record<string, Record<string, JsonObject>>;
  const tags = (document.tags as Array<{ name: string; description: string }> | undefined) ?? [];
  const byTag = new Map<string, string[]>();
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const op = item[method] as { summary?: string; description?: string; tags?: string[]; parameters?: JsonObject[]; requestBody?: JsonObject; responses?: Record<string, { description?: string }>; security?: unknown[] } | undefined;
      if (!op) continue;
      const params = (op.parameters ?? [])
        .map((p) => ('$ref' in p ? String(p.$ref).split('/').pop() : `${escape(p.name)} <small>(${escape(p.in)}${p.required ? ', required' : ''})</small>`))
        .map((p) => `<li>${p}</li>`).join('');
      const responses = Object.entries(op.responses ?? {})
        .map(([status, r]) => `<li><code>${escape(status)}</code> ${'$ref' in r ? escape(String((r as JsonObject).$ref).split('/').pop()) : escape(r.description)}</li>`).join('');
      const html = `<details><summary><code class="m ${method}">${method.toUpperCase()}</code> <code>${escape(path)}</code> — ${escape(op.summary)}${Array.isArray(op.security) && op.security.length === 0 ? ' <small>(public)</small>' : ''}</summary>
        ${op.description ? `<p>${escape(op.description).replaceAll('\n', '<br>')}</p>` : ''}
        ${params ? `<h4>Parameters</h4><ul>${params}</ul>` : ''}
        ${op.requestBody ? `<h4>Body</h4><p>${bodyText(op.requestBody)}</p>` : ''}
        <h4>Responses</h4><ul>${responses}</ul></details>`;
      for (const tag of op.tags ?? ['other']) byTag.set(tag, [...(byTag.get(tag) ?? []), html]);
    }
  }
  const sections = [...byTag.entries()].map(([tag, ops]) => {
    const about = tags.find((t) => t.name === tag)?.description ?? '';
    return `<section><h2>${escape(tag)}</h2><p>${escape(about)}</p>${ops.join('\n')}</section>`;
  }).join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(info.title)} ${escape(info.version)}</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
details{border:1px solid #d0d7de;border-radius:6px;margin:.4rem 0;padding:.3rem .6rem}summary{cursor:pointer}
code.m{display:inline-block;min-width:4.2em;font-weight:600}.get{color:#0969da}.post{color:#1a7f37}.put,.patch{color:#9a6700}.delete{color:#cf222e}
h2{border-bottom:1px solid #d0d7de;margin-top:2rem}</style></head><body>
<h1>${escape(info.title)} <small>${escape(info.version)}</small></h1><p>${escape(info.description)}</p>
<p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
${sections}</body></html>`;
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildWebIfStale } from '../../tools/web-build';
import { ceilingLine, type ReportLine } from '../report';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'web', 'dist');

/** The two pages of the web build and what each may load before it first renders. */
const PAGES = [
  { page: 'index.html', name: 'officer app', goalKB: 400 },
  { page: 'lapor.html', name: 'public feedback portal', goalKB: 150 },
] as const;

/**
 * Issue 7/8's web figures: the gzip size of the JavaScript each page loads before it can render —
 * its entry chunk and everything that chunk imports statically (shared chunks included), not the
 * chunks loaded later on demand (the form editor). Builds web/dist first when it is missing or
 * older than its sources, as `npm run build:web` would. kB are 1000 bytes, gzip at zlib's default
 * level, as Vite's own build report gives them.
 */
export async function webBundleSize(log: (line: string) => void): Promise<ReportLine[]> {
  await buildWebIfStale(ROOT, log);
  return PAGES.map(({ page, name, goalKB }) => {
    const files = initialScripts(DIST, page);
    const gzipKB = files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(DIST, file))).length, 0) / 1000;
    log(`${name}: ${gzipKB.toFixed(1)} kB gzip in ${files.join(', ')}`);
    return ceilingLine(
      `Web: initial JavaScript of the ${name} (${page} entry + static imports), gzip`,
      { label: 'gzip', value: Math.round(gzipKB * 10) / 10, unit: 'kB' },
      goalKB,
      `${files.length} file${files.length === 1 ? '' : 's'}: ${files.map((file) => path.basename(file)).join(', ')}`,
    );
  });
}

/**
 * The scripts a built page loads at once, as paths inside dist: the module scripts and
 * modulepreload links of its HTML, then, transitively, every chunk those import statically
 * (`import … from "./x.js"`, `import "./x.js"`); dynamic `import("./x.js")` is left out.
 */
export function initialScripts(distDir: string, page: string): string[] {
  const html = readFileSync(path.join(distDir, page), 'utf8');
  const fromHtml = [
    ...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
  ].map((match) => (match[1] as string).replace(/^\//, ''));
  if (fromHtml.length === 0) throw new Error(`${page} loads no module script; is web/dist a Vite build?`);
  const seen = new Set<string>();
  const queue = [...fromHtml];
  while (queue.length > 0) {
    const file = queue.shift() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(path.join(distDir, file), 'utf8');
    for (const match of code.matchAll(/\b(?:from\s*|import\s*)["'](\.{1,2}\/[^"']+\.js)["']/g)) {
      queue.push(path.posix.join(path.posix.dirname(file), match[1] as string));
    }
  }
  return [...seen];
}

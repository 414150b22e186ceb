import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Builds web/ into web/dist when the build is missing or older than any of its sources. */
export async function buildWebIfStale(root: string, log: (line: string) => void): Promise<void> {
  const webDir = path.join(root, 'web');
  const pages = ['index.html', 'lapor.html'];
  const builtPages = await Promise.all(pages.map((page) => mtime(path.join(webDir, 'dist', page))));
  const built = builtPages.includes(undefined) ? undefined : Math.min(...(builtPages as number[]));
  const newestSource = await newestMtime([path.join(webDir, 'src'), ...pages.map((page) => path.join(webDir, page)), path.join(webDir, 'vite.config.mts')]);
  if (built !== undefined && built >= newestSource) return;
  log(built === undefined ? 'building the web UI...' : 'web UI sources changed; rebuilding...');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [viteBin(), 'build', webDir, '--logLevel', 'warn'], {
      cwd: root,
      // A build is a production build even when started from Jest (NODE_ENV=test): React's
      // production code and JSX, not the development bundle.
      env: { ...process.env, NODE_ENV: 'production' },
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the web build failed (exit code ${code})`))));
  });
}

async function mtime(file: string): Promise<number | undefined> {
  try {
    return (await fs.stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
}

async function newestMtime(paths: string[]): Promise<number> {
  let newest = 0;
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => undefined);
    if (!stat) continue;
    if (stat.isDirectory()) {
      const entries = await fs.readdir(p);
      newest = Math.max(newest, await newestMtime(entries.map((e) => path.join(p, e))));
    } else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}

function viteBin(): string {
  // vite's package exports do not include its bin script, only package.json.
  return path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
}

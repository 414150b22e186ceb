import { execFile, spawn } from 'node:child_process';
import { promises as fs, constants as fsConstants } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** The wrapper Go module that pins the Temporal CLI version (see its go.mod). */
export const WRAPPER_MODULE_DIR = path.resolve(__dirname, 'temporal-cli');
const CLI_PACKAGE = 'github.com/temporalio/cli/cmd/temporal';
const MIN_GO = '1.26.4';

export type TemporalCli =
  | { kind: 'binary'; path: string; version: string; source: 'env' | 'cache' | 'built' }
  /** No Go toolchain: the SDK downloads its own dev server (needs internet access). */
  | { kind: 'sdk-download'; reason: string };

export interface ResolveOptions {
  cliPath?: string;
  cacheDir?: string;
  log?: (line: string) => void;
}

/** Reads the pinned CLI version from the wrapper module's go.mod. */
export async function pinnedCliVersion(moduleDir = WRAPPER_MODULE_DIR): Promise<string> {
  const goMod = await fs.readFile(path.join(moduleDir, 'go.mod'), 'utf8');
  const match = /^\s*(?:require\s+)?github\.com\/temporalio\/cli v(\S+)(?:\s*\/\/.*)?$/m.exec(goMod);
  if (!match?.[1]) throw new Error(`Cannot find the pinned github.com/temporalio/cli version in ${moduleDir}/go.mod`);
  return match[1];
}

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'alur');
}

/** Compares dotted versions numerically: -1, 0 or 1. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map((n) => Number.parseInt(n, 10) || 0);
  const pb = b.split('.').map((n) => Number.parseInt(n, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const diff = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

/** Parses `go version` output, e.g. "go version go1.26.8 linux/amd64" → "1.26.8". */
export function parseGoVersion(output: string): string | undefined {
  return /\bgo(\d+(?:\.\d+){1,2})\b/.exec(output)?.[1];
}

/**
 * Finds a Temporal CLI: TEMPORAL_CLI_PATH if given, else the cached build for the pinned version,
 * else builds it with the machine's Go (first run only; minutes), else falls back to the SDK's
 * own download.
 */
export async function resolveTemporalCli(options: ResolveOptions = {}): Promise<TemporalCli> {
  const log = options.log ?? ((line: string) => console.log(line));
  if (options.cliPath) {
    await assertExecutable(options.cliPath, 'TEMPORAL_CLI_PATH');
    return { kind: 'binary', path: options.cliPath, version: 'custom', source: 'env' };
  }
  const version = await pinnedCliVersion();
  const target = path.join(options.cacheDir ?? defaultCacheDir(), `temporal-${version}`);
  if (await isExecutable(target)) return { kind: 'binary', path: target, version, source: 'cache' };

  const go = await findGo();
  if (!go.ok) {
    log(`Temporal CLI ${version} is not cached and ${go.reason}; falling back to the Temporal SDK's download of the dev server.`);
    return { kind: 'sdk-download', reason: go.reason };
  }
  await buildCli(version, target, go.version, log);
  return { kind: 'binary', path: target, version, source: 'built' };
}

async function findGo(): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  try {
    const { stdout } = await execFileAsync('go', ['version']);
    const version = parseGoVersion(stdout);
    if (!version) return { ok: false, reason: `"go version" printed something unexpected: ${stdout.trim()}` };
    if (compareVersions(version, MIN_GO) < 0) {
      return { ok: false, reason: `Go ${version} is older than the ${MIN_GO} the Temporal CLI needs` };
    }
    return { ok: true, version };
  } catch {
    return { ok: false, reason: 'Go is not installed (no "go" on PATH)' };
  }
}

async function buildCli(version: string, target: string, goVersion: string, log: (line: string) => void): Promise<void> {
  await fs.mkdir(path.dirname(target), { recursive: true });
  // Build into a unique temporary name and rename, so a concurrent or interrupted build never
  // leaves a half-written binary at the cached path.
  const tmp = `${target}.${process.pid}.${Date.now()}.tmp`;
  log(`Building Temporal CLI ${version} from source with Go ${goVersion} (first run only; this takes a few minutes)...`);
  log(`  module: ${WRAPPER_MODULE_DIR}`);
  log(`  target: ${target}`);
  const started = Date.now();
  const ticker = setInterval(() => log(`  still building Temporal CLI... ${Math.round((Date.now() - started) / 1000)} s`), 30_000);
  try {
    await run('go', [
      'build', '-trimpath',
      '-ldflags', `-s -w -X github.com/temporalio/cli/internal/temporalcli.Version=${version}`,
      '-o', tmp, CLI_PACKAGE,
    ], { cwd: WRAPPER_MODULE_DIR, env: { ...process.env, CGO_ENABLED: '0', GOFLAGS: '-mod=readonly' } });
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  } finally {
    clearInterval(ticker);
  }
  log(`Built Temporal CLI ${version} in ${Math.round((Date.now() - started) / 1000)} s.`);
}

function run(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${stderr.slice(-4000)}`));
    });
  });
}

async function isExecutable(file: string): Promise<boolean> {
  try {
    await fs.access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

async function assertExecutable(file: string, name: string): Promise<void> {
  if (!(await isExecutable(file))) throw new Error(`${name} points at ${file}, which does not exist or is not executable`);
}

import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compareVersions, parseGoVersion, pinnedCliVersion, resolveTemporalCli } from '../../tools/temporal-cli';

describe('Temporal CLI resolution', () => {
  test('the pinned version is read from the wrapper module', async () => {
    expect(await pinnedCliVersion()).toBe('1.8.2');
  });

  test('go versions are parsed and compared numerically', () => {
    expect(parseGoVersion('go version go1.26.8 linux/amd64')).toBe('1.26.8');
    expect(parseGoVersion('go version go1.27 darwin/arm64')).toBe('1.27');
    expect(parseGoVersion('command not found')).toBeUndefined();
    expect(compareVersions('1.26.8', '1.26.4')).toBe(1);
    expect(compareVersions('1.26.10', '1.26.9')).toBe(1);
    expect(compareVersions('1.26', '1.26.4')).toBe(-1);
    expect(compareVersions('1.26.4', '1.26.4')).toBe(0);
  });

  test('when the pinned version is cached, then it is used without building', async () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), 'alur-cli-cache-'));
    const cached = path.join(cacheDir, 'temporal-1.8.2');
    writeFileSync(cached, '#!/bin/sh\n');
    chmodSync(cached, 0o755);
    const lines: string[] = [];
    const cli = await resolveTemporalCli({ cacheDir, log: (l) => lines.push(l) });
    expect(cli).toEqual({ kind: 'binary', path: cached, version: '1.8.2', source: 'cache' });
    expect(lines).toEqual([]);
  });

  test('when TEMPORAL_CLI_PATH points at nothing, then the error says so', async () => {
    await expect(resolveTemporalCli({ cliPath: '/nonexistent/temporal' })).rejects.toThrow(
      'TEMPORAL_CLI_PATH points at /nonexistent/temporal, which does not exist or is not executable',
    );
  });
});

import path from 'node:path';
import { ConfigError, loadConfig } from '../../config';

describe('loadConfig', () => {
  test('when nothing is set, then a laptop setup: port 3000, SQLite in ./data, the local dev server', () => {
    const config = loadConfig({}, '/srv/alur');
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe('/srv/alur/data');
    expect(config.database).toEqual({ kind: 'sqlite', file: path.join('/srv/alur/data', 'alur.sqlite') });
    expect(config.temporal).toMatchObject({ address: undefined, namespace: 'default', taskQueue: 'alur', devServerPort: 7233, devServerUiPort: 8233 });
  });

  test('when DATABASE_URL names PostgreSQL, then it is used', () => {
    const config = loadConfig({ DATABASE_URL: 'postgresql://alur@db:5432/alur' }, '/srv');
    expect(config.database).toEqual({ kind: 'postgresql', url: 'postgresql://alur@db:5432/alur' });
  });

  test('when several values are bad, then every one is reported with what is expected', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'http', DATABASE_URL: 'mysql://x/y', TEMPORAL_ADDRESS: 'temporal', LOG_LEVEL: 'loud' }, '/srv');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems[0]).toBe('PORT must be a port number between 1 and 65535 (got "http")');
    expect(problems[1]).toMatch(/^DATABASE_URL must be a PostgreSQL URL/);
    expect(problems[2]).toBe('TEMPORAL_ADDRESS must be host:port, e.g. temporal.example.go.id:7233 (got "temporal")');
    expect(problems[3]).toBe('LOG_LEVEL must be one of debug, info, warn, error (got "loud")');
    expect((error as ConfigError).message).toContain('Invalid configuration:\n  - PORT');
  });

  test('when PORT collides with the dev server, then it is refused', () => {
    expect(() => loadConfig({ PORT: '7233' }, '/srv')).toThrow(/PORT 7233 clashes/);
  });

  test('when METRICS_TOKEN is too short to be a secret, then it is refused; a long one is kept', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'rahasia' }, '/srv')).toThrow(/METRICS_TOKEN must be at least 16 characters/);
    expect(loadConfig({ METRICS_TOKEN: 'rahasia-prometheus-0123456789' }, '/srv').metricsToken).toBe('rahasia-prometheus-0123456789');
    expect(loadConfig({}, '/srv').metricsToken).toBeUndefined();
  });

  test('when a workflow runtime switch is neither on nor off, then it is refused', () => {
    expect(() => loadConfig({ ALUR_WORKFLOW_WATCHDOG: 'yes' }, '/srv')).toThrow('ALUR_WORKFLOW_WATCHDOG must be on or off (got "yes")');
    expect(() => loadConfig({ ALUR_WORKFLOW_STACK_TRACES: 'true' }, '/srv')).toThrow('ALUR_WORKFLOW_STACK_TRACES must be on or off (got "true")');
    expect(() => loadConfig({ ALUR_WORKFLOW_STACK_TRACES: 'on', ALUR_WORKFLOW_WATCHDOG: 'off' }, '/srv')).not.toThrow();
  });

  test('when a PostgreSQL URL names no database, then it is refused', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgresql://localhost:5432' }, '/srv')).toThrow(/must name a database/);
  });
});

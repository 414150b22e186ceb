import path from 'node:path';

/**
 * Configuration is environment variables only, checked at start-up. Every bad value is reported
 * at once, each with a message that names the variable and says what is expected.
 *
 * The Temporal connection settings (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY,
 * TEMPORAL_TLS*, TEMPORAL_PROFILE, TEMPORAL_CONFIG_FILE) are read by @temporalio/envconfig in
 * temporal/connection.ts; only their presence and the values Alur itself uses are checked here.
 */
export interface AppConfig {
  /** Port of the API server (which also serves the web build). */
  port: number;
  /** Interface the API server binds to. */
  host: string;
  /** Where local state lives: the app SQLite file, the dev server's database, logs, uploads. */
  dataDir: string;
  database: { kind: 'sqlite'; file: string } | { kind: 'postgresql'; url: string };
  temporal: {
    /** Set when an existing cluster is used; the local dev server is not started then. */
    address: string | undefined;
    namespace: string;
    taskQueue: string;
    /** Ports of the local dev server that `npm start` runs when no address is set. */
    devServerPort: number;
    devServerUiPort: number;
    /** A prebuilt Temporal CLI to use instead of building or downloading one. */
    cliPath: string | undefined;
    /** Base URL of the Temporal Web UI, for links from the app. */
    uiUrl: string;
  };
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** The address people open the app at, for links in e-mails. */
  appUrl: string;
  /** Port of the worker's own Prometheus endpoint (Temporal SDK metrics); unset: off. */
  workerMetricsPort: number | undefined;
  /** Bearer token a scraper must send to read /metrics; unset: /metrics is open (local use). */
  metricsToken: string | undefined;
  mail: {
    from: string;
    /** Unset: e-mails are written to DATA_DIR/outbox instead of sent. */
    smtp?: { host: string; port: number; secure: boolean; user?: string; password?: string };
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** The worker's workflow-runtime switches, `on` or `off` (see createWorker in worker/worker.ts). */
export const WORKFLOW_RUNTIME_SWITCHES = ['ALUR_WORKFLOW_STACK_TRACES', 'ALUR_WORKFLOW_WATCHDOG'] as const;

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): AppConfig {
  const problems: string[] = [];

  const port = readPort(env, 'PORT', 3000, problems);
  const devServerPort = readPort(env, 'TEMPORAL_DEV_SERVER_PORT', 7233, problems);
  const devServerUiPort = readPort(env, 'TEMPORAL_DEV_SERVER_UI_PORT', 8233, problems);
  const dataDir = path.resolve(cwd, nonEmpty(env.DATA_DIR) ?? 'data');

  let database: AppConfig['database'] = { kind: 'sqlite', file: path.join(dataDir, 'alur.sqlite') };
  const databaseUrl = nonEmpty(env.DATABASE_URL);
  if (databaseUrl !== undefined) {
    const parsed = parseUrl(databaseUrl);
    if (!parsed || !['postgres:', 'postgresql:'].includes(parsed.protocol)) {
      problems.push('DATABASE_URL must be a PostgreSQL URL such as postgresql://user:password@host:5432/alur (leave it unset to use the SQLite file in DATA_DIR)');
    } else if (parsed.pathname.length <= 1) {
      problems.push('DATABASE_URL must name a database, e.g. postgresql://localhost:5432/alur');
    } else {
      database = { kind: 'postgresql', url: databaseUrl };
    }
  }

  const address = nonEmpty(env.TEMPORAL_ADDRESS);
  if (address !== undefined && !/^[^\s:/]+:\d{1,5}$/.test(address)) {
    problems.push(`TEMPORAL_ADDRESS must be host:port, e.g. temporal.example.go.id:7233 (got "${address}")`);
  }
  const namespace = nonEmpty(env.TEMPORAL_NAMESPACE) ?? 'default';
  const taskQueue = nonEmpty(env.TEMPORAL_TASK_QUEUE) ?? 'alur';
  if (!/^[\w.-]{1,200}$/.test(taskQueue)) {
    problems.push('TEMPORAL_TASK_QUEUE may use letters, digits, ".", "_" and "-" only');
  }
  const cliPath = nonEmpty(env.TEMPORAL_CLI_PATH);
  const uiUrl = nonEmpty(env.TEMPORAL_UI_URL) ?? `http://localhost:${devServerUiPort}`;
  if (!parseUrl(uiUrl)) problems.push(`TEMPORAL_UI_URL must be an absolute URL (got "${uiUrl}")`);

  const logLevel = (nonEmpty(env.LOG_LEVEL) ?? 'info') as AppConfig['logLevel'];
  if (!LOG_LEVELS.includes(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }

  const workerMetricsPort = nonEmpty(env.WORKER_METRICS_PORT) === undefined ? undefined : readPort(env, 'WORKER_METRICS_PORT', 9464, problems);
  const metricsToken = nonEmpty(env.METRICS_TOKEN);
  if (metricsToken !== undefined && (metricsToken.length < 16 || /\s/.test(metricsToken))) {
    problems.push('METRICS_TOKEN must be at least 16 characters without spaces (a random secret the Prometheus scraper sends as a bearer token)');
  }
  const appUrl = nonEmpty(env.APP_URL) ?? `http://localhost:${port}`;
  if (!parseUrl(appUrl)) problems.push(`APP_URL must be an absolute URL such as https://alur.surakarta.go.id (got "${appUrl}")`);
  const smtpHost = nonEmpty(env.SMTP_HOST);
  const smtpSecure = (nonEmpty(env.SMTP_SECURE) ?? 'false').toLowerCase();
  if (!['true', 'false'].includes(smtpSecure)) problems.push(`SMTP_SECURE must be true or false (got "${env.SMTP_SECURE}")`);
  const smtpPort = readPort(env, 'SMTP_PORT', smtpSecure === 'true' ? 465 : 587, problems);
  const from = nonEmpty(env.MAIL_FROM) ?? 'Alur <no-reply@localhost>';
  if (!/@/.test(from)) problems.push(`MAIL_FROM must contain an e-mail address, e.g. "Alur <alur@surakarta.go.id>" (got "${from}")`);
  const smtpUser = nonEmpty(env.SMTP_USER);
  if (!smtpHost && (smtpUser || nonEmpty(env.SMTP_PASSWORD))) problems.push('SMTP_USER/SMTP_PASSWORD are set but SMTP_HOST is not');

  for (const name of WORKFLOW_RUNTIME_SWITCHES) {
    const value = nonEmpty(env[name]);
    if (value !== undefined && value !== 'on' && value !== 'off') problems.push(`${name} must be on or off (got "${value}")`);
  }

  if (port === devServerPort || port === devServerUiPort) {
    problems.push(`PORT ${port} clashes with the Temporal dev server's ports; choose another`);
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port,
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    dataDir,
    database,
    temporal: { address, namespace, taskQueue, devServerPort, devServerUiPort, cliPath, uiUrl },
    logLevel,
    appUrl,
    workerMetricsPort,
    metricsToken,
    mail: {
      from,
      ...(smtpHost ? {
        smtp: {
          host: smtpHost, port: smtpPort, secure: smtpSecure === 'true',
          ...(smtpUser ? { user: smtpUser, password: env.SMTP_PASSWORD ?? '' } : {}),
        },
      } : {}),
    },
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function readPort(env: Env, name: string, fallback: number, problems: string[]): number {
  const raw = nonEmpty(env[name]);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > 65535) {
    problems.push(`${name} must be a port number between 1 and 65535 (got "${raw}")`);
    return fallback;
  }
  return value;
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

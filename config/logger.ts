import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Structured JSON logs for the server and the worker. Secrets and personal form contents never
 * reach a log line: these paths are censored wherever they appear.
 */
export const REDACTED_PATHS = [
  'password', '*.password', 'passwordHash', '*.passwordHash', 'token', '*.token', 'csrfToken', '*.csrfToken',
  'cookie', '*.cookie', 'headers.cookie', 'headers.authorization', 'headers["x-csrf-token"]', 'apiKey', '*.apiKey',
  'data', '*.data', 'comment', '*.comment', 'message.text', 'text',
];

export function createLogger(name: string, level: string, destination?: pino.DestinationStream): Logger {
  return pino({ name, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' }, base: { service: name } }, destination);
}

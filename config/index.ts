export { loadConfig, ConfigError } from './env';
export type { AppConfig } from './env';
export { createLogger, REDACTED_PATHS } from './logger';
export type { Logger } from './logger';

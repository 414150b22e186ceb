import { createCaseEngineActivities, type CaseEngineDeps } from './case-engine';
import { createMailActivities, type MailTransport } from './mail';

export { createCaseEngineActivities } from './case-engine';
export type {
  CaseEngineActivities, CaseEngineDeps, Directory, EffectContext, EffectHandler, ResolveAssigneesInput, RunEffectInput,
} from './case-engine';
export { projectCase, projectionOf } from './case-projection';
export type { ProjectionOptions, RecordCaseInput } from './case-projection';

export { createRegistryDirectory, loadRegistryCalendar } from './directory';
export { createDefaultEffects, defaultEffects } from './effects';
export type { EffectDeps } from './effects';
export { electionFreezeFromEnv, loadElectionFreeze, parseElectionFreeze, ELECTION_FREEZE_VARIABLE } from './election-freeze';
export type { ElectionFreezeWindow } from './election-freeze';

export { createMailActivities, createMailTransport, retryDelayMs } from './mail';
export type { MailActivities, MailSettings, MailTransport, OutgoingMail } from './mail';
export { notificationsFor, NOTIFICATION_KINDS } from './notifications';
export type { NotificationKind } from './notifications';
export { notificationText } from './notification-messages';

export interface ActivityDeps extends CaseEngineDeps {
  /** Without a transport the outbox only fills (nothing is lost); the worker always passes one. */
  mail?: MailTransport;
  /** First retry delay of a failed mail (tests shorten it). */
  mailRetryBaseMs?: number;
}

/** Every activity the worker registers, built from its dependencies. */
export function createActivities(deps: ActivityDeps) {
  return {
    ...createCaseEngineActivities(deps),
    ...(deps.mail ? createMailActivities({ db: deps.db, transport: deps.mail, ...(deps.mailRetryBaseMs ? { retryBaseMs: deps.mailRetryBaseMs } : {}) }) : {}),
  };
}

export { initORM, entities } from './orm';
export type { Database, DatabaseConfig } from './orm';
export { CaseRecord, CaseRecordSchema } from './entities/case-record';
export { CaseEvent, CaseEventSchema } from './entities/case-event';
export { CaseTask, CaseTaskSchema } from './entities/case-task';
export { EffectApplication, EffectApplicationSchema } from './entities/effect-application';
export { ProcessDefinitionVersion, ProcessDefinitionVersionSchema } from './entities/process-definition-version';
export { OrgUnit, OrgUnitSchema, ORG_UNIT_TYPES } from './entities/org-unit';
export type { OrgUnitType } from './entities/org-unit';
export { Position, PositionSchema, JENIS_JABATAN, FUNCTIONAL_LEVELS } from './entities/position';
export type { JenisJabatan, FunctionalLevel } from './entities/position';
export { Employee, EmployeeSchema, EDUCATION_LEVELS } from './entities/employee';
export type { EducationLevel, Gender } from './entities/employee';
export { SkpRating, SkpRatingSchema, SKP_RATINGS } from './entities/skp-rating';
export type { SkpRatingValue } from './entities/skp-rating';
export { DisciplinarySanction, DisciplinarySanctionSchema, SANCTION_LEVELS } from './entities/disciplinary-sanction';
export type { SanctionLevel } from './entities/disciplinary-sanction';
export { TrainingRecord, TrainingRecordSchema, TRAINING_KINDS } from './entities/training-record';
export type { TrainingKind } from './entities/training-record';
export { User, UserSchema } from './entities/user';
export type { Language } from './entities/user';
export { Committee, CommitteeSchema } from './entities/committee';
export { CommitteeMember, CommitteeMemberSchema, COMMITTEE_ROLES } from './entities/committee-member';
export type { CommitteeRole } from './entities/committee-member';
export { CalendarDay, CalendarDaySchema, CALENDAR_DAY_KINDS } from './entities/calendar-day';
export type { CalendarDayKind } from './entities/calendar-day';
export { ElectionFreezePeriod, ElectionFreezePeriodSchema } from './entities/election-freeze-period';
export { BudgetLine, BudgetLineSchema, BUDGET_KINDS } from './entities/budget-line';
export type { BudgetKind } from './entities/budget-line';
export { BudgetReservation, BudgetReservationSchema, BUDGET_RESERVATION_STATUSES } from './entities/budget-reservation';
export type { BudgetReservationStatus } from './entities/budget-reservation';
export { Attachment, AttachmentSchema } from './entities/attachment';
export { FeedbackTicket, FeedbackTicketSchema, FEEDBACK_STATUSES, FEEDBACK_TYPES } from './entities/feedback-ticket';
export type { FeedbackStatus, FeedbackType } from './entities/feedback-ticket';
export { FeedbackRating, FeedbackRatingSchema } from './entities/feedback-rating';
export { ROLES, isRole } from './roles';
export type { Role } from './roles';
export { hashPassword, verifyPassword } from './passwords';
export { findEmployeesPage, InvalidCursorError } from './find-employees-page';
export type { EmployeePage, EmployeePageQuery } from './find-employees-page';
export { unitSubtreeIds } from './unit-subtree';
export { opdIdOf, subtreeIdsOf } from './org-tree';
export type { TreeUnit } from './org-tree';
export { seed, seedIfEmpty, buildDemoRegistry, DEMO_AS_OF, DEMO_PASSWORD } from './seed';
export type { DemoRegistry, SeedCounts } from './seed';
export { Session, SessionSchema } from './entities/session';
export { PendingPublication, PendingPublicationSchema } from './entities/pending-publication';
export { forgetPublication, promisePublication } from './pending-publications';
export {
  checkDefinition, DefinitionInvalidError, DefinitionNotFoundError, ensureDefaultDefinitions, findDefinition, findDefinitionVersion, listDefinitions,
  publishDefinition,
} from './process-definitions';
export { FormVersion, FormVersionSchema } from './entities/form-version';
export type { FormStatus } from './entities/form-version';
export {
  archiveFormVersion, createFormDraft, findFormSchema, findFormVersion, FormFrozenError, FormNotFoundError, FormSchemaInvalidError,
  publishedFormExists, publishFormVersion, updateFormDraft, whereFormUsed,
} from './form-registry';
export type { FormDraftInput, FormSchemaVersion } from './form-registry';
export { Notification, NotificationSchema } from './entities/notification';
export { MailMessage, MailMessageSchema } from './entities/mail-message';
export {
  TemporaryAssignment, TemporaryAssignmentSchema, TEMPORARY_ASSIGNMENT_KINDS, TEMPORARY_ASSIGNMENT_STATUSES,
} from './entities/temporary-assignment';
export type { TemporaryAssignmentEndReason, TemporaryAssignmentKind, TemporaryAssignmentStatus } from './entities/temporary-assignment';
export { ensureDefaultForms } from './default-forms';
export { booleanFromRow, columnOf, columnsOf, dateFromRow, jsonFromRow, knexStatements, tableOf } from './raw-values';
export type { KnexStatements } from './raw-values';

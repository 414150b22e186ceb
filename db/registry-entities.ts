import { AttachmentSchema } from './entities/attachment';
import { BudgetLineSchema } from './entities/budget-line';
import { CalendarDaySchema } from './entities/calendar-day';
import { CommitteeSchema } from './entities/committee';
import { CommitteeMemberSchema } from './entities/committee-member';
import { DisciplinarySanctionSchema } from './entities/disciplinary-sanction';
import { EmployeeSchema } from './entities/employee';
import { FeedbackTicketSchema } from './entities/feedback-ticket';
import { OrgUnitSchema } from './entities/org-unit';
import { PositionSchema } from './entities/position';
import { SkpRatingSchema } from './entities/skp-rating';
import { TrainingRecordSchema } from './entities/training-record';
import { UserSchema } from './entities/user';

/** The registry's entities (issue 4), listed once for orm.ts. */
export const registryEntities = [
  OrgUnitSchema, PositionSchema, EmployeeSchema, SkpRatingSchema, DisciplinarySanctionSchema, TrainingRecordSchema,
  UserSchema, CommitteeSchema, CommitteeMemberSchema, CalendarDaySchema, BudgetLineSchema, AttachmentSchema,
  FeedbackTicketSchema,
];

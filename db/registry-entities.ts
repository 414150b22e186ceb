import { AttachmentSchema } from './entities/attachment';
import { BudgetLineSchema } from './entities/budget-line';
import { BudgetReservationSchema } from './entities/budget-reservation';
import { CalendarDaySchema } from './entities/calendar-day';
import { CommitteeSchema } from './entities/committee';
import { CommitteeMemberSchema } from './entities/committee-member';
import { DisciplinarySanctionSchema } from './entities/disciplinary-sanction';
import { ElectionFreezePeriodSchema } from './entities/election-freeze-period';
import { EmployeeSchema } from './entities/employee';
import { FeedbackRatingSchema } from './entities/feedback-rating';
import { FeedbackTicketSchema } from './entities/feedback-ticket';
import { OrgUnitSchema } from './entities/org-unit';
import { PositionSchema } from './entities/position';
import { SkpRatingSchema } from './entities/skp-rating';
import { TrainingRecordSchema } from './entities/training-record';
import { UserSchema } from './entities/user';

/** The registry's entities (issue 4), listed once for orm.ts. */
export const registryEntities = [
  OrgUnitSchema, PositionSchema, EmployeeSchema, SkpRatingSchema, DisciplinarySanctionSchema, TrainingRecordSchema,
  UserSchema, CommitteeSchema, CommitteeMemberSchema, CalendarDaySchema, BudgetLineSchema, BudgetReservationSchema, AttachmentSchema,
  FeedbackTicketSchema, FeedbackRatingSchema, ElectionFreezePeriodSchema,
];

export { AbsencePage } from './absence-page';
export { CalendarPage } from './calendar-page';
export { ElectionFreezePage } from './election-freeze-page';
export { UsersPage } from './users-page';

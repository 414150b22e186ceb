export { adminMessages } from './admin-messages';
export type { AdminContext } from './admin-context';
export { bodyObject } from './body-fields';
export { ADMIN_ROLE, createUser, listUsers, readUser, resetPassword, updateUser } from './users';
export type { UserSearch } from './users';
export { clearAbsence, readAbsence, setAbsence, substituteCandidates } from './absence';
export { createCalendarDay, deleteCalendarDay, listCalendarYear, updateCalendarDay } from './calendar';
export { createFreezePeriod, deleteFreezePeriod, listFreezePeriods, updateFreezePeriod } from './election-freeze';
export type * from './views';

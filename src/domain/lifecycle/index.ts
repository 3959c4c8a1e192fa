/** The request's life in one import: decide, the buttons, the clocks and their policy. */
export {
  type Action,
  type ActionId,
  actionIds,
  availableActions,
  commandsWithoutButtons,
} from './actions.js';
export {
  addBusinessDays,
  addCalendarDays,
  type BusinessCalendar,
  businessDaysBetween,
  readableDate,
} from './business-days.js';
export { dueAtOf, isHrOverdue, type PlannedReminder, remindersFor, waitingOnOf } from './clock.js';
export { decide, nextUpdateAllowedAt, permit, refusalAudit } from './decide.js';
export { calendarIn, defaultCalendar, defaultPolicy, type LifecyclePolicy } from './policy.js';
export { hrTurnStatuses, lifecycle, statusAfter, type TransitionRule } from './table.js';

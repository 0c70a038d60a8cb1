export { CalendarErrorCode } from './calendar-errors';
export * from './local-date';
export * from './business-calendar';

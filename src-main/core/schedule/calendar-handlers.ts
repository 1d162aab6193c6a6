import type { DomainHandlers } from '../dispatcher';
import type { CalendarService } from './calendar-service';

export function calendarHandlers(calendar: CalendarService): DomainHandlers<'calendar'> {
  return {
    'calendar.list': (input) => calendar.list(input),
    'calendar.get': (input) => calendar.get(input.scheduleId),
    'calendar.checkSlot': (input) => calendar.checkSlot(input.scheduleId, input.at),
    'calendar.reschedule': (input) => calendar.reschedule(input.scheduleId, input.at),
    'calendar.unschedule': (input) => calendar.unschedule(input.scheduleId),
    'calendar.publishNow': (input) => calendar.publishNow(input.scheduleId),
    'calendar.update': (input) => calendar.update(input.scheduleId, input.patch),
    'calendar.retry': (input) => calendar.retry(input.scheduleId, input.platform),
    'calendar.export': (input) => calendar.export(input.scheduleId),
  };
}

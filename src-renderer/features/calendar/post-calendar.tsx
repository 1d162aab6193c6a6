import FullCalendar, { type EventDropInfo, type EventInput } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import { useMemo } from 'react';
import type { CalendarItem } from '@contract';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { PostEventContent } from './post-event-content';
import { textColorOn } from './post-presentation';

const plugins = [dayGridPlugin, timeGridPlugin, interactionPlugin, classicThemePlugin];

/** A post is an instant; this is only how tall it draws in the week view. */
const DRAWN_DURATION = '00:45';

export function toEventInput(item: CalendarItem): EventInput {
  return {
    id: item.scheduleId,
    title: item.title,
    start: item.scheduledTime,
    // Only a post no platform has started can move (the core refuses the others anyway).
    startEditable: item.editable,
    durationEditable: false,
    color: item.brandColor,
    contrastColor: textColorOn(item.brandColor),
    extendedProps: { item },
  };
}

interface PostCalendarProps {
  items: CalendarItem[];
  timeZone: string;
  initialView: 'dayGridMonth' | 'timeGridWeek';
  /** The date the calendar opens on (back from the agenda: the agenda's month). */
  initialDate?: string;
  /** `current`: the first instant of the month or week on show (not the grid's leading days). */
  onRangeChange: (range: { from: string; to: string; current: string }) => void;
  /** The Agenda button: the page shows its virtualized agenda of the month on show. */
  onAgenda: () => void;
  onOpen: (scheduleId: string, opener: HTMLElement) => void;
  /** Called after a drop; `revert` puts the post back where it was. */
  onDrop: (scheduleId: string, at: string, revert: () => void) => void;
}

/**
 * Month and week on FullCalendar, in the creator's zone; its Agenda button hands over to the
 * page's own virtualized agenda (post-agenda.tsx). Every post is a button (Enter or Space opens
 * it); a drop is handed up to be checked against the rules and reverted if refused.
 */
export function PostCalendar({
  items,
  timeZone,
  initialView,
  initialDate,
  onRangeChange,
  onAgenda,
  onOpen,
  onDrop,
}: PostCalendarProps) {
  const events = useMemo(() => items.map(toEventInput), [items]);
  return (
    <FullCalendar
      plugins={plugins}
      timeZone={timeZone}
      initialView={initialView}
      {...(initialDate ? { initialDate } : {})}
      headerToolbar={{
        start: 'prev,next today',
        center: 'title',
        end: 'dayGridMonth,timeGridWeek,agenda',
      }}
      buttons={{
        dayGridMonth: { text: 'Month', hint: 'Month' },
        timeGridWeek: { text: 'Week', hint: 'Week' },
        agenda: { text: 'Agenda', hint: 'Agenda', click: onAgenda },
        today: { text: 'Today' },
      }}
      headingLevel={2}
      height="auto"
      events={events}
      eventDisplay="block"
      eventInteractive
      editable
      eventDurationEditable={false}
      defaultTimedEventDuration={DRAWN_DURATION}
      snapDuration="00:15"
      dayMaxEvents={5}
      nowIndicator
      noEventsText="No posts in this range."
      eventContent={(arg) => (
        <PostEventContent
          item={arg.event.extendedProps.item as CalendarItem}
          timeText={arg.timeText}
          roomy={arg.view.type.startsWith('list')}
        />
      )}
      eventClick={(info) => {
        info.jsEvent.preventDefault();
        onOpen(info.event.id, info.el);
      }}
      eventDrop={(info: EventDropInfo) => {
        const start = info.event.start;
        if (!start) return info.revert();
        onDrop(info.event.id, start.toISOString(), info.revert);
      }}
      datesSet={(range) =>
        onRangeChange({
          from: range.start.toISOString(),
          to: range.end.toISOString(),
          current: range.view.currentStart.toISOString(),
        })
      }
    />
  );
}

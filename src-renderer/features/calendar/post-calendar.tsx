import FullCalendar, { type EventDropInfo, type EventInput } from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import listPlugin from '@fullcalendar/react/list';
import classicThemePlugin from '@fullcalendar/react/themes/classic';
import timeGridPlugin from '@fullcalendar/react/timegrid';
import { useMemo } from 'react';
import type { CalendarItem } from '@contract';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { PostEventContent } from './post-event-content';
import { textColorOn } from './post-presentation';

const plugins = [dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin, classicThemePlugin];

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
  onRangeChange: (range: { from: string; to: string }) => void;
  onOpen: (scheduleId: string, opener: HTMLElement) => void;
  /** Called after a drop; `revert` puts the post back where it was. */
  onDrop: (scheduleId: string, at: string, revert: () => void) => void;
}

/**
 * Month, week and agenda on FullCalendar, in the creator's zone. Every post is a button (Enter or
 * Space opens it); a drop is handed up to be checked against the rules and reverted if refused.
 */
export function PostCalendar({ items, timeZone, onRangeChange, onOpen, onDrop }: PostCalendarProps) {
  const events = useMemo(() => items.map(toEventInput), [items]);
  return (
    <FullCalendar
      plugins={plugins}
      timeZone={timeZone}
      initialView="dayGridMonth"
      headerToolbar={{
        start: 'prev,next today',
        center: 'title',
        end: 'dayGridMonth,timeGridWeek,listMonth',
      }}
      buttons={{
        dayGridMonth: { text: 'Month', hint: 'Month' },
        timeGridWeek: { text: 'Week', hint: 'Week' },
        listMonth: { text: 'Agenda', hint: 'Agenda' },
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
      datesSet={(range) => onRangeChange({ from: range.start.toISOString(), to: range.end.toISOString() })}
    />
  );
}

import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import type { CalendarItem } from '@contract';
import { useApi } from '../../app/api-context';
import { queryKeys } from '../../app/query-keys';
import { ErrorMessage } from '../../ui/error-message';
import { useVirtualRows } from '../../ui/virtual-rows';
import { dayKey, monthRange, shiftMonth, type AgendaMonth } from './agenda-month';
import { PostEventContent } from './post-event-content';

/** Posts read per request as the agenda scrolls (by keyset: after the last one shown). */
const PAGE_SIZE = 200;
const ESTIMATED_ROW_PX = 56;

type Row = { kind: 'day'; key: string; label: string } | { kind: 'post'; key: string; item: CalendarItem };

function rowsOf(items: readonly CalendarItem[], timeZone: string): Row[] {
  const rows: Row[] = [];
  const dayLabel = new Intl.DateTimeFormat(undefined, {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
  });
  let day = '';
  for (const item of items) {
    const key = dayKey(item.scheduledTime, timeZone);
    if (key !== day) {
      day = key;
      rows.push({ kind: 'day', key: `day-${key}`, label: dayLabel.format(new Date(item.scheduledTime)) });
    }
    rows.push({ kind: 'post', key: item.scheduleId, item });
  }
  return rows;
}

interface PostAgendaProps {
  month: AgendaMonth;
  timeZone: string;
  brandId?: string;
  onMonthChange: (month: AgendaMonth) => void;
  onView: (view: 'dayGridMonth' | 'timeGridWeek') => void;
  onOpen: (scheduleId: string, opener: HTMLElement) => void;
  onToday: () => void;
}

/**
 * The agenda: a month of posts, by day, in the creator's zone. A busy month of an agency holds
 * thousands of posts, so only the rows in view are rendered, and further posts are read as the
 * list scrolls. Each post opens like a calendar block.
 */
export function PostAgenda({
  month,
  timeZone,
  brandId,
  onMonthChange,
  onView,
  onOpen,
  onToday,
}: PostAgendaProps) {
  const api = useApi();
  const range = monthRange(month, timeZone);
  const query = useInfiniteQuery({
    queryKey: [...queryKeys.calendar.all, 'agenda', { ...range, brandId }] as const,
    queryFn: ({ pageParam }) =>
      api['calendar.list']({
        ...range,
        ...(brandId ? { brandId } : {}),
        limit: PAGE_SIZE,
        ...(pageParam ? { afterScheduleId: pageParam } : {}),
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.hasMore ? page.items.at(-1)?.scheduleId : undefined),
    placeholderData: keepPreviousData,
  });
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const rows = rowsOf(items, timeZone);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtual = useVirtualRows({
    count: rows.length,
    scrollRef,
    estimateSize: ESTIMATED_ROW_PX,
    onNearEnd: () => {
      if (query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
    },
  });
  const title = new Intl.DateTimeFormat(undefined, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(month.year, month.month - 1, 15)));

  return (
    <div className="agenda">
      <div className="agenda-toolbar">
        <div className="button-row">
          <button
            type="button"
            className="button button-small"
            onClick={() => onMonthChange(shiftMonth(month, -1))}
          >
            <span aria-hidden="true">‹</span>
            <span className="visually-hidden">Previous month</span>
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => onMonthChange(shiftMonth(month, 1))}
          >
            <span aria-hidden="true">›</span>
            <span className="visually-hidden">Next month</span>
          </button>
          <button type="button" className="button button-small" onClick={onToday}>
            Today
          </button>
        </div>
        <h2 className="agenda-title">{title}</h2>
        <div className="button-row" role="group" aria-label="View">
          <button type="button" className="button button-small" onClick={() => onView('dayGridMonth')}>
            Month
          </button>
          <button type="button" className="button button-small" onClick={() => onView('timeGridWeek')}>
            Week
          </button>
          <button type="button" className="button button-small button-primary" aria-pressed="true">
            Agenda
          </button>
        </div>
      </div>
      {query.isError && <ErrorMessage error={query.error} title="The agenda could not be loaded." />}
      {query.isSuccess && rows.length === 0 && <p className="empty-state">No posts in this month.</p>}
      <div className="agenda-scroll" ref={scrollRef} aria-busy={query.isFetching}>
        <ol className="agenda-rows" aria-label={`Posts in ${title}`} style={{ height: virtual.totalSize }}>
          {virtual.rows.map((virtualRow) => {
            const row = rows[virtualRow.index]!;
            return (
              <li
                key={row.key}
                ref={virtual.virtualizer.measureElement}
                data-index={virtualRow.index}
                className={row.kind === 'day' ? 'agenda-day' : 'agenda-post'}
                style={{ transform: `translateY(${virtualRow.start}px)` }}
              >
                {row.kind === 'day' ? (
                  <h3>{row.label}</h3>
                ) : (
                  <button
                    type="button"
                    className="agenda-post-button"
                    style={{ borderLeftColor: row.item.brandColor }}
                    onClick={(event) => onOpen(row.item.scheduleId, event.currentTarget)}
                  >
                    <PostEventContent
                      item={row.item}
                      timeText={new Intl.DateTimeFormat(undefined, {
                        timeZone,
                        hour: '2-digit',
                        minute: '2-digit',
                      }).format(new Date(row.item.scheduledTime))}
                      roomy
                    />
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      </div>
    </div>
  );
}

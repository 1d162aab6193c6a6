import { useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { PageHeader } from '../../ui/page-header';
import { useBrands } from '../brands/use-brands';
import { monthOf, monthRange, type AgendaMonth } from './agenda-month';
import { describeZone, formatInZone } from './calendar-time';
import { PostAgenda } from './post-agenda';
import { PostCalendar } from './post-calendar';
import { PostDetail } from './post-detail';
import {
  useCalendarItem,
  useCalendarRange,
  useMovePost,
  usePublishProgress,
  type CalendarRange,
} from './use-calendar';
import './calendar.css';

interface Notice {
  tone: 'good' | 'bad';
  text: string;
}

/** Puts focus back on a post's block in the calendar (it may have been redrawn since). */
function focusPost(scheduleId: string, fallback: HTMLElement | null) {
  const block = document.querySelector<HTMLElement>(`[data-schedule-id="${CSS.escape(scheduleId)}"]`);
  const target = block?.closest<HTMLElement>('[tabindex]') ?? (fallback?.isConnected ? fallback : null);
  target?.focus();
}

/**
 * Scheduled and published posts of every brand, by month, week or as an agenda, in the creator's
 * time zone. Drag a post (or use "Move to…" in its panel) to reschedule: the core's slot rules
 * decide, and a refused move snaps back with the reason. Open a post to preview, edit and publish.
 */
export function CalendarPage() {
  const [range, setRange] = useState<{ from: string; to: string; current: string } | null>(null);
  // The grid (FullCalendar, month or week) or the virtualized agenda of one month.
  const [view, setView] = useState<
    | { kind: 'grid'; initial: 'dayGridMonth' | 'timeGridWeek'; date?: string }
    | { kind: 'agenda'; month: AgendaMonth }
  >({ kind: 'grid', initial: 'dayGridMonth' });
  const [brandId, setBrandId] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [opener, setOpener] = useState<HTMLElement | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const brandFilterId = useId();
  // A link to one post (a notification's): /calendar?item=<scheduleId> opens it, once.
  const [params, setParams] = useSearchParams();
  const askedId = params.get('item');
  const [openedFromLink, setOpenedFromLink] = useState<string | null>(null);
  if (askedId !== openedFromLink) {
    setOpenedFromLink(askedId);
    if (askedId) setSelectedId(askedId);
  }
  useEffect(() => {
    // Taken: the address goes back to the plain calendar, so the same link opens the post again.
    if (askedId) setParams({}, { replace: true });
  }, [askedId, setParams]);

  const query: CalendarRange | null =
    range && view.kind === 'grid'
      ? { from: range.from, to: range.to, ...(brandId ? { brandId } : {}) }
      : null;
  const list = useCalendarRange(query);
  const brands = useBrands();
  const itemQuery = useCalendarItem(selectedId);
  const move = useMovePost();
  usePublishProgress();

  const items = list.data?.items ?? [];
  const timeZone = list.data?.timeZone ?? null;
  const selected = itemQuery.data ?? items.find((i) => i.scheduleId === selectedId) ?? null;

  /** Check, move, and say what happened; returns the reason when the post stayed put. */
  async function moveTo(scheduleId: string, at: string): Promise<string | null> {
    const title = items.find((i) => i.scheduleId === scheduleId)?.title ?? selected?.title ?? scheduleId;
    const outcome = await move.mutateAsync({ scheduleId, at });
    if (outcome.moved) {
      setNotice({
        tone: 'good',
        text: `Moved ${title} to ${formatInZone(outcome.item.scheduledTime, timeZone ?? 'UTC')}.`,
      });
      return null;
    }
    setNotice({ tone: 'bad', text: `Not moved: ${outcome.reason}` });
    return outcome.reason;
  }

  function close() {
    const id = selectedId;
    setSelectedId(null);
    if (id) focusPost(id, opener);
  }

  return (
    <div className="stack calendar-page">
      <PageHeader
        title="Calendar"
        description="Scheduled and published posts of every brand. Drag a post to move it, or open it to preview, edit its captions and publish."
        actions={
          <div className="field calendar-filter">
            <label htmlFor={brandFilterId}>Brand</label>
            <select id={brandFilterId} value={brandId} onChange={(e) => setBrandId(e.target.value)}>
              <option value="">All brands</option>
              {(brands.data ?? []).map((brand) => (
                <option key={brand.id} value={brand.id}>
                  {brand.displayName}
                  {brand.active ? '' : ' (inactive)'}
                </option>
              ))}
            </select>
          </div>
        }
      />
      {list.error && <ErrorMessage error={list.error} title="The calendar could not be loaded." />}
      <Card title="Posts">
        <p className="muted calendar-zone">
          {timeZone
            ? `Times are in ${describeZone(timeZone)}, the time zone set in Settings, whatever this computer’s clock says.`
            : 'Loading…'}
          {list.data?.hasMore &&
            ' This range has more posts than can be shown at once; choose one brand to see them all.'}
        </p>
        <p className={`calendar-notice${notice ? ` calendar-notice-${notice.tone}` : ''}`} role="status">
          {notice?.text}
        </p>
        {view.kind === 'agenda' && timeZone ? (
          <PostAgenda
            month={view.month}
            timeZone={timeZone}
            brandId={brandId || undefined}
            onMonthChange={(month) => setView({ kind: 'agenda', month })}
            onToday={() => setView({ kind: 'agenda', month: monthOf(new Date().toISOString(), timeZone) })}
            onView={(initial) =>
              setView({ kind: 'grid', initial, date: monthRange(view.month, timeZone).from })
            }
            onOpen={(scheduleId, el) => {
              setOpener(el);
              setSelectedId(scheduleId);
            }}
          />
        ) : (
          <div className="calendar-shell" aria-busy={list.isFetching}>
            <PostCalendar
              key={`${view.kind}-${view.kind === 'grid' ? `${view.initial}-${view.date ?? ''}` : ''}`}
              items={items}
              timeZone={timeZone ?? 'local'}
              initialView={view.kind === 'grid' ? view.initial : 'dayGridMonth'}
              initialDate={view.kind === 'grid' ? view.date : undefined}
              onRangeChange={(next) =>
                setRange((current) =>
                  current && current.from === next.from && current.to === next.to ? current : next,
                )
              }
              onAgenda={() => {
                // A few days into the month or week on show, whatever the grid's own day boundaries.
                const inside = range && new Date(Date.parse(range.current) + 3 * 86_400_000).toISOString();
                if (inside && timeZone) setView({ kind: 'agenda', month: monthOf(inside, timeZone) });
              }}
              onOpen={(scheduleId, el) => {
                setOpener(el);
                setSelectedId(scheduleId);
              }}
              onDrop={(scheduleId, at, revert) => {
                void moveTo(scheduleId, at).then((refusal) => {
                  if (refusal !== null) revert();
                });
              }}
            />
          </div>
        )}
      </Card>
      {selectedId && itemQuery.error && !selected && (
        <ErrorMessage error={itemQuery.error} title="This post could not be opened." />
      )}
      {selected && timeZone && (
        <PostDetail
          item={selected}
          timeZone={timeZone}
          moving={move.isPending}
          onMove={(at) => moveTo(selected.scheduleId, at)}
          onClose={close}
        />
      )}
    </div>
  );
}

import { useRef, useState } from 'react';
import type { ActivityEntry } from '@contract';
import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { formatDateTime, formatTime } from '../../ui/format';
import { HighlightedText } from '../../ui/highlighted-text';
import { useVirtualRows } from '../../ui/virtual-rows';
import { isFiltered, noActivityFilter, type ActivityFilter } from './activity-filter';
import { ActivityFilters } from './activity-filters';
import { useActivityFeed } from './use-activity-feed';

/** An entry's height before it is measured (one line of action, one of detail). */
const ESTIMATED_ROW_PX = 52;

function Entry({ entry }: { entry: ActivityEntry }) {
  return (
    <>
      <time dateTime={entry.at} title={formatDateTime(entry.at)} className="activity-time">
        {formatTime(entry.at)}
      </time>
      <span className="activity-emoji" aria-hidden="true">
        {entry.emoji ?? '•'}
      </span>
      <span className="activity-text">
        <strong>
          <HighlightedText segments={entry.highlight?.title} fallback={entry.action} />
        </strong>
        {entry.agent && <span className="muted"> · {entry.agent}</span>}
        {entry.brandId && <span className="muted"> · {entry.brandId}</span>}
        {entry.detail && (
          <span className="activity-detail">
            {entry.highlight?.snippet.some((s) => s.match) ? (
              <HighlightedText segments={entry.highlight.snippet} fallback={entry.detail} />
            ) : (
              entry.detail
            )}
          </span>
        )}
      </span>
    </>
  );
}

/**
 * Everything Maestro did, newest first: searchable, filtered by agent, brand and kind, and only
 * the entries in view are rendered.
 */
export function ActivityFeed() {
  const [filter, setFilter] = useState<ActivityFilter>(noActivityFilter);
  const feed = useActivityFeed(filter);
  const search = filter.search.trim();
  const entries = feed.entries;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { virtualizer, rows, totalSize } = useVirtualRows({
    count: entries.length,
    scrollRef,
    estimateSize: ESTIMATED_ROW_PX,
    onNearEnd: () => {
      if (feed.hasNextPage && !feed.isFetchingNextPage) void feed.fetchNextPage();
    },
  });
  return (
    <Card title="Activity" actions={<ActivityFilters filter={filter} onChange={setFilter} />}>
      {feed.isPending && <p className="muted">Loading activity…</p>}
      {feed.isError && <ErrorMessage error={feed.error} title="Could not load activity." />}
      {feed.isSuccess && entries.length === 0 && (
        <p className="empty-state">
          {search
            ? `Nothing in the activity has “${search}”${isFiltered({ ...filter, search: '' }) ? ' with these filters' : ''}.`
            : isFiltered(filter)
              ? 'Nothing in the activity matches these filters.'
              : 'Nothing has happened yet.'}
        </p>
      )}
      {entries.length > 0 && (
        <div className="activity-feed" ref={scrollRef} aria-busy={feed.isPlaceholderData}>
          <ol
            aria-label="Activity feed, newest first"
            className="activity-rows"
            style={{ height: totalSize }}
          >
            {rows.map((row) => {
              const entry = entries[row.index]!;
              return (
                <li
                  key={entry.id}
                  ref={virtualizer.measureElement}
                  data-index={row.index}
                  className={`activity activity-${entry.level}`}
                  style={{ transform: `translateY(${row.start}px)` }}
                >
                  <Entry entry={entry} />
                </li>
              );
            })}
          </ol>
        </div>
      )}
    </Card>
  );
}

import type { ActivityEntry } from '@contract';
import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { formatDateTime, formatTime } from '../../ui/format';
import { useActivityFeed } from './use-activity-feed';

function Entry({ entry }: { entry: ActivityEntry }) {
  return (
    <li className={`activity activity-${entry.level}`}>
      <time dateTime={entry.at} title={formatDateTime(entry.at)} className="activity-time">
        {formatTime(entry.at)}
      </time>
      <span className="activity-emoji" aria-hidden="true">
        {entry.emoji ?? '•'}
      </span>
      <span className="activity-text">
        <strong>{entry.action}</strong>
        {entry.agent && <span className="muted"> · {entry.agent}</span>}
        {entry.detail && <span className="activity-detail">{entry.detail}</span>}
      </span>
    </li>
  );
}

export function ActivityFeed() {
  const feed = useActivityFeed();
  return (
    <Card title="Activity">
      {feed.isPending && <p className="muted">Loading activity…</p>}
      {feed.isError && <ErrorMessage error={feed.error} title="Could not load activity." />}
      {feed.data?.length === 0 && <p className="empty-state">Nothing has happened yet.</p>}
      {feed.data && feed.data.length > 0 && (
        <ol className="activity-feed" aria-label="Activity feed, newest first">
          {feed.data.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </ol>
      )}
    </Card>
  );
}

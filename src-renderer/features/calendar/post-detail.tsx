import { useEffect, useId, useRef } from 'react';
import { platformNames, type CalendarItem } from '@contract';
import { Badge } from '../../ui/badge';
import { confirm } from '../../ui/confirm-store';
import { formatInZone } from './calendar-time';
import { MovePostForm } from './move-post-form';
import { PlatformTargets } from './platform-targets';
import { PostEditForm } from './post-edit-form';
import { valuesFromItem } from './post-edit-values';
import { contentTypeLabel, needsMediaHost, postStatusLabel, postStatusTone } from './post-presentation';
import { PostPreview } from './post-preview';
import { useExportPost, usePublishNow, useUnschedulePost } from './use-calendar';

interface PostDetailProps {
  item: CalendarItem;
  timeZone: string;
  moving: boolean;
  onMove: (at: string) => Promise<string | null>;
  onClose: () => void;
}

function ExportSection({ item }: { item: CalendarItem }) {
  const exportPost = useExportPost();
  const hostNeeded = needsMediaHost(item);
  return (
    <section className="post-section" aria-labelledby={`${item.scheduleId}-export`}>
      <h3 id={`${item.scheduleId}-export`}>Post it by hand</h3>
      {hostNeeded && (
        <p className="post-notice">
          Instagram is waiting for a media host for this carousel. Export the slides and captions to post them
          yourself.
        </p>
      )}
      <button
        type="button"
        className={`button${hostNeeded ? ' button-primary' : ''}`}
        disabled={exportPost.isPending}
        onClick={() => exportPost.mutate(item.scheduleId)}
      >
        {exportPost.isPending ? 'Exporting…' : 'Export for manual posting'}
      </button>
      {exportPost.data && (
        <div className="post-export" role="status">
          <p>
            Copied to <code className="break">{exportPost.data.folder}</code>:
          </p>
          <ul className="plain-list">
            {exportPost.data.files.map((file) => (
              <li key={file}>
                <code>{file}</code>
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

/**
 * One post, opened from the calendar: what it will publish and where, each platform's progress,
 * and what the creator can do with it. Focus moves to its heading when it opens, so a keyboard
 * user lands here; Close hands focus back to the calendar.
 */
export function PostDetail({ item, timeZone, moving, onMove, onClose }: PostDetailProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  const publishNow = usePublishNow();
  const unschedule = useUnschedulePost();

  useEffect(() => {
    headingRef.current?.focus();
  }, [item.scheduleId]);

  const platformList = item.platforms.map((p) => platformNames[p]).join(', ') || 'none';

  return (
    <section className="card post-detail" aria-labelledby={headingId}>
      <div className="card-header">
        <h2 id={headingId} ref={headingRef} tabIndex={-1}>
          {item.title}
        </h2>
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="status-line">
        <Badge tone={postStatusTone[item.status]}>{postStatusLabel[item.status]}</Badge>
        <span className="post-brand">
          <span className="swatch" style={{ background: item.brandColor }} aria-hidden="true" />
          {item.brandName}
        </span>
        <span>{contentTypeLabel(item)}</span>
        <span>{formatInZone(item.scheduledTime, timeZone)}</span>
        <span className="muted">
          {item.slotSource === 'manual' ? 'time chosen by you' : 'next free slot'}
        </span>
      </p>
      {item.slotNote && <p className="post-notice">{item.slotNote}</p>}
      {item.publishError && (
        <div className="error-box" role="alert">
          {item.publishError}
        </div>
      )}
      <div className="button-row post-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={!item.editable || publishNow.isPending}
          onClick={() => {
            void confirm({
              title: 'Publish now?',
              message: `${item.title} goes to ${platformList} now instead of ${formatInZone(item.scheduledTime, timeZone)}.`,
              confirmLabel: 'Publish now',
            }).then((ok) => ok && publishNow.mutate(item.scheduleId));
          }}
        >
          Publish now
        </button>
        <button
          type="button"
          className="button button-danger-quiet"
          disabled={!item.editable || item.status === 'cancelled' || unschedule.isPending}
          onClick={() => {
            void confirm({
              title: 'Unschedule this post?',
              message: `${item.title} comes off the calendar and will not be published. Platforms that already published it keep it. You can put it back with Undo or by moving it to a time.`,
              confirmLabel: 'Unschedule',
              tone: 'danger',
            }).then((ok) => ok && unschedule.mutate(item));
          }}
        >
          Unschedule
        </button>
      </div>
      {!item.editable && item.status !== 'published' && (
        <p className="muted">A platform is publishing it now; it can change again once that step ends.</p>
      )}

      <div className="post-detail-grid">
        <div>
          <PostPreview key={item.scheduleId} item={item} />
        </div>
        <div className="post-detail-main">
          <section className="post-section" aria-labelledby={`${headingId}-when`}>
            <h3 id={`${headingId}-when`}>When</h3>
            <MovePostForm
              key={`${item.scheduleId}:${item.scheduledTime}`}
              item={item}
              timeZone={timeZone}
              moving={moving}
              onMove={onMove}
            />
          </section>
          <section className="post-section" aria-labelledby={`${headingId}-platforms`}>
            <h3 id={`${headingId}-platforms`}>Platforms</h3>
            <PlatformTargets item={item} timeZone={timeZone} />
          </section>
        </div>
      </div>

      <section className="post-section" aria-labelledby={`${headingId}-captions`}>
        <h3 id={`${headingId}-captions`}>Captions</h3>
        <PostEditForm
          key={`${item.scheduleId}:${item.editable}:${JSON.stringify(valuesFromItem(item))}`}
          item={item}
        />
      </section>

      <ExportSection key={item.scheduleId} item={item} />
    </section>
  );
}

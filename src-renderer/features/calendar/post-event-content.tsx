import type { CalendarItem, PublishTarget } from '@contract';
import {
  platformShort,
  postStatusLabel,
  targetLabel,
  targetStatusMark,
  targetStatusTone,
} from './post-presentation';
import { useUploadPercent } from './use-calendar';

/** One platform's state: short text and a mark for the eye, the full sentence for a screen reader. */
export function TargetBadge({ scheduleId, target }: { scheduleId: string; target: PublishTarget }) {
  const percent = useUploadPercent(scheduleId, target.platform);
  const label = targetLabel(target, percent);
  const shownPercent = target.status === 'uploading' && percent !== null ? ` ${Math.round(percent)}%` : '';
  return (
    <span className={`post-target post-target-${targetStatusTone[target.status]}`} title={label}>
      <span aria-hidden="true">
        {platformShort[target.platform]} {targetStatusMark[target.status]}
        {shownPercent}
      </span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

/**
 * What a post shows inside the calendar: time, title, a badge per platform, and its status and
 * slot note. The whole block is the event's button, so its text is what a screen reader says.
 */
export function PostEventContent({
  item,
  timeText,
  roomy,
}: {
  item: CalendarItem;
  timeText: string;
  /** The agenda has room for the note and status in full. */
  roomy: boolean;
}) {
  return (
    <div
      className={`post-event post-event-${item.status}${roomy ? ' post-event-roomy' : ''}`}
      data-schedule-id={item.scheduleId}
      data-editable={item.editable}
    >
      <span className="post-event-line">
        {timeText && <span className="post-event-time">{timeText}</span>}
        <span className="post-event-title">{item.title}</span>
      </span>
      {roomy && <span className="post-event-brand">{item.brandName}</span>}
      <span className="post-event-badges">
        {item.status !== 'scheduled' && (
          <span className="post-event-status">{postStatusLabel[item.status]}</span>
        )}
        {item.targets.map((target) => (
          <TargetBadge key={target.platform} scheduleId={item.scheduleId} target={target} />
        ))}
        {item.slotNote && !roomy && (
          <span className="post-event-note-mark" title={item.slotNote}>
            <span aria-hidden="true">i</span>
            <span className="visually-hidden">Note: {item.slotNote}</span>
          </span>
        )}
      </span>
      {item.slotNote && roomy && <span className="post-event-note">{item.slotNote}</span>}
      {!item.editable && <span className="visually-hidden">Cannot be moved now.</span>}
    </div>
  );
}

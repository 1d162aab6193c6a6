import { platformNames, type CalendarItem, type PublishTarget } from '@contract';
import { Badge } from '../../ui/badge';
import { Meter } from '../../ui/meter';
import { formatInZone } from './calendar-time';
import { describeWait, targetStatusLabel, targetStatusTone } from './post-presentation';
import { useRetryPost, useUploadPercent } from './use-calendar';

function TargetRow({
  item,
  target,
  timeZone,
}: {
  item: CalendarItem;
  target: PublishTarget;
  timeZone: string;
}) {
  const percent = useUploadPercent(item.scheduleId, target.platform);
  const retry = useRetryPost();
  const name = platformNames[target.platform];
  const wait = target.status !== 'published' ? describeWait(target.waitReason) : null;
  return (
    <li className="post-target-row">
      <div className="post-target-head">
        <strong>{name}</strong>
        <Badge tone={targetStatusTone[target.status]}>{targetStatusLabel[target.status]}</Badge>
        {target.step && (target.status === 'uploading' || target.status === 'processing') && (
          <span className="muted">{target.step}</span>
        )}
        {target.attempts > 1 && <span className="muted">{target.attempts} attempts</span>}
      </div>
      {target.status === 'uploading' && percent !== null && (
        <div className="post-target-progress">
          <Meter label={`${name} upload`} value={percent} max={100} valueText={`${Math.round(percent)}%`} />
          <span className="muted">{Math.round(percent)}%</span>
        </div>
      )}
      {wait && <p className="post-target-note">{wait}</p>}
      {target.nextAttemptAt && target.status !== 'published' && (
        <p className="post-target-note">Next try: {formatInZone(target.nextAttemptAt, timeZone)}</p>
      )}
      {target.error && (
        <div className="post-target-error" role={target.status === 'failed' ? 'alert' : undefined}>
          <p>
            <strong>{name}:</strong> {target.error.message}
            {target.error.code ? <span className="muted"> (code {target.error.code})</span> : null}
          </p>
          {target.error.suggestedFix && <p>What to do: {target.error.suggestedFix}</p>}
        </div>
      )}
      {target.status === 'failed' && (
        <button
          type="button"
          className="button button-small"
          disabled={retry.isPending}
          onClick={() => retry.mutate({ scheduleId: item.scheduleId, platform: target.platform })}
        >
          Retry {name}
        </button>
      )}
      {target.status === 'published' && (
        <p className="post-target-note">
          Published{target.publishedAt ? ` ${formatInZone(target.publishedAt, timeZone)}` : ''}
          {target.permalink && (
            <>
              {' · '}
              <a href={target.permalink} target="_blank" rel="noreferrer">
                Open on {name}
              </a>
            </>
          )}
        </p>
      )}
    </li>
  );
}

/** Each platform's progress, its error with the platform's own words and a fix, and Retry. */
export function PlatformTargets({ item, timeZone }: { item: CalendarItem; timeZone: string }) {
  if (item.targets.length === 0) {
    return <p className="muted">No platform is chosen for this post. Choose at least one below.</p>;
  }
  return (
    <ul className="post-targets">
      {item.targets.map((target) => (
        <TargetRow key={target.platform} item={item} target={target} timeZone={timeZone} />
      ))}
    </ul>
  );
}

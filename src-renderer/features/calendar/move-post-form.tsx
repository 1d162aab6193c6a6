import { useId, useState, type FormEvent } from 'react';
import type { CalendarItem } from '@contract';
import { fromWallTimeInput, toWallTimeInput } from './calendar-time';

/**
 * The keyboard way to do what dragging does: type or pick a date and time in the creator's zone.
 * The same check-then-move runs, and a refusal shows the core's reason right here.
 */
export function MovePostForm({
  item,
  timeZone,
  moving,
  onMove,
}: {
  item: CalendarItem;
  timeZone: string;
  moving: boolean;
  onMove: (at: string) => Promise<string | null>;
}) {
  const id = useId();
  const [value, setValue] = useState(() => toWallTimeInput(item.scheduledTime, timeZone));
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const at = fromWallTimeInput(value, timeZone);
    if (!at.ok) return setError(at.reason);
    setError(await onMove(at.iso));
  }

  return (
    <form className="move-post" onSubmit={(e) => void submit(e)}>
      <div className={`field${error ? ' field-invalid' : ''}`}>
        <label htmlFor={id}>Move to… ({timeZone} time)</label>
        <div className="move-post-row">
          <input
            id={id}
            type="datetime-local"
            value={value}
            disabled={!item.editable}
            aria-invalid={Boolean(error)}
            aria-describedby={error ? `${id}-error` : undefined}
            onChange={(e) => {
              setValue(e.target.value);
              setError(null);
            }}
          />
          <button type="submit" className="button" disabled={!item.editable || moving}>
            {moving ? 'Moving…' : 'Move'}
          </button>
        </div>
        {error && (
          <p id={`${id}-error`} className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </form>
  );
}

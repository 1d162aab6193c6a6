import { useId, useState, type FormEvent } from 'react';
import type { ReviewDecision } from './proposal-status';

/**
 * The optional note that goes with a decision. It takes focus when it opens; Enter confirms
 * and Escape cancels, so a keyboard review never needs the mouse.
 */
export function ReviewNoteForm({
  decision,
  title,
  onConfirm,
  onCancel,
}: {
  decision: ReviewDecision;
  title: string;
  onConfirm: (note: string) => void;
  onCancel: () => void;
}) {
  const [note, setNote] = useState('');
  const id = useId();
  const verb = decision === 'accept' ? 'Accept' : 'Reject';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onConfirm(note);
  };
  return (
    <form className="review-note" onSubmit={submit} aria-label={`${verb} “${title}”`}>
      <div className="field">
        <label htmlFor={id}>{verb} with a note (optional)</label>
        <input
          id={id}
          type="text"
          value={note}
          maxLength={2000}
          autoFocus
          autoComplete="off"
          aria-describedby={`${id}-hint`}
          onChange={(event) => setNote(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              onCancel();
            }
          }}
        />
        <p id={`${id}-hint`} className="field-hint">
          Enter to {decision}, Esc to cancel.
        </p>
      </div>
      <div className="button-row">
        <button
          type="submit"
          className={`button ${decision === 'accept' ? 'button-primary' : 'button-danger'}`}
        >
          {verb}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

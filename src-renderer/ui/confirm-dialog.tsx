import { useEffect, useId, useRef } from 'react';
import { useConfirmState } from './confirm-store';

/** The native <dialog> gives a modal with focus trapping and Escape-to-cancel for free. */
export function ConfirmDialog() {
  const request = useConfirmState((s) => s.request);
  const answer = useConfirmState((s) => s.answer);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const messageId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (request && !dialog.open) dialog.showModal();
    if (!request && dialog.open) dialog.close();
  }, [request]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={messageId}
      onCancel={(event) => {
        event.preventDefault();
        answer(false);
      }}
    >
      {request && (
        <form
          method="dialog"
          onSubmit={(event) => {
            event.preventDefault();
            answer(true);
          }}
        >
          <h2 id={titleId}>{request.title}</h2>
          <p id={messageId}>{request.message}</p>
          <div className="button-row button-row-end">
            <button type="button" className="button" onClick={() => answer(false)}>
              Cancel
            </button>
            <button
              type="submit"
              className={`button ${request.tone === 'danger' ? 'button-danger' : 'button-primary'}`}
              autoFocus
            >
              {request.confirmLabel}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}

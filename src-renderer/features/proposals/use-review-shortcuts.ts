import { useEffect, useEffectEvent } from 'react';

export interface ReviewShortcutActions {
  next(): void;
  previous(): void;
  accept(): void;
  reject(): void;
  toggleChecked(): void;
  bulkAccept(): void;
  bulkReject(): void;
  clearChecked(): void;
}

/** Shown in the legend; the handler below is the one place that decides what each key does. */
export const shortcutLegend = [
  { keys: ['J'], does: 'Next proposal' },
  { keys: ['K'], does: 'Previous proposal' },
  { keys: ['A'], does: 'Accept' },
  { keys: ['R'], does: 'Reject (with an optional note; Enter confirms, Esc cancels)' },
  { keys: ['X'], does: 'Add to / remove from the selection' },
  { keys: ['Shift', 'A'], does: 'Accept the selection' },
  { keys: ['Shift', 'R'], does: 'Reject the selection' },
  { keys: ['Esc'], does: 'Clear the selection' },
] as const;

const nonTextInputs = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file']);

/** Keys typed into a field are text, never commands. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !nonTextInputs.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

function actionFor(event: KeyboardEvent, actions: ReviewShortcutActions): (() => void) | null {
  switch (event.key.toLowerCase()) {
    case 'j':
      return actions.next;
    case 'k':
      return actions.previous;
    case 'a':
      return event.shiftKey ? actions.bulkAccept : actions.accept;
    case 'r':
      return event.shiftKey ? actions.bulkReject : actions.reject;
    case 'x':
      return actions.toggleChecked;
    case 'escape':
      return actions.clearChecked;
    default:
      return null;
  }
}

/**
 * Gmail-style review keys for the whole page while it is open. They stay quiet while the user
 * types in a field, while a modal dialog is open, and when Ctrl, Cmd or Alt is held (browser
 * and OS shortcuts). A held-down key repeats only movement, never a decision.
 */
export function useReviewShortcuts(actions: ReviewShortcutActions): void {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTypingTarget(event.target) || document.querySelector('dialog[open]')) return;
    const action = actionFor(event, actions);
    if (!action) return;
    const movement = action === actions.next || action === actions.previous;
    if (event.repeat && !movement) return;
    event.preventDefault();
    action();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);
}

import { describeError } from './errors';

/** A visible, announced error box for a failed load or action. */
export function ErrorMessage({ error, title }: { error: unknown; title?: string }) {
  return (
    <div className="error-box" role="alert">
      {title && <strong>{title} </strong>}
      {describeError(error)}
    </div>
  );
}

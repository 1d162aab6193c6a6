import { Fragment } from 'react';
import { shortcutLegend } from './use-review-shortcuts';

/** Always visible and short: the keys are the fast way through a long queue. */
export function ShortcutLegend() {
  return (
    <aside className="shortcut-legend" aria-label="Keyboard shortcuts">
      <h2 className="visually-hidden">Keyboard shortcuts</h2>
      <dl>
        {shortcutLegend.map(({ keys, does }) => (
          <div key={keys.join('+')}>
            <dt>
              {keys.map((key, index) => (
                <Fragment key={key}>
                  {index > 0 && '+'}
                  <kbd>{key}</kbd>
                </Fragment>
              ))}
            </dt>
            <dd>{does}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}

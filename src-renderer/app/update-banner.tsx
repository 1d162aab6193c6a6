import { useEffect, useState } from 'react';
import type { UpdateState } from '../../src-preload/desktop-bridge';
import { desktopBridge } from './desktop-bridge';

/**
 * Desktop only: once an update has downloaded in the background, offer the restart that installs
 * it (the tray offers the same). Nothing shows in a browser tab or while no update waits.
 */
export function UpdateBanner() {
  const updates = desktopBridge()?.updates;
  const [state, setState] = useState<UpdateState | null>(null);
  useEffect(() => {
    if (!updates) return;
    let live = true;
    void updates.state().then((current) => live && setState(current));
    const stop = updates.onChange(setState);
    return () => {
      live = false;
      stop();
    };
  }, [updates]);
  if (!updates || state?.status !== 'ready') return null;
  return (
    <div className="connection-banner update-banner" role="status">
      Maestro {state.version} is ready to install.{' '}
      <button type="button" className="button button-small" onClick={() => void updates.restart()}>
        Restart to update
      </button>
    </div>
  );
}

import { useConnectionState } from './api-context';

/** Says plainly when what's on screen may be out of date because the link to the core is down. */
export function ConnectionBanner() {
  const state = useConnectionState();
  if (state === 'lost') {
    return (
      <div className="connection-banner" role="alert">
        Lost the connection to the Maestro server. Reconnecting… Changes made meanwhile will show once it is
        back.
      </div>
    );
  }
  if (state === 'unauthorized') {
    return (
      <div className="connection-banner" role="alert">
        The server no longer accepts this session (it was probably restarted). Open the address it printed
        (…/?token=…) again.
      </div>
    );
  }
  return null;
}

import { useId, useState } from 'react';
import { platformNames, type Connection, type Platform } from '@contract';
import { desktopBridge } from '../../app/desktop-bridge';
import { Badge } from '../../ui/badge';
import { confirm } from '../../ui/confirm-store';
import { describeError } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { toast } from '../../ui/toast-store';
import { accountLabel, expiryNote, statusBadge } from './connection-presentation';
import { MetaConnect } from './meta-connect';
import { useDisconnect, useTestConnection, useYouTubeBegin } from './use-connections';

const order: readonly Platform[] = ['instagram', 'facebook', 'youtube'];

function ConnectionRow({
  connection,
  brandName,
  onReconnect,
}: {
  connection: Connection;
  brandName: string;
  onReconnect: () => void;
}) {
  const test = useTestConnection();
  const disconnect = useDisconnect();
  const { brandId, platform } = connection;
  const name = platformNames[platform];
  const badge = statusBadge(connection);
  const account = accountLabel(connection);
  const expiry = expiryNote(connection.expiresAt, new Date());
  const busy = test.isPending || disconnect.isPending;

  const runTest = async () => {
    try {
      const result = await test.mutateAsync({ brandId, platform });
      if (result.ok) toast.success(`${name}: ${result.detail}`);
      else toast.error(`${name}: ${result.detail}`);
    } catch (error) {
      toast.error(`${name}: ${describeError(error)}`);
    }
  };

  const runDisconnect = async () => {
    const ok = await confirm({
      title: `Disconnect ${name} from ${brandName}?`,
      message: `Maestro forgets the ${name} token. Posts scheduled for ${name} wait until you connect again.`,
      confirmLabel: 'Disconnect',
      tone: 'danger',
    });
    if (!ok) return;
    try {
      await disconnect.mutateAsync({ brandId, platform });
      toast.success(`${name} disconnected from ${brandName}.`);
    } catch (error) {
      toast.error(`Could not disconnect ${name}: ${describeError(error)}`);
    }
  };

  return (
    <li className="connection" data-platform={platform} data-status={connection.status}>
      <div className="connection-what">
        <strong>{name}</strong> <Badge tone={badge.tone}>{badge.label}</Badge>
        {account && <span className="connection-account">{account}</span>}
        {expiry && connection.status === 'connected' && (
          <span className={expiry.warn ? 'connection-expiry warn' : 'connection-expiry muted'}>
            {expiry.warn && <span aria-hidden="true">⚠ </span>}
            {expiry.text}
          </span>
        )}
      </div>
      {connection.status === 'expired' && (
        <p className="connection-reason">
          {connection.lastError ?? 'The platform refused the stored token.'} Publishing here is on hold until
          you reconnect.
        </p>
      )}
      {connection.status === 'error' && connection.lastError && (
        <p className="connection-reason">{connection.lastError}</p>
      )}
      {connection.checkedAt && connection.status !== 'not_connected' && (
        <p className="field-hint">Last checked {formatDateTime(connection.checkedAt)}</p>
      )}
      {connection.status !== 'not_connected' && (
        <div className="row-actions">
          {connection.status === 'expired' ? (
            <button
              type="button"
              className="button button-small button-primary"
              onClick={onReconnect}
              aria-label={`Reconnect ${name} for ${brandName}`}
            >
              Reconnect
            </button>
          ) : (
            <button
              type="button"
              className="button button-small"
              onClick={() => void runTest()}
              disabled={busy}
              aria-label={`Test ${name} connection for ${brandName}`}
            >
              {test.isPending ? 'Testing…' : 'Test connection'}
            </button>
          )}
          <button
            type="button"
            className="button button-small button-danger-quiet"
            onClick={() => void runDisconnect()}
            disabled={busy}
            aria-label={`Disconnect ${name} from ${brandName}`}
          >
            Disconnect
          </button>
        </div>
      )}
    </li>
  );
}

/** Waiting for the creator to finish Google's sign-in in the browser; the list updates when they do. */
function YouTubePending({ authUrl, onClose }: { authUrl: string; onClose: () => void }) {
  return (
    <div className="connection-flow" role="status">
      <p>
        Finish signing in with Google in your browser. This page updates when Google sends you back (Maestro
        waits 10 minutes).
      </p>
      <div className="button-row">
        <a className="button button-small" href={authUrl} target="_blank" rel="noopener noreferrer">
          Open the Google sign-in page again
        </a>
        <button type="button" className="button button-small" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}

/** One brand's Instagram, Facebook and YouTube connections, with connect, test and disconnect. */
export function BrandConnections({
  brandId,
  brandName,
  connections,
}: {
  brandId: string;
  brandName: string;
  connections: readonly Connection[];
}) {
  const titleId = useId();
  const [metaOpen, setMetaOpen] = useState(false);
  const [youtubeUrl, setYoutubeUrl] = useState<string | null>(null);
  const begin = useYouTubeBegin();
  const youtube = connections.find((c) => c.platform === 'youtube');
  const youtubeConnectedAt = youtube?.status === 'connected' ? youtube.connectedAt : null;

  // Google sent the creator back and a new connection arrived: stop saying "finish signing in".
  const [connectedBefore, setConnectedBefore] = useState<string | null>(null);
  const signInPending =
    youtubeUrl !== null && (youtubeConnectedAt === null || youtubeConnectedAt === connectedBefore);

  const connectYouTube = async () => {
    try {
      const { authUrl } = await begin.mutateAsync(brandId);
      setConnectedBefore(youtubeConnectedAt);
      setYoutubeUrl(authUrl);
      const desktop = desktopBridge();
      if (desktop) {
        const opened = await desktop.openExternal(authUrl);
        if (!opened.ok) toast.error(opened.message);
      } else {
        window.open(authUrl, '_blank', 'noopener');
      }
    } catch (error) {
      toast.error(`Could not start the YouTube sign-in: ${describeError(error)}`);
    }
  };

  const reconnect = (platform: Platform) =>
    platform === 'youtube' ? void connectYouTube() : setMetaOpen(true);

  return (
    <section className="brand-connections" aria-labelledby={titleId}>
      <h3 id={titleId}>{brandName}</h3>
      <ul className="connection-list">
        {order.map((platform) => {
          const connection = connections.find((c) => c.platform === platform);
          return connection ? (
            <ConnectionRow
              key={platform}
              connection={connection}
              brandName={brandName}
              onReconnect={() => reconnect(platform)}
            />
          ) : null;
        })}
      </ul>
      {metaOpen ? (
        <MetaConnect brandId={brandId} brandName={brandName} onDone={() => setMetaOpen(false)} />
      ) : null}
      {signInPending && youtubeUrl && (
        <YouTubePending authUrl={youtubeUrl} onClose={() => setYoutubeUrl(null)} />
      )}
      <div className="button-row">
        {!metaOpen && (
          <button
            type="button"
            className="button"
            onClick={() => setMetaOpen(true)}
            aria-label={`Connect Facebook and Instagram for ${brandName}`}
          >
            Connect Facebook &amp; Instagram
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={() => void connectYouTube()}
          disabled={begin.isPending}
          aria-label={`Connect YouTube for ${brandName}`}
        >
          {begin.isPending ? 'Starting…' : 'Connect YouTube'}
        </button>
      </div>
    </section>
  );
}

import { useId, useState, type FormEvent } from 'react';
import { AppError } from '@contract';
import { desktopBridge } from '../../app/desktop-bridge';
import { describeError, fieldErrorsOf } from '../../ui/errors';
import { TextField } from '../../ui/field';
import { toast } from '../../ui/toast-store';
import { tokenFromPaste } from './connection-presentation';
import { useConnectMeta, useMetaLoginUrl } from './use-connections';

interface PageChoice {
  pageId: string;
  pageName: string;
  instagramUsername: string | null;
}

function pagesOf(error: unknown): PageChoice[] | null {
  if (!(error instanceof AppError) || error.code !== 'conflict') return null;
  const pages = (error.details as { pages?: unknown } | undefined)?.pages;
  return Array.isArray(pages) ? (pages as PageChoice[]) : null;
}

/**
 * Connecting a brand's Facebook Page and Instagram account. On the desktop the Facebook Login
 * window returns the token; in a browser the creator pastes it (or the address Facebook ended on).
 * When the login manages several Pages, the creator chooses one.
 */
export function MetaConnect({
  brandId,
  brandName,
  onDone,
}: {
  brandId: string;
  brandName: string;
  onDone: () => void;
}) {
  const desktop = desktopBridge();
  const connect = useConnectMeta();
  const loginUrl = useMetaLoginUrl();
  const [token, setToken] = useState('');
  const [tokenError, setTokenError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [pages, setPages] = useState<PageChoice[] | null>(null);
  const [pageId, setPageId] = useState<string>('');
  const choiceName = useId();
  const busy = connect.isPending || loginUrl.isPending;

  const run = async (userToken: string, chosen?: string) => {
    setFormError(null);
    setTokenError(undefined);
    try {
      const connections = await connect.mutateAsync({ brandId, userToken, pageId: chosen });
      const instagram = connections.find((c) => c.platform === 'instagram' && c.status === 'connected');
      toast.success(
        instagram
          ? `${brandName}: Facebook and Instagram (@${instagram.accountName}) connected.`
          : `${brandName}: Facebook connected. No Instagram professional account is linked to that Page.`,
      );
      onDone();
    } catch (error) {
      const choices = pagesOf(error);
      if (choices) {
        setToken(userToken);
        setPages(choices);
        setPageId(choices[0]?.pageId ?? '');
        return;
      }
      const fields = fieldErrorsOf(error);
      if (fields.userToken && !desktop) setTokenError(fields.userToken);
      else setFormError(describeError(error));
    }
  };

  const loginWindow = async () => {
    setFormError(null);
    const outcome = await desktop!.metaLogin(brandId);
    if (outcome.ok) await run(outcome.userToken);
    else if (outcome.reason !== 'cancelled') setFormError(outcome.message);
  };

  const openLoginInBrowser = async () => {
    try {
      const { url } = await loginUrl.mutateAsync(brandId);
      window.open(url, '_blank', 'noopener');
    } catch (error) {
      setFormError(describeError(error));
    }
  };

  const submitToken = (event: FormEvent) => {
    event.preventDefault();
    const userToken = tokenFromPaste(token);
    if (!userToken) return setTokenError('Paste the token, or the address Facebook ended on');
    void run(userToken);
  };

  const submitPage = (event: FormEvent) => {
    event.preventDefault();
    void run(token, pageId);
  };

  if (pages) {
    return (
      <form
        className="form connection-flow"
        onSubmit={submitPage}
        aria-label={`Choose the Facebook Page for ${brandName}`}
      >
        {formError && (
          <div className="error-box" role="alert">
            {formError}
          </div>
        )}
        <fieldset disabled={busy}>
          <legend>This login manages several Pages. Which one is {brandName}’s?</legend>
          <div className="choice-list">
            {pages.map((page) => (
              <label key={page.pageId} className="choice">
                <input
                  type="radio"
                  name={choiceName}
                  value={page.pageId}
                  checked={pageId === page.pageId}
                  onChange={() => setPageId(page.pageId)}
                />
                <span>
                  <strong>{page.pageName}</strong>{' '}
                  <span className="muted">
                    {page.instagramUsername
                      ? `Instagram @${page.instagramUsername}`
                      : 'no Instagram professional account linked'}
                  </span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy || !pageId}>
            {busy ? 'Connecting…' : 'Connect this Page'}
          </button>
          <button type="button" className="button" onClick={onDone} disabled={busy}>
            Cancel
          </button>
        </div>
      </form>
    );
  }

  if (desktop) {
    return (
      <div className="connection-flow">
        {formError && (
          <div className="error-box" role="alert">
            {formError}
          </div>
        )}
        <p className="muted">
          Facebook opens in a separate window. Sign in and allow the permissions for your Meta app; the window
          closes by itself when you are done.
        </p>
        <div className="button-row">
          <button
            type="button"
            className="button button-primary"
            onClick={() => void loginWindow()}
            disabled={busy}
          >
            {busy ? 'Connecting…' : 'Open Facebook Login'}
          </button>
          <button type="button" className="button" onClick={onDone} disabled={busy}>
            Cancel
          </button>
        </div>
      </div>
    );
  }

  return (
    <form
      className="form connection-flow"
      onSubmit={submitToken}
      noValidate
      aria-label={`Connect Facebook and Instagram for ${brandName}`}
    >
      {formError && (
        <div className="error-box" role="alert">
          {formError}
        </div>
      )}
      <ol className="plain-list steps">
        <li>
          <button
            type="button"
            className="button button-small"
            onClick={() => void openLoginInBrowser()}
            disabled={busy}
          >
            Open Facebook Login
          </button>{' '}
          in a new tab, sign in and allow the permissions.
        </li>
        <li>
          Facebook ends on a blank page: copy its whole address (or a user access token) and paste it below.
        </li>
      </ol>
      <TextField
        label="Facebook user access token"
        type="password"
        value={token}
        onChange={(value) => {
          setToken(value);
          setTokenError(undefined);
        }}
        error={tokenError}
        autoComplete="off"
        spellCheck={false}
        hint="Maestro exchanges it for a long-lived token and stores only that, encrypted."
        disabled={busy}
      />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy || token.trim() === ''}>
          {busy ? 'Connecting…' : 'Connect'}
        </button>
        <button type="button" className="button" onClick={onDone} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}

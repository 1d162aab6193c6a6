import {
  googleAuthorizeUrl,
  listenOnLoopback,
  pkcePair,
  randomUrlToken,
  type LoopbackListener,
  type LoopbackPage,
  type LoopbackResult,
} from '../platforms/google-oauth';
import type { Clock } from '../ports/clock';
import { connectionsDefaults } from './defaults';

/** What a finished redirect needs to complete the sign-in. */
export interface SignInReturn {
  brandId: string;
  codeVerifier: string;
  redirectUri: string;
}

interface Pending {
  listener: LoopbackListener;
  deadline: number;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The YouTube sign-ins under way, at most one per brand: each is a loopback listener waiting
 * for Google's redirect until its deadline. A newer sign-in for the same brand replaces the
 * older one. Deadlines are read from the injected clock, so a test advances the clock and calls
 * `expire()`; the timer only makes sure that happens in the app.
 */
export class YouTubeSignIns {
  private readonly pending = new Map<string, Pending>();

  constructor(
    private readonly deps: {
      clock: Clock;
      /** Completes a redirect (code or error) and says what the browser tab shows. */
      complete: (signIn: SignInReturn, result: LoopbackResult) => Promise<LoopbackPage>;
      /** Tells the creator a sign-in ran out of time. */
      timedOut: (brandId: string) => Promise<void>;
      timeoutMs?: number;
    },
  ) {}

  async begin(
    brandId: string,
    client: { authUrl: string; clientId: string },
  ): Promise<{ authUrl: string; redirectUri: string }> {
    this.cancel(brandId);
    const state = randomUrlToken();
    const pkce = pkcePair();
    const listener = await listenOnLoopback({ state, path: connectionsDefaults.youtubeCallbackPath });
    const timeoutMs = this.deps.timeoutMs ?? connectionsDefaults.youtubeSignInTimeoutMs;
    const timer = setTimeout(() => void this.expire(), timeoutMs + 1_000);
    timer.unref?.();
    const entry: Pending = { listener, deadline: this.deps.clock.now().getTime() + timeoutMs, timer };
    this.pending.set(brandId, entry);
    void listener.result
      .then(async (result) => {
        // A sign-in replaced or timed out meanwhile has already been closed and said so.
        if (this.pending.get(brandId) !== entry) return;
        this.pending.delete(brandId);
        clearTimeout(timer);
        const page = await this.deps.complete(
          { brandId, codeVerifier: pkce.verifier, redirectUri: listener.redirectUri },
          result,
        );
        listener.finish(page);
      })
      .catch((error: unknown) =>
        listener.finish({ ok: false, title: 'YouTube was not connected', message: String(error) }),
      );
    const authUrl = googleAuthorizeUrl({
      authUrl: client.authUrl,
      clientId: client.clientId,
      redirectUri: listener.redirectUri,
      scopes: connectionsDefaults.youtubeScopes,
      state,
      codeChallenge: pkce.challenge,
    });
    return { authUrl, redirectUri: listener.redirectUri };
  }

  isPending(brandId: string): boolean {
    return this.pending.has(brandId);
  }

  /** Ends every sign-in past its deadline; returns how many ended. */
  async expire(): Promise<number> {
    const now = this.deps.clock.now().getTime();
    const ended = [...this.pending].filter(([, entry]) => entry.deadline <= now);
    for (const [brandId] of ended) this.cancel(brandId);
    for (const [brandId] of ended) await this.deps.timedOut(brandId);
    return ended.length;
  }

  cancel(brandId: string): void {
    const entry = this.pending.get(brandId);
    if (!entry) return;
    this.pending.delete(brandId);
    clearTimeout(entry.timer);
    entry.listener.close();
  }

  closeAll(): void {
    for (const brandId of [...this.pending.keys()]) this.cancel(brandId);
  }
}

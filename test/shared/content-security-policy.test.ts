import { afterEach, describe, expect, it } from 'vitest';
import configExport from '../../electron.vite.config';
import {
  CONTENT_SECURITY_POLICY,
  CONTENT_SECURITY_POLICY_META,
  cspDirectives,
  parseCsp,
  serializeCsp,
} from '../../src-main/shared/content-security-policy';

type Tag = { tag: string; attrs: Record<string, string>; injectTo: string };
type RendererPlugin = { name: string; transformIndexHtml?: { handler(): Tag[] } };

/** The meta tag the Vite build writes into index.html, for `electron-vite build` or `dev`. */
async function metaTag(command: 'build' | 'serve'): Promise<{ tag: Tag; html: { cspNonce?: string } }> {
  type RendererConfig = { renderer: { plugins: unknown[]; html: { cspNonce?: string } } };
  const config = (configExport as unknown as (env: { command: string; mode: string }) => RendererConfig)({
    command,
    mode: command === 'serve' ? 'development' : 'production',
  });
  const plugins = config.renderer.plugins.flat(3) as RendererPlugin[];
  const plugin = plugins.find((p) => p?.name === 'maestro:content-security-policy')!;
  return { tag: plugin.transformIndexHtml!.handler()[0]!, html: config.renderer.html };
}

afterEach(() => {
  delete process.env.MAESTRO_DEV_CSP_NONCE;
});

describe('the one Content-Security-Policy', () => {
  it('is our origin only: no inline script, no eval, no remote source, nothing framed', () => {
    const policy = parseCsp(CONTENT_SECURITY_POLICY);
    for (const [directive, sources] of Object.entries(policy)) {
      expect(sources.join(' '), directive).not.toMatch(/unsafe-eval|https?:|\*|maestro-media/);
    }
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['img-src']).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy['media-src']).toEqual(["'self'", 'blob:']);
    expect(policy['frame-ancestors']).toEqual(["'none'"]);
    // The meta form drops only what a meta tag cannot carry.
    expect(parseCsp(CONTENT_SECURITY_POLICY_META)).toEqual({ ...policy, 'frame-ancestors': undefined });
  });

  it('goes into the built index.html as its first tag', async () => {
    const { tag, html } = await metaTag('build');
    expect(tag).toEqual({
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY_META },
      injectTo: 'head-prepend',
    });
    expect(html.cspNonce).toBeUndefined();
  });

  it('in `npm run dev` allows the refresh preamble by this run’s nonce and the HMR socket, nothing more', async () => {
    const { tag, html } = await metaTag('serve');
    const nonce = process.env.MAESTRO_DEV_CSP_NONCE!;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
    expect(html.cspNonce).toBe(nonce);
    const dev = parseCsp(tag.attrs.content!);
    expect(dev['script-src']).toEqual(["'self'", `'nonce-${nonce}'`]);
    expect(dev['connect-src']).toEqual(["'self'", 'ws://localhost:5173']);
    expect(tag.attrs.content).not.toContain("unsafe-inline' ;");
    expect({ ...dev, 'script-src': undefined, 'connect-src': undefined }).toEqual({
      ...parseCsp(CONTENT_SECURITY_POLICY_META),
      'script-src': undefined,
      'connect-src': undefined,
    });
    // The main process's header for that run is the same policy.
    expect(serializeCsp(cspDirectives({ nonce, hmrOrigin: 'ws://localhost:5173' }), 'meta')).toBe(
      tag.attrs.content,
    );
    expect(() => cspDirectives({ nonce: "x' 'unsafe-inline", hmrOrigin: 'ws://localhost:5173' })).toThrow(
      /nonce/,
    );
  });
});

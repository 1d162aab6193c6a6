import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { cspDirectives, serializeCsp, type DevServerPolicy } from './src-main/shared/content-security-policy';

// One alias for the contract so main, preload and renderer import the same module.
const alias = { '@contract': resolve(__dirname, 'src-main/core/contract') };

/** The dev server's fixed address: the main process proxies maestro://app to it in development. */
const DEV_SERVER_PORT = 5173;

/**
 * Writes the one CSP (src-main/shared/content-security-policy.ts) into index.html as its first
 * tag. In `npm run dev` the policy also allows the React refresh preamble by this run's nonce,
 * which Vite puts on every script it injects (`html.cspNonce`), and the hot-reload socket.
 */
function contentSecurityPolicyMeta(dev: DevServerPolicy | undefined): Plugin {
  const content = serializeCsp(cspDirectives(dev), 'meta');
  return {
    name: 'maestro:content-security-policy',
    transformIndexHtml: {
      order: 'pre',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig(({ command }) => {
  let dev: DevServerPolicy | undefined;
  if (command === 'serve') {
    // Inherited by the Electron process electron-vite starts, whose maestro://app handler sends
    // the same policy as a header. A new nonce every run; never in a build.
    process.env.MAESTRO_DEV_CSP_NONCE ??= randomBytes(18).toString('base64');
    dev = { nonce: process.env.MAESTRO_DEV_CSP_NONCE, hmrOrigin: `ws://localhost:${DEV_SERVER_PORT}` };
  }
  return {
    main: {
      resolve: { alias },
      build: {
        outDir: 'out/main',
        rolldownOptions: {
          input: {
            // The Electron shell and the headless server are two entries over the same core.
            index: resolve(__dirname, 'src-main/electron/main.ts'),
            serve: resolve(__dirname, 'src-main/server/serve.ts'),
            // MCP over stdio for AI assistants: a bridge to whichever of the two owns the data.
            mcp: resolve(__dirname, 'src-main/mcp/stdio.ts'),
          },
        },
      },
    },
    preload: {
      resolve: { alias },
      build: {
        outDir: 'out/preload',
        // A sandboxed preload cannot require() from node_modules: bundle everything it uses.
        externalizeDeps: false,
        rolldownOptions: { input: { index: resolve(__dirname, 'src-preload/index.ts') } },
      },
    },
    renderer: {
      root: resolve(__dirname, 'src-renderer'),
      resolve: { alias },
      plugins: [react(), contentSecurityPolicyMeta(dev)],
      html: { cspNonce: dev?.nonce },
      server: {
        host: 'localhost',
        port: DEV_SERVER_PORT,
        strictPort: true,
        // The page runs at maestro://app (proxied here), so the Vite client cannot guess the
        // socket's address from its own URL: name it.
        hmr: { protocol: 'ws', host: 'localhost', clientPort: DEV_SERVER_PORT },
      },
      build: {
        outDir: 'out/renderer',
        rolldownOptions: { input: { index: resolve(__dirname, 'src-renderer/index.html') } },
      },
    },
  };
});

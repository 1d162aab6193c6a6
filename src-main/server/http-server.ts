import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/app';
import type { AppErrorShape, ErrorCode, Result } from '../core/contract/errors';
import { isAllowedHost, TOKEN_COOKIE, tokenSource } from './auth';
import { MEDIA_PATH_PREFIX, serveMedia } from './media-files';
import { MAX_BODY_BYTES, readBody } from './request-body';
import type { AssistantAccess } from '../mcp/http-endpoint';
import { assistantHttpPaths } from '../mcp/paths';
import { serveRenderer } from './static-files';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';

export interface HeadlessServerOptions {
  core: Core;
  token: string;
  /** 0 picks a free port. */
  port: number;
  rendererDir: string;
  /** MCP for the creator's AI assistant at `/mcp`, behind the same token and Host check. */
  assistants?: AssistantAccess;
}

export interface HeadlessServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export { MAX_BODY_BYTES };
const HEARTBEAT_MS = 15_000;

const statusByCode: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_operation: 404,
  not_found: 404,
  conflict: 409,
  protected: 409,
  unauthorized: 401,
  unavailable: 503,
  db_newer_version: 409,
  db_corrupt: 500,
  llm_failed: 502,
  budget_exhausted: 429,
  internal: 500,
};

/** The desktop window's policy too (one definition in src-main/shared): our origin only. */
export { CONTENT_SECURITY_POLICY };

const securityHeaders = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...securityHeaders,
  });
  res.end(text);
}

function sendError(res: ServerResponse, error: AppErrorShape): void {
  sendJson(res, statusByCode[error.code], { ok: false, error });
}

async function handleOperation(core: Core, name: string, req: IncomingMessage, res: ServerResponse) {
  let text: string;
  try {
    text = await readBody(req);
  } catch {
    sendError(res, {
      code: 'invalid_input',
      message: `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
    });
    return;
  }
  let payload: unknown = undefined;
  if (text.trim() !== '') {
    try {
      payload = JSON.parse(text);
    } catch {
      sendError(res, { code: 'invalid_input', message: 'The request body is not valid JSON.' });
      return;
    }
  }
  const result = await core.invoke(name, payload);
  if (result.ok) sendJson(res, 200, result);
  else sendError(res, result.error);
}

function openEventStream(core: Core, req: IncomingMessage, res: ServerResponse) {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
    ...securityHeaders,
  });
  res.write(': connected\n\n');
  const unsubscribe = core.events.subscribe((event) => {
    res.write(`event: ${event.stream}\ndata: ${JSON.stringify(event.payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
  req.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}

/**
 * The headless transport: the same contract as Electron IPC, over HTTP on 127.0.0.1 only.
 * `POST /api/op/<name>` runs an operation; `GET /api/events` streams events (SSE); `POST /mcp`
 * takes an AI assistant's MCP calls; anything else serves the built renderer. Every request
 * needs the run's token (header, query or cookie).
 */
export function startHeadlessServer(options: HeadlessServerOptions): Promise<HeadlessServer> {
  const { core, token, rendererDir } = options;
  let port = options.port;

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (!isAllowedHost(req, port)) {
      sendError(res, {
        code: 'unauthorized',
        message: 'Requests must be addressed to 127.0.0.1 or localhost.',
      });
      return;
    }
    const source = tokenSource(req, url, token);
    if (!source) {
      res.setHeader('www-authenticate', 'Bearer');
      sendError(res, {
        code: 'unauthorized',
        message: 'Missing or wrong token. Open the URL printed when the server started.',
      });
      return;
    }
    if (url.pathname === assistantHttpPaths.mcp && options.assistants) {
      options.assistants.handle(req, res, port).catch((error: unknown) => {
        if (res.headersSent) res.end();
        else sendError(res, { code: 'internal', message: (error as Error).message });
      });
      return;
    }
    if (url.pathname === assistantHttpPaths.clientConfig && options.assistants) {
      sendJson(res, 200, { ok: true, value: options.assistants.clientConfig() });
      return;
    }
    if (url.pathname.startsWith('/api/op/')) {
      if (req.method !== 'POST') {
        res.setHeader('allow', 'POST');
        sendJson(res, 405, {
          ok: false,
          error: { code: 'invalid_input', message: 'Operations are called with POST.' },
        });
        return;
      }
      void handleOperation(core, decodeURIComponent(url.pathname.slice('/api/op/'.length)), req, res).catch(
        (error) => {
          sendError(res, { code: 'internal', message: (error as Error).message });
        },
      );
      return;
    }
    if (url.pathname === '/api/events') {
      openEventStream(core, req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Not allowed.' } });
      return;
    }
    if (source === 'query') {
      // Trade the token in the address bar for a same-site cookie, and drop it from the URL so
      // it does not linger in history or get copied along with a link.
      url.searchParams.delete('token');
      res.writeHead(303, {
        location: url.pathname + url.search,
        'set-cookie': `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        ...securityHeaders,
      });
      res.end();
      return;
    }
    if (url.pathname.startsWith(MEDIA_PATH_PREFIX)) {
      serveMedia(core.jobs.mediaDir, url.pathname, req, res, securityHeaders);
      return;
    }
    serveRenderer(rendererDir, url.pathname, res, securityHeaders);
  });

  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolveServer({
        url: `http://127.0.0.1:${port}/?token=${token}`,
        port,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

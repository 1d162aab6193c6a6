/**
 * A public media host on 127.0.0.1 for tests of the platform fakes: serves the bytes a test put at
 * a path with the Content-Type it chose, answers 404 otherwise, and records every fetch — so a test
 * can serve what the app would have uploaded and see that Meta (the fake) came to fetch it.
 */
import { listen, recordRequest, send, type RecordedRequest } from './fake-http';

export interface FakeMediaHost {
  baseUrl: string;
  requests: RecordedRequest[];
  /** Serves `bytes` at `path` (e.g. '/cover.jpg'); returns the absolute URL. */
  put(path: string, bytes: Buffer, contentType: string): string;
  /** Answers `path` with this status instead (e.g. 302 to see that redirects are refused). */
  fail(path: string, status: number, headers?: Record<string, string>): string;
  close(): Promise<void>;
}

export async function startFakeMediaHost(): Promise<FakeMediaHost> {
  const requests: RecordedRequest[] = [];
  const files = new Map<string, { bytes: Buffer; contentType: string }>();
  const failures = new Map<string, { status: number; headers: Record<string, string> }>();
  const listening = await listen(
    async (req, res) => {
      const request = await recordRequest(req, requests);
      const failure = failures.get(request.path);
      if (failure) return send(res, request, { status: failure.status, headers: failure.headers, body: '' });
      const file = files.get(request.path);
      if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
        return send(res, request, {
          status: 404,
          headers: { 'content-type': 'text/plain' },
          body: 'not found',
        });
      }
      send(res, request, { status: 200, headers: { 'content-type': file.contentType }, body: file.bytes });
    },
    (res, error) => {
      res.writeHead(500);
      res.end(error.message);
    },
  );
  const baseUrl = `http://127.0.0.1:${listening.port}`;
  return {
    baseUrl,
    requests,
    put: (path, bytes, contentType) => {
      files.set(path, { bytes, contentType });
      return `${baseUrl}${path}`;
    },
    fail: (path, status, headers = {}) => {
      failures.set(path, { status, headers });
      return `${baseUrl}${path}`;
    },
    close: listening.close,
  };
}

import {
  appErrorSchema,
  eventNames,
  eventStreams,
  httpPaths,
  type ContractEvent,
  type Result,
} from '@contract';
import { createConnectionMonitor } from './connection';
import type { AppTransport } from './transport';

/** Reconnect backoff for the event stream: quick at first, then at most every 15 seconds. */
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 15_000;

function unavailable(message: string): Result<unknown> {
  return { ok: false, error: { code: 'unavailable', message } };
}

/** Reads the Result body whatever the status: the server sends errors as Result JSON with 4xx/5xx. */
async function readResult(response: Response): Promise<Result<unknown>> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return unavailable(`The server answered ${response.status} without a readable result.`);
  }
  if (body && typeof body === 'object' && 'ok' in body) {
    if (body.ok === true && 'value' in body) return { ok: true, value: body.value };
    if (body.ok === false && 'error' in body) {
      const error = appErrorSchema.safeParse(body.error);
      if (error.success) return { ok: false, error: error.data };
    }
  }
  return unavailable(`The server answered ${response.status} with an unexpected body.`);
}

/**
 * Browser mode against the headless server: operations are `fetch` POSTs, events arrive over
 * server-sent events. The session cookie set when the page was opened with ?token= authenticates
 * both, so nothing here handles the token.
 */
export function createHttpTransport(): AppTransport {
  const connection = createConnectionMonitor('connecting');
  const listeners = new Set<(event: ContractEvent) => void>();
  let source: EventSource | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let retryDelay = RETRY_MIN_MS;

  async function invoke(name: string, input: unknown): Promise<Result<unknown>> {
    let response: Response;
    try {
      response = await fetch(httpPaths.operation(name), {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      return unavailable('Cannot reach the Maestro server. Is it still running?');
    }
    return readResult(response);
  }

  function deliver(stream: string, data: string): void {
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      console.warn(`Ignored an unreadable "${stream}" event`);
      return;
    }
    // Events cross a process boundary: check them against the contract before views trust them.
    const parsed = eventStreams[stream as keyof typeof eventStreams].safeParse(payload);
    if (!parsed.success) {
      console.warn(`Ignored a "${stream}" event that does not match the contract`, parsed.error.issues);
      return;
    }
    const event = { stream, payload: parsed.data } as ContractEvent;
    for (const listener of [...listeners]) listener(event);
  }

  /** EventSource gives no status code on failure; one operation call tells "down" from "logged out". */
  async function diagnoseFailure(): Promise<void> {
    const probe = await invoke('maestro.status', {});
    if (!probe.ok && probe.error.code === 'unauthorized') connection.set('unauthorized');
    else connection.set('lost');
  }

  function open(): void {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    const es = new EventSource(httpPaths.events);
    source = es;
    es.onopen = () => {
      retryDelay = RETRY_MIN_MS;
      connection.set('open');
    };
    for (const name of eventNames)
      es.addEventListener(name, (message) => deliver(name, message.data as string));
    es.onerror = () => {
      if (source !== es) return;
      // The browser retries some failures itself, but gives up for good on an HTTP error
      // (e.g. 401 after a server restart with a new token). Own the retry so both cases recover.
      es.close();
      source = undefined;
      void diagnoseFailure();
      retryTimer = setTimeout(open, retryDelay);
      retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
    };
  }

  function close(): void {
    clearTimeout(retryTimer);
    retryTimer = undefined;
    source?.close();
    source = undefined;
    connection.set('connecting');
  }

  return {
    kind: 'http',
    connection,
    invoke,
    subscribe(listener) {
      listeners.add(listener);
      if (!source && retryTimer === undefined) open();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) close();
      };
    },
  };
}

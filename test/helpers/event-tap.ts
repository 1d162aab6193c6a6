export interface EventTap {
  /** Every event so far, parsed. */
  events: Array<{ stream: string; payload: unknown }>;
  /** Resolves with the first event (seen already or later) that matches. */
  waitFor(
    match: (event: { stream: string; payload: unknown }) => boolean,
    timeoutMs?: number,
  ): Promise<unknown>;
  close(): void;
}

/** Listens to the UI's event stream (`GET /api/events`, server-sent events) as a browser tab would. */
export async function tapEvents(base: string, token: string): Promise<EventTap> {
  const controller = new AbortController();
  const response = await fetch(`${base}/api/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  if (!response.ok) throw new Error(`event stream refused: HTTP ${response.status}`);
  const events: EventTap['events'] = [];
  const waiters = new Set<() => void>();
  void (async () => {
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const stream = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (stream && data) events.push({ stream, payload: JSON.parse(data) });
        }
        for (const wake of [...waiters]) wake();
      }
    } catch {
      // Aborted by close().
    }
  })();
  return {
    events,
    waitFor(match, timeoutMs = 10_000) {
      return new Promise((resolveEvent, reject) => {
        const check = () => {
          const found = events.find(match);
          if (!found) return false;
          waiters.delete(check);
          clearTimeout(timer);
          resolveEvent(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; saw ${JSON.stringify(events)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      });
    },
    close: () => controller.abort(),
  };
}

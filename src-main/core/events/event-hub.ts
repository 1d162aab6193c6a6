import type { ContractEvent, EventName, EventPayload } from '../contract/events';

type Listener = (event: ContractEvent) => void;

/**
 * Fans core events out to every transport. A listener that throws is dropped from this
 * delivery only; one broken window must not stop the others from hearing about progress.
 */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<K extends EventName>(stream: K, payload: EventPayload<K>): void {
    const event = { stream, payload } as ContractEvent;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        console.error(`event listener for ${stream} failed:`, error);
      }
    }
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

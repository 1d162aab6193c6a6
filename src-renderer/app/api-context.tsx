import {
  createContext,
  useContext,
  useEffect,
  useEffectEvent,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { ContractClient, EventName, EventPayload } from '@contract';
import type { ConnectionState } from './connection';
import type { AppTransport } from './transport';

interface Api {
  client: ContractClient;
  transport: AppTransport;
}

const ApiContext = createContext<Api | null>(null);

export function ApiProvider({ client, transport, children }: Api & { children: ReactNode }) {
  return <ApiContext.Provider value={{ client, transport }}>{children}</ApiContext.Provider>;
}

function useApiContext(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it');
  return api;
}

/** The typed contract client: `useApi()['brands.list']()`; failures throw AppError. */
export function useApi(): ContractClient {
  return useApiContext().client;
}

export function useTransportKind(): AppTransport['kind'] {
  return useApiContext().transport.kind;
}

export function useConnectionState(): ConnectionState {
  const { connection } = useApiContext().transport;
  return useSyncExternalStore(connection.subscribe, connection.get);
}

/**
 * Runs `handler` for every event of one stream while the component is mounted. The handler may
 * change each render without resubscribing (and, over HTTP, without reopening the stream).
 */
export function useContractEvent<K extends EventName>(
  stream: K,
  handler: (payload: EventPayload<K>) => void,
): void {
  const { transport } = useApiContext();
  const onEvent = useEffectEvent(handler);
  useEffect(
    () =>
      transport.subscribe((event) => {
        if (event.stream === stream) onEvent(event.payload as EventPayload<K>);
      }),
    [transport, stream],
  );
}

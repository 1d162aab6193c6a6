import type { ContractEvent } from './events';
import type { Result } from './errors';
import { AppError } from './errors';
import { operationNames, type InputOf, type OperationName, type OutputOf } from './operations';

/**
 * What a transport must provide: invoke one operation by name, and listen to events.
 * The Electron preload bridge and the HTTP client both implement this.
 */
export interface Transport {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: (event: ContractEvent) => void): () => void;
}

/** `NoFields extends Input` is how TypeScript asks "are all of Input's fields optional?". */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
type NoFields = {};

/** `client['brands.create'](input)`: typed calls over any transport; failures throw AppError. */
export type ContractClient = {
  [K in OperationName]: (
    ...args: NoFields extends InputOf<K> ? [input?: InputOf<K>] : [input: InputOf<K>]
  ) => Promise<OutputOf<K>>;
};

export function createContractClient(transport: Transport): ContractClient {
  const client: Record<string, (input?: unknown) => Promise<unknown>> = {};
  for (const name of operationNames) {
    client[name] = async (input?: unknown) => {
      const result = await transport.invoke(name, input ?? {});
      if (!result.ok) throw new AppError(result.error.code, result.error.message, result.error.details);
      return result.value;
    };
  }
  return client as ContractClient;
}

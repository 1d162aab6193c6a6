/** Names both transports agree on; kept beside the contract so no side hard-codes them. */
export const ipcChannels = {
  invoke: 'maestro:invoke',
  event: 'maestro:event',
} as const;

export const httpPaths = {
  operation: (name: string) => `/api/op/${encodeURIComponent(name)}`,
  events: '/api/events',
} as const;

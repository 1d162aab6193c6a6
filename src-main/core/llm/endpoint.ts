import { isIP } from 'node:net';

/** Everything one call needs to know about where it goes, read fresh for every call. */
export interface LlmEndpoint {
  baseUrl: string;
  /** Host (and port) only: safe to show and to record. */
  host: string;
  model: string;
  /** Undefined when no key is set (allowed for servers on this machine or the local network). */
  apiKey: string | undefined;
  timeoutMs: number;
  maxConcurrency: number;
  budget: { dailyUsd: number; hourlyUsd: number };
}

function isPrivateIpv4(address: string): boolean {
  const [a, b] = address.split('.').map(Number) as [number, number];
  return (
    a === 127 ||
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 169 && b === 254)
  );
}

function isPrivateIpv6(address: string): boolean {
  const lower = address.toLowerCase();
  if (lower === '::1') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return isPrivateIpv4(mapped[1]!);
  return /^f[cd][0-9a-f]{2}:/.test(lower) || /^fe[89ab][0-9a-f]:/.test(lower);
}

/**
 * A server on this machine or the local network (Ollama, LM Studio), where running without
 * an API key is normal: localhost, loopback, private-range and link-local addresses, and
 * `.local` / `.localhost` names.
 */
export function isLocalBaseUrl(baseUrl: string): boolean {
  let hostname: string;
  try {
    hostname = new URL(baseUrl).hostname.toLowerCase();
  } catch {
    return false;
  }
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (bare === 'localhost' || bare.endsWith('.localhost') || bare.endsWith('.local')) return true;
  const kind = isIP(bare);
  if (kind === 4) return isPrivateIpv4(bare);
  if (kind === 6) return isPrivateIpv6(bare);
  return false;
}

export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

import type { Random } from '../ports/random';
import { pick } from './dna';

/** The pool new agents are named from. */
export const agentNamePool = [
  'Atlas',
  'Nova',
  'Cipher',
  'Orion',
  'Vex',
  'Flux',
  'Nyx',
  'Zephyr',
  'Echo',
  'Blaze',
  'Helix',
  'Raven',
  'Pulse',
  'Storm',
  'Drift',
  'Ember',
  'Phantom',
  'Axiom',
  'Prism',
  'Titan',
  'Volt',
  'Frost',
  'Apex',
  'Vector',
  'Hex',
  'Pixel',
  'Quasar',
  'Nebula',
  'Onyx',
  'Specter',
  'Cortex',
  'Enigma',
  'Zenith',
  'Havoc',
  'Wren',
  'Sable',
  'Lux',
  'Nimbus',
  'Surge',
  'Wraith',
] as const;

/** Personality archetypes a new agent starts from. */
export const archetypes = [
  'A bold explorer who hunts for untested angles and surprising facts.',
  'A precision optimiser who compounds small, proven wins.',
  'A trend surfer who adapts what is going viral right now to our voice.',
  'A story weaver who builds emotional, human narratives around the science.',
  'A pattern breaker who writes contrarian hooks that stop the scroll.',
  'A consistency engine: steady, trustworthy, evergreen content.',
] as const;

export function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

export function prefixOf(name: string): string {
  return (
    name
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 6) || 'AI'
  );
}

/**
 * A display name no active agent uses and an agent id no agent ever used. The original
 * could return a retired agent's row for a reused name; ids here are always fresh.
 */
export function pickAgentIdentity(
  random: Random,
  activeDisplayNames: ReadonlySet<string>,
  allAgentIds: ReadonlySet<string>,
): { displayName: string; agentId: string; prefix: string } {
  const free = agentNamePool.filter((n) => !activeDisplayNames.has(n));
  let displayName: string;
  if (free.length > 0) displayName = pick(random, free);
  else {
    do displayName = `${pick(random, agentNamePool)}-${2 + Math.floor(random.next() * 98)}`;
    while (activeDisplayNames.has(displayName));
  }
  const base = slugOf(displayName);
  let agentId = base;
  for (let n = 2; allAgentIds.has(agentId); n++) agentId = `${base}_${n}`;
  return { displayName, agentId, prefix: prefixOf(displayName) };
}

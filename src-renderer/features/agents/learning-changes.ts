/**
 * A learning's before and after values in words: what the agent's DNA looked like before a change
 * and after it, and the evidence feedback weighed. The core stores them as JSON, so anything can
 * arrive here; what is not understood is shown as it is.
 */

type Values = Record<string, unknown>;

function isRecord(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNumberRecord(value: unknown): value is Record<string, number> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'number');
}

function percent(share: number | undefined): string {
  return share === undefined ? '—' : `${Math.round(share * 100)}%`;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

const label = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
const strategy = (name: string) => name.replaceAll('_', ' ');

/** "explore 30% → 5%, iterate 20% → 45%": only the shares that moved, in the new mix's order. */
function weightChanges(before: Record<string, number>, after: Record<string, number>): string {
  const names = [...new Set([...Object.keys(after), ...Object.keys(before)])];
  return names
    .filter((name) => percent(before[name]) !== percent(after[name]))
    .map((name) => `${strategy(name)} ${percent(before[name] ?? 0)} → ${percent(after[name] ?? 0)}`)
    .join(', ');
}

/**
 * One line per top-level field that differs between before and after: "temperature: 0.9 → 0.85",
 * "strategy weights: explore 30% → 5%, …". The evidence is left to `evidenceOf`.
 */
export function describeChange(before: unknown, after: unknown): string[] {
  if (!isRecord(after))
    return after === undefined || after === null ? [] : [`${show(before)} → ${show(after)}`];
  const old = isRecord(before) ? before : {};
  return Object.keys(after)
    .filter((key) => key !== 'evidence' && JSON.stringify(old[key]) !== JSON.stringify(after[key]))
    .flatMap((key) => {
      const was = old[key];
      const now = after[key];
      if (key === 'strategyWeights' && isNumberRecord(now)) {
        const moved = weightChanges(isNumberRecord(was) ? was : {}, now);
        return moved ? [`${label(key)}: ${moved}`] : [];
      }
      return [key in old ? `${label(key)}: ${show(was)} → ${show(now)}` : `${label(key)}: ${show(now)}`];
    });
}

export interface EvidenceRow {
  strategy: string;
  /** Mean score against the brand's median post (50). */
  mean: number;
  sd: number;
  posts: number;
}

/** What feedback weighed for a strategy change, best mean first; null when the entry has none. */
export function evidenceOf(after: unknown): EvidenceRow[] | null {
  if (!isRecord(after) || !Array.isArray(after.evidence)) return null;
  const rows = after.evidence.flatMap((e: unknown) =>
    isRecord(e) &&
    typeof e.strategy === 'string' &&
    typeof e.mean === 'number' &&
    typeof e.sd === 'number' &&
    typeof e.posts === 'number'
      ? [{ strategy: e.strategy, mean: e.mean, sd: e.sd, posts: e.posts }]
      : [],
  );
  return rows.length === 0
    ? null
    : rows.sort((a, b) => b.mean - a.mean || a.strategy.localeCompare(b.strategy));
}

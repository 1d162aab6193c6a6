import type { AgentDetail } from '@contract';
import { Badge, type BadgeTone } from '../../ui/badge';
import { formatDateTime } from '../../ui/format';

type Learning = AgentDetail['learnings'][number];

const typeTones: Record<string, BadgeTone> = {
  spawn: 'good',
  death: 'bad',
  manual_edit: 'info',
  manual_mutation: 'warn',
};

function show(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') return String(Math.round(value * 1000) / 1000);
  if (typeof value === 'string') return value.length > 60 ? `${value.slice(0, 57)}…` : value;
  return JSON.stringify(value);
}

/** "temperature 0.9 → 0.85" for every top-level field that differs between before and after. */
export function describeChange(before: unknown, after: unknown): string[] {
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isRecord(after))
    return after === undefined || after === null ? [] : [`${show(before)} → ${show(after)}`];
  const old = isRecord(before) ? before : {};
  return Object.keys(after)
    .filter((key) => JSON.stringify(old[key]) !== JSON.stringify(after[key]))
    .map((key) =>
      key in old ? `${key}: ${show(old[key])} → ${show(after[key])}` : `${key}: ${show(after[key])}`,
    );
}

function Entry({ learning }: { learning: Learning }) {
  const changes = describeChange(learning.oldValue, learning.newValue);
  return (
    <li className="learning">
      <time dateTime={learning.createdAt} className="learning-time">
        {formatDateTime(learning.createdAt)}
      </time>
      <div className="learning-body">
        <p className="status-line">
          <Badge tone={typeTones[learning.mutationType] ?? 'neutral'}>
            {learning.mutationType.replace('_', ' ')}
          </Badge>
          <span>{learning.description}</span>
          <span className="muted">({learning.trigger})</span>
        </p>
        {changes.length > 0 && (
          <ul className="learning-changes">
            {changes.map((change) => (
              <li key={change}>{change}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

/** What changed in the agent and why, newest first (the core keeps the latest 50). */
export function LearningsTimeline({ learnings }: { learnings: Learning[] }) {
  if (learnings.length === 0) return <p className="empty-state">Nothing learned yet.</p>;
  return (
    <ol className="learnings" aria-label="Learnings, newest first">
      {learnings.map((learning) => (
        <Entry key={learning.id} learning={learning} />
      ))}
    </ol>
  );
}

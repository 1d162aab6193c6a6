import { useId, useState } from 'react';
import { Link } from 'react-router';
import { Badge, type BadgeTone } from '../../ui/badge';
import { ErrorMessage } from '../../ui/error-message';
import { formatDateTime } from '../../ui/format';
import { filterGenePool, genePoolReasons, type GenePoolEntry, type GenePoolFilter } from './learning-history';
import { StrategyWeights } from './strategy-weights';
import { useGenePool } from './use-learning';

const reasonTones: Record<GenePoolEntry['reason'], BadgeTone> = {
  top_performer: 'good',
  retirement: 'bad',
  manual: 'neutral',
};

function Entry({ entry }: { entry: GenePoolEntry }) {
  return (
    <li className="gene">
      <div className="gene-header">
        <Link to={`/agents/${encodeURIComponent(entry.sourceAgentId)}`}>{entry.sourceAgentName}</Link>
        <Badge tone={reasonTones[entry.reason]}>{genePoolReasons[entry.reason]}</Badge>
        <span className="muted">archived {formatDateTime(entry.createdAt)}</span>
      </div>
      <p className="gene-facts">
        Survival <strong>{Math.round(entry.survivalScore)}</strong> · generation {entry.generation} ·{' '}
        {entry.lifetimeViews.toLocaleString()} lifetime views · inherited{' '}
        {entry.timesInherited === 1 ? 'once' : `${entry.timesInherited} times`}
      </p>
      <details className="gene-dna">
        <summary>DNA</summary>
        <dl className="details">
          <dt>Personality</dt>
          <dd>{entry.personality}</dd>
          <dt>Temperature</dt>
          <dd>{entry.temperature.toFixed(2)}</dd>
          <dt>Variant</dt>
          <dd>{entry.variant}</dd>
          <dt>Risk tolerance</dt>
          <dd>{entry.riskTolerance}</dd>
          <dt>Strategies</dt>
          <dd>
            <StrategyWeights weights={entry.strategyWeights} />
          </dd>
        </dl>
      </details>
    </li>
  );
}

/**
 * The archived DNA new agents inherit from: thriving agents (once each) and retired ones, best
 * survival first, narrowed by why it was archived.
 */
export function GenePool() {
  const pool = useGenePool();
  const [filter, setFilter] = useState<GenePoolFilter>('all');
  const filterId = useId();

  if (pool.isPending) return <p className="muted">Loading the gene pool…</p>;
  if (pool.isError) return <ErrorMessage error={pool.error} title="Could not load the gene pool." />;
  if (pool.data.length === 0) {
    return (
      <p className="empty-state">
        The gene pool is empty. The weekly evolution archives the DNA of thriving agents (survival above 50)
        and of every agent it retires; retiring an agent yourself archives its DNA too. Replacements inherit
        from the best entries.
      </p>
    );
  }
  const shown = filterGenePool(pool.data, filter);
  return (
    <>
      <div className="list-options">
        <label htmlFor={filterId}>Show</label>
        <select
          id={filterId}
          className="select select-inline"
          value={filter}
          onChange={(event) => setFilter(event.target.value as GenePoolFilter)}
        >
          <option value="all">All archived DNA</option>
          {Object.entries(genePoolReasons).map(([reason, label]) => (
            <option key={reason} value={reason}>
              {label}
            </option>
          ))}
        </select>
        <span className="muted">
          {shown.length} of {pool.data.length} {pool.data.length === 1 ? 'entry' : 'entries'}
        </span>
      </div>
      {shown.length === 0 ? (
        <p className="empty-state">No entries of this kind.</p>
      ) : (
        <ul className="gene-pool" aria-label="Gene pool, best survival first">
          {shown.map((entry) => (
            <Entry key={entry.id} entry={entry} />
          ))}
        </ul>
      )}
    </>
  );
}

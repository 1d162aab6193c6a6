import { Meter } from '../../ui/meter';
import { formatWeight, strategyLabel } from './agent-presentation';

/** An agent's strategy mix as bars, largest share first. */
export function StrategyWeights({ weights }: { weights: Record<string, number> }) {
  const entries = Object.entries(weights).sort(([, a], [, b]) => b - a);
  if (entries.length === 0) return <p className="muted">No strategies.</p>;
  return (
    <ul className="strategy-weights">
      {entries.map(([name, weight]) => (
        <li key={name} title={strategyLabel(name)}>
          <span className="strategy-name">{name.replace('_', ' ')}</span>
          <Meter label={`${name} weight`} value={weight} max={1} valueText={formatWeight(weight)} />
          <span className="strategy-share">{formatWeight(weight)}</span>
        </li>
      ))}
    </ul>
  );
}

import { Link } from 'react-router';
import { Badge, type BadgeTone } from '../../ui/badge';
import { formatDateTime } from '../../ui/format';
import { describeChange, evidenceOf, type EvidenceRow } from './learning-changes';
import type { TimelineEntry as Learning } from './learning-history';

const typeTones: Record<string, BadgeTone> = {
  spawn: 'good',
  top_performer: 'good',
  death: 'bad',
  weight_shift: 'info',
  strategy_swap: 'info',
  manual_edit: 'info',
  manual_mutation: 'warn',
};

/** The strategies' standing when feedback moved the weights: 50 is the brand's median post. */
function Evidence({ rows }: { rows: EvidenceRow[] }) {
  return (
    <details className="learning-evidence">
      <summary>Evidence</summary>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">Strategy</th>
            <th scope="col" className="numeric">
              Mean score
            </th>
            <th scope="col" className="numeric">
              Posts
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.strategy}>
              <td>{row.strategy.replaceAll('_', ' ')}</td>
              <td className="numeric">
                {row.mean.toFixed(1)} ± {row.sd.toFixed(1)}
              </td>
              <td className="numeric">{row.posts}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

function Entry({ learning, showAgent }: { learning: Learning; showAgent: boolean }) {
  const changes = describeChange(learning.oldValue, learning.newValue);
  const evidence = evidenceOf(learning.newValue);
  return (
    <li className="learning">
      <time dateTime={learning.createdAt} className="learning-time">
        {formatDateTime(learning.createdAt)}
      </time>
      <div className="learning-body">
        <p className="status-line">
          <Badge tone={typeTones[learning.mutationType] ?? 'neutral'}>
            {learning.mutationType.replaceAll('_', ' ')}
          </Badge>
          {showAgent && (
            <Link to={`/agents/${encodeURIComponent(learning.agentId)}`} className="learning-agent">
              {learning.agentName}
            </Link>
          )}
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
        {evidence && <Evidence rows={evidence} />}
      </div>
    </li>
  );
}

/** What changed in the agents and why, newest first; across agents each entry names its agent. */
export function LearningsTimeline({ learnings, showAgent }: { learnings: Learning[]; showAgent: boolean }) {
  return (
    <ol className="learnings" aria-label="Learnings, newest first">
      {learnings.map((learning) => (
        <Entry key={learning.id} learning={learning} showAgent={showAgent} />
      ))}
    </ol>
  );
}

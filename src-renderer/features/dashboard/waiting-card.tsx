import type { MaestroDashboard } from '@contract';
import { Link } from 'react-router';
import { Card } from '../../ui/card';
import './dashboard.css';

/** Proposals waiting for the creator's decision. */
export function WaitingCard({ proposals }: { proposals: MaestroDashboard['proposals'] | undefined }) {
  return (
    <Card title="Waiting for you" actions={<Link to="/proposals">Review</Link>}>
      {!proposals && <p className="muted">Loading…</p>}
      {proposals && proposals.pending + proposals.needsReview === 0 && (
        <p className="empty-state">Nothing waiting: every proposal has been decided.</p>
      )}
      {proposals && proposals.pending + proposals.needsReview > 0 && (
        <dl className="big-numbers">
          <div>
            <dt>Pending</dt>
            <dd>{proposals.pending}</dd>
          </div>
          <div>
            <dt>Need review</dt>
            <dd>{proposals.needsReview}</dd>
          </div>
        </dl>
      )}
    </Card>
  );
}

import { useId, useState } from 'react';
import type { ExaminerAverages, ExaminerReject, ExaminerStats, ExaminerTally } from '@contract';
import { Badge } from '../../ui/badge';
import { ErrorMessage } from '../../ui/error-message';
import { dimensions as examinerDimensions } from './examiner-breakdown';
import { useExaminerRejected, useExaminerStats } from './use-examiner';
import './examiner.css';

const periods = [
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 365, label: 'Last year' },
] as const;

const score = (value: number | null) => (value === null ? '–' : value.toFixed(1));
const percent = (value: number | null) => (value === null ? '–' : `${value}%`);

/** One sentence a creator can read at a glance, also while the details are closed. */
function summaryOf(totals: ExaminerTally, period: string): string {
  const unanswered =
    totals.needsReview > 0 ? `; ${totals.needsReview} could not be graded and wait for you` : '';
  if (totals.examined === 0) return `Nothing graded (${period.toLowerCase()})${unanswered}.`;
  return (
    `Pass rate ${percent(totals.passRate)}: ${totals.accepted} of ${totals.examined} passed ` +
    `(${period.toLowerCase()}), average score ${score(totals.avgComposite)} / 10${unanswered}.`
  );
}

/**
 * How the examiner judged the proposals under the page's brand and agent filter: pass rate,
 * average scores, the red flags it raised most and what it rejected, with its reasons. These
 * are the examiner's verdicts; the creator's own decisions do not change them.
 */
export function ExaminerPanel({ brandId, agentId }: { brandId?: string; agentId?: string }) {
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState<number>(periods[0].days);
  const headingId = useId();
  const bodyId = useId();
  const scope = { days, brandId, agentId };
  const stats = useExaminerStats(scope);
  const rejected = useExaminerRejected(scope, open);
  const period = periods.find((p) => p.days === days)?.label ?? `Last ${days} days`;

  return (
    <section className="examiner-panel" aria-labelledby={headingId}>
      <div className="examiner-panel-bar">
        <h2 id={headingId} className="examiner-panel-title">
          Examiner
        </h2>
        <p className="examiner-panel-summary" aria-live="polite">
          {stats.data && summaryOf(stats.data.totals, period)}
          {stats.isPending && <span className="muted">Loading…</span>}
        </p>
        <label className="examiner-period">
          <span className="visually-hidden">Period</span>
          <select value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {periods.map((p) => (
              <option key={p.days} value={p.days}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button button-small"
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide details' : 'Show details'}
        </button>
      </div>
      {stats.isError && <ErrorMessage error={stats.error} title="Could not load the examiner's numbers." />}
      <div id={bodyId} className="examiner-panel-body" hidden={!open}>
        {open && stats.data && (
          <div className="examiner-panel-column">
            <AveragesTable averages={stats.data.averages} />
            <RedFlags flags={stats.data.topRedFlags} />
            {!brandId && stats.data.byBrand.length > 1 && (
              <TallyTable
                title="By brand"
                rows={stats.data.byBrand.map((row) => ({
                  key: row.brandId ?? '',
                  name: row.brandName ?? row.brandId ?? 'No brand',
                  tally: row,
                }))}
              />
            )}
            {!agentId && stats.data.byAgent.length > 1 && (
              <TallyTable
                title="By agent"
                rows={stats.data.byAgent.map((row) => ({
                  key: row.agentId,
                  name: row.agentName,
                  tally: row,
                }))}
              />
            )}
          </div>
        )}
        {open && (
          <div className="examiner-panel-column">
            <h3>Rejected by the examiner</h3>
            {rejected.isPending && <p className="muted">Loading…</p>}
            {rejected.isError && <ErrorMessage error={rejected.error} title="Could not load the rejects." />}
            {rejected.data && (
              <RejectList items={rejected.data.items} total={rejected.data.total} period={period} />
            )}
          </div>
        )}
      </div>
    </section>
  );
}

function AveragesTable({ averages }: { averages: ExaminerStats['averages'] }) {
  const rows: Array<{ key: keyof ExaminerAverages; label: string }> = [
    { key: 'composite', label: 'Overall score' },
    ...examinerDimensions,
  ];
  return (
    <table className="table examiner-averages">
      <caption>Average scores (out of 10)</caption>
      <thead>
        <tr>
          <th scope="col">Score</th>
          <th scope="col" className="numeric">
            Passed
          </th>
          <th scope="col" className="numeric">
            Rejected
          </th>
          <th scope="col" className="numeric">
            All
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, label }) => (
          <tr key={key}>
            <th scope="row">{label}</th>
            <td className="numeric">{score(averages.accepted[key])}</td>
            <td className="numeric">{score(averages.rejected[key])}</td>
            <td className="numeric">{score(averages.all[key])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RedFlags({ flags }: { flags: ExaminerStats['topRedFlags'] }) {
  return (
    <div>
      <h3>Top red flags</h3>
      {flags.length === 0 ? (
        <p className="muted">No red flags raised.</p>
      ) : (
        <ol className="examiner-red-flags">
          {flags.map(({ flag, count }) => (
            <li key={flag}>
              {flag} <span className="muted">({count === 1 ? 'once' : `${count} times`})</span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

function TallyTable({
  title,
  rows,
}: {
  title: string;
  rows: Array<{ key: string; name: string; tally: ExaminerTally }>;
}) {
  return (
    <table className="table examiner-tally">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col" className="numeric">
            Graded
          </th>
          <th scope="col" className="numeric">
            Passed
          </th>
          <th scope="col" className="numeric">
            Pass rate
          </th>
          <th scope="col" className="numeric">
            Average
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, name, tally }) => (
          <tr key={key}>
            <th scope="row">{name}</th>
            <td className="numeric">{tally.examined}</td>
            <td className="numeric">{tally.accepted}</td>
            <td className="numeric">{percent(tally.passRate)}</td>
            <td className="numeric">{score(tally.avgComposite)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RejectList({ items, total, period }: { items: ExaminerReject[]; total: number; period: string }) {
  if (items.length === 0) {
    return <p className="muted">The examiner rejected nothing ({period.toLowerCase()}).</p>;
  }
  return (
    <>
      <p className="muted examiner-note">
        Newest first{total > items.length ? `, the latest ${items.length} of ${total}` : ''}.
      </p>
      <ul className="examiner-rejects" aria-label="Rejected by the examiner">
        {items.map((item) => (
          <li key={item.proposalId} className="examiner-reject">
            <div className="examiner-reject-head">
              <span className="examiner-reject-title">{item.title}</span>
              <span className="examiner-reject-score" title={`Pass mark ${score(item.threshold)}`}>
                {score(item.composite)} / 10
              </span>
            </div>
            <p className="examiner-reject-meta muted">
              {item.brandName ?? item.brandId ?? 'No brand'} · {item.agentName} ·{' '}
              {item.contentType === 'reel' ? 'Reel' : 'Post'} · <code>{item.proposalId}</code>
              {item.status === 'accepted' && (
                <>
                  {' '}
                  <Badge tone="info">You accepted it</Badge>
                </>
              )}
            </p>
            <p className="examiner-reject-reason">{item.reason || 'No reason given.'}</p>
            {item.redFlags.length > 0 && (
              <p className="examiner-reject-flags">Red flags: {item.redFlags.join('; ')}</p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

import type { LlmBudgetWindow, LlmOutcome, LlmUsage } from '@contract';
import { Link } from 'react-router';
import { Badge, type BadgeTone } from '../../ui/badge';
import { Card } from '../../ui/card';
import { formatTime } from '../../ui/format';
import { Meter } from '../../ui/meter';
import { usageTone } from './usage-tone';
import './dashboard.css';

const usd = (amount: number) => `$${amount < 1 ? amount.toFixed(4) : amount.toFixed(2)}`;

const outcomeTones: Record<LlmOutcome, BadgeTone> = {
  ok: 'good',
  repaired: 'info',
  bad_json: 'warn',
  rate_limited: 'warn',
  server_error: 'bad',
  timeout: 'bad',
  error: 'bad',
  budget_exhausted: 'bad',
};

function Budget({ label, window }: { label: string; window: LlmBudgetWindow }) {
  const limited = window.budgetUsd !== null && window.budgetUsd > 0;
  const share = limited ? window.spentUsd / window.budgetUsd! : 0;
  return (
    <div className="budget">
      <span className="budget-label">
        <span>{label}</span>
        <span>
          <strong>{usd(window.spentUsd)}</strong>{' '}
          <span className="muted">{limited ? `of ${usd(window.budgetUsd!)}` : 'no limit'}</span>
        </span>
      </span>
      {limited && (
        <Meter
          label={`${label} spend`}
          value={window.spentUsd}
          max={window.budgetUsd!}
          tone={window.exhausted ? 'bad' : usageTone(share)}
          valueText={`${usd(window.spentUsd)} of ${usd(window.budgetUsd!)}`}
        />
      )}
      <span className="muted field-hint">Resets at {formatTime(window.resetsAt)}</span>
    </div>
  );
}

/** What the language model has cost today and this hour, against the budgets in Settings. */
export function LlmUsageCard({ usage }: { usage: LlmUsage | undefined }) {
  const data = usage;
  const outcomes = data
    ? (Object.entries(data.callsByOutcome) as Array<[LlmOutcome, number]>).filter(([, n]) => n > 0)
    : [];
  return (
    <Card title="LLM usage" actions={<Link to="/settings">Budgets</Link>}>
      {!data && <p className="muted">Loading…</p>}
      {data && (
        <>
          {data.blocked && (
            <div className="error-box" role="alert">
              <strong>New LLM calls are paused.</strong> {data.blockedReason}
            </div>
          )}
          <Budget label="Today (UTC)" window={data.day} />
          <Budget label="This hour" window={data.hour} />
          <p className="muted">
            Tokens today: {data.tokensToday.in.toLocaleString()} in, {data.tokensToday.out.toLocaleString()}{' '}
            out
          </p>
          <ul className="outcomes" aria-label="Calls today by outcome">
            {outcomes.length === 0 && <li className="muted">No calls today.</li>}
            {outcomes.map(([outcome, n]) => (
              <li key={outcome}>
                <Badge tone={outcomeTones[outcome]}>
                  {outcome.replace('_', ' ')}: {n}
                </Badge>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

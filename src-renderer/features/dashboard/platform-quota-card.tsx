import { platformNames, type PlatformQuota } from '@contract';
import { Card } from '../../ui/card';
import { formatDateTime } from '../../ui/format';
import { Meter } from '../../ui/meter';
import { usageTone } from './usage-tone';
import './dashboard.css';

function QuotaRow({ quota }: { quota: PlatformQuota }) {
  const name = platformNames[quota.platform];
  return (
    <li className="budget" data-platform={quota.platform}>
      <span className="budget-label">
        <span>{name}</span>
        <span className="numeric">
          <strong>{quota.used.toLocaleString()}</strong>{' '}
          <span className="muted">of {quota.limit.toLocaleString()}</span>
        </span>
      </span>
      <Meter
        label={`${name} quota`}
        value={quota.used}
        max={quota.limit}
        tone={usageTone(quota.used / quota.limit)}
        valueText={quota.detail}
      />
      <span className="muted field-hint">
        {quota.detail}
        {quota.resetsAt && (
          <>
            ; {quota.measure === 'youtube_units_day' ? 'resets' : 'frees up'} {formatDateTime(quota.resetsAt)}
          </>
        )}
      </span>
    </li>
  );
}

/** How close each platform is to its limit, counted from what this app did. */
export function PlatformQuotaCard({ platforms }: { platforms: PlatformQuota[] | undefined }) {
  return (
    <Card title="Platform quotas">
      {!platforms && <p className="muted">Loading…</p>}
      {platforms && (
        <ul className="plain-list quota-platforms" aria-label="Platform quotas">
          {platforms.map((quota) => (
            <QuotaRow key={quota.platform} quota={quota} />
          ))}
        </ul>
      )}
    </Card>
  );
}

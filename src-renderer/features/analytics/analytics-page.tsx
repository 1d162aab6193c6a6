import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import { platformNames, type AnalyticsBrand, type Brand } from '@contract';
import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { describeError } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { PageHeader } from '../../ui/page-header';
import { toast } from '../../ui/toast-store';
import { useBrands } from '../brands/use-brands';
import { BestHoursChart, EngagementChart, PlatformTrendChart } from './analytics-charts';
import { describeCollection, formatCount, formatPercent, formatRelative } from './analytics-presentation';
import { PostRanking } from './post-ranking';
import { useBrandAnalytics, useCollectNow } from './use-analytics';
import './analytics.css';

const periods = [
  { days: 7, label: 'Last 7 days' },
  { days: 30, label: 'Last 30 days' },
  { days: 90, label: 'Last 90 days' },
  { days: 365, label: 'Last year' },
] as const;
const DEFAULT_DAYS = 30;

/** The brand in the address (?brand=…), else the first active brand; the period likewise (?days=…). */
function useSelection(brands: Brand[] | undefined) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('brand');
  const brand = brands?.find((b) => b.id === asked) ?? brands?.find((b) => b.active) ?? brands?.[0] ?? null;
  const days = periods.find((p) => String(p.days) === params.get('days'))?.days ?? DEFAULT_DAYS;
  const select = (next: { brand?: string; days?: number }) =>
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        if (next.brand !== undefined) updated.set('brand', next.brand);
        if (next.days !== undefined) updated.set('days', String(next.days));
        return updated;
      },
      { replace: true },
    );
  return { brand, days, select };
}

/**
 * Per brand: followers, views and engagement over time, the best posting hours, and the best and
 * worst posts with the agent and strategy behind each, so the creator sees what the agents learn
 * from.
 */
export function AnalyticsPage() {
  const brands = useBrands();
  const { brand, days, select } = useSelection(brands.data);
  const analytics = useBrandAnalytics(brand?.id ?? null, days);
  const collect = useCollectNow();
  const brandFieldId = useId();
  const periodFieldId = useId();

  const collectNow = async () => {
    if (!brand) return;
    try {
      toast.info(describeCollection(await collect.mutateAsync(brand.id)));
    } catch (error) {
      toast.error(`Could not collect metrics: ${describeError(error)}`);
    }
  };

  return (
    <>
      <PageHeader
        title="Analytics"
        description="What each brand’s audience did with its posts, and which agents and strategies it rewarded."
        actions={
          brand && (
            <button
              type="button"
              className="button"
              disabled={collect.isPending}
              onClick={() => void collectNow()}
            >
              {collect.isPending ? 'Collecting…' : 'Collect metrics now'}
            </button>
          )
        }
      />
      {brands.isPending && <p className="muted">Loading brands…</p>}
      {brands.isError && <ErrorMessage error={brands.error} title="Could not load the brands." />}
      {brands.data?.length === 0 && (
        <div className="card empty-state">
          <p>
            No brands yet. <Link to="/brands/new">Add a brand</Link>, connect its accounts and publish: its
            numbers will appear here.
          </p>
        </div>
      )}
      {brand && brands.data && (
        <>
          <div className="analytics-filters">
            <div className="field">
              <label htmlFor={brandFieldId}>Brand</label>
              <select
                id={brandFieldId}

                value={brand.id}
                onChange={(event) => select({ brand: event.target.value })}
              >
                {brands.data.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.displayName}
                    {b.active ? '' : ' (inactive)'}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={periodFieldId}>Period</label>
              <select
                id={periodFieldId}

                value={days}
                onChange={(event) => select({ days: Number(event.target.value) })}
              >
                {periods.map((p) => (
                  <option key={p.days} value={p.days}>
                    {p.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {analytics.isPending && <p className="muted">Loading {brand.displayName}’s analytics…</p>}
          {analytics.isError && (
            <ErrorMessage
              error={analytics.error}
              title={`Could not load ${brand.displayName}’s analytics.`}
            />
          )}
          {analytics.data && <BrandAnalyticsView brand={brand} data={analytics.data} />}
        </>
      )}
    </>
  );
}

function BrandAnalyticsView({ brand, data }: { brand: Brand; data: AnalyticsBrand }) {
  const noPosts = data.totals.posts === 0;
  const noAccount = data.current.length === 0 && data.followers.length === 0;
  if (noPosts && noAccount) {
    return (
      <section className="card empty-state analytics-empty" aria-label="No analytics yet">
        <h2>No measurements for {brand.displayName} yet</h2>
        <p>
          Numbers appear here once this brand has published posts and its accounts are connected (
          <Link to="/brands">Brands → Connections</Link>). Each published post is measured 1 hour after it
          goes out, then at 6 hours, 24 hours, 48 hours and 7 days; from its 24-hour measurement it is ranked
          among the top and bottom posts with the agent and strategy that made it. Followers and 7-day views
          are snapshotted at most every 6 hours while metrics are collected.
        </p>
      </section>
    );
  }
  return (
    <>
      <Totals data={data} />
      <div className="analytics-grid">
        <Card title="Audience">
          <PlatformTrendChart
            title="Followers"
            series={data.followers}
            empty="No follower counts in this period. They are snapshotted while metrics are collected for a connected account."
          />
          <PlatformTrendChart
            title="Views, last 7 days"
            series={data.viewsLast7Days}
            empty="No 7-day views in this period yet."
          />
        </Card>
        <Card title="Posts">
          <EngagementChart engagement={data.engagement} />
          <BestHoursChart hours={data.bestHours} timeZone={data.timeZone} />
        </Card>
      </div>
      <Card title="Top posts">
        {data.topPosts.length === 0 ? (
          <p className="empty-state">{unrankedText(data)}</p>
        ) : (
          <PostRanking label="Top posts" posts={data.topPosts} />
        )}
      </Card>
      <Card title="Bottom posts">
        {data.bottomPosts.length === 0 ? (
          <p className="empty-state">
            {data.topPosts.length === 0
              ? unrankedText(data)
              : 'Every ranked post is among the top posts; the weakest appear here once there are more.'}
          </p>
        ) : (
          <PostRanking label="Bottom posts" posts={data.bottomPosts} />
        )}
      </Card>
    </>
  );
}

function unrankedText(data: AnalyticsBrand): string {
  return data.totals.posts === 0
    ? `No measured posts in the last ${data.days} days.`
    : 'No post is ranked yet: posts are compared once they are a day old (their 24-hour measurement).';
}

function Totals({ data }: { data: AnalyticsBrand }) {
  return (
    <dl className="analytics-totals" aria-label="Totals">
      <div>
        <dt>Measured posts</dt>
        <dd>{formatCount(data.totals.posts)}</dd>
      </div>
      <div>
        <dt>Views</dt>
        <dd>{formatCount(data.totals.views)}</dd>
      </div>
      <div>
        <dt>Avg engagement</dt>
        <dd>{formatPercent(data.totals.avgEngagementRate)}</dd>
      </div>
      <div>
        <dt title="50 is the brand’s median post at the same age">Avg relative score</dt>
        <dd>{formatRelative(data.totals.avgRelativeScore)}</dd>
      </div>
      {data.current.map((c) => (
        <div key={c.platform}>
          <dt>{platformNames[c.platform]} followers</dt>
          <dd title={`as of ${formatDateTime(c.fetchedAt)}`}>{formatCount(c.followers)}</dd>
        </div>
      ))}
    </dl>
  );
}

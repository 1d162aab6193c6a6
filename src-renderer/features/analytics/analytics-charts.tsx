import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Rectangle,
  Tooltip,
  XAxis,
  YAxis,
  type BarShapeProps,
} from 'recharts';
import { platformNames, type AnalyticsBrand } from '@contract';
import { ChartFigure, chartSize, chartStyle } from '../../ui/chart-figure';
import {
  describeSeries,
  formatCompact,
  formatCount,
  formatDay,
  formatHour,
  formatPercent,
  platformColors,
  platformsIn,
  rankHours,
  type BestHour,
  type PlatformSeries,
} from './analytics-presentation';

const margin = { top: 8, right: 16, bottom: 0, left: 0 };

/** One line per platform with data; days without a snapshot are bridged, not drawn as zero. */
export function PlatformTrendChart({
  title,
  series,
  empty,
}: {
  title: string;
  series: PlatformSeries;
  empty: string;
}) {
  const platforms = platformsIn(series);
  if (platforms.length === 0) {
    return (
      <div>
        <p className="chart-title">{title}</p>
        <p className="empty-state">{empty}</p>
      </div>
    );
  }
  return (
    <ChartFigure title={title} summary={describeSeries(series)}>
      <LineChart responsive style={chartSize} data={series} margin={margin}>
        <CartesianGrid stroke={chartStyle.grid} vertical={false} />
        <XAxis dataKey="day" tickFormatter={formatDay} tick={chartStyle.axis} />
        <YAxis tickFormatter={formatCompact} tick={chartStyle.axis} width={48} />
        <Tooltip
          labelFormatter={(day) => formatDay(String(day))}
          formatter={(value, name) => [formatCount(Number(value)), String(name)]}
        />
        <Legend itemSorter={null} />
        {platforms.map((platform) => (
          <Line
            key={platform}
            dataKey={platform}
            name={platformNames[platform]}
            stroke={platformColors[platform]}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ChartFigure>
  );
}

/** Average engagement rate of the posts published each day (bars), with how many posts back it. */
export function EngagementChart({ engagement }: { engagement: AnalyticsBrand['engagement'] }) {
  if (engagement.length === 0) {
    return (
      <div>
        <p className="chart-title">Engagement by publishing day</p>
        <p className="empty-state">No measured posts in this period.</p>
      </div>
    );
  }
  const best = engagement.reduce((a, b) => (b.avgEngagementRate > a.avgEngagementRate ? b : a));
  return (
    <ChartFigure
      title="Engagement by publishing day"
      summary={`${engagement.length} ${engagement.length === 1 ? 'day' : 'days'} with posts; best ${formatDay(best.day)} at ${formatPercent(best.avgEngagementRate)}.`}
    >
      <BarChart responsive style={chartSize} data={engagement} margin={margin}>
        <CartesianGrid stroke={chartStyle.grid} vertical={false} />
        <XAxis dataKey="day" tickFormatter={formatDay} tick={chartStyle.axis} />
        <YAxis tickFormatter={(v: number) => `${v}%`} tick={chartStyle.axis} width={48} />
        <Tooltip
          labelFormatter={(day) => formatDay(String(day))}
          formatter={(value, _name, item) => [
            `${formatPercent(Number(value))} (${item.payload.posts} ${item.payload.posts === 1 ? 'post' : 'posts'}, ${formatCount(item.payload.views)} views)`,
            'Avg engagement',
          ]}
        />
        <Bar dataKey="avgEngagementRate" name="Avg engagement" fill="#2f5bd3" isAnimationActive={false} />
      </BarChart>
    </ChartFigure>
  );
}

/** How many of the best hours are highlighted and named. */
const BEST_HOURS = 3;

/**
 * Average views by the local hour posts went out, the best hours (against the brand's own posts)
 * highlighted and named in the summary.
 */
export function BestHoursChart({
  hours,
  timeZone,
}: {
  hours: AnalyticsBrand['bestHours'];
  timeZone: string;
}) {
  if (hours.length === 0) {
    return (
      <div>
        <p className="chart-title">Best posting hours</p>
        <p className="empty-state">No measured posts in this period.</p>
      </div>
    );
  }
  const best = rankHours(hours, BEST_HOURS);
  const bestSet = new Set(best.map((h) => h.hour));
  return (
    <ChartFigure
      title="Best posting hours"
      summary={`Best: ${best.map((h) => formatHour(h.hour)).join(', ')} (${timeZone}).`}
    >
      <BarChart responsive style={chartSize} data={hours} margin={margin}>
        <CartesianGrid stroke={chartStyle.grid} vertical={false} />
        <XAxis dataKey="hour" tickFormatter={formatHour} tick={chartStyle.axis} />
        <YAxis tickFormatter={formatCompact} tick={chartStyle.axis} width={48} />
        <Tooltip
          labelFormatter={(hour) => `${formatHour(Number(hour))} (${timeZone})`}
          formatter={(value, _name, item) => [
            `${formatCount(Number(value))} avg views over ${item.payload.posts} ${item.payload.posts === 1 ? 'post' : 'posts'}${item.payload.avgRelativeScore === null ? '' : `, relative score ${Math.round(item.payload.avgRelativeScore)}`}`,
            formatHour(item.payload.hour),
          ]}
        />
        <Bar
          dataKey="avgViews"
          name="Avg views"
          isAnimationActive={false}
          shape={(props: BarShapeProps) => (
            <Rectangle
              {...props}
              fill={bestSet.has((props.payload as BestHour).hour) ? '#1e7a46' : '#9aa6b6'}
            />
          )}
        />
      </BarChart>
    </ChartFigure>
  );
}

import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import type { DiagnosticsReport } from '@contract';
import { ChartFigure, chartSize, chartStyle, formatInstant } from '../../ui/chart-figure';
import { checkStatusView, describeTrend, statusColors, trendPoints } from './diagnostics-presentation';

const margin = { top: 8, right: 16, bottom: 0, left: 0 };
const shortTime = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

/** The stack of each run's bar, bottom to top. */
const stackedStatuses = ['pass', 'warn', 'fail'] as const;

/**
 * Each run as one bar of its ten checks (pass, warn, fail stacked), oldest on the left: a run that
 * went wrong stands out in amber and red, and the summary says it in words.
 */
export function DiagnosticsTrend({ history }: { history: readonly DiagnosticsReport[] }) {
  const points = trendPoints(history);
  if (points.length === 0) return <p className="empty-state">The trend appears after the first run.</p>;
  return (
    <ChartFigure title="Checks per run" summary={describeTrend(points)}>
      <BarChart responsive style={chartSize} data={points} margin={margin}>
        <CartesianGrid stroke={chartStyle.grid} vertical={false} />
        <XAxis
          dataKey="id"
          tickFormatter={(id: number) => {
            const point = points.find((p) => p.id === id);
            return point ? shortTime.format(new Date(point.at)) : '';
          }}
          tick={chartStyle.axis}
        />
        <YAxis allowDecimals={false} tick={chartStyle.axis} width={32} />
        <Tooltip
          labelFormatter={(id) => {
            const point = points.find((p) => p.id === Number(id));
            return point ? `${formatInstant(point.at)}: ${point.status}` : '';
          }}
        />
        <Legend itemSorter={null} />
        {stackedStatuses.map((status) => (
          <Bar
            key={status}
            dataKey={status}
            name={checkStatusView[status].label}
            stackId="checks"
            maxBarSize={48}
            fill={statusColors[status]}
            isAnimationActive={false}
          />
        ))}
      </BarChart>
    </ChartFigure>
  );
}

import {
  Area,
  AreaChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import {
  ChartFigure,
  chartSize,
  chartStyle,
  formatInstant,
  formatTick,
  timeDomain,
} from '../../ui/chart-figure';
import { formatWeight } from './agent-presentation';
import { StrategyWeights } from './strategy-weights';
import {
  describeSurvival,
  strategyColor,
  survivalPoints,
  weightTimeline,
  type AgentHistory,
} from './learning-history';

/** Where the weekly evolution starts counting an agent as weak (selection rules: under 30). */
const RETIREMENT_LINE = 30;

const margin = { top: 8, right: 16, bottom: 0, left: -16 };

/** Both charts run along time (milliseconds in `at`), spanning the points they draw. */
function timeAxis(times: readonly number[]) {
  return {
    dataKey: 'at',
    type: 'number',
    scale: 'time',
    domain: timeDomain(times),
    tickFormatter: formatTick,
    tick: chartStyle.axis,
  } as const;
}

/**
 * Survival after each feedback run on a fixed 0–100 scale, so two agents' charts compare, with
 * the line under which the weekly evolution may retire an agent.
 */
export function SurvivalChart({ history }: { history: AgentHistory['survival'] }) {
  const points = survivalPoints(history);
  if (points.length === 0) {
    return (
      <p className="empty-state">
        No survival measurements yet. A point is added each time feedback attributes this agent’s published
        posts, once they are 48 hours old and measured.
      </p>
    );
  }
  return (
    <ChartFigure title="Survival score over time" summary={describeSurvival(points)}>
      <LineChart responsive style={chartSize} data={points} margin={margin}>
        <CartesianGrid stroke={chartStyle.grid} vertical={false} />
        <XAxis {...timeAxis(points.map((p) => p.at))} />
        <YAxis domain={[0, 100]} ticks={[0, 30, 60, 100]} tick={chartStyle.axis} />
        <ReferenceLine
          y={RETIREMENT_LINE}
          stroke="#b42318"
          strokeDasharray="4 4"
          label={{
            value: 'may be retired below',
            position: 'insideBottomRight',
            fontSize: 11,
            fill: '#b42318',
          }}
        />
        <Tooltip
          labelFormatter={(at) => formatInstant(Number(at))}
          formatter={(value, _name, item) => [
            `${Math.round(Number(value))} (${item.payload.posts} posts, ${Math.round(item.payload.avgViews).toLocaleString()} avg views)`,
            'Survival',
          ]}
        />
        <Line
          dataKey="survivalScore"
          name="Survival"
          stroke="#2f5bd3"
          strokeWidth={2}
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </LineChart>
    </ChartFigure>
  );
}

/**
 * The strategy mix after each change, stacked to 100 %. A mix holds until the next change, so the
 * areas step, and the last mix is carried on to the agent's latest survival measurement.
 */
export function StrategyWeightsChart({
  history,
  current,
  carryTo,
}: {
  history: AgentHistory['weights'];
  /** Today's DNA, shown as bars while there is only one mix to draw. */
  current: Record<string, number>;
  carryTo: number | null;
}) {
  const { strategies, rows, mixes } = weightTimeline(history, carryTo);
  if (rows.length < 2) {
    return (
      <div className="chart-placeholder">
        <p className="empty-state">
          {mixes === 0 ? 'No strategy weights recorded yet.' : 'The strategy mix has not changed yet.'}{' '}
          Feedback shifts it towards what this agent’s measured posts favour; each change is drawn here.
        </p>
        <StrategyWeights weights={current} />
      </div>
    );
  }
  const changes = mixes - 1;
  const summary = `${changes} ${changes === 1 ? 'change' : 'changes'} since it started; ${strategies.length} strategies.`;
  return (
    <ChartFigure title="Strategy weights over time" summary={summary}>
      <AreaChart responsive style={chartSize} data={rows} margin={margin}>
        <CartesianGrid stroke={chartStyle.grid} vertical={false} />
        <XAxis {...timeAxis(rows.map((r) => r.at))} />
        <YAxis
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          tickFormatter={formatWeight}
          tick={chartStyle.axis}
        />
        <Tooltip
          labelFormatter={(at, payload) =>
            `${formatInstant(Number(at))}${payload[0]?.payload?.carried ? ' (unchanged)' : ''}`
          }
          formatter={(value, name) => [formatWeight(Number(value)), String(name).replaceAll('_', ' ')]}
        />
        <Legend itemSorter={null} formatter={(name: string) => name.replaceAll('_', ' ')} />
        {strategies.map((name) => (
          <Area
            key={name}
            dataKey={name}
            name={name}
            stackId="weights"
            type="stepAfter"
            stroke={strategyColor(name)}
            fill={strategyColor(name)}
            fillOpacity={0.55}
            isAnimationActive={false}
          />
        ))}
      </AreaChart>
    </ChartFigure>
  );
}

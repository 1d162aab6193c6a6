import { useId, type ReactNode } from 'react';
import './chart-figure.css';

/**
 * A chart with its title and a one-line summary in words: the summary is what screen readers
 * (and tests) read, the SVG below it is the picture. Charts are drawn by recharts.
 */
export function ChartFigure({
  title,
  summary,
  children,
}: {
  title: string;
  summary: ReactNode;
  children: ReactNode;
}) {
  const titleId = useId();
  const summaryId = useId();
  return (
    <figure className="chart-figure" aria-labelledby={titleId} aria-describedby={summaryId}>
      <figcaption>
        <span id={titleId} className="chart-title">
          {title}
        </span>
        <span id={summaryId} className="chart-summary">
          {summary}
        </span>
      </figcaption>
      <div className="chart-body">{children}</div>
    </figure>
  );
}

const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Axis ticks on a time axis (milliseconds). */
export function formatTick(ms: number): string {
  return Number.isFinite(ms) ? shortDate.format(new Date(ms)) : '';
}

/** Tooltip headings on a time axis (milliseconds). */
export function formatInstant(ms: number): string {
  return Number.isFinite(ms) ? dateTime.format(new Date(ms)) : '';
}

/** A time axis needs a span: a single point gets a day either side. */
export function timeDomain(times: readonly number[]): [number, number] {
  if (times.length === 0) return [0, 1];
  const min = Math.min(...times);
  const max = Math.max(...times);
  return min === max ? [min - 86_400_000, max + 86_400_000] : [min, max];
}

/** Shared look of axes and grid, so every chart in the app reads the same way. */
export const chartStyle = {
  axis: { fontSize: 12, fill: '#5f6b7a' },
  grid: '#eef0f3',
  height: 220,
} as const;

/** Every chart fills its figure's width at the shared height. */
export const chartSize = { width: '100%', height: chartStyle.height } as const;

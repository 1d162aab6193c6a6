import type { BadgeTone } from './badge';
import './meter.css';

interface MeterProps {
  /** What is measured, for screen readers (and tests): "Survival score". */
  label: string;
  value: number;
  max: number;
  tone?: BadgeTone;
  /** Read out instead of the bare number, e.g. "42 of 100". */
  valueText?: string;
  /** A mark on the track, e.g. the examiner's pass threshold. */
  marker?: { value: number; label: string };
}

/** A horizontal bar for a value within a range: scores, quotas, budgets, weights. */
export function Meter({ label, value, max, tone = 'info', valueText, marker }: MeterProps) {
  const fraction = (v: number) => (max > 0 ? Math.min(1, Math.max(0, v / max)) : 0);
  return (
    <div
      className={`meter meter-${tone}`}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={Math.min(Math.max(value, 0), max)}
      aria-valuetext={valueText}
    >
      <div className="meter-fill" style={{ width: `${fraction(value) * 100}%` }} />
      {marker && (
        <div
          className="meter-marker"
          style={{ left: `${fraction(marker.value) * 100}%` }}
          title={marker.label}
        />
      )}
    </div>
  );
}

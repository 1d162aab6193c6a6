import { Meter } from '../../ui/meter';
import { survivalTone } from './agent-presentation';

export function SurvivalScore({ score }: { score: number }) {
  const shown = Math.round(score);
  return (
    <div className="survival">
      <span className="survival-label">
        Survival <strong>{shown}</strong>
        <span className="muted">/100</span>
      </span>
      <Meter
        label="Survival score"
        value={score}
        max={100}
        tone={survivalTone(score)}
        valueText={`${shown} of 100`}
      />
    </div>
  );
}

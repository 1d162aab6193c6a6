import type { ExaminerResult } from '@contract';
import { Badge } from '../../ui/badge';
import { Meter } from '../../ui/meter';

export const dimensions = [
  { key: 'avatarFit', label: 'Audience fit' },
  { key: 'engagementPotential', label: 'Engagement potential' },
  { key: 'contentQuality', label: 'Content quality' },
] as const;

const score = (value: number) => value.toFixed(1);
const percent = (weight: number) => `${Math.round(weight * 100)}%`;

/** How the LLM examiner scored the proposal, or why it could not. */
export function ExaminerBreakdown({ examiner }: { examiner: ExaminerResult | null }) {
  if (!examiner) {
    return <p className="muted">Not examined: proposals written without a brand wait for you directly.</p>;
  }
  if (examiner.error) {
    return (
      <div className="error-box" role="note">
        <strong>The examiner could not answer, so this waits for you.</strong> {examiner.error}
      </div>
    );
  }
  return (
    <div className="examiner">
      <p className="status-line">
        <strong className="examiner-composite">{score(examiner.composite)}</strong>
        <span className="muted">/ 10, pass mark {score(examiner.threshold)}</span>
        {examiner.passed ? <Badge tone="good">Passed</Badge> : <Badge tone="bad">Below threshold</Badge>}
      </p>
      <Meter
        label="Composite score"
        value={examiner.composite}
        max={10}
        tone={examiner.passed ? 'good' : 'bad'}
        valueText={`${score(examiner.composite)} of 10, pass mark ${score(examiner.threshold)}`}
        marker={{ value: examiner.threshold, label: `Pass mark ${score(examiner.threshold)}` }}
      />
      <table className="table examiner-table">
        <thead>
          <tr>
            <th scope="col">Dimension</th>
            <th scope="col" className="numeric">
              Score
            </th>
            <th scope="col" className="numeric">
              Weight
            </th>
            <th scope="col">
              <span className="visually-hidden">Bar</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {dimensions.map(({ key, label }) => (
            <tr key={key}>
              <th scope="row">{label}</th>
              <td className="numeric">{score(examiner[key])}</td>
              <td className="numeric">{percent(examiner.weights[key])}</td>
              <td className="examiner-bar">
                <Meter
                  label={label}
                  value={examiner[key]}
                  max={10}
                  valueText={`${score(examiner[key])} of 10`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {examiner.reason && (
        <p>
          <span className="muted">Reason: </span>
          {examiner.reason}
        </p>
      )}
      {examiner.redFlags.length > 0 && (
        <div>
          <p className="examiner-flags-title">Red flags</p>
          <ul className="plain-list examiner-flags">
            {examiner.redFlags.map((flag) => (
              <li key={flag}>{flag}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

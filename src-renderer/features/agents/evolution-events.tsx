import { Badge } from '../../ui/badge';
import { confirm } from '../../ui/confirm-store';
import { ErrorMessage } from '../../ui/error-message';
import { describeError } from '../../ui/errors';
import { formatDateTime } from '../../ui/format';
import { toast } from '../../ui/toast-store';
import { describeEvolution, type EvolutionReport } from './learning-history';
import { useAgents } from './use-agents';
import { useEvolutionHistory, useRunEvolution, useRunFeedback } from './use-learning';

const weekFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** The report's week is the local date of its Sunday (YYYY-MM-DD): shown as that date. */
function weekLabel(week: string): string {
  const date = new Date(`${week}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? week : `Week of ${weekFormat.format(date)}`;
}

function Report({ report, names }: { report: EvolutionReport; names: ReadonlyMap<string, string> }) {
  const story = describeEvolution(report, names);
  return (
    <li className="evolution-report">
      <div className="evolution-report-header">
        <strong>{weekLabel(report.week)}</strong>
        {report.deaths.length > 0 && <Badge tone="bad">{report.deaths.length} retired</Badge>}
        {report.births.length > 0 && <Badge tone="good">{report.births.length} born</Badge>}
        <span className="muted">ran {formatDateTime(report.ranAt)}</span>
      </div>
      <p className="evolution-headline">{story.headline}</p>
      <ul className="plain-list">
        {story.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </li>
  );
}

/** "Run feedback now" and "Run evolution now" (behind a confirm: it may retire agents). */
export function LearningActions() {
  const evolution = useRunEvolution();
  const feedback = useRunFeedback();
  const busy = evolution.isPending || feedback.isPending;

  const runFeedback = async () => {
    try {
      const report = await feedback.mutateAsync();
      toast.success(
        report.attributedPosts === 0
          ? 'Feedback ran: no measured posts were due.'
          : `Feedback attributed ${report.attributedPosts} ${report.attributedPosts === 1 ? 'post' : 'posts'} to ${report.agents.length} ${report.agents.length === 1 ? 'agent' : 'agents'}.`,
      );
    } catch (error) {
      toast.error(`Could not run feedback: ${describeError(error)}`);
    }
  };

  const runEvolution = async () => {
    const ok = await confirm({
      title: 'Run this week’s evolution now?',
      message:
        'Agents are ranked by survival score. It may retire agents that have stayed under 30 (built-in agents excepted) and spawn replacements from the gene pool; thriving agents’ DNA is archived. It runs once per week: if this week’s has run, nothing changes.',
      confirmLabel: 'Run evolution',
      tone: 'danger',
    });
    if (!ok) return;
    try {
      const report = await evolution.mutateAsync();
      if (!report.ran) toast.info(`This week’s evolution had already run (${weekLabel(report.week)}).`);
      else
        toast.success(
          `Evolution ran: ${report.deaths.length} retired, ${report.births.length} born, ${report.archived.length} archived.`,
        );
    } catch (error) {
      toast.error(`Could not run the evolution: ${describeError(error)}`);
    }
  };

  return (
    <div className="button-row">
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        onClick={() => void runFeedback()}
      >
        {feedback.isPending ? 'Running feedback…' : 'Run feedback now'}
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        onClick={() => void runEvolution()}
      >
        {evolution.isPending ? 'Running evolution…' : 'Run evolution now'}
      </button>
    </div>
  );
}

/** The weekly evolution reports, newest first, in words. */
export function EvolutionEvents() {
  const history = useEvolutionHistory();
  const agents = useAgents(true);
  const names = new Map((agents.data ?? []).map((a) => [a.agentId, a.displayName]));

  if (history.isPending) return <p className="muted">Loading evolution events…</p>;
  if (history.isError)
    return <ErrorMessage error={history.error} title="Could not load the evolution events." />;
  if (history.data.length === 0) {
    return (
      <p className="empty-state">
        No weekly evolution has run yet. Once a week the agents are ranked by survival score: agents under 30
        for their last 4 or more measurements are retired and replaced, and thriving agents’ DNA is archived
        in the gene pool. Each week’s report will appear here.
      </p>
    );
  }
  return (
    <ol className="evolution-reports" aria-label="Weekly evolution, newest first">
      {history.data.map((report) => (
        <Report key={report.week} report={report} names={names} />
      ))}
    </ol>
  );
}

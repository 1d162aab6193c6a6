import { useId, type ReactNode } from 'react';
import type { Proposal } from '@contract';
import { Badge } from '../../ui/badge';
import { formatDateTime } from '../../ui/format';
import { ExaminerBreakdown } from './examiner-breakdown';
import { decisionBlocker, statusLabels, statusTones, type ReviewDecision } from './proposal-status';
import { ReviewNoteForm } from './review-note-form';

interface ProposalDetailProps {
  proposal: Proposal;
  busy: boolean;
  failure: string | null;
  noteDecision: ReviewDecision | null;
  onAccept: () => void;
  onOpenNote: (decision: ReviewDecision) => void;
  onConfirmNote: (note: string) => void;
  onCancelNote: () => void;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="detail-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}

/** Everything the creator needs to decide: the full text, how it was made, and the examiner's view. */
export function ProposalDetail({
  proposal,
  busy,
  failure,
  noteDecision,
  onAccept,
  onOpenNote,
  onConfirmNote,
  onCancelNote,
}: ProposalDetailProps) {
  const headingId = useId();
  const acceptBlocked = decisionBlocker(proposal, 'accept');
  const rejectBlocked = decisionBlocker(proposal, 'reject');
  const lines = proposal.contentType === 'reel' ? proposal.contentLines : proposal.slideTexts;

  return (
    <article className="card proposal-detail" aria-labelledby={headingId}>
      <header className="proposal-detail-header">
        <p className="status-line">
          <Badge tone={statusTones[proposal.status]}>{statusLabels[proposal.status]}</Badge>
          <Badge tone={proposal.contentType === 'reel' ? 'info' : 'neutral'}>{proposal.contentType}</Badge>
          <code>{proposal.proposalId}</code>
        </p>
        <h2 id={headingId}>{proposal.title}</h2>
        <p className="muted">
          By {proposal.agentName} for {proposal.brandId ?? 'no brand'} · {formatDateTime(proposal.createdAt)}
          {proposal.attempt > 1 &&
            proposal.replacesProposalId &&
            ` · rewrite of ${proposal.replacesProposalId}`}
        </p>
      </header>

      {failure && (
        <div className="error-box" role="alert">
          {failure}
        </div>
      )}

      {noteDecision ? (
        <ReviewNoteForm
          key={`${proposal.proposalId}-${noteDecision}`}
          decision={noteDecision}
          title={proposal.title}
          onConfirm={onConfirmNote}
          onCancel={onCancelNote}
        />
      ) : (
        <div className="review-actions">
          <div className="button-row">
            <button
              type="button"
              className="button button-primary"
              disabled={busy || acceptBlocked !== null}
              onClick={onAccept}
              aria-keyshortcuts="A"
            >
              Accept <kbd aria-hidden="true">A</kbd>
            </button>
            <button
              type="button"
              className="button button-danger-quiet"
              disabled={busy || rejectBlocked !== null}
              onClick={() => onOpenNote('reject')}
              aria-keyshortcuts="R"
            >
              Reject… <kbd aria-hidden="true">R</kbd>
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || acceptBlocked !== null}
              onClick={() => onOpenNote('accept')}
            >
              Accept with note…
            </button>
          </div>
          {(acceptBlocked ?? rejectBlocked) && <p className="field-hint">{acceptBlocked ?? rejectBlocked}</p>}
        </div>
      )}

      <Section title={proposal.contentType === 'reel' ? 'Content lines' : 'Slides'}>
        {lines.length > 0 ? (
          <ol className="proposal-lines">
            {lines.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ol>
        ) : (
          <p className="muted">No text.</p>
        )}
      </Section>

      <Section title="Examiner">
        <ExaminerBreakdown examiner={proposal.examiner} />
      </Section>

      <Section title="Caption">
        {proposal.caption ? (
          <p className="pre-wrap">{proposal.caption}</p>
        ) : (
          <p className="muted">No caption.</p>
        )}
      </Section>

      <Section title="Image prompt">
        {proposal.imagePrompt ? <p>{proposal.imagePrompt}</p> : <p className="muted">No image prompt.</p>}
      </Section>

      <Section title="Why this idea">
        <dl className="details">
          <dt>Reasoning</dt>
          <dd>{proposal.reasoning || '—'}</dd>
          <dt>Strategy</dt>
          <dd>{proposal.strategy}</dd>
          <dt>Topic</dt>
          <dd>{proposal.topicBucket ?? '—'}</dd>
          <dt>Source</dt>
          <dd>{proposal.sourceType ?? '—'}</dd>
          <dt>Quality score</dt>
          <dd>{proposal.qualityScore ?? '—'}</dd>
          <dt>Variant</dt>
          <dd>{proposal.variant}</dd>
          {proposal.burstDay && (
            <>
              <dt>Burst day</dt>
              <dd>{proposal.burstDay}</dd>
            </>
          )}
        </dl>
      </Section>

      {(proposal.reviewerNotes || proposal.acceptedJobId || proposal.renderIssue) && (
        <Section title="Review">
          <dl className="details">
            {proposal.reviewerNotes && (
              <>
                <dt>Notes</dt>
                <dd className="break">{proposal.reviewerNotes}</dd>
              </>
            )}
            {proposal.reviewedAt && (
              <>
                <dt>Reviewed</dt>
                <dd>{formatDateTime(proposal.reviewedAt)}</dd>
              </>
            )}
            {proposal.acceptedJobId && (
              <>
                <dt>Render job</dt>
                <dd>
                  <code>{proposal.acceptedJobId}</code>
                </dd>
              </>
            )}
            {proposal.renderIssue && (
              <>
                <dt>Not rendered</dt>
                <dd className="break">
                  <span className="badge badge-bad">{proposal.renderIssue}</span>
                </dd>
              </>
            )}
            {proposal.regeneration && (
              <>
                <dt>Regeneration</dt>
                <dd>
                  {
                    {
                      due: 'one rewrite is due',
                      attempted: 'rewritten once (the replacement is listed separately)',
                      expired: 'not needed any more',
                    }[proposal.regeneration]
                  }
                </dd>
              </>
            )}
          </dl>
        </Section>
      )}
    </article>
  );
}

import type { Job } from '@contract';
import { Card } from '../../ui/card';
import { formatDateTime } from '../../ui/format';
import { JobPreview } from './job-preview';
import { JobActions } from './job-actions';

/** One job: its media, captions per platform, and for a failed job what FFmpeg said. */
export function JobDetails({ job }: { job: Job }) {
  return (
    <Card title={`${job.id}: ${job.title}`} actions={<JobActions job={job} />}>
      {job.error && (
        <div className="job-error" role="alert">
          <strong>Failed{job.error.step ? ` at ${job.error.step}` : ''}:</strong> {job.error.message}
          {job.error.details && (
            <details>
              <summary>FFmpeg output</summary>
              <pre className="job-error-details">{job.error.details}</pre>
            </details>
          )}
        </div>
      )}
      {job.status === 'completed' && <JobPreview job={job} />}
      <dl className="details">
        <dt>Brand</dt>
        <dd>{job.brandId}</dd>
        <dt>Variant</dt>
        <dd>{job.variant === 'post' ? 'carousel' : `${job.variant} reel`}</dd>
        {job.proposalId && (
          <>
            <dt>Proposal</dt>
            <dd>{job.proposalId}</dd>
          </>
        )}
        <dt>Platforms</dt>
        <dd>{job.platforms.join(', ')}</dd>
        {job.render.durationSeconds !== null && (
          <>
            <dt>Length</dt>
            <dd>
              {job.render.durationSeconds} s
              {job.render.musicTitle ? `, music “${job.render.musicTitle}”` : ''}
            </dd>
          </>
        )}
        {job.render.background && (
          <>
            <dt>Background</dt>
            <dd>{job.render.background}</dd>
          </>
        )}
        <dt>Created</dt>
        <dd>{formatDateTime(job.createdAt)}</dd>
        {job.completedAt && (
          <>
            <dt>Finished</dt>
            <dd>{formatDateTime(job.completedAt)}</dd>
          </>
        )}
        <dt>Attempts</dt>
        <dd>{job.attempts}</dd>
      </dl>
      {job.captions && (
        <div className="job-captions">
          <h3>Instagram caption</h3>
          <pre className="job-caption">{job.captions.instagram}</pre>
          <h3>YouTube title</h3>
          <p>{job.captions.youtubeTitle}</p>
          <h3>Facebook</h3>
          <pre className="job-caption">{job.captions.facebook}</pre>
        </div>
      )}
    </Card>
  );
}

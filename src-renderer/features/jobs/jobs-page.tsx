import { useState } from 'react';
import type { Job } from '@contract';
import { Badge, type BadgeTone } from '../../ui/badge';
import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { formatDateTime } from '../../ui/format';
import { Meter } from '../../ui/meter';
import { PageHeader } from '../../ui/page-header';
import { JobActions } from './job-actions';
import { JobDetails } from './job-details';
import { useJobs } from './use-jobs';
import './jobs.css';

const statusTone: Record<Job['status'], BadgeTone> = {
  pending: 'neutral',
  generating: 'info',
  completed: 'good',
  failed: 'bad',
  cancelled: 'warn',
};

const statusLabel: Record<Job['status'], string> = {
  pending: 'Waiting',
  generating: 'Rendering',
  completed: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** Render jobs: what is rendering now and how far, finished reels and carousels, and failures. */
export function JobsPage() {
  const jobs = useJobs();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const list = jobs.data ?? [];
  const selected = list.find((j) => j.id === selectedId) ?? null;
  return (
    <div className="stack">
      <PageHeader
        title="Jobs"
        description="Reels and carousels rendered on this machine: progress, finished media, and what failed and why."
      />
      {jobs.error && <ErrorMessage error={jobs.error} title="Jobs could not be loaded" />}
      <Card title="Render queue">
        {jobs.isPending ? (
          <p className="muted">Loading…</p>
        ) : list.length === 0 ? (
          <p className="empty-state">No render jobs yet. Accepted proposals are rendered here.</p>
        ) : (
          <table className="jobs-table">
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Title</th>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col">Progress</th>
                <th scope="col">Created</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((job) => (
                <tr key={job.id} className={job.id === selectedId ? 'jobs-row-selected' : undefined}>
                  <td>
                    <button type="button" className="link-button" onClick={() => setSelectedId(job.id)}>
                      {job.id}
                    </button>
                  </td>
                  <td className="jobs-title">{job.title}</td>
                  <td>{job.variant === 'post' ? 'Carousel' : `Reel (${job.variant})`}</td>
                  <td>
                    <Badge tone={statusTone[job.status]}>{statusLabel[job.status]}</Badge>
                    {job.status === 'failed' && job.error && (
                      <div className="jobs-error-line">{job.error.message}</div>
                    )}
                  </td>
                  <td className="jobs-progress">
                    <Meter
                      label={`Progress of ${job.id}`}
                      value={job.progressPercent}
                      max={100}
                      tone={statusTone[job.status]}
                      valueText={`${job.progressPercent}%${job.currentStep ? `, ${job.currentStep}` : ''}`}
                    />
                    <span className="muted">
                      {job.progressPercent}%
                      {job.status === 'generating' && job.currentStep ? ` · ${job.currentStep}` : ''}
                    </span>
                  </td>
                  <td>{formatDateTime(job.createdAt)}</td>
                  <td>
                    <JobActions job={job} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {selected && <JobDetails job={selected} />}
    </div>
  );
}

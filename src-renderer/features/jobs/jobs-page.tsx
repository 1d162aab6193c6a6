import { useRef, useState } from 'react';
import type { Job } from '@contract';
import { Badge, type BadgeTone } from '../../ui/badge';
import { Card } from '../../ui/card';
import { ErrorMessage } from '../../ui/error-message';
import { formatDateTime } from '../../ui/format';
import { Meter } from '../../ui/meter';
import { PageHeader } from '../../ui/page-header';
import { useVirtualRows } from '../../ui/virtual-rows';
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

/** A row's height before it is measured (a failed job's row is taller). */
const ESTIMATED_ROW_PX = 58;

/** Render jobs: what is rendering now and how far, finished reels and carousels, and failures. */
export function JobsPage() {
  const jobs = useJobs();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const list = jobs.jobs;
  const selected = list.find((j) => j.id === selectedId) ?? null;
  const scrollRef = useRef<HTMLDivElement>(null);
  const { virtualizer, rows, totalSize } = useVirtualRows({
    count: list.length,
    scrollRef,
    estimateSize: ESTIMATED_ROW_PX,
    onNearEnd: () => {
      if (jobs.hasNextPage && !jobs.isFetchingNextPage) void jobs.fetchNextPage();
    },
  });
  // Only the rows in view are rendered; spacer rows keep the table its full height.
  const above = rows[0]?.start ?? 0;
  const below = totalSize - (rows.at(-1)?.end ?? 0);
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
          <div className="jobs-scroll" ref={scrollRef}>
            <table className="jobs-table" aria-rowcount={list.length + 1}>
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
                {above > 0 && <tr className="jobs-spacer" aria-hidden="true" style={{ height: above }} />}
                {rows.map((row) => {
                  const job = list[row.index]!;
                  return (
                    <tr
                      key={job.id}
                      ref={virtualizer.measureElement}
                      data-index={row.index}
                      aria-rowindex={row.index + 2}
                      className={job.id === selectedId ? 'jobs-row-selected' : undefined}
                    >
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
                  );
                })}
                {below > 0 && <tr className="jobs-spacer" aria-hidden="true" style={{ height: below }} />}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {selected && <JobDetails job={selected} />}
    </div>
  );
}

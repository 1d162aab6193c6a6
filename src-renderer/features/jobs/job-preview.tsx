import { useState } from 'react';
import type { Job } from '@contract';
import { useMediaUrl } from './use-jobs';

/** The finished media of a job: the reel with its thumbnail, or the carousel one slide at a time. */
export function JobPreview({ job }: { job: Job }) {
  const mediaUrl = useMediaUrl();
  const [slide, setSlide] = useState(0);
  // Bust the cache when a retried job has re-rendered the same file names.
  const version = `?v=${encodeURIComponent(job.completedAt ?? job.updatedAt ?? '')}`;
  if (job.files.video) {
    return (
      <div className="job-preview">
        <video
          className="job-video"
          src={mediaUrl(job.files.video) + version}
          poster={job.files.thumbnail ? mediaUrl(job.files.thumbnail) + version : undefined}
          controls
          preload="metadata"
          aria-label={`Reel video of ${job.id}`}
        />
        {job.files.thumbnail && (
          <img
            className="job-thumb"
            src={mediaUrl(job.files.thumbnail) + version}
            alt={`Thumbnail of ${job.id}`}
          />
        )}
      </div>
    );
  }
  if (job.files.slides.length > 0) {
    const current = Math.min(slide, job.files.slides.length - 1);
    return (
      <div className="job-preview job-slides">
        <img
          className="job-slide"
          src={mediaUrl(job.files.slides[current]!) + version}
          alt={`Slide ${current + 1} of ${job.files.slides.length}`}
        />
        <div className="button-row">
          <button
            type="button"
            className="button button-small"
            disabled={current === 0}
            onClick={() => setSlide(current - 1)}
          >
            Previous
          </button>
          <span className="muted">
            {current + 1} / {job.files.slides.length}
          </span>
          <button
            type="button"
            className="button button-small"
            disabled={current === job.files.slides.length - 1}
            onClick={() => setSlide(current + 1)}
          >
            Next
          </button>
        </div>
      </div>
    );
  }
  return <p className="muted">No media yet.</p>;
}

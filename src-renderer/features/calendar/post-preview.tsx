import { useState } from 'react';
import type { CalendarItem } from '@contract';
import { useMediaUrl } from '../jobs/use-jobs';

/** What will be published: the reel with controls, or the carousel one slide at a time. */
export function PostPreview({ item }: { item: CalendarItem }) {
  const mediaUrl = useMediaUrl();
  const [slide, setSlide] = useState(0);
  const { video, thumbnail, slides } = item.media;
  if (video) {
    return (
      <div className="post-preview">
        <video
          className="post-video"
          src={mediaUrl(video)}
          poster={thumbnail ? mediaUrl(thumbnail) : undefined}
          controls
          preload="metadata"
          aria-label={`Reel video of ${item.title}`}
        />
      </div>
    );
  }
  if (slides.length > 0) {
    const current = Math.min(slide, slides.length - 1);
    return (
      <div className="post-preview post-slides">
        <img
          className="post-slide"
          src={mediaUrl(slides[current]!)}
          alt={`Slide ${current + 1} of ${slides.length}`}
        />
        <div className="button-row post-slide-nav">
          <button
            type="button"
            className="button button-small"
            disabled={current === 0}
            onClick={() => setSlide(current - 1)}
          >
            Previous slide
          </button>
          <span className="muted" aria-live="polite">
            {current + 1} / {slides.length}
          </span>
          <button
            type="button"
            className="button button-small"
            disabled={current === slides.length - 1}
            onClick={() => setSlide(current + 1)}
          >
            Next slide
          </button>
        </div>
      </div>
    );
  }
  return <p className="muted">This post has no media files.</p>;
}

import { platformNames, type DashboardPost, type MaestroDashboard } from '@contract';
import { Link } from 'react-router';
import { Badge } from '../../ui/badge';
import { Card } from '../../ui/card';
import { formatDateTime } from '../../ui/format';
import { targetStatusTone } from '../calendar/post-presentation';
import './dashboard.css';

function PostRow({ post, when }: { post: DashboardPost; when: string }) {
  return (
    <li className="dashboard-post" data-schedule-id={post.scheduleId}>
      <span className="brand-dot" style={{ background: post.brandColor }} aria-hidden="true" />
      <span className="dashboard-post-main">
        <span className="dashboard-post-title">{post.title}</span>
        <span className="muted">
          {post.brandName} · {post.contentType} · <time dateTime={when}>{formatDateTime(when)}</time>
        </span>
      </span>
      <span className="dashboard-post-targets">
        {post.targets.map((t) =>
          t.permalink ? (
            <a key={t.platform} href={t.permalink} target="_blank" rel="noreferrer">
              <Badge tone={targetStatusTone[t.status]}>{platformNames[t.platform]}</Badge>
            </a>
          ) : (
            <Badge key={t.platform} tone={targetStatusTone[t.status]}>
              {platformNames[t.platform]}
            </Badge>
          ),
        )}
      </span>
    </li>
  );
}

/** The next posts due and today's published ones (today in the creator's time zone). */
export function PostsCard({ posts }: { posts: MaestroDashboard['posts'] | undefined }) {
  return (
    <Card title="Posts" actions={<Link to="/calendar">Calendar</Link>}>
      {!posts && <p className="muted">Loading…</p>}
      {posts && (
        <>
          <h3 className="card-subheading">Next due</h3>
          {posts.nextDue.length === 0 ? (
            <p className="empty-state">
              Nothing scheduled. Accepted proposals are placed here once rendered.
            </p>
          ) : (
            <ul className="dashboard-posts" aria-label="Next posts due">
              {posts.nextDue.map((post) => (
                <PostRow key={post.scheduleId} post={post} when={post.scheduledTime} />
              ))}
            </ul>
          )}
          <h3 className="card-subheading">
            Published today <span className="numeric">({posts.publishedTodayCount})</span>
          </h3>
          {posts.publishedTodayCount === 0 ? (
            <p className="empty-state">Nothing published yet today ({posts.timeZone}).</p>
          ) : (
            <>
              <ul className="dashboard-posts" aria-label="Published today">
                {posts.publishedToday.map((post) => (
                  <PostRow key={post.scheduleId} post={post} when={post.publishedAt ?? post.scheduledTime} />
                ))}
              </ul>
              {posts.publishedTodayCount > posts.publishedToday.length && (
                <p className="muted">
                  and {posts.publishedTodayCount - posts.publishedToday.length} more on the{' '}
                  <Link to="/calendar">Calendar</Link>
                </p>
              )}
            </>
          )}
        </>
      )}
    </Card>
  );
}

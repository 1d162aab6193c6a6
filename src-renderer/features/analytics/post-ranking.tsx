import { Link } from 'react-router';
import { platformNames, type AnalyticsPost } from '@contract';
import { Badge } from '../../ui/badge';
import { formatDateTime } from '../../ui/format';
import { formatCount, formatPercent, formatRelative } from './analytics-presentation';

/**
 * The brand's best or worst posts by score against its own posts at the same age, with the agent
 * and strategy that made each: what the agents learn from.
 */
export function PostRanking({ label, posts }: { label: string; posts: AnalyticsPost[] }) {
  return (
    <div className="table-scroll">
      <table className="table post-ranking" aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Post</th>
            <th scope="col" className="numeric">
              Relative
            </th>
            <th scope="col" className="numeric">
              Views
            </th>
            <th scope="col" className="numeric">
              Engagement
            </th>
            <th scope="col">Agent</th>
            <th scope="col">Strategy</th>
            <th scope="col" className="numeric">
              Examiner
            </th>
          </tr>
        </thead>
        <tbody>
          {posts.map((post) => (
            <tr key={`${post.platform}:${post.mediaId}`}>
              <th scope="row" className="post-cell">
                <span className="post-title">{post.title ?? `${post.contentType} ${post.mediaId}`}</span>
                <span className="post-meta">
                  <Badge>{platformNames[post.platform]}</Badge>
                  <span className="muted">
                    {post.contentType}
                    {post.publishedAt ? ` · ${formatDateTime(post.publishedAt)}` : ''}
                    {post.lastStamp ? ` · measured at ${post.lastStamp}` : ''}
                  </span>
                </span>
              </th>
              <td className="numeric">{formatRelative(post.relativeScore)}</td>
              <td className="numeric">{formatCount(post.views)}</td>
              <td className="numeric">{formatPercent(post.engagementRate)}</td>
              <td>
                {post.agentId ? (
                  <Link to={`/agents/${encodeURIComponent(post.agentId)}`}>
                    {post.agentName ?? post.agentId}
                  </Link>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td>{post.strategy ? post.strategy.replaceAll('_', ' ') : <span className="muted">—</span>}</td>
              <td className="numeric">{post.examinerScore === null ? '—' : post.examinerScore.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

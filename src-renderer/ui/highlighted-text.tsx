import type { TextSegment } from '@contract';

/** Search results' text with the matched words marked; the text is never read as markup. */
export function HighlightedText({
  segments,
  fallback,
}: {
  segments: TextSegment[] | undefined;
  fallback: string;
}) {
  if (!segments || segments.length === 0) return <>{fallback}</>;
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}

import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, type RefObject } from 'react';

/**
 * Long lists render only the rows in view (plus a few either side), so a list of 5,000 rows
 * scrolls as smoothly as one of 50. Rows are measured as they render (their height may vary);
 * `onNearEnd` asks for the next page a few rows before the end is reached.
 */
export function useVirtualRows(options: {
  count: number;
  scrollRef: RefObject<HTMLElement | null>;
  estimateSize: number;
  overscan?: number;
  onNearEnd?: () => void;
}) {
  const { count, scrollRef, estimateSize, onNearEnd } = options;
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    overscan: options.overscan ?? 8,
  });
  const rows = virtualizer.getVirtualItems();
  const lastShown = rows.at(-1)?.index ?? -1;
  useEffect(() => {
    if (onNearEnd && count > 0 && lastShown >= count - 5) onNearEnd();
  }, [lastShown, count, onNearEnd]);
  return { virtualizer, rows, totalSize: virtualizer.getTotalSize() };
}

import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

// A windowed list with a fixed row height: only the rows in view (plus a few either side) are
// in the DOM, so 10,000 records cost as much to render as 20 (performance P9). Fixed heights
// keep the arithmetic exact with no measuring of rows.

export interface VirtualListProps {
  count: number;
  rowHeight: number;
  /** Renders row `index`; it is placed and sized by the list. */
  renderRow: (index: number) => ReactNode;
  /** Rows rendered beyond each edge of the view, so fast flings do not show blanks. */
  overscan?: number;
  /** The rows now rendered, [start, end): the caller loads just those. */
  onRangeChange?: (start: number, end: number) => void;
  /** Accessible name of the list. */
  label: string;
  className?: string;
  /** Assumed viewport height before it can be measured (and in test DOMs, which lay nothing out). */
  fallbackHeight?: number;
}

export function windowRange(
  scrollTop: number, viewport: number, rowHeight: number, count: number, overscan: number,
): [number, number] {
  const first = Math.floor(scrollTop / rowHeight);
  const visible = Math.ceil(viewport / rowHeight) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + visible + overscan);
  return [start, Math.max(start, end)];
}

export function VirtualList({
  count, rowHeight, renderRow, overscan = 6, onRangeChange, label, className, fallbackHeight = 640,
}: VirtualListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(fallbackHeight);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setViewport(el.clientHeight || fallbackHeight);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [fallbackHeight]);

  // One state update per frame, however many scroll events the frame had.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const onScroll = () => {
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setScrollTop(el.scrollTop);
      });
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, []);

  const [start, end] = windowRange(scrollTop, viewport, rowHeight, count, overscan);
  useEffect(() => {
    onRangeChange?.(start, end);
  }, [start, end, onRangeChange]);

  const rows: ReactNode[] = [];
  for (let i = start; i < end; i++) {
    rows.push(
      <div
        key={i}
        role="listitem"
        aria-setsize={count}
        aria-posinset={i + 1}
        className="vlist__row"
        style={{ position: 'absolute', top: i * rowHeight, height: rowHeight, left: 0, right: 0 }}
      >
        {renderRow(i)}
      </div>,
    );
  }
  return (
    <div ref={ref} className={className ? `vlist ${className}` : 'vlist'} style={{ overflowY: 'auto', position: 'relative' }}>
      <div role="list" aria-label={label} style={{ position: 'relative', height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}

import type { ReactNode } from 'react';
// Its own stylesheet, so that the handover list (another chunk) gets it too.
// oxlint-disable-next-line import/no-unassigned-import
import './table-scroll.css';

/**
 * A wide table on a narrow phone scrolls sideways inside its own box instead of widening the
 * page; the box takes keyboard focus so it can be scrolled without a pointer.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

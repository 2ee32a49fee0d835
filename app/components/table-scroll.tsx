import type { ReactNode } from "react";

/**
 * A wide table that scrolls sideways on a narrow screen. The scrolling box is a named group in the
 * Tab order, so a keyboard can reach it and scroll it with the arrow keys. (A group, not a region:
 * a region is a landmark, and the section around it often bears the same heading's name.)
 */
export function TableScroll({
  labelledBy,
  label,
  children,
}: {
  /** the id of the heading that names the table */
  labelledBy?: string;
  /** the table's name, when no heading on the page names it */
  label?: string;
  children: ReactNode;
}) {
  return (
    <div className="table-scroll" role="group" aria-labelledby={labelledBy} aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

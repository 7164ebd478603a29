import type { ReactNode } from 'react'

/*
 * On a tablet held upright (768 px) the manager's tables hide their secondary columns
 * (`d-none d-lg-table-cell`) rather than scroll sideways. Each hidden column's value is then shown
 * in a neighbouring cell of the same row, named by the hidden column's heading: the same words
 * for the eye and for a screen reader (display: none takes the column away from both).
 */

/** The classes of a column shown from 992 px (lg) up: heading and cells alike. */
export const WIDE_ONLY = 'd-none d-lg-table-cell'

/** A hidden column's value, in another cell, below 992 px only. */
export function Folded({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="small text-body-secondary text-wrap d-lg-none mt-1">
      <span>{label}</span> <span className="text-body">{children}</span>
    </div>
  )
}

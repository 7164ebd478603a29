import type { ReactNode } from 'react'

/**
 * A column heading: its text, or the text with the cells' class (`amount`
 * right-aligns figures, `text-center` quantity controls); `hidden` says it to
 * screen readers only (the column of a row's buttons).
 */
export type Column = string | { label: ReactNode; className?: string; hidden?: boolean }

/** A figures column: right-aligned like its cells. */
export const amountColumn = (label: ReactNode): Column => ({ label, className: 'amount' })

/** The buttons' column: a heading for screen readers only. */
export const actionsColumn = (label: ReactNode): Column => ({ label, hidden: true })

/**
 * A heading too long for a 768 px tablet ("Seuil de réapprovisionnement"): a shorter one below
 * 992 px (lg). Screen readers always hear the full heading: the short one is shown to the eye only.
 */
export function NarrowLabel({ full, short }: { full: string; short: string }) {
  return (
    <>
      <span className="d-none d-lg-inline">{full}</span>
      <span className="d-lg-none" aria-hidden="true">
        {short}
      </span>
      <span className="visually-hidden d-lg-none">{full}</span>
    </>
  )
}

/** A table's column headings; `false` leaves out a column that is not shown (`detailed && amountColumn(…)`). */
export function TableHead({ columns }: { columns: readonly (Column | false)[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => {
          if (column === false) return null
          const { label, className, hidden } = typeof column === 'string' ? { label: column } : column
          return (
            <th key={index} scope="col" className={className}>
              {hidden ? <span className="visually-hidden">{label}</span> : label}
            </th>
          )
        })}
      </tr>
    </thead>
  )
}

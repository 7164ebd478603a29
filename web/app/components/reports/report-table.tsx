import { useId, type ReactNode } from 'react'

import { TableHead, type Column } from '~/components/table-head'

/**
 * A report's figures as a table: a caption for screen readers (the card or
 * the chart above titles it for everyone else), column headers, its rows.
 * Report tables are wide and scroll sideways on a narrow screen: the scroller
 * is a region named by the caption that the keyboard can reach and scroll.
 */
export function ReportTable({
  testId,
  caption,
  columns,
  className = 'table-responsive',
  footer,
  children,
}: {
  testId: string
  caption: ReactNode
  columns: readonly (Column | false)[]
  className?: string
  /** A totals row, read after the rows (<tfoot>). */
  footer?: ReactNode
  children: ReactNode
}) {
  const captionId = useId()
  return (
    <div className={className} role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="table table-sm align-middle mb-0" data-testid={testId}>
        <caption id={captionId} className="visually-hidden">
          {caption}
        </caption>
        <TableHead columns={columns} />
        <tbody>{children}</tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
  )
}

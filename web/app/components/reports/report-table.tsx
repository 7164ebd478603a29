import { useEffect, useId, useRef, useState, type ReactNode } from 'react'

import { TableHead, type Column } from '~/components/table-head'

/**
 * A report's figures as a table: a caption for screen readers (the card or
 * the chart above titles it for everyone else), column headers, its rows.
 * Report tables are wide and scroll sideways on a narrow screen: the scroller
 * is a region named by the caption that the keyboard can reach and scroll —
 * a tab stop only while it does scroll, once the browser has measured it
 * (without JavaScript it stays one).
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
  const scroller = useRef<HTMLDivElement>(null)
  const [scrolls, setScrolls] = useState(true)
  useEffect(() => {
    const element = scroller.current
    if (!element) return
    // Either way, as the browser sees it (overflow-x: auto makes the other axis scroll too, by a pixel of border).
    const measure = () => setScrolls(element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight)
    measure()
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [])
  return (
    <div ref={scroller} className={className} role="region" aria-labelledby={captionId} tabIndex={scrolls ? 0 : undefined}>
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

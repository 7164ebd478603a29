import { Link, useLocation } from '@remix-run/react'
import type { ReactNode } from 'react'

import { EmptyState } from '~/components/empty-state'
import { Pagination } from '~/components/pagination'
import { TableHead, type Column } from '~/components/table-head'
import { formatNumber } from '~/lib/format'
import { pageCount, pageHref, type Paged } from '~/lib/list-query'
import { useT } from '~/lib/root-data'

interface TableProps<Row> {
  rows: readonly Row[]
  /** Headings: text, `amountColumn(…)`, `actionsColumn(…)` (components/table-head). */
  columns: readonly Column[]
  /** Read by screen readers only; a table under its own heading may go without. */
  caption?: string
  testId: string
  /** Rows that lead somewhere (edit, open) light up under the pointer. */
  hover?: boolean
  /** Dense rows, for long ledgers. */
  compact?: boolean
  /** One <tr key=…> per row. */
  children: (row: Row) => ReactNode
}

/** The lists' table: scrolls sideways on a phone, a caption for screen readers, `scope="col"` headings. */
function DataTable<Row>({ rows, columns, caption, testId, hover = false, compact = false, children }: TableProps<Row>) {
  return (
    <div className="table-responsive bg-body rounded-3 shadow-sm">
      <table className={`table${hover ? ' table-hover' : ''}${compact ? ' table-sm' : ''} align-middle mb-0`} data-testid={testId}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <TableHead columns={columns} />
        <tbody>{rows.map((row) => children(row))}</tbody>
      </table>
    </div>
  )
}

/**
 * A page past the end of a list that is not empty (the last item of the last
 * page deleted, an old bookmark): not the list's "nothing here yet" sentence,
 * which would be false, but where the list ends.
 */
function PastTheEnd({ total, size, param = 'page' }: { total: number; size: number; param?: string }) {
  const t = useT()
  const location = useLocation()
  const pages = pageCount(total, size)
  return (
    <EmptyState
      action={
        <Link className="btn btn-outline-primary btn-sm" to={pageHref(location, param, pages)}>
          {t('pagination.lastPage')}
        </Link>
      }
    >
      {t('pagination.pastEnd', { pages: formatNumber(pages) })}
    </EmptyState>
  )
}

/**
 * One page of a list: the table, or a sentence when there is nothing (with,
 * ideally, what to do next), then the previous/next links. The links stay
 * when a page past the end is empty, to go back.
 */
export function ListTable<Row>({
  list,
  empty,
  emptyAction,
  paginationLabel,
  pageParam,
  pinned,
  ...table
}: Omit<TableProps<Row>, 'rows'> & {
  list: Paged<Row>
  empty: ReactNode
  emptyAction?: ReactNode
  /** Names the pagination landmark; the caption by default. */
  paginationLabel?: string
  /** The query parameter of this list's page (two lists on one page need two). */
  pageParam?: string
  /** Parameters the page links add (see Pagination). */
  pinned?: Readonly<Record<string, string>>
}) {
  return (
    <>
      {list.items.length === 0 && list.total > 0 ? (
        <PastTheEnd total={list.total} size={list.size} param={pageParam} />
      ) : list.items.length === 0 ? (
        <EmptyState action={emptyAction}>{empty}</EmptyState>
      ) : (
        <DataTable rows={list.items} {...table} />
      )}
      <Pagination page={list.page} size={list.size} total={list.total} param={pageParam} label={paginationLabel ?? table.caption} pinned={pinned} />
    </>
  )
}

import { Link, useLocation } from '@remix-run/react'

import { formatNumber } from '~/lib/format'
import { pageCount, pageFrom, pageHref } from '~/lib/list-query'
import { useT } from '~/lib/root-data'

interface PaginationProps {
  page: number
  size: number
  total: number
  /** The query parameter that carries the page (two lists on one page need two names). */
  param?: string
  label?: string
  /** Parameters the links add to the URL (a list pinned to what it showed first: ?jusqua=). */
  pinned?: Readonly<Record<string, string>>
}

/**
 * Previous / next links and "page 2 of 7", keeping the other query
 * parameters (search, filters). Plain links: works without JavaScript.
 */
export function Pagination({ page, size, total, param = 'page', label, pinned }: PaginationProps) {
  const t = useT()
  const location = useLocation()
  const pages = pageCount(total, size)
  if (pages <= 1) return null
  const hrefFor = (target: number) => pageHref(location, param, target, pinned)

  return (
    <nav aria-label={label ?? t('pagination.label')} className="d-flex align-items-center gap-3 my-3">
      <ul className="pagination mb-0">
        <li className={`page-item${page <= 1 ? ' disabled' : ''}`}>
          {page <= 1 ? (
            <span className="page-link">{t('pagination.previous')}</span>
          ) : (
            <Link className="page-link" to={hrefFor(page - 1)} rel="prev">
              {t('pagination.previous')}
            </Link>
          )}
        </li>
        <li className={`page-item${page >= pages ? ' disabled' : ''}`}>
          {page >= pages ? (
            <span className="page-link">{t('pagination.next')}</span>
          ) : (
            <Link className="page-link" to={hrefFor(page + 1)} rel="next">
              {t('pagination.next')}
            </Link>
          )}
        </li>
      </ul>
      <span className="text-body-secondary small">
        {t('pagination.status', { page: formatNumber(page), pages: formatNumber(pages), total: formatNumber(total) })}
      </span>
    </nav>
  )
}

/** Reads ?page= safely (anything odd is page 1). */
export function pageParam(url: URL, param = 'page'): number {
  return pageFrom(url.searchParams.get(param))
}

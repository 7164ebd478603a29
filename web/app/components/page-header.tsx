import { Link } from '@remix-run/react'
import type { ReactNode } from 'react'

import { useT } from '~/lib/root-data'

export interface Crumb {
  label: ReactNode
  to?: string
}

/** The page title with its breadcrumb (Accueil › Magasins › …) and optional actions on the right. */
export function PageHeader({
  title,
  crumbs = [],
  actions,
  lead,
  compact = false,
}: {
  title: ReactNode
  crumbs?: Crumb[]
  actions?: ReactNode
  lead?: ReactNode
  /** Less vertical space (the POS needs its screen for the cart). */
  compact?: boolean
}) {
  const t = useT()
  const trail: Crumb[] = [{ label: t('nav.home'), to: '/' }, ...crumbs]
  return (
    <header className={compact ? 'mb-2' : 'mb-4'}>
      <nav aria-label={t('breadcrumb.label')} className="d-print-none">
        <ol className={`breadcrumb ${compact ? 'mb-1 small' : 'mb-2'}`}>
          {trail.map((crumb, index) => {
            const last = index === trail.length - 1
            return (
              <li key={index} className={`breadcrumb-item${last ? ' active' : ''}`} aria-current={last ? 'page' : undefined}>
                {crumb.to && !last ? <Link to={crumb.to}>{crumb.label}</Link> : crumb.label}
              </li>
            )
          })}
        </ol>
      </nav>
      <div className="d-flex flex-wrap align-items-center justify-content-between gap-2">
        <h1 className={compact ? 'h4 mb-0' : 'h3 mb-0'}>{title}</h1>
        {actions ? <div className="d-flex flex-wrap gap-2 d-print-none">{actions}</div> : null}
      </div>
      {lead ? <p className="lead mb-0 mt-1">{lead}</p> : null}
    </header>
  )
}

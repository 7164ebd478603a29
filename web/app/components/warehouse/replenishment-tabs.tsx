import { Link } from '@remix-run/react'

import { useT } from '~/lib/root-data'
import { replenishmentsPath, suggestionsPath } from '~/lib/warehouse'

/** Requests | Suggestions: two views of the same workflow. */
export function ReplenishmentTabs({ current }: { current: 'requests' | 'suggestions' }) {
  const t = useT()
  const tabs = [
    { id: 'requests', to: replenishmentsPath, label: t('replenishments.tabRequests') },
    { id: 'suggestions', to: suggestionsPath, label: t('replenishments.tabSuggestions') },
  ] as const
  return (
    <nav aria-label={t('replenishments.tabsLabel')} className="mb-3">
      <ul className="nav nav-tabs">
        {tabs.map((tab) => (
          <li key={tab.id} className="nav-item">
            <Link className={`nav-link${tab.id === current ? ' active' : ''}`} aria-current={tab.id === current ? 'page' : undefined} to={tab.to}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  )
}

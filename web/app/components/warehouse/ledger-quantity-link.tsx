import { Link } from '@remix-run/react'

import { formatNumber } from '~/lib/format'
import { useT } from '~/lib/root-data'

/**
 * A level's quantity, for a manager, as the way to its ledger: the movements of that product,
 * with the adjustment form below them already naming it (a count corrected in two clicks, not by
 * typing its code).
 */
export function LedgerQuantityLink({ ledgerPath, code, name, quantity }: { ledgerPath: string; code: string; name: string; quantity: number }) {
  const t = useT()
  return (
    <Link to={`${ledgerPath}?produit=${encodeURIComponent(code)}#adjustment`} aria-label={t('stock.quantityLedger', { quantity: formatNumber(quantity), name })}>
      {formatNumber(quantity)}
    </Link>
  )
}

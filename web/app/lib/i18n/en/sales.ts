// The sales journal (/ventes): every sale, newest first, to find one again.
// English: exactly the keys of fr/sales.ts (a missing or unknown key fails the typecheck).
import type { sales as french } from '../fr/sales.ts'

export const sales: Record<keyof typeof french, string> = {
  'nav.sales': 'Sales',
  'sales.title': 'Sales journal',
  'sales.storeTitle': 'Sales — {store}',
  'sales.crumb': 'Sales',
  'sales.lead': 'Every sale, newest first. The receipt number opens the receipt (reprint, returns).',
  'sales.filterLabel': 'Filter the sales',
  'sales.receipt': 'Receipt number (or part of it)',
  'sales.store': 'Store',
  'sales.allStores': 'All stores',
  'sales.status': 'Status',
  'sales.allStatuses': 'All statuses',
  'sales.refunded': 'Refunded',
  'sales.caption': 'Sales, newest first',
  'sales.empty': 'No sales yet.',
  'sales.noMatch': 'No sale matches these filters.',
  'sales.openReceipt': 'Open receipt {number}',
  'sales.seeSales': 'See the sales',
  'sales.leadStore':
    'Your store’s sales, newest first. The receipt number opens the receipt (reprint, returns); after the register return period, a manager makes the return.',
  'sales.newer': 'New sales since the first page was shown: {count}.',
  'sales.showNewest': 'Show the newest',
  'sales.pages': 'Sales journal pages',
  'sales.noRefund': 'No refund',
}

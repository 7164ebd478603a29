import type { MessageKey } from '~/lib/i18n/index'
import { useT } from '~/lib/root-data'
import type { SaleStatus } from '~/lib/sales-journal'

export type StockStatus = 'rupture' | 'critique' | 'faible' | 'normal'

const STOCK: Record<StockStatus, { label: MessageKey; className: string }> = {
  rupture: { label: 'stock.status.rupture', className: 'text-bg-danger' },
  critique: { label: 'stock.status.critique', className: 'text-bg-warning' },
  faible: { label: 'stock.status.faible', className: 'text-bg-info' },
  normal: { label: 'stock.status.normal', className: 'text-bg-success' },
}

export function StockStatusBadge({ status }: { status: StockStatus }) {
  const t = useT()
  const { label, className } = STOCK[status]
  return <span className={`badge ${className}`}>{t(label)}</span>
}

export type ReplenishmentStatus = 'en_attente' | 'validee' | 'expediee' | 'livree' | 'refusee' | 'annulee'

const REPLENISHMENT: Record<ReplenishmentStatus, { label: MessageKey; className: string }> = {
  en_attente: { label: 'replenishment.status.en_attente', className: 'text-bg-secondary' },
  validee: { label: 'replenishment.status.validee', className: 'text-bg-primary' },
  expediee: { label: 'replenishment.status.expediee', className: 'text-bg-info' },
  livree: { label: 'replenishment.status.livree', className: 'text-bg-success' },
  refusee: { label: 'replenishment.status.refusee', className: 'text-bg-danger' },
  annulee: { label: 'replenishment.status.annulee', className: 'text-bg-light border' },
}

export function ReplenishmentStatusBadge({ status }: { status: ReplenishmentStatus }) {
  const t = useT()
  const { label, className } = REPLENISHMENT[status]
  return <span className={`badge ${className}`}>{t(label)}</span>
}

const SALE: Record<SaleStatus, { label: MessageKey; className: string }> = {
  terminee: { label: 'returns.status.terminee', className: 'text-bg-success' },
  partiellement_retournee: { label: 'returns.status.partiellement_retournee', className: 'text-bg-warning' },
  retournee: { label: 'returns.status.retournee', className: 'text-bg-secondary' },
}

export function SaleStatusBadge({ status, className }: { status: SaleStatus; className?: string }) {
  const t = useT()
  const { label, className: colour } = SALE[status]
  return <span className={`badge ${colour}${className ? ` ${className}` : ''}`}>{t(label)}</span>
}

import Sale from '#sales/models/sale'
import { whereBusinessDays } from '#core/business_time'
import { instantToWire } from '#core/instants'
import { SALE_STATUS_FROM_WIRE } from '#sales/wire_names'
import { saleSummaryToWire } from '#sales/transformers/sale_transformer'
import { containsPattern } from '#core/search_pattern'

export interface SaleListFilters {
  storeId?: number
  caisse_id?: number
  caissier_id?: number
  session_id?: number
  statut?: string
  numero_recu?: string
  /** Any part of the receipt number, in any case. */
  search?: string
  /** Sales recorded up to this id: a page anchor that sales made since do not move. */
  id_max?: number
  date_debut?: string
  date_fin?: string
  start_date?: string
  end_date?: string
}

/** Sales matching the filters; dates are business days (inclusive) in APP_TIMEZONE. */
export function listSales(filters: SaleListFilters) {
  const from = filters.date_debut ?? filters.start_date
  const to = filters.date_fin ?? filters.end_date
  const query = Sale.query()
    .if(filters.storeId, (q) => q.where('sales.store_id', filters.storeId!))
    .if(filters.caisse_id, (q) => q.where('sales.register_id', filters.caisse_id!))
    .if(filters.caissier_id, (q) => q.where('sales.clerk_id', filters.caissier_id!))
    .if(filters.session_id, (q) => q.where('sales.register_session_id', filters.session_id!))
    .if(filters.statut, (q) => q.where('sales.status', SALE_STATUS_FROM_WIRE[filters.statut!]))
    .if(filters.numero_recu, (q) => q.where('sales.receipt_number', filters.numero_recu!))
    .if(filters.search, (q) => q.whereILike('sales.receipt_number', containsPattern(filters.search!)))
    .if(filters.id_max, (q) => q.where('sales.id', '<=', filters.id_max!))
  whereBusinessDays(query, 'sales.created_at', { from, to })
  return query
}

export function saleListItem(sale: Sale) {
  return saleSummaryToWire(sale, instantToWire(sale.createdAt))
}

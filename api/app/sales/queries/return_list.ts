import db from '@adonisjs/lucid/services/db'
import SaleReturn from '#sales/models/sale_return'
import { whereBusinessDays } from '#core/business_time'
import { instantToWire } from '#core/instants'
import { centsToWire } from '#core/money'
import { CLERK_RETURN_WINDOW_HOURS } from '#sales/return_window'
import { refundMethodWire } from '#sales/queries/return_detail'

export interface ReturnListFilters {
  storeId?: number
  caisse_id?: number
  vente_id?: number
  date_debut?: string
  date_fin?: string
}

/**
 * Returns matching the filters, with their sale's receipt number and store and who made them;
 * dates are business days (inclusive) of the return, in APP_TIMEZONE.
 */
export function listReturns(filters: ReturnListFilters) {
  // No join on sales: the page's count (paginate) keeps the joins, and one on sales made PostgreSQL
  // read every sale ever made to count a few returns. A return's register is always one of its
  // sale's store (return_drawer.ts; registers never change store), so the store is the register's.
  const query = SaleReturn.query()
    .leftJoin('users', 'users.id', 'returns.user_id')
    .if(filters.storeId, (q) => q.whereIn('returns.register_id', db.from('registers').where('store_id', filters.storeId!).select('id')))
    .if(filters.caisse_id, (q) => q.where('returns.register_id', filters.caisse_id!))
    .if(filters.vente_id, (q) => q.where('returns.sale_id', filters.vente_id!))
    .select('returns.*', 'users.full_name as user_full_name')
    .select(db.raw('(SELECT receipt_number FROM sales WHERE sales.id = returns.sale_id) AS receipt_number'))
    .select(db.raw('(SELECT store_id FROM registers WHERE registers.id = returns.register_id) AS store_id'))
    // Later than a clerk may take goods back: a manager made it, or authorised it at the register (ADR 0027).
    .select(
      db.raw(`returns.created_at > (SELECT created_at FROM sales WHERE sales.id = returns.sale_id) + make_interval(hours => ?) AS late`, [
        CLERK_RETURN_WINDOW_HOURS,
      ])
    )
  whereBusinessDays(query, 'returns.created_at', { from: filters.date_debut, to: filters.date_fin })
  return query
}

export function returnListItem(row: SaleReturn) {
  return {
    id: row.id,
    vente_id: row.saleId,
    numero_recu: row.$extras.receipt_number as string,
    magasin_id: Number(row.$extras.store_id),
    caisse_id: row.registerId,
    cree_le: instantToWire(row.createdAt),
    motif: row.reason,
    mode_remboursement: refundMethodWire(row.refundMethod),
    total: centsToWire(row.totalCents),
    remis_en_stock: row.restocked,
    par: row.userId === null ? null : { id: row.userId, nom_complet: row.$extras.user_full_name as string },
    hors_delai_caissier: Boolean(row.$extras.late),
  }
}

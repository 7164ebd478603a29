import vine from '@vinejs/vine'
import { paginationFields } from '#core/pagination'
import { STOCK_STATUSES } from '#stores/queries/store_stock_query'

export const listStoreStockQuery = vine.create({
  ...paginationFields,
  statut: vine.enum(STOCK_STATUSES).optional(),
  categorie_id: vine.number().withoutDecimals().min(1).max(2_147_483_647).optional(),
  /** true: products on sale only (what a register can sell); false: discontinued ones only. */
  actif: vine.boolean().optional(),
})

import vine from '@vinejs/vine'
import { paginationFields } from '#core/pagination'
import { ALERT_STATUSES, STOCK_STATUSES } from '#inventory/stock_status'
import { WIRE_KINDS, WIRE_REFERENCE_TYPES } from '#inventory/wire_names'
import { periodDay } from '#core/calendar_date'
import { QUANTITY_MAX, idField } from '#inventory/validators/common'

/** A counted quantity or a reorder point: generous, but a typo of 10^9 is refused. */
const LEVEL_MAX = 1_000_000

const pageFields = { page: paginationFields.page, size: paginationFields.size, limit: paginationFields.limit }

/* In a JSON body a boolean is true or false; "on", 1 or "1" are how query strings say it. */
const bodyBoolean = () => vine.boolean({ strict: true }).optional()

export const warehouseStockQuery = vine.create({
  ...paginationFields,
  statut: vine.enum(STOCK_STATUSES).optional(),
  categorie_id: idField().optional(),
})

export const warehouseStockSortColumns: Record<string, string> = {
  produit_id: 'products.id',
  code: 'products.code',
  nom: 'products.name',
  quantite: 'wh_quantity',
  seuil_reappro: 'wh_reorder_point',
  statut: 'status_rank',
}

export const movementsQuery = vine.create({
  ...pageFields,
  sort: paginationFields.sort,
  magasin_id: idField().optional(),
  entrepot: vine.boolean().optional(),
  produit_id: idField().optional(),
  type: vine.enum(WIRE_KINDS).optional(),
  date_debut: periodDay(),
  date_fin: periodDay(),
  start_date: periodDay(),
  end_date: periodDay(),
  /**
   * `demande_reappro:12`, `vente:42`, or just a type (`demande_reappro`). Only
   * the wire types: a misspelt one (`demande_reapro:12`) answered an empty page.
   */
  reference: vine
    .string()
    .trim()
    .maxLength(60)
    .regex(new RegExp(`^(${WIRE_REFERENCE_TYPES.join('|')})(:\\d{1,15})?$`))
    .optional(),
})

/** Newest first by default: ids grow with every write, so `id` is a total order. */
export const movementSortColumns: Record<string, string> = {
  id: 'stock_movements.id',
  cree_le: 'stock_movements.created_at',
}

export const adjustmentBody = vine.create({
  magasin_id: idField().optional(),
  entrepot: bodyBoolean(),
  produit_id: idField(),
  quantite: vine.number().withoutDecimals().min(-QUANTITY_MAX).max(QUANTITY_MAX).optional(),
  nouvelle_quantite: vine.number().withoutDecimals().min(0).max(LEVEL_MAX).optional(),
  motif: vine.string().trim().minLength(1).maxLength(500),
})

export const reorderPointBody = vine.create({
  magasin_id: idField().optional(),
  entrepot: bodyBoolean(),
  produit_id: idField(),
  seuil_reappro: vine.number().withoutDecimals().min(0).max(LEVEL_MAX),
})

export const RECEIPT_LINE_FIELDS = ['produit_id', 'quantite']

export const receiptBody = vine.create({
  lignes: vine
    .array(vine.object({ produit_id: idField(), quantite: vine.number().withoutDecimals().min(1).max(QUANTITY_MAX) }))
    .minLength(1)
    .maxLength(200),
  fournisseur: vine.string().trim().minLength(1).maxLength(150).optional(),
  reference: vine.string().trim().minLength(1).maxLength(100).optional(),
})

export const alertsQuery = vine.create({
  ...pageFields,
  sort: paginationFields.sort,
  magasin_id: idField().optional(),
  entrepot: vine.boolean().optional(),
  statut: vine.enum(ALERT_STATUSES).optional(),
  produit_id: idField().optional(),
})

export const alertSortColumns: Record<string, string> = {
  statut: 'status_rank',
  quantite: 'stock_levels.quantity',
  seuil_reappro: 'stock_levels.reorder_point',
  nom: 'products.name',
  produit_id: 'stock_levels.product_id',
}

export const alertsCountQuery = vine.create({
  magasin_id: idField().optional(),
  entrepot: vine.boolean().optional(),
})

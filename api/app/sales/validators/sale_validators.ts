import vine from '@vinejs/vine'
import { moneyInput } from '#core/money_input'
import { paginationFields } from '#core/pagination'
import { idParam } from '#core/validation'
import { periodDay } from '#core/calendar_date'
import { PAYMENT_METHOD_FROM_WIRE, SALE_STATUS_FROM_WIRE } from '#sales/wire_names'

const MAX_INT = 2_147_483_647
const id = () => vine.number().withoutDecimals().min(1).max(MAX_INT)

export const MAX_LINES_PER_SALE = 100
export const MAX_QUANTITY_PER_LINE = 1000

export const saleIdParams = vine.create({ id: idParam() })

export const createSaleBody = vine.create({
  caisse_id: id(),
  lignes: vine
    .array(
      vine.object({
        produit_id: id().optional(),
        code: vine.string().trim().minLength(1).maxLength(32).optional(),
        code_barre: vine.string().trim().minLength(1).maxLength(32).optional(),
        quantite: vine.number().withoutDecimals().min(1).max(MAX_QUANTITY_PER_LINE),
      })
    )
    .minLength(1)
    .maxLength(MAX_LINES_PER_SALE),
  paiements: vine
    .array(
      vine.object({
        mode: vine.enum(Object.keys(PAYMENT_METHOD_FROM_WIRE)),
        montant: moneyInput({ positive: true }),
        reference: vine.string().trim().maxLength(100).optional(),
      })
    )
    .minLength(1)
    .maxLength(10),
})

export const listSalesQuery = vine.create({
  ...paginationFields,
  magasin_id: id().optional(),
  store_id: id().optional(),
  caisse_id: id().optional(),
  caissier_id: id().optional(),
  session_id: id().optional(),
  statut: vine.enum(Object.keys(SALE_STATUS_FROM_WIRE)).optional(),
  numero_recu: vine.string().trim().maxLength(32).optional(),
  id_max: id()
    .meta({
      description:
        'Only sales with an id up to this one. A client paging through a journal while sales come in passes the first ' +
        "page's highest id: later pages then neither repeat nor skip a row.",
    })
    .optional(),
  date_debut: periodDay(),
  date_fin: periodDay(),
  start_date: periodDay(),
  end_date: periodDay(),
})

export const saleSortColumns: Record<string, string> = {
  id: 'sales.id',
  cree_le: 'sales.created_at',
  total: 'sales.total_cents',
}

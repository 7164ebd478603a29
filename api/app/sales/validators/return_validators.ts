import vine from '@vinejs/vine'
import { idParam } from '#core/validation'
import { paginationFields } from '#core/pagination'
import { periodDay } from '#core/calendar_date'

const id = () => vine.number().withoutDecimals().min(1).max(9_007_199_254_740_991)
/** The register the goods come back at and a cash refund leaves: one of the sale's store; default the sale's. */
const registerId = () => vine.number().withoutDecimals().min(1).max(2_147_483_647).optional()

export const returnIdParams = vine.create({ id: idParam(9_007_199_254_740_991) })

export const createReturnBody = vine.create({
  lignes: vine
    .array(
      vine.object({
        ligne_id: id(),
        quantite: vine.number().withoutDecimals().min(1).max(1000),
        /** This line's goods only; the same sale line may come twice, part whole and part damaged. */
        remis_en_stock: vine.boolean({ strict: true }).optional(),
      })
    )
    .minLength(1)
    .maxLength(100),
  motif: vine.string().trim().minLength(2).maxLength(500),
  mode_remboursement: vine.enum(['original', 'especes', 'carte', 'autre']).optional(),
  /** false: the goods came back damaged; refunded, not put back in the store's stock. Every line's default. */
  remis_en_stock: vine.boolean({ strict: true }).optional(),
  caisse_id: registerId(),
})

export const cancelSaleBody = vine.create({
  motif: vine.string().trim().minLength(2).maxLength(500).optional(),
  mode_remboursement: vine.enum(['original', 'especes', 'carte', 'autre']).optional(),
  remis_en_stock: vine.boolean({ strict: true }).optional(),
  caisse_id: registerId(),
})

/*
 * Pages only: the journal is always newest first and has nothing to search, so `sort` and `search`
 * (the rest of paginationFields) are unknown parameters — a 422, not silently ignored.
 */
export const listReturnsQuery = vine.create({
  page: paginationFields.page,
  size: paginationFields.size,
  limit: paginationFields.limit,
  magasin_id: vine.number().withoutDecimals().min(1).max(2_147_483_647).optional(),
  caisse_id: registerId(),
  vente_id: id().optional(),
  date_debut: periodDay(),
  date_fin: periodDay(),
})

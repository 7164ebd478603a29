import vine from '@vinejs/vine'
import { idParam } from '#core/validation'

const id = () => vine.number().withoutDecimals().min(1).max(9_007_199_254_740_991)

export const returnIdParams = vine.create({ id: idParam(9_007_199_254_740_991) })

export const createReturnBody = vine.create({
  lignes: vine
    .array(vine.object({ ligne_id: id(), quantite: vine.number().withoutDecimals().min(1).max(1000) }))
    .minLength(1)
    .maxLength(100),
  motif: vine.string().trim().minLength(2).maxLength(500),
  mode_remboursement: vine.enum(['original', 'especes', 'carte', 'autre']).optional(),
})

export const cancelSaleBody = vine.create({
  motif: vine.string().trim().minLength(2).maxLength(500).optional(),
  mode_remboursement: vine.enum(['original', 'especes', 'carte', 'autre']).optional(),
})

import vine from '@vinejs/vine'
import { fieldError, idParam } from '#core/validation'

export const ID_MAX = 2_147_483_647
/** Largest quantity one movement or request may carry (a typo guard, not a business limit). */
export const QUANTITY_MAX = 100_000

export const idField = () => vine.number().withoutDecimals().min(1).max(ID_MAX)

export const idParams = vine.create({ id: idParam() })

/** `magasin_id` or `entrepot: true`, exactly one: which stock location a request is about. */
export type LocationTarget = { storeId: number } | { warehouse: true }

export function locationTarget(input: { magasin_id?: number; entrepot?: boolean }): LocationTarget {
  const warehouse = input.entrepot === true
  if (input.magasin_id !== undefined && warehouse) {
    throw fieldError('entrepot', 'Give either magasin_id or entrepot: true, not both', 'oneOf')
  }
  if (input.magasin_id !== undefined) return { storeId: input.magasin_id }
  if (warehouse) return { warehouse: true }
  throw fieldError('magasin_id', 'Give magasin_id (a store) or entrepot: true (the central warehouse)', 'required')
}


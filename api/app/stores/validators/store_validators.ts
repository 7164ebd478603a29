import vine from '@vinejs/vine'
import { paginationFields } from '#core/pagination'

export const storeIdParams = vine.create({
  id: vine.number().withoutDecimals().min(1).max(2_147_483_647),
})

export const listStoresQuery = vine.create({ ...paginationFields })

export const storeSortColumns: Record<string, string> = {
  id: 'id',
  nom: 'name',
}

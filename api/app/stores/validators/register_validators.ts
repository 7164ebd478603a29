import vine from '@vinejs/vine'
import { paginationFields } from '#core/pagination'
import { idParam } from '#core/validation'

export const MAX_REGISTER_NUMBER = 999

export const registerIdParams = vine.create({ id: idParam() })

export const listRegistersQuery = vine.create({ ...paginationFields })

export const registerSortColumns: Record<string, string> = {
  id: 'id',
  numero: 'number',
  nom: 'name',
}

/** Without numero, the next free number is used; without nom, "Caisse <numero>". */
export const createRegisterBody = vine.create({
  numero: vine.number({ strict: true }).withoutDecimals().min(1).max(MAX_REGISTER_NUMBER).optional(),
  nom: vine.string().trim().minLength(1).maxLength(100).optional(),
  actif: vine.boolean({ strict: true }).optional(),
})

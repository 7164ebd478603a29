import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { paginationFields } from '#core/pagination'
import { idParam } from '#core/validation'

export const categoryIdParams = vine.create({ id: idParam() })

export const listCategoriesQuery = vine.create({ ...paginationFields })

export const categorySortColumns: Record<string, string> = {
  id: 'id',
  nom: 'name',
}

const sentAsNull = (field: FieldContext) => field.parent?.[field.name] === null
const nom = () => vine.string().trim().minLength(1).maxLength(100)
const description = () => vine.string().trim().maxLength(500).nullable()

/** POST and PUT: a PUT without `description` clears it. */
export const categoryBody = vine.create({
  nom: nom(),
  description: description().optional(),
})

export const patchCategoryBody = vine.create({
  nom: nom().optional().requiredWhen(sentAsNull),
  description: description().optional(),
})

export interface CategoryChanges {
  name?: string
  description?: string | null
}

export function categoryChangesFromWire(body: { nom?: string; description?: string | null }): CategoryChanges {
  const changes: CategoryChanges = {}
  if (body.nom !== undefined) changes.name = body.nom
  if (body.description !== undefined) changes.description = body.description
  return changes
}

export function newCategoryFromWire(body: { nom: string; description?: string | null }) {
  return { name: body.nom, description: body.description ?? null }
}

import vine from '@vinejs/vine'
import type { FieldContext } from '@vinejs/vine/types'
import { paginationFields } from '#core/pagination'
import { idParam, withoutNul } from '#core/validation'

/* Digits, spaces and the usual separators: "514-555-0001", "+1 (514) 555-0001". */
const PHONE_PATTERN = /^\+?[0-9 ().-]{3,40}$/

export const storeIdParams = vine.create({ id: idParam() })

export const storeNameParams = vine.create({
  // In NFC like every stored name (#core/validation): an "é" typed as "e" + accent still finds it.
  name: vine
    .string()
    .use(withoutNul())
    .minLength(1)
    .maxLength(150)
    .transform((name) => name.normalize('NFC')),
})

export const listStoresQuery = vine.create({ ...paginationFields })

export const storeSortColumns: Record<string, string> = {
  id: 'id',
  nom: 'name',
}

/* `optional()` alone turns an explicit null into "absent"; `"nom": null` must be refused. */
const sentAsNull = (field: FieldContext) => field.parent?.[field.name] === null

/* Looked up by name in a URL (/stores/by-name/{name}), where `.` and `..` (even as %2E%2E) resolve away, as for product codes. */
const NOT_A_DOT_SEGMENT = /^(?!\.{1,2}$)/

const fields = {
  nom: () => vine.string().trim().minLength(1).maxLength(150).regex(NOT_A_DOT_SEGMENT),
  adresse: () => vine.string().trim().minLength(1).maxLength(300).nullable(),
  telephone: () => vine.string().trim().regex(PHONE_PATTERN).nullable(),
  email: () => vine.string().trim().maxLength(254).email().nullable(),
}

/** POST: adresse, telephone and email may be left out (empty). */
export const storeBody = vine.create({
  nom: fields.nom(),
  adresse: fields.adresse().optional(),
  telephone: fields.telephone().optional(),
  email: fields.email().optional(),
})

export const patchStoreBody = vine.create({
  nom: fields.nom().optional().requiredWhen(sentAsNull),
  adresse: fields.adresse().optional(),
  telephone: fields.telephone().optional(),
  email: fields.email().optional(),
})

/** The original's update-contact took both fields from the query string; a JSON body works too. */
export const storeContactInput = vine.create({
  telephone: fields.telephone().optional(),
  email: fields.email().optional(),
})

export interface StoreChanges {
  name?: string
  address?: string | null
  phone?: string | null
  email?: string | null
}

type StoreBody = { nom?: string; adresse?: string | null; telephone?: string | null; email?: string | null }

export function storeChangesFromWire(body: StoreBody): StoreChanges {
  const changes: StoreChanges = {}
  if (body.nom !== undefined) changes.name = body.nom
  if (body.adresse !== undefined) changes.address = body.adresse
  if (body.telephone !== undefined) changes.phone = body.telephone
  if (body.email !== undefined) changes.email = body.email
  return changes
}

export function newStoreFromWire(body: StoreBody & { nom: string }): Required<StoreChanges> {
  return {
    name: body.nom,
    address: body.adresse ?? null,
    phone: body.telephone ?? null,
    email: body.email ?? null,
  }
}

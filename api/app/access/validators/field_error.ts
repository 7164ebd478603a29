import { errors } from '@vinejs/vine'

/** A VALIDATION_ERROR for one field, for rules that span fields or need the database. */
export function fieldError(field: string, message: string, rule: string) {
  return new errors.E_VALIDATION_ERROR([{ field, message, rule }])
}

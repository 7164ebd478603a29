import vine from '@vinejs/vine'
import { DateTime } from 'luxon'
import { paginationFields } from '#core/pagination'
import { fieldError, idParam } from '#core/validation'
import { SCOPES } from '#access/models/api_token'
import { BUSINESS_TIMEZONE } from '#core/business_time'

/*
 * An ISO 8601 date-time with an offset, or a day alone (to its end in APP_TIMEZONE); parsed by
 * `futureInstant`. The offset is hours 00-23 and minutes 00-59: Luxon reads `+05:99` as 6 h 39
 * and `+25:00` as 25 h, so a typo moved the expiry by hours instead of being refused.
 */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d))?$/

/*
 * The latest expiry a response can write as `YYYY-MM-DDTHH:mm:ss.sssZ`: from the year 10000 on,
 * JavaScript writes `+010000-01-01T…`, which the document's date-time format and most clients'
 * parsers refuse. `9999-12-31`, a common "never", ends there after midnight UTC.
 */
const LATEST_EXPIRY = DateTime.fromISO('9999-12-31T23:59:59.999Z', { zone: 'utc' })

export const tokenIdParams = vine.create({ id: idParam() })

export const listTokensQuery = vine.create({
  ...paginationFields,
  /** true: usable tokens only; false: revoked or expired ones only. */
  actif: vine.boolean().optional(),
})

export const tokenSortColumns: Record<string, string> = {
  id: 'id',
  nom: 'name',
  cree_le: 'created_at',
  expire_le: 'expires_at',
  derniere_utilisation: 'last_used_at',
}

export const createTokenBody = vine.create({
  nom: vine.string().trim().minLength(1).maxLength(100),
  scopes: vine.array(vine.enum(SCOPES)).minLength(1).maxLength(SCOPES.length).distinct(),
  expire_le: vine.string().trim().maxLength(40).regex(ISO_INSTANT).optional(),
})

/*
 * VineJS names an array item by its index, so a wrong scope said "The selected 0 is invalid": it
 * now says which item and what is allowed. Every other message is VineJS's own.
 */
createTokenBody.messagesProvider = {
  getMessage(message, rule, field, args) {
    if (rule === 'enum' && field.wildCardPath === 'scopes.*') {
      return `The scopes.${field.name} field must be one of: ${SCOPES.join(', ')}`
    }
    return vine.messagesProvider.getMessage(message, rule, field, args)
  },
}

/**
 * Parses a validated `expire_le`, refusing impossible dates and instants in the past. A day
 * alone (`2027-06-30`) is the last business day the token works: it expires when that day ends
 * in APP_TIMEZONE, as a person reads it (midnight UTC was 20:00 the evening before in Québec).
 */
export function futureInstant(value: string, field: string): DateTime {
  const instant = /^\d{4}-\d{2}-\d{2}$/.test(value)
    ? DateTime.fromISO(value, { zone: BUSINESS_TIMEZONE }).plus({ days: 1 }).startOf('day').toUTC()
    : DateTime.fromISO(value, { zone: 'utc' })
  if (!instant.isValid) throw fieldError(field, `The ${field} field is not a valid date`, 'date')
  if (instant <= DateTime.utc()) throw fieldError(field, `The ${field} field must be in the future`, 'future')
  if (instant > LATEST_EXPIRY) {
    throw fieldError(field, `The ${field} field must be at most 9999-12-31T23:59:59.999Z (leave it out for a token that does not expire)`, 'max')
  }
  return instant
}

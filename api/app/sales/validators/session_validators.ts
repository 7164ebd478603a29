import vine from '@vinejs/vine'
import { moneyInput } from '#core/money_input'
import { paginationFields } from '#core/pagination'
import { idParam } from '#core/validation'
import { periodDay } from '#core/calendar_date'

export const registerIdParams = vine.create({ id: idParam() })
export const sessionIdParams = vine.create({ id: idParam() })

/** `rapport=false`: the session without its X report (a point of sale only needs to know it is open). */
export const currentSessionQuery = vine.create({ rapport: vine.boolean().optional() })

/** A register's sessions, newest first; `statut` keeps the open or the closed ones. */
export const listSessionsQuery = vine.create({
  page: paginationFields.page,
  size: paginationFields.size,
  limit: paginationFields.limit,
  statut: vine.enum(['ouverte', 'fermee']).optional(),
  /** Sessions opened on these business days (both included). */
  date_debut: periodDay(),
  date_fin: periodDay(),
})

export const openSessionBody = vine.create({
  fond_de_caisse: moneyInput(),
  note: vine.string().trim().maxLength(500).optional(),
})

export const closeSessionBody = vine.create({
  especes_comptees: moneyInput(),
  note: vine.string().trim().maxLength(500).optional(),
})

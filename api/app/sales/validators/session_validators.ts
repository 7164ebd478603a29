import vine from '@vinejs/vine'
import { moneyInput } from '#core/money_input'

const id = () => vine.number().withoutDecimals().min(1).max(2_147_483_647)

export const registerIdParams = vine.create({ id: id() })
export const sessionIdParams = vine.create({ id: id() })

export const openSessionBody = vine.create({
  fond_de_caisse: moneyInput(),
  note: vine.string().trim().maxLength(500).optional(),
})

export const closeSessionBody = vine.create({
  especes_comptees: moneyInput(),
  note: vine.string().trim().maxLength(500).optional(),
})

import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** Ticket counts and amounts of one register on one business day. */
export default class DailyRegisterRollup extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column.date()
  declare day: DateTime

  @column()
  declare registerId: number

  @column()
  declare storeId: number

  @column()
  declare salesCount: number

  @column()
  declare subtotalCents: number

  @column()
  declare taxCents: number

  @column()
  declare totalCents: number

  @column()
  declare returnsCount: number

  @column()
  declare refundedSubtotalCents: number

  @column()
  declare refundedTotalCents: number
}

import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A cash drawer session: opened with a float, closed with a cash count. */
export default class RegisterSession extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare registerId: number

  @column()
  declare openedBy: number

  @column.dateTime()
  declare openedAt: DateTime

  @column()
  declare openingFloatCents: number

  @column()
  declare closedBy: number | null

  @column.dateTime()
  declare closedAt: DateTime | null

  @column()
  declare countedCashCents: number | null

  @column()
  declare expectedCashCents: number | null

  @column()
  declare note: string | null
}

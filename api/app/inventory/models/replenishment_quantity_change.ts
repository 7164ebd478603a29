import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** One change of a pending request's quantity (migration 0022): the request's history shows it. */
export default class ReplenishmentQuantityChange extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare replenishmentRequestId: number

  @column()
  declare previousQuantity: number

  @column()
  declare newQuantity: number

  /** Null for an integration token. */
  @column()
  declare changedBy: number | null

  @column.dateTime()
  declare changedAt: DateTime
}

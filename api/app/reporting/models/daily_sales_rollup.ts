import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** Sales of one product in one store on one business day. */
export default class DailySalesRollup extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column.date()
  declare day: DateTime

  @column()
  declare storeId: number

  @column()
  declare productId: number

  @column()
  declare quantitySold: number

  @column()
  declare revenueCents: number

  @column()
  declare saleCount: number

  @column()
  declare quantityReturned: number

  @column()
  declare refundedCents: number
}

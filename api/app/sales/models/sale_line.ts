import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class SaleLine extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare saleId: number

  @column()
  declare lineNumber: number

  @column()
  declare productId: number

  @column()
  declare quantity: number

  /** Price at the time of sale; later price changes never rewrite history. */
  @column()
  declare unitPriceCents: number

  @column()
  declare lineTotalCents: number

  @column()
  declare returnedQuantity: number
}

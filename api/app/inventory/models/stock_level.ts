import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Product from '#catalog/models/product'
import StockLocation from '#inventory/models/stock_location'

/**
 * On-hand quantity of one product at one location. Changed only together
 * with a StockMovement row, so the ledger always sums to this quantity.
 */
export default class StockLevel extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare locationId: number

  @column()
  declare productId: number

  @column()
  declare quantity: number

  @column()
  declare reorderPoint: number

  @belongsTo(() => Product)
  declare product: BelongsTo<typeof Product>

  @belongsTo(() => StockLocation, { foreignKey: 'locationId' })
  declare location: BelongsTo<typeof StockLocation>

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}

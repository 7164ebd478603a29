import { BaseModel, column } from '@adonisjs/lucid/orm'

export type LocationKind = 'store' | 'warehouse'

/** Where stock lives: each store, and the one central warehouse. */
export default class StockLocation extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare kind: LocationKind

  @column()
  declare storeId: number | null

  @column()
  declare name: string
}

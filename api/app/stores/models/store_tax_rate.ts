import { BaseModel, column } from '@adonisjs/lucid/orm'

/** A sales tax a store collects; rates are data so a province change is an UPDATE. */
export default class StoreTaxRate extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare storeId: number

  @column()
  declare code: string

  @column()
  declare label: string

  /** Parts per million: 5 % = 50000. */
  @column()
  declare ratePpm: number

  @column()
  declare registrationNumber: string | null

  @column()
  declare position: number
}

import { BaseModel, column } from '@adonisjs/lucid/orm'

export default class ReturnLine extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare returnId: number

  @column()
  declare saleLineId: number

  @column()
  declare quantity: number

  @column()
  declare subtotalCents: number
}

import { BaseModel, column } from '@adonisjs/lucid/orm'

/** One tax as charged on one sale, with the rate and registration in force then. */
export default class SaleTax extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare saleId: number

  @column()
  declare code: string

  @column()
  declare label: string

  @column()
  declare ratePpm: number

  @column()
  declare registrationNumber: string | null

  @column()
  declare baseCents: number

  @column()
  declare amountCents: number
}

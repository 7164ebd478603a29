import { BaseModel, column } from '@adonisjs/lucid/orm'

export const PAYMENT_METHODS = ['cash', 'card', 'other'] as const
export type PaymentMethod = (typeof PAYMENT_METHODS)[number]

export default class Payment extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare saleId: number

  @column()
  declare method: PaymentMethod

  @column()
  declare amountCents: number

  @column()
  declare reference: string | null
}

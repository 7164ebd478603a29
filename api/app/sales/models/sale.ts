import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import SaleLine from '#sales/models/sale_line'
import SaleTax from '#sales/models/sale_tax'
import Payment from '#sales/models/payment'

export type SaleStatus = 'completed' | 'partially_returned' | 'returned'

export default class Sale extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare receiptNumber: string

  @column()
  declare storeId: number

  @column()
  declare registerId: number

  @column()
  declare registerSessionId: number | null

  @column()
  declare clerkId: number | null

  @column()
  declare status: SaleStatus

  @column()
  declare subtotalCents: number

  @column()
  declare taxCents: number

  @column()
  declare totalCents: number

  @column()
  declare paidCents: number

  @column()
  declare changeCents: number

  @column()
  declare refundedCents: number

  @column()
  declare idempotencyKey: string | null

  /** Whose key it is (`user:<id>`, `token:<id>`): keys are unique per caller. */
  @column()
  declare idempotencyScope: string | null

  @column({ serializeAs: null })
  declare requestFingerprint: string | null

  @hasMany(() => SaleLine)
  declare lines: HasMany<typeof SaleLine>

  @hasMany(() => SaleTax)
  declare taxes: HasMany<typeof SaleTax>

  @hasMany(() => Payment)
  declare payments: HasMany<typeof Payment>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}

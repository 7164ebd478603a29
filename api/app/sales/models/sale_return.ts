import { DateTime } from 'luxon'
import { BaseModel, column, hasMany } from '@adonisjs/lucid/orm'
import type { HasMany } from '@adonisjs/lucid/types/relations'
import ReturnLine from '#sales/models/return_line'

/** Goods brought back against a sale; the sale itself is never deleted. */
export default class SaleReturn extends BaseModel {
  static table = 'returns'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare saleId: number

  @column()
  declare userId: number | null

  @column()
  declare registerSessionId: number | null

  @column()
  declare reason: string

  /** One tender, or 'mixed' when the refund was split (its parts: return_refunds). */
  @column()
  declare refundMethod: 'cash' | 'card' | 'other' | 'original' | 'mixed'

  @column()
  declare subtotalCents: number

  @column()
  declare taxCents: number

  @column()
  declare totalCents: number

  @column()
  declare idempotencyKey: string | null

  /** Whose key it is (`user:<id>`, `token:<id>`): keys are unique per caller. */
  @column()
  declare idempotencyScope: string | null

  /** The register the goods came back at (a cash refund left its drawer). */
  @column()
  declare registerId: number

  /** false: the goods came back damaged, refunded but not put back in the store's stock. */
  @column()
  declare restocked: boolean

  @hasMany(() => ReturnLine, { foreignKey: 'returnId' })
  declare lines: HasMany<typeof ReturnLine>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}

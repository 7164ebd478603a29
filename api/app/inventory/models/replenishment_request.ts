import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Product from '#catalog/models/product'
import Store from '#stores/models/store'

export const REPLENISHMENT_STATUSES = [
  'pending',
  'approved',
  'shipped',
  'received',
  'rejected',
  'cancelled',
] as const
export type ReplenishmentStatus = (typeof REPLENISHMENT_STATUSES)[number]

/** A store's request for goods from the central warehouse. */
export default class ReplenishmentRequest extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare storeId: number

  @column()
  declare productId: number

  @column()
  declare quantity: number

  @column()
  declare note: string | null

  @column()
  declare status: ReplenishmentStatus

  @column()
  declare requestedBy: number | null

  @column.dateTime()
  declare requestedAt: DateTime

  @column()
  declare approvedBy: number | null

  @column.dateTime()
  declare approvedAt: DateTime | null

  @column()
  declare shippedBy: number | null

  @column.dateTime()
  declare shippedAt: DateTime | null

  @column()
  declare receivedBy: number | null

  @column.dateTime()
  declare receivedAt: DateTime | null

  @column()
  declare rejectedBy: number | null

  @column.dateTime()
  declare rejectedAt: DateTime | null

  @column()
  declare rejectionReason: string | null

  @column()
  declare cancelledBy: number | null

  @column.dateTime()
  declare cancelledAt: DateTime | null

  /** Idempotency-Key of the POST that created it, whose key it is (`user:<id>`, `token:<id>`), and the fingerprint of that body. */
  @column()
  declare idempotencyKey: string | null

  @column()
  declare idempotencyScope: string | null

  @column()
  declare requestFingerprint: string | null

  @belongsTo(() => Store)
  declare store: BelongsTo<typeof Store>

  @belongsTo(() => Product)
  declare product: BelongsTo<typeof Product>

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}

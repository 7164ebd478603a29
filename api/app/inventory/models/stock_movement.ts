import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export const MOVEMENT_KINDS = [
  'sale',
  'return',
  'replenishment_out',
  'replenishment_in',
  'adjustment',
  'receipt',
] as const
export type MovementKind = (typeof MOVEMENT_KINDS)[number]

/** One line of the append-only stock ledger (a trigger refuses UPDATE and DELETE). */
export default class StockMovement extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare locationId: number

  @column()
  declare productId: number

  @column()
  declare quantityDelta: number

  @column()
  declare balanceAfter: number

  @column()
  declare kind: MovementKind

  @column()
  declare referenceType: string | null

  @column()
  declare referenceId: number | null

  @column()
  declare reason: string | null

  @column()
  declare userId: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime
}

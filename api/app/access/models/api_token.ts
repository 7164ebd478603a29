import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import User from '#access/models/user'

export const SCOPES = ['read', 'write', 'reports', 'admin'] as const
export type Scope = (typeof SCOPES)[number]

/**
 * An integration token (for integrators) or a session token (issued at
 * login to a user). Only the SHA-256 of the secret is stored.
 */
export default class ApiToken extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare name: string

  @column({ serializeAs: null })
  declare tokenHash: string

  @column()
  declare tokenPrefix: string

  @column()
  declare scopes: Scope[]

  @column()
  declare kind: 'integration' | 'session'

  @column()
  declare userId: number | null

  @belongsTo(() => User)
  declare user: BelongsTo<typeof User>

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime()
  declare lastUsedAt: DateTime | null

  @column.dateTime()
  declare expiresAt: DateTime | null

  @column.dateTime()
  declare revokedAt: DateTime | null
}

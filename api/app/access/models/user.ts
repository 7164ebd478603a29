import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export const ROLES = ['clerk', 'manager', 'admin'] as const
export type Role = (typeof ROLES)[number]

export default class User extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare username: string

  @column()
  declare email: string

  @column()
  declare fullName: string

  @column({ serializeAs: null })
  declare password: string

  @column()
  declare role: Role

  /** Set for clerks only: the one store they work in. */
  @column()
  declare storeId: number | null

  @column()
  declare isActive: boolean

  /** An administrator set the password: the user must choose their own before anything else. */
  @column()
  declare mustChangePassword: boolean

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime
}
